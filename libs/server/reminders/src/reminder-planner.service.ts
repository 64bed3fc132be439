import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { computeReminderSchedule, type PlannedReminder } from '@luoshi/domain/reminder-schedule';
import { CalendarService } from '@luoshi/server/calendar';
import { QueueFactory } from '@luoshi/server/platform';
import { REMINDERS_QUEUE, reminderJobId, type ReminderJobs } from './reminder-queue';
import { ReminderRulesService } from './reminder-rules.service';

/** What a transaction changed, to apply to the queue once it has committed. */
export interface ReminderChanges {
  scheduled: { id: string; fireAt: Date }[];
  cancelled: string[];
}

export const NO_REMINDER_CHANGES: ReminderChanges = { scheduled: [], cancelled: [] };

const ACTIVE_TASK_STATES = new Set(['assigned', 'accepted', 'in_progress']);

interface TaskDeadlineRow {
  id: string;
  plan_id: string | null;
  title: string;
  status: string;
  due_date: string | null;
}

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
  ) {}

  async replanTask(m: EntityManager, taskId: string, now = new Date()): Promise<ReminderChanges> {
    const [task] = (await m.query(`SELECT id, plan_id, title, status, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM task WHERE id = $1`, [taskId])) as TaskDeadlineRow[];
    const wanted: PlannedReminder[] =
      task && task.due_date && ACTIVE_TASK_STATES.has(task.status)
        ? computeReminderSchedule({
            deadline: task.due_date,
            rule: await this.rules.ruleForTask(m, task.id, task.plan_id),
            calendar: await this.calendar.calendar(),
            now,
          })
        : [];
    return this.replace(m, { subjectType: 'task', subjectId: taskId, deadline: task?.due_date ?? null, title: task?.title ?? '', wanted });
  }

  private async replace(
    m: EntityManager,
    input: { subjectType: string; subjectId: string; deadline: string | null; title: string; wanted: PlannedReminder[] },
  ): Promise<ReminderChanges> {
    const live: { id: string; deadline: string; key: string; fire_at: Date }[] = await m.query(
      `SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline, key, fire_at FROM reminder
        WHERE subject_type = $1 AND subject_id = $2 AND status = 'scheduled' FOR UPDATE`,
      [input.subjectType, input.subjectId],
    );
    const sameAs = (row: (typeof live)[number], r: PlannedReminder) =>
      row.deadline === input.deadline && row.key === r.key && new Date(row.fire_at).getTime() === r.fireAt.getTime();
    const cancelled = live.filter((row) => !input.wanted.some((r) => sameAs(row, r))).map((row) => row.id);
    if (cancelled.length) {
      await m.query(`UPDATE reminder SET status = 'cancelled', cancelled_at = now() WHERE id = ANY($1::uuid[])`, [cancelled]);
    }
    const missing = input.wanted.filter((r) => !live.some((row) => sameAs(row, r)));
    if (missing.length === 0) return { scheduled: [], cancelled };
    // One INSERT for all of them. A conflict means that reminder was already sent for this deadline: never twice.
    const inserted: { id: string; fire_at: Date }[] = await m.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       SELECT $1, $2, $3, x.key, x.fire_at, x.level, x.recipients, $4
         FROM jsonb_to_recordset($5::jsonb) AS x(key text, fire_at timestamptz, level text, recipients text[])
       ON CONFLICT (subject_type, subject_id, deadline, key) WHERE status <> 'cancelled' DO NOTHING
       RETURNING id, fire_at`,
      [
        input.subjectType,
        input.subjectId,
        input.deadline,
        input.title,
        JSON.stringify(missing.map((r) => ({ key: r.key, fire_at: r.fireAt.toISOString(), level: r.level, recipients: r.recipients }))),
      ],
    );
    const scheduled = inserted.map((row) => ({ id: row.id, fireAt: new Date(row.fire_at) }));
    return { scheduled, cancelled };
  }

  /** After commit: delayed jobs for new rows (jobId = row id), removal of cancelled ones. */
  async applyToQueue(changes: ReminderChanges, now = Date.now()): Promise<void> {
    await this.queues.removeSafely(REMINDERS_QUEUE, changes.cancelled.map(reminderJobId));
    await this.queues.addBulkSafely(
      REMINDERS_QUEUE,
      changes.scheduled.map((r) => ({
        name: 'deliver-reminder',
        data: { reminderId: r.id } satisfies ReminderJobs['deliver-reminder'],
        opts: { jobId: reminderJobId(r.id), delay: Math.max(0, r.fireAt.getTime() - now), removeOnComplete: true, removeOnFail: true },
      })),
    );
  }
}
