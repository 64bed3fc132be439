import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '@luoshi/server/calendar';
import { JobHandler } from '@luoshi/server/platform';
import { type HealthContext, healthContext, HEALTH_PROGRESS_MARGIN_PERCENT } from './task-health';

/** Pending deltas are folded into task_rollup at most this often (reads add them up meanwhile). */
const COMPACT_EVERY_MS = 5_000;
/** A deadlock with a task write (the refresh recolours rows) is retried this many times. */
const REFRESH_ATTEMPTS = 3;

/**
 * Task counts by (plan, measure, lead, co-departments, status, health), kept by triggers
 * (migration AddTaskHealthRollup): dashboards read a few thousand rows instead of every task.
 * The stored colours are true for the clock day; `prepare` moves the clock to the caller's day
 * first (once a day per process, and whenever the working-day calendar moves the amber window).
 * Worker processes do it every minute in the background (and fold the deltas), so the first
 * dashboard of a day does not wait for the recolouring (140 tasks changed colour a day in the 100k bench).
 */
@Injectable()
export class TaskHealthRollup {
  /** `today|amberBefore` this process last moved the clock to. */
  private clockKey: string | null = null;
  private compactedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  /** Where workers run, every RECONCILE_EVERY_SECONDS (a job scheduler, and a timer should Redis be down). */
  @JobHandler('tasks', 'move-health-clock', { schedule: 'reconcile' })
  async moveClockToToday(): Promise<void> {
    await this.prepare(healthContext(await this.calendar.calendar(), this.calendar.today()));
  }

  /**
   * Rows (plan_id, measure_node_id, lead_department_id, co_department_ids, status, health, n) of
   * the rollup and its pending deltas; sum n over any grouping for the counts.
   */
  static readonly ROWS = `(SELECT plan_id, measure_node_id, lead_department_id, co_department_ids, status, health, n FROM task_rollup
                           UNION ALL
                           SELECT plan_id, measure_node_id, lead_department_id, co_department_ids, status, health, n FROM task_rollup_delta)`;

  /**
   * Rows (plan_id, lead_department_id, co_department_ids, completed_on, n): completed tasks by their
   * Beijing day of completion (last completion event, else last change), with pending deltas.
   */
  static readonly COMPLETIONS = `(SELECT plan_id, lead_department_id, co_department_ids, completed_on, n FROM task_completion_rollup
                                  UNION ALL
                                  SELECT plan_id, lead_department_id, co_department_ids, completed_on, n FROM task_completion_rollup_delta)`;

  async prepare(ctx: Pick<HealthContext, 'today' | 'amberBefore'>): Promise<void> {
    const key = `${ctx.today}|${ctx.amberBefore}`;
    if (this.clockKey !== key) {
      await this.refresh(ctx);
      this.clockKey = key;
    }
    if (Date.now() - this.compactedAt >= COMPACT_EVERY_MS) {
      this.compactedAt = Date.now();
      await this.dataSource.query(`SELECT luoshi_task_rollup_compact()`);
    }
  }

  /** Recolours the tasks the new day (or calendar) changes; returns how many changed colour. */
  async refresh(ctx: Pick<HealthContext, 'today' | 'amberBefore'>): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [{ n }] = await this.dataSource.query(`SELECT luoshi_task_health_refresh($1::date, $2::date, $3::float8) AS n`, [
          ctx.today,
          ctx.amberBefore,
          HEALTH_PROGRESS_MARGIN_PERCENT,
        ]);
        return Number(n);
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= REFRESH_ATTEMPTS) throw error;
      }
    }
  }
}
