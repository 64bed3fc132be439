import { APPROVAL_NOTIFY_REASONS as R, type ApprovalNotifyReason } from '@luoshi/domain/workflow';
import type { NotificationEvent } from '@luoshi/server/notifications';

/** The notification matrix's row of each approval notice. */
export const APPROVAL_NOTICE_EVENTS: Record<ApprovalNotifyReason, NotificationEvent> = {
  [R.pending]: 'approval_pending',
  [R.transferred]: 'approval_pending',
  [R.signerAdded]: 'approval_pending',
  [R.reminder]: 'approval_pending',
  [R.escalated]: 'approval_pending',
  [R.approved]: 'request_decided',
  [R.rejected]: 'request_decided',
  [R.returned]: 'request_decided',
  [R.withdrawn]: 'approval_activity',
  [R.comment]: 'approval_activity',
  [R.cc]: 'approval_activity',
};

/** Each notice's title tag (【待审批】…) and the lead sentence after the subject's title. */
const WORDING: Record<ApprovalNotifyReason, { tag: string; lead: string }> = {
  [R.pending]: { tag: '待审批', lead: '请您审批' },
  [R.approved]: { tag: '审批通过', lead: '已审批通过' },
  [R.rejected]: { tag: '审批未通过', lead: '审批未通过' },
  [R.returned]: { tag: '审批退回', lead: '已被退回，请按意见修改后重新提交' },
  [R.transferred]: { tag: '转交审批', lead: '已转交给您审批' },
  [R.signerAdded]: { tag: '加签审批', lead: '已加签，请您审批' },
  [R.withdrawn]: { tag: '审批已撤回', lead: '已由起草人撤回，无需再审批' },
  [R.comment]: { tag: '审批评论', lead: '有新的评论' },
  [R.reminder]: { tag: '审批超时提醒', lead: '审批已超过时限，请尽快处理' },
  [R.escalated]: { tag: '审批超时升级', lead: '审批超时，已升级由您决定' },
  [R.cc]: { tag: '审批抄送', lead: '审批已结束，抄送您知悉' },
};

/** The in-app (and e-mail, webhook) text of an approval notification. */
export function approvalNotice(
  reason: ApprovalNotifyReason,
  input: { title: string; actorName: string | null; comment?: string | null },
): { title: string; body: string } {
  const { tag, lead } = WORDING[reason];
  const lines = [`「${input.title}」${lead}。`];
  if (input.comment) lines.push(`${input.actorName ?? '系统'}的意见：${input.comment}`);
  else if (input.actorName && reason !== R.reminder && reason !== R.escalated) lines.push(`操作人：${input.actorName}`);
  return { title: `【${tag}】${input.title}`.slice(0, 200), body: lines.join('\n') };
}
