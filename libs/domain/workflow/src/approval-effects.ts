import { uniqueIds } from './approval-template';
import type { ApprovalEffect, ApprovalNotifyReason } from './approval-state';

/** One notify effect for the distinct users, or none when nobody is left to tell. */
export function notify(userIds: readonly string[], reason: ApprovalNotifyReason): ApprovalEffect[] {
  const ids = uniqueIds(userIds);
  return ids.length > 0 ? [{ type: 'notify', userIds: ids, reason }] : [];
}
