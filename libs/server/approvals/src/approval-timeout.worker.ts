import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler, QueueFactory } from '@luoshi/server/platform';
import { ApprovalService } from './approval.service';
import { APPROVALS_QUEUE, type ApprovalJobs, approvalTimeoutJob } from './approval-queue';

/** How far ahead the reconciler re-enqueues step deadlines that Redis may have lost. */
const RECONCILE_LOOKAHEAD_SECONDS = 600;

/**
 * Step timeouts. Each open instance keeps its current step's next deadline in step_deadline (the
 * database decides); a delayed 'approval-timeout' job per deadline keeps time. The handler re-reads
 * the row and applies the engine's `timeout` (remind, then escalate) only if the deadline is still
 * due, so a stale or duplicated job does nothing. A reconciler re-enqueues deadlines Redis lost.
 */
@Injectable()
export class ApprovalTimeoutWorker {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    private readonly approvals: ApprovalService,
  ) {}

  @JobHandler(APPROVALS_QUEUE, 'approval-timeout')
  handleApprovalTimeout({ instanceId }: ApprovalJobs['approval-timeout']): Promise<string> {
    return this.approvals.handleTimeout(instanceId);
  }

  /** Re-enqueues every open instance whose step deadline is due soon (same job id: no duplicates). */
  @JobHandler(APPROVALS_QUEUE, 'reconcile-approval-timeouts', { schedule: 'reconcile' })
  async handleReconcile(): Promise<number> {
    const now = Date.now();
    const due: { id: string; stepDeadline: Date }[] = await this.dataSource.query(
      `SELECT id, step_deadline AS "stepDeadline" FROM approval_instance
        WHERE status = 'in_progress' AND step_deadline <= now() + make_interval(secs => $1)
        ORDER BY step_deadline LIMIT 10000`,
      [RECONCILE_LOOKAHEAD_SECONDS],
    );
    await this.queues.enqueue(
      APPROVALS_QUEUE,
      'approval-timeout',
      due.map((r) => approvalTimeoutJob(r.id, new Date(r.stepDeadline), now)),
      10_000,
    );
    return due.length;
  }
}
