import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserDirectory } from '@luoshi/server/identity';
import { APP_CONFIG, type AppConfig, JobHandler, QueueFactory } from '@luoshi/server/platform';
import { EMPTY_OUTCOME, type NotificationEvent, NotificationsService, type NotifyOutcome } from '@luoshi/server/notifications';
import { REMINDERS_QUEUE, reminderJob, type ReminderJobs } from './reminder-queue';
import { REMINDER_TASKS, type ReminderTasks } from './reminder-tasks';
import { resolveTaskRecipients } from './resolve-task-recipients';

const LEVEL_TITLES: Record<string, string> = {
  near_due: '临近到期提醒',
  due: '今日到期提醒',
  overdue: '逾期提醒',
  escalation: '逾期督办升级',
};

/** The notification matrix's row of each reminder level. */
const REMINDER_EVENTS: Record<string, NotificationEvent> = { near_due: 'reminder', due: 'reminder', overdue: 'overdue', escalation: 'escalation' };

interface ClaimedReminder {
  id: string;
  subject_type: string;
  subject_id: string;
  title: string;
  level: string;
  recipients: string[];
  deadline: string;
  /** The Beijing date the reminder fires on. */
  fire_day: string;
  /** When it is due (epoch ms): its notifications become visible then. */
  fire_ms: string;
}

/**
 * Title and body of a task reminder. A 'due' reminder fires on the deadline, or on the last working
 * day before it when the deadline is a holiday or weekend: then it must not say 今日到期 but name
 * the deadline and ask for the work before the break.
 */
export function taskReminderText(r: Pick<ClaimedReminder, 'level' | 'title' | 'deadline' | 'fire_day'>): { title: string; body: string } {
  if (r.level === 'due' && r.fire_day !== r.deadline) {
    return {
      title: `【到期提醒（截止日${r.deadline}为非工作日）】${r.title}`,
      body: `任务「${r.title}」完成时限：${r.deadline}（节假日或周末）。今天是截止前最后一个工作日，请及时办结并填报进展。`,
    };
  }
  return { title: `【${LEVEL_TITLES[r.level] ?? '提醒'}】${r.title}`, body: `任务「${r.title}」完成时限：${r.deadline}。请及时办理并填报进展。` };
}

/** Reminders written and committed per transaction (each becomes visible to its user at commit). */
const REMINDER_COMMIT_BATCH = 50;

/** How far ahead the reconciler re-enqueues due rows that Redis may have lost. */
const RECONCILE_LOOKAHEAD_SECONDS = 600;

/**
 * Delivers reminders exactly once: the handler claims the row with a conditional UPDATE in the
 * transaction that writes the notifications, so a job run twice (or by two workers) delivers
 * once. A reconciler re-enqueues due rows missing from Redis (a flushed or restarted Redis).
 */
