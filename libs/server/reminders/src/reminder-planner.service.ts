import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { computeReminderSchedule, type PlannedReminder } from '@luoshi/domain/reminder-schedule';
import { CalendarService } from '@luoshi/server/calendar';
import { NotificationsService } from '@luoshi/server/notifications';
import { APP_CONFIG, type AppConfig, QueueFactory } from '@luoshi/server/platform';
import { REMINDERS_QUEUE, reminderJob, reminderJobId } from './reminder-queue';
import { REMINDER_TASKS, type ReminderTasks } from './reminder-tasks';
import { ReminderRulesService } from './reminder-rules.service';

/** What a transaction changed, to apply to the queue once it has committed. */
export interface ReminderChanges {
  scheduled: { id: string; fireAt: Date }[];
  cancelled: string[];
}

export const NO_REMINDER_CHANGES: ReminderChanges = { scheduled: [], cancelled: [] };

const ACTIVE_TASK_STATES = new Set(['assigned', 'accepted', 'in_progress']);

/**
 * Plans reminder rows for a deadline in the caller's transaction (architecture §5.1): rows the
 * rule no longer implies are cancelled, missing ones inserted, unchanged ones kept.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly calendar: CalendarService,
    private readonly rules: ReminderRulesService,
    private readonly queues: QueueFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    @Inject(REMINDER_TASKS) private readonly tasks: ReminderTasks,
  ) {}

  async replanTask(m: EntityManager, taskId: string, now = new Date()): Promise<ReminderChanges> {
    return this.replanTasks(m, [taskId], now);
  }

  /**
   * Set-based for any number of tasks (a bulk assignment re-plans them all at once): one read of
   * the tasks, one of the rules, one of their live rows, one UPDATE for cancellations and one
   * INSERT for new rows.
   */
  async replanTasks(m: EntityManager, taskIds: string[], now = new Date()): Promise<ReminderChanges> {
    const ids = [...new Set(taskIds)];
    if (ids.length === 0) return { scheduled: [], cancelled: [] };
    const tasks = [...(await this.tasks.refs(m, ids)).values()];
    const rules = await this.rules.rulesForTasks(m, tasks.map((t) => ({ taskId: t.id, planId: t.planId })));
    const calendar = await this.calendar.calendar();
    const wanted = new Map<string, { deadline: string | null; title: string; reminders: PlannedReminder[] }>();
    for (const id of ids) wanted.set(id, { deadline: null, title: '', reminders: [] });
    for (const task of tasks) {
      const active = task.dueDate && ACTIVE_TASK_STATES.has(task.status);
      wanted.set(task.id, {
        deadline: task.dueDate,
        title: task.title,
        reminders: active ? computeReminderSchedule({ deadline: task.dueDate!, rule: rules.get(task.id)!, calendar, now }) : [],
      });
    }
    // Live: still to deliver, or written ahead and not yet visible (sent_at in the future).
    const live: { id: string; subject_id: string; deadline: string; key: string; fire_at: Date }[] = await m.query(
      `SELECT id, subject_id, to_char(deadline, 'YYYY-MM-DD') AS deadline, key, fire_at FROM reminder
        WHERE subject_type = 'task' AND subject_id = ANY($1::uuid[]) AND (status = 'scheduled' OR (status = 'sent' AND sent_at > now())) FOR UPDATE`,
      [ids],
    );
    const sameAs = (row: (typeof live)[number], deadline: string | null, r: PlannedReminder) =>
      row.deadline === deadline && row.key === r.key && new Date(row.fire_at).getTime() === r.fireAt.getTime();
    const cancelled = live
      .filter((row) => {
        const w = wanted.get(row.subject_id)!;
        return !w.reminders.some((r) => sameAs(row, w.deadline, r));
      })
      .map((row) => row.id);
    if (cancelled.length) {
      await m.query(`UPDATE reminder SET status = 'cancelled', cancelled_at = now() WHERE id = ANY($1::uuid[])`, [cancelled]);
      // Notices written ahead for them and not yet visible go too.
      await this.notifications.withdrawUnseen(m, cancelled);
    }
    const missing = [...wanted.entries()].flatMap(([taskId, w]) =>
      w.reminders
        .filter((r) => !live.some((row) => row.subject_id === taskId && sameAs(row, w.deadline, r)))
        .map((r) => ({ subject_id: taskId, deadline: w.deadline, title: w.title, key: r.key, fire_at: r.fireAt.toISOString(), level: r.level, recipients: r.recipients })),
    );
    if (missing.length === 0) return { scheduled: [], cancelled };
    // A conflict means that reminder was already sent for this deadline: never twice.
    const inserted: { id: string; fire_at: Date }[] = await m.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       SELECT 'task', x.subject_id, x.deadline, x.key, x.fire_at, x.level, x.recipients, x.title
         FROM jsonb_to_recordset($1::jsonb) AS x(subject_id uuid, deadline date, title text, key text, fire_at timestamptz, level text, recipients text[])
       ON CONFLICT (subject_type, subject_id, deadline, key) WHERE status <> 'cancelled' DO NOTHING
       RETURNING id, fire_at`,
      [JSON.stringify(missing)],
    );
    return { scheduled: inserted.map((row) => ({ id: row.id, fireAt: new Date(row.fire_at) })), cancelled };
  }

  /** After commit: delayed jobs for new rows (jobId = row id), removal of cancelled ones. */
  async applyToQueue(changes: ReminderChanges, now = Date.now()): Promise<void> {
    await this.queues.removeSafely(REMINDERS_QUEUE, changes.cancelled.map(reminderJobId));
    await this.queues.enqueue(
      REMINDERS_QUEUE,
      'deliver-reminder',
      changes.scheduled.map((r) => reminderJob(r.id, r.fireAt, this.config.REMINDER_WRITE_AHEAD_MS, now)),
    );
  }
}
