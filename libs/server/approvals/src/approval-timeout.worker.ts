import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, QueueFactory, runsWorkers } from '@luoshi/server/platform';
import { ApprovalService } from './approval.service';
import { APPROVALS_QUEUE, approvalTimeoutJobId, type ApprovalJobs } from './approval-queue';

/** How far ahead the reconciler re-enqueues step deadlines that Redis may have lost. */
const RECONCILE_LOOKAHEAD_SECONDS = 600;

/**
 * Step timeouts. Each open instance keeps its current step's next deadline in step_deadline (the
 * database decides); a delayed 'approval-timeout' job per deadline keeps time. The handler re-reads
 * the row and applies the engine's `timeout` (remind, then escalate) only if the deadline is still
 * due, so a stale or duplicated job does nothing. A reconciler re-enqueues deadlines Redis lost.
 */
@Injectable()
export class ApprovalTimeoutWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApprovalTimeoutWorker.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    private readonly approvals: ApprovalService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsWorkers(this.config)) return;
    this.queues.startReconciledWorker(APPROVALS_QUEUE, (job: Job) => this.handle(job), { jobName: 'reconcile-approval-timeouts', run: () => this.handleReconcile() });
  }

  async handle(job: Job): Promise<string> {
    if (job.name === 'approval-timeout') return this.handleApprovalTimeout((job.data as ApprovalJobs['approval-timeout']).instanceId);
    if (job.name === 'reconcile-approval-timeouts') return `re-enqueued ${await this.handleReconcile()}`;
    return 'unknown job';
  }

  handleApprovalTimeout(instanceId: string): Promise<string> {
    return this.approvals.handleTimeout(instanceId);
  }

  /** Re-enqueues every open instance whose step deadline is due soon (same job id: no duplicates). */
  async handleReconcile(now = Date.now()): Promise<number> {
    const due: { id: string; stepDeadline: Date }[] = await this.dataSource.query(
      `SELECT id, step_deadline AS "stepDeadline" FROM approval_instance
        WHERE status = 'in_progress' AND step_deadline <= now() + make_interval(secs => $1)
        ORDER BY step_deadline LIMIT 10000`,
      [RECONCILE_LOOKAHEAD_SECONDS],
    );
    await this.queues.addBulkSafely(
      APPROVALS_QUEUE,
      due.map((r) => {
        const fireAt = new Date(r.stepDeadline);
        return {
          name: 'approval-timeout',
          data: { instanceId: r.id } satisfies ApprovalJobs['approval-timeout'],
          opts: { jobId: approvalTimeoutJobId(r.id, fireAt), delay: Math.max(0, fireAt.getTime() - now), removeOnComplete: true, removeOnFail: true },
        };
      }),
      10_000,
    );
    return due.length;
  }
}
