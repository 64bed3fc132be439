import { type ApprovalInstanceStatus, type ApprovalSubjectType, type ApproverRuleBody, type ReportStatus, type Role, ROLES } from '@luoshi/contracts';
import type { I18nService, TranslationKey } from '@luoshi/web/core';

/** nz-tag colours of a report's (or request's, or special action plan's) status. */
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  in_approval: 'processing',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
};

export const APPROVAL_STATUS_COLORS: Record<ApprovalInstanceStatus, string> = {
  in_progress: 'processing',
  approved: 'success',
  rejected: 'error',
  returned_to_drafter: 'warning',
  withdrawn: 'default',
};

// Typed label maps: a value added to a union in contracts fails the type check until it has a text.
export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, TranslationKey>> = {
  draft: 'reportStatus.draft',
  submitted: 'reportStatus.submitted',
  in_approval: 'reportStatus.in_approval',
  approved: 'reportStatus.approved',
  returned: 'reportStatus.returned',
  rejected: 'reportStatus.rejected',
};

export const APPROVAL_STATUS_LABELS: Readonly<Record<ApprovalInstanceStatus, TranslationKey>> = {
  in_progress: 'approvalStatus.in_progress',
  approved: 'approvalStatus.approved',
  rejected: 'approvalStatus.rejected',
  returned_to_drafter: 'approvalStatus.returned_to_drafter',
  withdrawn: 'approvalStatus.withdrawn',
};

export const APPROVAL_SUBJECT_LABELS: Readonly<Record<ApprovalSubjectType, TranslationKey>> = {
  progress_report: 'approvalSubjects.progress_report',
  extension_request: 'approvalSubjects.extension_request',
  completion_request: 'approvalSubjects.completion_request',
  change_request: 'approvalSubjects.change_request',
  special_action_plan: 'approvalSubjects.special_action_plan',
};

/** A request or plan waiting in approval (a new one of the same kind is refused meanwhile). */
export const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'in_approval'];

/** 1.2 MB, 340 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** An approver rule in words: 牵头部门负责人, 办公室审核员, 指定人员（2 人）… */
export function describeRule(rule: ApproverRuleBody, i18n: I18nService): string {
  switch (rule.kind) {
    case 'role': {
      const role = (ROLES as readonly string[]).includes(rule.role) ? i18n.roleLabel(rule.role as Role) : rule.role;
      return rule.scope === 'subject_lead_department' ? i18n.t('approvalTemplates.ruleRoleLead', { role }) : i18n.t('approvalTemplates.ruleRole', { role });
    }
    case 'lead_department_head':
      return i18n.t('approvalTemplates.ruleLeadHead');
    case 'office':
      return i18n.t('approvalTemplates.ruleOffice');
    case 'co_departments':
      return i18n.t('approvalTemplates.ruleCo');
    case 'users':
      return i18n.t('approvalTemplates.ruleUsers', { n: rule.userIds.length });
    case 'drafting_department_head':
      return i18n.t('approvalTemplates.ruleDraftingHead');
  }
}

/** Today's date in Beijing (YYYY-MM-DD), the calendar every deadline is kept in. */
export function beijingToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' as local midnight, for a date picker. */
export function localDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}
