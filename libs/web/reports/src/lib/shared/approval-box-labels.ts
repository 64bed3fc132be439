import type { ApprovalInboxBox } from '@luoshi/contracts';
import type { TranslationKey } from '@luoshi/web/core';

/** The approval inbox's boxes by name: a typed map, so every box has a text and no text is left over. */
export const APPROVAL_BOX_LABELS: Readonly<Record<ApprovalInboxBox, TranslationKey>> = {
  todo: 'approvals.todo',
  done: 'approvals.done',
  cc: 'approvals.cc',
};