@Injectable()
export class ReminderDeliveryWorker {
  private readonly logger = new Logger(ReminderDeliveryWorker.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REMINDER_TASKS) private readonly tasks: ReminderTasks,
    private readonly users: UserDirectory,
  ) {}

  /**
   * Claims this reminder and, in the same statement, other reminders already due (FOR UPDATE SKIP
   * LOCKED: workers never wait on each other, so no deadlocks), writes all their notifications
   * set-based and commits; then, while due rows remain and the job's share
   * (REMINDER_DELIVERY_BATCH) is not used up, the next small batch in its own transaction. Jobs run
   * REMINDER_WRITE_AHEAD_MS early (see reminderJobDelay) and the notifications become visible at the due time, so a burst
   * is written before it is due and shows on time. A row is claimed by exactly one transaction; the jobs
   * of rows claimed by another batch find nothing left to do.
   */
  @JobHandler(REMINDERS_QUEUE, 'deliver-reminder')
  async handleDeliverReminder({ reminderId }: ReminderJobs['deliver-reminder']): Promise<string> {
    // Most jobs of a burst find their row already delivered by an earlier batch: one cheap read, no transaction.
    const pending = await this.dataSource.query(`SELECT 1 FROM reminder WHERE id = $1 AND status = 'scheduled'`, [reminderId]);
    if (pending.length === 0) return 'skipped';
    const share = this.config.REMINDER_DELIVERY_BATCH;
    const commitBatch = Math.min(share, REMINDER_COMMIT_BATCH);
    let claimedTotal = 0;
    let delivered = 0;
    let first = true;
    // Each batch is pushed when it becomes visible, while the next ones are being written.
    const dispatches: Promise<void>[] = [];
    while (claimedTotal < share) {
      const size = Math.min(commitBatch, share - claimedTotal);
      const batch = await this.deliverBatch(first ? reminderId : null, size);
      first = false;
      if (batch.claimed === 0) break;
      claimedTotal += batch.claimed;
      delivered += batch.outcome.pushes.length;
      dispatches.push(
        // A failed push loses nothing: the notifications show anyway, the reconciler re-sends deliveries.
        this.dispatchWhenVisible(batch.outcome, batch.visibleAt).catch((error: Error) => this.logger.warn(`reminder dispatch failed: ${error.message}`)),
      );
      if (batch.claimed < size) break; // nothing more is due now
    }
    await Promise.all(dispatches);
    return claimedTotal === 0 ? 'skipped' : `delivered ${claimedTotal} reminder(s) to ${delivered}`;
  }

  /**
   * The live push and the queued deliveries of a batch, once its notifications are visible. Those a
   * cancellation removed meanwhile are left out (their deliveries went with them). Should the worker
   * die while waiting, the notifications still show on time; the reconciler sends their deliveries.
   */
  private async dispatchWhenVisible(outcome: NotifyOutcome, visibleAt: number): Promise<void> {
    const wait = visibleAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (outcome.pushes.length === 0 && outcome.deliveryIds.length === 0) return;
    await this.notifications.dispatch(await this.notifications.stillStanding(outcome));
  }

  /**
   * One transaction: claims up to `size` rows due within the write-ahead (this job's own first) and
   * writes their notifications, each visible from its reminder's due time (or now, if later).
   */
  private async deliverBatch(reminderId: string | null, size: number): Promise<{ claimed: number; outcome: NotifyOutcome; visibleAt: number }> {
    return this.dataSource.transaction(async (m) => {
      const [claimed] = (await m.query(
        `WITH batch AS (
           SELECT id FROM reminder
            WHERE status = 'scheduled' AND (id = $1 OR fire_at <= now() + make_interval(secs => $3))
            ORDER BY (id IS NOT DISTINCT FROM $1) DESC, fire_at
            LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE reminder r SET status = 'sent', sent_at = greatest(r.fire_at, now())
           FROM batch WHERE r.id = batch.id
         RETURNING r.id, r.subject_type, r.subject_id, r.title, r.level, r.recipients, to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
                   to_char(r.fire_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS fire_day,
                   floor(extract(epoch FROM greatest(r.fire_at, now())) * 1000)::bigint::text AS fire_ms`,
        [reminderId, size, this.config.REMINDER_WRITE_AHEAD_MS / 1000],
      )) as [ClaimedReminder[], number];
      if (claimed.length === 0) return { claimed: 0, outcome: EMPTY_OUTCOME, visibleAt: 0 }; // cancelled, already delivered or being delivered.
      const taskReminders = claimed.filter((r) => r.subject_type === 'task');
      const recipients = await resolveTaskRecipients(
        m,
        taskReminders.map((r) => ({ reminderId: r.id, taskId: r.subject_id, rules: r.recipients })),
        { tasks: this.tasks, users: this.users },
      );
      const outcome = await this.notifications.notifyMany(
        m,
        taskReminders.map((r) => ({
          event: REMINDER_EVENTS[r.level] ?? 'reminder',
          userIds: recipients.get(r.id) ?? [],
          kind: 'reminder',
          ...taskReminderText(r),
          link: `/tasks/${r.subject_id}`,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          reminderId: r.id,
          level: r.level,
          visibleAt: new Date(Number(r.fire_ms)),
        })),
      );
      return { claimed: claimed.length, outcome, visibleAt: Math.max(...claimed.map((r) => Number(r.fire_ms))) };
    });
  }

  /** Re-enqueues scheduled rows due soon, and pending deliveries that never got a job. */
  @JobHandler(REMINDERS_QUEUE, 'reconcile-reminders', { schedule: 'reconcile' })
  async handleReconcile(): Promise<number> {
    const now = Date.now();
    const due: { id: string; fire_at: Date }[] = await this.dataSource.query(
      `SELECT id, fire_at FROM reminder WHERE status = 'scheduled' AND fire_at <= now() + make_interval(secs => $1) ORDER BY fire_at LIMIT 20000`,
      [RECONCILE_LOOKAHEAD_SECONDS],
    );
    // Same jobId as at planning time; only the jobs Redis lost are re-created (and logged with their count).
    const recreated = await this.queues.enqueueMissing(
      REMINDERS_QUEUE,
      'deliver-reminder',
      due.map((r) => reminderJob(r.id, new Date(r.fire_at), this.config.REMINDER_WRITE_AHEAD_MS, now)),
    );
    const stuck = await this.notifications.stuckDeliveries();
    if (stuck.length > 0) this.logger.warn(`reconciler: ${stuck.length} pending deliveries without a job re-enqueued`);
    await this.notifications.enqueueDeliveries(stuck);
    return Math.max(0, recreated);
  }
}
