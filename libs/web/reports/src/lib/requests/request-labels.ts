import type { TaskRequestChange, TaskRequestKind } from '@luoshi/contracts';
import type { TranslationKey } from '@luoshi/web/core';

/** What each kind of request calls itself and its parts: typed, so a new kind cannot go without texts. */
export interface RequestKindTexts {
  /** 延期申请 / 办结申请 / 任务变更申请 */
  label: TranslationKey;
  /** The button that files one: 申请延期 … */
  action: TranslationKey;
  /** The reason field's label (for 办结, the summary of the work done). */
  reason: TranslationKey;
  reasonPlaceholder: TranslationKey;
  /** nz-tag colour in lists. */
  color: string;
  /** data-testid stem: request-<stem>, <stem>-reason, subject-<stem>. */
  stem: 'extension' | 'completion' | 'change';
}

export const REQUEST_KINDS: Readonly<Record<TaskRequestKind, RequestKindTexts>> = {
  extension_request: {
    label: 'taskRequests.kindExtension',
    action: 'taskRequests.extension',
    reason: 'taskRequests.reasonExtension',
    reasonPlaceholder: 'taskRequests.reasonExtensionPlaceholder',
    color: 'orange',
    stem: 'extension',
  },
  completion_request: {
    label: 'taskRequests.kindCompletion',
    action: 'taskRequests.completion',
    reason: 'taskRequests.reasonCompletion',
    reasonPlaceholder: 'taskRequests.reasonCompletionPlaceholder',
    color: 'green',
    stem: 'completion',
  },
  change_request: {
    label: 'taskRequests.kindChange',
    action: 'taskRequests.change',
    reason: 'taskRequests.reasonChange',
    reasonPlaceholder: 'taskRequests.reasonChangePlaceholder',
    color: 'cyan',
    stem: 'change',
  },
};

/** The fields a request changes, as the changes table and the change form name them. */
export const CHANGE_FIELD_LABELS: Readonly<Record<TaskRequestChange['field'], TranslationKey>> = {
  title: 'taskRequests.fieldTitle',
  body: 'taskRequests.fieldBody',
  leadDepartment: 'taskRequests.fieldLead',
  coDepartments: 'taskRequests.fieldCo',
  dueDate: 'taskRequests.fieldDue',
  status: 'taskRequests.fieldStatus',
};
