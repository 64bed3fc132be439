export const APPROVALS_QUEUE = 'approvals';

/** Job catalogue of the approvals queue: job name → payload (ids only; the row holds the state). */
export interface ApprovalJobs {
  'approval-timeout': { instanceId: string };
  'reconcile-approval-timeouts': Record<string, never>;
}

/** One job per instance and deadline: re-enqueueing the same deadline never duplicates it. */
export function approvalTimeoutJobId(instanceId: string, fireAt: Date): string {
  return `approval-timeout.${instanceId}.${fireAt.getTime()}`;
}
