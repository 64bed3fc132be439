import type { ApproverRuleBody } from '@luoshi/contracts';
import { WorkflowError } from './workflow.error';

/**
 * single      — one approver decides. If a rule resolves to several people, the first decision of
 *               any of them counts (exactly like anySign); this keeps role-based steps working
 *               when e.g. two office reviewers exist.
 * countersign — 会签: every approver must approve; any reject (or return) ends it at once.
 * anySign     — 或签: the first decision of any approver counts.
 */
export type StepMode = 'single' | 'countersign' | 'anySign';
export const STEP_MODES: readonly StepMode[] = ['single', 'countersign', 'anySign'];

/** Who approves a step. Resolved to user ids by the caller (the engine never reads the directory). */
export type ApproverRule = ApproverRuleBody;

/**
 * What a step timeout does (the server's scheduler decides *when*, from timeoutWorkingDays and the
 * calendar; the engine decides *what*). A step without a policy behaves like `{ remind: true }`.
 * With `remind: false` and an escalateTo, the first timeout escalates straight away.
 */
export interface ApprovalTimeoutPolicy {
  /** The first timeout reminds the pending approvers. */
  remind: boolean;
  /** The second timeout lets these people decide the step as well (see approval-engine `timeout`). */
  escalateTo?: ApproverRule;
}

export interface ApprovalStepTemplate {
  key: string;
  name: string;
  mode: StepMode;
  approvers: ApproverRule[];
  timeoutWorkingDays?: number;
  onTimeout?: ApprovalTimeoutPolicy;
}

export interface ApprovalTemplate {
  code: string;
  name: string;
  version: number;
  steps: ApprovalStepTemplate[];
  cc?: ApproverRule[];
}

export const APPROVAL_TEMPLATE_CODES = [
  'progress_report',
  'extension_request',
  'completion_request',
  'change_request',
  'special_action_plan',
] as const;
export type SeedApprovalTemplateCode = (typeof APPROVAL_TEMPLATE_CODES)[number];

const officeReviewer: ApproverRule = { kind: 'role', role: 'office_reviewer', scope: 'any' };
const officeAdmin: ApproverRule = { kind: 'role', role: 'office_admin', scope: 'any' };
const leader: ApproverRule = { kind: 'role', role: 'leader', scope: 'any' };

/** A step that only reminds when it times out. */
const step = (key: string, name: string, mode: ApprovalStepTemplate['mode'], approvers: ApproverRule[], timeoutWorkingDays: number): ApprovalStepTemplate => ({
  key,
  name,
  mode,
  approvers,
  timeoutWorkingDays,
  onTimeout: { remind: true },
});
const leadDepartmentHead = step('dept_head', '部门负责人审核', 'single', [{ kind: 'lead_department_head' }], 2);
// Office review escalates to the office administrators.
const officeReview: ApprovalStepTemplate = { ...step('office_review', '办公室审核', 'anySign', [officeReviewer], 3), onTimeout: { remind: true, escalateTo: officeAdmin } };

/**
 * Seed templates (version 1). Timeouts are defaults the office can edit: department-level steps
 * only remind (there is nobody above a department head inside the department), office review
 * escalates to the office administrators, the leader step only reminds.
 */
export const SEED_APPROVAL_TEMPLATES: ApprovalTemplate[] = [
  {
    code: 'progress_report',
    name: '进展报告审批',
    version: 1,
    // The department liaison drafts; the head of the drafting department signs it off.
    steps: [step('dept_head', '部门负责人审核', 'single', [{ kind: 'drafting_department_head' }], 2), officeReview],
  },
  {
    code: 'extension_request',
    name: '延期申请审批',
    version: 1,
    steps: [leadDepartmentHead, officeReview, step('office_admin', '办公室管理员审定', 'anySign', [officeAdmin], 3)],
  },
  {
    code: 'completion_request',
    name: '办结申请审批',
    version: 1,
    steps: [leadDepartmentHead, officeReview],
  },
  {
    // 任务变更申请: content, departments or deadline change what the leading group assigned, so a leader decides.
    code: 'change_request',
    name: '任务变更申请审批',
    version: 1,
    steps: [leadDepartmentHead, officeReview, step('leader', '领导审批', 'anySign', [leader], 3)],
  },
  {
    code: 'special_action_plan',
    name: '专项行动方案审批',
    version: 1,
    steps: [
      step('drafting_dept_head', '牵头部门负责人审核', 'single', [{ kind: 'drafting_department_head' }], 2),
      step('co_departments', '配合部门会签', 'countersign', [{ kind: 'co_departments' }], 5),
      officeReview,
      step('leader', '领导审定', 'single', [leader], 5),
    ],
  },
];

