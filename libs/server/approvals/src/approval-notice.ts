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

const TITLES: Record<ApprovalNotifyReason, string> = {
  [R.pending]: '待审批',
  [R.approved]: '审批通过',
  [R.rejected]: '审批未通过',
  [R.returned]: '审批退回',
  [R.transferred]: '转交审批',
  [R.signerAdded]: '加签审批',
  [R.withdrawn]: '审批已撤回',
  [R.comment]: '审批评论',
  [R.reminder]: '审批超时提醒',
  [R.escalated]: '审批超时升级',
  [R.cc]: '审批抄送',
};

const LEADS: Record<ApprovalNotifyReason, string> = {
  [R.pending]: '请您审批',
  [R.approved]: '已审批通过',
  [R.rejected]: '审批未通过',
  [R.returned]: '已被退回，请按意见修改后重新提交',
  [R.transferred]: '已转交给您审批',
  [R.signerAdded]: '已加签，请您审批',
  [R.withdrawn]: '已由起草人撤回，无需再审批',
  [R.comment]: '有新的评论',
  [R.reminder]: '审批已超过时限，请尽快处理',
  [R.escalated]: '审批超时，已升级由您决定',
  [R.cc]: '审批已结束，抄送您知悉',
};

/** The in-app (and e-mail, webhook) text of an approval notification. */
export function approvalNotice(
  reason: ApprovalNotifyReason,
  input: { title: string; actorName: string | null; comment?: string | null },
): { title: string; body: string } {
  const lines = [`「${input.title}」${LEADS[reason]}。`];
  if (input.comment) lines.push(`${input.actorName ?? '系统'}的意见：${input.comment}`);
  else if (input.actorName && reason !== R.reminder && reason !== R.escalated) lines.push(`操作人：${input.actorName}`);
  return { title: `【${TITLES[reason]}】${input.title}`.slice(0, 200), body: lines.join('\n') };
}
