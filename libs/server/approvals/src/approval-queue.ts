import type { JobRequest, QueueJobs, QueueName } from '@luoshi/server/platform';

export const APPROVALS_QUEUE = 'approvals' satisfies QueueName;

/** The approvals queue's jobs (the platform's job catalogue): job name → payload. */
export type ApprovalJobs = QueueJobs<typeof APPROVALS_QUEUE>;

/** One job per instance and deadline: re-enqueueing the same deadline never duplicates it. */
export function approvalTimeoutJobId(instanceId: string, fireAt: Date): string {
  return `approval-timeout.${instanceId}.${fireAt.getTime()}`;
}

/** The timeout job of a step deadline, as planned and as reconciled: same id, so no duplicates. */
export function approvalTimeoutJob(instanceId: string, fireAt: Date, now: number): JobRequest<typeof APPROVALS_QUEUE, 'approval-timeout'> {
  return { data: { instanceId }, jobId: approvalTimeoutJobId(instanceId, fireAt), delay: Math.max(0, fireAt.getTime() - now) };
}
