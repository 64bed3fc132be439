import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { dateOfInstant } from '@luoshi/domain/workflow';
import { CalendarService } from '@luoshi/server/calendar';
import { JobHandler, type QueueJobs, type QueueName } from '@luoshi/server/platform';
import { type ReportingTaskRow, TaskReader } from '@luoshi/server/tasks';
import { lockDateOf, periodsToDraft } from './report-periods';

export const REPORTS_QUEUE = 'reports' satisfies QueueName;

/** The reports queue's jobs (the platform's job catalogue): job name → payload. */
export type ReportJobs = QueueJobs<typeof REPORTS_QUEUE>;

/**
 * One draft report per reporting period of each reporting task, from its start (or acceptance) to
 * one period ahead. Created lazily when a task's reports are read, and daily for every task by a
 * BullMQ job scheduler (01:00 Beijing). Idempotent: UNIQUE (task_id, period_key) + ON CONFLICT.
 */
@Injectable()
export class ReportDraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly tasks: TaskReader,
  ) {}

  /** Every reporting task; returns how many drafts were created. */
  @JobHandler(REPORTS_QUEUE, 'ensure-report-drafts', { schedule: { pattern: '0 1 * * *', tz: 'Asia/Shanghai' } })
  async handleEnsureReportDrafts(): Promise<number> {
    const tasks = await this.tasks.reportingTasks(this.dataSource);
    let created = 0;
    for (let i = 0; i < tasks.length; i += 500) {
      created += await this.dataSource.transaction((m) => this.insertDrafts(m, tasks.slice(i, i + 500)));
    }
    return created;
  }

  /** The lazy path: this task's drafts, before its reports are listed. */
  async ensureForTask(taskId: string): Promise<number> {
    const tasks = await this.tasks.reportingTasks(this.dataSource, taskId);
    return tasks.length ? this.insertDrafts(this.dataSource.manager, tasks) : 0;
  }

  private async insertDrafts(m: EntityManager, tasks: ReportingTaskRow[]): Promise<number> {
    const calendar = await this.calendar.calendar();
    const today = this.calendar.today();
    const cols: Record<'task' | 'key' | 'label' | 'start' | 'end' | 'due' | 'locks', string[]> = { task: [], key: [], label: [], start: [], end: [], due: [], locks: [] };
    for (const t of tasks) {
      const from = t.startDate ?? (t.acceptedAt ? dateOfInstant(new Date(t.acceptedAt).toISOString()) : null);
      for (const p of periodsToDraft({ reportingCycle: t.reportingCycle, from, dueDate: t.dueDate }, today, calendar)) {
        cols.task.push(t.id);
        cols.key.push(p.key);
        cols.label.push(p.label);
        cols.start.push(p.start);
        cols.end.push(p.end);
        cols.due.push(p.dueDate);
        cols.locks.push(lockDateOf(p.dueDate, calendar));
      }
    }
    if (cols.task.length === 0) return 0;
    const rows = await m.query(
      `INSERT INTO progress_report (task_id, period_key, period_label, period_start, period_end, due_date, locks_on)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::date[], $6::date[], $7::date[])
       ON CONFLICT (task_id, period_key) DO NOTHING
       RETURNING id`,
      [cols.task, cols.key, cols.label, cols.start, cols.end, cols.due, cols.locks],
    );
    return rows.length;
  }
}
