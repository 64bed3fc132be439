import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  INDICATOR_STATUS_LABELS,
  type BulletinCompletedItem,
  type BulletinOverdueDepartment,
  type BulletinResponse,
  type DashboardDepartmentRef,
} from '@luoshi/contracts';
import { lastDayOfMonth } from '@luoshi/domain/calendar';
import { DEPARTMENTS_READ_MODEL } from '@luoshi/server/identity';
import { IndicatorsService } from '@luoshi/server/indicators';
import { ReplicaReads, SqlParams } from '@luoshi/server/platform';
import { completedAtOf, type HealthContext, TASKS_READ_MODEL } from '@luoshi/server/tasks';
import { DashboardService } from './dashboard.service';
import { DashboardException } from './dashboard.exception';
import { DashboardLookups } from './dashboard-lookups';
import { EvaluationService } from './evaluation.service';
import { planTaskSetSql } from './plan-task-set';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface BulletinPeriod {
  period: string;
  year: number;
  month: number;
  start: string;
  end: string;
}

/**
 * 督查通报 for a month: progress by section, tasks completed in the month, overdue tasks by lead
 * department, indicator status and the evaluation ranking. Tasks, indicators and ranking are the
 * state of the generation day (asOf); "completed in the period" uses the completion events' dates.
 */
@Injectable()
export class BulletinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // The ranking and the bulletin are read-heavy and may be a moment behind: a read replica serves them when configured.
    private readonly reads: ReplicaReads,
    private readonly dashboards: DashboardService,
    private readonly evaluation: EvaluationService,
    private readonly indicators: IndicatorsService,
    private readonly lookups: DashboardLookups,
  ) {}

  /** YYYY-MM, not after the current month. */
  parsePeriod(period: string, today: string): BulletinPeriod {
    const match = PERIOD.exec(period);
    if (!match || period > today.slice(0, 7)) throw DashboardException.badPeriod(period);
    const year = Number(match[1]);
    const month = Number(match[2]);
    const start = `${period}-01`;
    return { period, year, month, start, end: lastDayOfMonth(year, month) };
  }

  async build(period: string, planId: string | undefined): Promise<BulletinResponse> {
    const ctx = await this.dashboards.healthContext();
    const p = this.parsePeriod(period, ctx.today);
    const plan = await this.lookups.planOrDefault(planId);
    const [summary, completedInPeriod, overdueByDepartment, indicators, ranking] = await Promise.all([
      this.dashboards.compute(plan, { kind: 'all' }, ctx, { granularity: 'month', top: 1 }),
      this.completedIn(plan.id, p.start, p.end),
      this.overdueByDepartment(plan.id, ctx),
      this.indicators.track(plan.id),
      this.evaluation.ranking(plan.id),
    ]);
    const { filters: _filters, key: _key, label: _label, ...overall } = summary.totals;
    return {
      period: p.period,
      periodStart: p.start,
      periodEnd: p.end,
      asOf: ctx.today,
      generatedAt: new Date().toISOString(),
      title: `督查通报（${p.year}年${p.month}月）`,
      plan,
      overall,
      bySection: summary.bySection.map(({ filters: _f, key, label, partCode, department: _d, ...counts }) => ({
        code: key,
        partCode: partCode ?? null,
        title: label,
        ...counts,
      })),
      completedInPeriod,
      overdueByDepartment,
      indicators: indicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        comparison: i.comparison,
        responsibleDepartment: i.responsibleDepartment?.name ?? null,
        baseline: i.baseline,
        latest: i.latest ? { year: i.latest.year, value: i.latest.value } : null,
        targets: i.targets,
        status: i.status,
        statusLabel: INDICATOR_STATUS_LABELS[i.status],
      })),
      ranking: ranking.rows,
    };
  }

  /** Tasks now completed whose completion (last completion event, Beijing date) falls in [start, end]. */
  private completedIn(planId: string, start: string, end: string): Promise<BulletinCompletedItem[]> {
    return this.reads.query(
      `WITH b AS (SELECT t.id, t.code, t.title, t.updated_at, t.lead_department_id FROM ${TASKS_READ_MODEL} t WHERE t.plan_id = $1 AND t.status = 'completed'),
            c AS (SELECT b.*, (${completedAtOf('b')} AT TIME ZONE 'Asia/Shanghai')::date AS completed_on FROM b)
       SELECT c.id AS "taskId", c.code, c.title, d.name AS "leadDepartment", c.completed_on::text AS "completedOn"
         FROM c LEFT JOIN ${DEPARTMENTS_READ_MODEL} d ON d.id = c.lead_department_id
        WHERE c.completed_on BETWEEN $2::date AND $3::date
        ORDER BY c.completed_on, c.code`,
      [planId, start, end],
    );
  }

  /** Overdue (red) tasks with a lead department, grouped by it: most overdue tasks first. */
  private async overdueByDepartment(planId: string, ctx: HealthContext): Promise<BulletinOverdueDepartment[]> {
    const q = new SqlParams();
    const set = planTaskSetSql(q, { planId, departmentId: null, ctx });
    const rows: (DashboardDepartmentRef & { taskId: string; taskCode: string; title: string; dueDate: string; workingDaysOverdue: number })[] =
      await this.reads.query(
        `WITH b AS (${set})
         SELECT d.id, d.code, d.name, d.kind, b.id AS "taskId", b.code AS "taskCode", b.title, b.due_date::text AS "dueDate",
                luoshi_working_days(b.due_date, ${q.p(ctx.today)}::date) AS "workingDaysOverdue"
           FROM b JOIN ${DEPARTMENTS_READ_MODEL} d ON d.id = b.lead_department_id
          WHERE b.health = 'red'
          ORDER BY d.code, b.due_date, b.code`,
        q.values,
      );
    const groups = new Map<string, BulletinOverdueDepartment>();
    for (const r of rows) {
      const group = groups.get(r.id) ?? { department: { id: r.id, code: r.code, name: r.name, kind: r.kind }, tasks: 0, workingDays: 0, items: [] };
      group.tasks++;
      group.workingDays += r.workingDaysOverdue;
      group.items.push({ taskId: r.taskId, code: r.taskCode, title: r.title, dueDate: r.dueDate, workingDaysOverdue: r.workingDaysOverdue });
      groups.set(r.id, group);
    }
    return [...groups.values()].sort((a, b) => b.tasks - a.tasks || b.workingDays - a.workingDays || a.department.code.localeCompare(b.department.code));
  }
}