/** A deep, independent copy (templates are plain JSON). Used for the instance snapshot. */
export function cloneApprovalTemplate(template: ApprovalTemplate): ApprovalTemplate {
  return JSON.parse(JSON.stringify(template)) as ApprovalTemplate;
}

/** A fresh copy of a seed template, so callers can never mutate the shared seed array. */
export function getSeedApprovalTemplate(code: SeedApprovalTemplateCode): ApprovalTemplate {
  const found = SEED_APPROVAL_TEMPLATES.find((t) => t.code === code);
  if (!found) {
    throw new WorkflowError('INVALID_TEMPLATE', `未找到审批模板“${code}”`, `No approval template "${code}"`, { code });
  }
  return cloneApprovalTemplate(found);
}

function invalidTemplate(template: ApprovalTemplate, zh: string, en: string): WorkflowError {
  return new WorkflowError('INVALID_TEMPLATE', `审批模板“${template.name}”无效：${zh}`, `Invalid approval template "${template.code}": ${en}`, {
    code: template.code,
  });
}

/** Structural checks the office's template editor and startApproval share. Throws INVALID_TEMPLATE/NO_STEPS. */
export function validateApprovalTemplate(template: ApprovalTemplate): void {
  if (!template.code) throw invalidTemplate(template, '缺少编码', 'missing code');
  if (!Number.isInteger(template.version) || template.version < 1) {
    throw invalidTemplate(template, '版本号必须是正整数', 'version must be a positive integer');
  }
  if (template.steps.length === 0) {
    throw new WorkflowError('NO_STEPS', `审批模板“${template.name}”没有审批步骤`, `Approval template "${template.code}" has no steps`, {
      code: template.code,
    });
  }
  const keys = new Set<string>();
  for (const step of template.steps) {
    if (!step.key) throw invalidTemplate(template, '步骤缺少编码', 'a step has no key');
    if (keys.has(step.key)) throw invalidTemplate(template, `步骤编码“${step.key}”重复`, `duplicate step key "${step.key}"`);
    keys.add(step.key);
    if (!STEP_MODES.includes(step.mode)) {
      throw invalidTemplate(template, `步骤“${step.name}”的审批方式无效`, `step "${step.key}" has an unknown mode "${String(step.mode)}"`);
    }
    if (step.approvers.length === 0) {
      throw invalidTemplate(template, `步骤“${step.name}”未配置审批人`, `step "${step.key}" has no approver rules`);
    }
    if (step.timeoutWorkingDays !== undefined && !(Number.isInteger(step.timeoutWorkingDays) && step.timeoutWorkingDays > 0)) {
      throw invalidTemplate(template, `步骤“${step.name}”的超时天数必须是正整数`, `step "${step.key}" timeoutWorkingDays must be a positive integer`);
    }
  }
}

/** Resolves one rule to user ids; supplied by the server (it knows departments, roles and the subject). */
export type ApproverResolver = (rule: ApproverRule, step: ApprovalStepTemplate) => readonly string[];

/**
 * Convenience for building startApproval's `resolvedApprovers`: every rule of every step through
 * `resolve`, concatenated in rule order, duplicates dropped (first occurrence kept).
 */
export function resolveTemplateApprovers(template: ApprovalTemplate, resolve: ApproverResolver): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const step of template.steps) {
    out[step.key] = uniqueIds(step.approvers.flatMap((rule) => [...resolve(rule, step)]));
  }
  return out;
}

/** Resolves the template's cc rules the same way. */
export function resolveTemplateCc(template: ApprovalTemplate, resolve: (rule: ApproverRule) => readonly string[]): string[] {
  return uniqueIds((template.cc ?? []).flatMap((rule) => [...resolve(rule)]));
}

export function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ids) {
    if (id && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}
