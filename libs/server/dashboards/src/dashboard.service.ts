import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  CompletionPoint,
  DashboardDepartmentRef,
  DashboardGranularity,
  DashboardRow,
  DashboardScope,
  DashboardSummaryResponse,
  DashboardTaskFilter,
  DashboardTaskList,
} from '@luoshi/contracts';
import { DEPARTMENTS_READ_MODEL } from '@luoshi/server/identity';
import { measureAncestryJoins, PART_CODE, SECTION_CODE } from '@luoshi/server/plans';
import { type AuthUser, seesAllDepartments, SqlParams } from '@luoshi/server/platform';
import { type HealthContext, healthSql, HEALTH_PROGRESS_MARGIN_PERCENT, TaskHealthRollup, TaskQueryService, TASKS_READ_MODEL } from '@luoshi/server/tasks';
import { DashboardCache } from './dashboard-cache';
import { DashboardException } from './dashboard.exception';
import { DashboardLookups, type PlanRef } from './dashboard-lookups';
import { type CountRow, DISPATCHED, drillDown, toCounts } from './plan-task-set';
import { type TaskItemRow, toTaskItem } from './dashboard-task-item';

export const DEFAULT_TOP = 10;
/** Periods shown by the completion series (earlier completions count in the cumulative figure). */
const SERIES_PERIODS = 12;

interface GroupedRow extends CountRow {
  g: number;
  partCode: string | null;
  sectionCode: string | null;
  leadId: string | null;
  cityId: string | null;
  cityCode: string | null;
  cityName: string | null;
  cityKind: string | null;
}

/** The `g` of city rows in the grouped counts (GROUPING() values are 0–7). */
const CITY_ROW = 100;

export interface SummaryOptions {
  granularity: DashboardGranularity;
  top: number;
}

/**
 * GET /api/dashboards/summary: counts by part, section, lead department and city, the overdue and
 * at-risk lists and the completion series — each one SQL statement with GROUP BY over the plan's
 * tasks (never the tasks in memory), cached for 30 s under the data version (DashboardCache).
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taskQueries: TaskQueryService,
    private readonly rollup: TaskHealthRollup,
    private readonly lookups: DashboardLookups,
    private readonly cache: DashboardCache,
  ) {}

  healthContext(): Promise<HealthContext> {
    return this.taskQueries.healthContext();
  }

  /**
   * Office roles, leaders and viewers: the whole plan, or one department's slice when asked.
   * Department users: always their own department's slice (another department → 403).
   */
  async scopeFor(user: AuthUser, departmentCode: string | undefined): Promise<DashboardScope> {
    if (seesAllDepartments(user)) {
      return departmentCode ? { kind: 'department', department: await this.lookups.department(departmentCode) } : { kind: 'all' };
    }
    if (departmentCode && departmentCode !== user.departmentCode) throw DashboardException.scopeForbidden();
    return { kind: 'department', department: await this.lookups.department(user.departmentCode) };
  }

  async summary(
    query: { planId: string; department?: string; granularity?: DashboardGranularity; top?: number },
    user: AuthUser,
  ): Promise<DashboardSummaryResponse> {
    const plan = await this.lookups.plan(query.planId);
    const scope = await this.scopeFor(user, query.department);
    const ctx = await this.healthContext();
    const options = { granularity: query.granularity ?? 'month', top: query.top ?? DEFAULT_TOP };
    const scopeKey = scope.kind === 'all' ? 'all' : `dept-${scope.department.code}`;
    const { value, hit } = await this.cache.through('summary', [plan.id, scopeKey, ctx.today, options.granularity, options.top], () =>
      this.compute(plan, scope, ctx, options),
    );
    return { ...value, cache: { hit, computedAt: value.cache.computedAt } };
  }

  async compute(plan: PlanRef, scope: DashboardScope, ctx: HealthContext, options: SummaryOptions): Promise<DashboardSummaryResponse> {
    const departmentId = scope.kind === 'department' ? scope.department.id : null;
    const base: DashboardTaskFilter = { planId: plan.id, ...(scope.kind === 'department' ? { department: scope.department.code } : {}) };
    const [counted, nodes, overdue, atRisk, points] = await Promise.all([
      this.grouped(plan.id, departmentId, ctx, scope.kind === 'all'),
      this.lookups.outline(plan.id),
      this.list(plan.id, departmentId, ctx, 'red', options.top),
      this.list(plan.id, departmentId, ctx, 'amber', options.top),
      this.completionSeries(plan.id, departmentId, ctx, options.granularity),
    ]);
    const grouped = counted.filter((r) => r.g !== CITY_ROW);
    const cities = counted
      .filter((r) => r.g === CITY_ROW)
      .map(({ cityId, cityCode, cityName, cityKind, ...counts }) => ({
        department: { id: cityId as string, code: cityCode as string, name: cityName as string, kind: cityKind as DashboardDepartmentRef['kind'] },
        counts,
      }));

    const leadIds = grouped.filter((r) => r.g === 6 && r.leadId !== null).map((r) => r.leadId as string);
    const departments = await this.departments(leadIds);
    const total = grouped.find((r) => r.g === 7);
    const row = (key: string, label: string, counts: CountRow, filter: DashboardTaskFilter, extra: Partial<DashboardRow> = {}): DashboardRow => ({
      key,
      label,
      ...extra,
      ...toCounts(counts),
      filters: drillDown(filter),
    });
    const zero: CountRow = { total: 0, completed: 0, cancelled: 0, green: 0, amber: 0, red: 0, draft: 0 };

    const byPart = nodes
      .filter((n) => n.kind === 'part')
      .map((n) => row(n.code, n.title, grouped.find((r) => r.g === 3 && r.partCode === n.code) ?? zero, { ...base, partCode: n.code }));
    const bySection = nodes
      .filter((n) => n.kind === 'section')
      .map((n) =>
        row(n.code, n.title, grouped.find((r) => r.g === 1 && r.sectionCode === n.code) ?? zero, { ...base, sectionCode: n.code }, {
          partCode: n.partCode,
        }),
      );
    const byDepartment = grouped
      .filter((r) => r.g === 6 && r.leadId !== null && departments.has(r.leadId))
      .map((r) => {
        const d = departments.get(r.leadId as string) as DashboardDepartmentRef;
        return row(d.code, d.name, r, { ...base, leadDepartment: d.code }, { department: d });
      })
      .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));

    return {
      plan,
      scope,
      asOf: ctx.today,
      totals: row(plan.code, plan.title, total ?? zero, base),
      unassigned: grouped.find((r) => r.g === 6 && r.leadId === null)?.total ?? 0,
      byPart,
      bySection,
      byDepartment,
      byCity: cities.map(({ department, counts }) => row(department.code, department.name, counts, { planId: plan.id, department: department.code }, { department })),
      overdue: this.taskList(overdue, total?.red ?? 0, { ...base, status: DISPATCHED, health: 'red' }, 'overdue'),
      atRisk: this.taskList(atRisk, total?.amber ?? 0, { ...base, status: DISPATCHED, health: 'amber' }, 'left'),
      completion: { granularity: options.granularity, points },
      cache: { hit: false, computedAt: new Date().toISOString() },
    };
  }

  /**
   * Totals, parts, sections, lead departments and cities from the task rollup (TaskHealthRollup:
   * counts by measure, lead, co-departments, status and stored health, kept by triggers — a few
   * thousand rows even at 1,000,000 tasks, never the tasks themselves), rolled up over the measure
   * tree (GROUPING SETS) and over the cities (a task counts for a city it leads or co-handles).
   */
  private async grouped(planId: string, departmentId: string | null, ctx: HealthContext, withCities: boolean): Promise<GroupedRow[]> {
    await this.rollup.prepare(ctx);
    const q = new SqlParams();
    const where = [`h.plan_id = ${q.p(planId)}`];
    if (departmentId) {
      const dept = q.p(departmentId);
      where.push(`(h.lead_department_id = ${dept} OR h.co_department_ids @> ARRAY[${dept}]::uuid[])`);
    }
    const sums = `sum(c.total)::int AS total, sum(c.completed)::int AS completed, sum(c.cancelled)::int AS cancelled,
              sum(c.green)::int AS green, sum(c.amber)::int AS amber, sum(c.red)::int AS red, sum(c.draft)::int AS draft`;
    const citySums = sums.replace(/sum\(c\.(\w+)\)::int/g, 'coalesce(sum(c.$1), 0)::int');
    // GROUPING(part, section, lead): 7 = total, 3 = by part, 1 = by part and section, 6 = by lead department; CITY_ROW = a city.
    return this.dataSource.query(
      `WITH c AS (
         SELECT h.measure_node_id, h.lead_department_id, h.co_department_ids,
                sum(h.n) AS total,
                coalesce(sum(h.n) FILTER (WHERE h.status = 'completed'), 0) AS completed,
                coalesce(sum(h.n) FILTER (WHERE h.status = 'cancelled'), 0) AS cancelled,
                coalesce(sum(h.n) FILTER (WHERE h.health = 'green' AND h.status <> 'draft'), 0) AS green,
                coalesce(sum(h.n) FILTER (WHERE h.health = 'amber' AND h.status <> 'draft'), 0) AS amber,
                coalesce(sum(h.n) FILTER (WHERE h.health = 'red' AND h.status <> 'draft'), 0) AS red,
                coalesce(sum(h.n) FILTER (WHERE h.status = 'draft'), 0) AS draft
           FROM ${TaskHealthRollup.ROWS} h WHERE ${where.join(' AND ')}
          GROUP BY h.measure_node_id, h.lead_department_id, h.co_department_ids
         HAVING sum(h.n) <> 0),
       tree AS (
         SELECT c.*, ${PART_CODE} AS part_code, ${SECTION_CODE} AS section_code
           FROM c
           ${measureAncestryJoins('c.measure_node_id')})
       SELECT GROUPING(c.part_code, c.section_code, c.lead_department_id)::int AS g,
              c.part_code AS "partCode", c.section_code AS "sectionCode", c.lead_department_id AS "leadId",
              NULL::uuid AS "cityId", NULL AS "cityCode", NULL AS "cityName", NULL AS "cityKind", ${sums}
         FROM tree c
        GROUP BY GROUPING SETS ((), (c.part_code), (c.part_code, c.section_code), (c.lead_department_id))
       ${
         withCities
           ? `UNION ALL
       SELECT ${CITY_ROW}, NULL, NULL, NULL, d.id, d.code, d.name, d.kind, ${citySums}
         FROM ${DEPARTMENTS_READ_MODEL} d
         LEFT JOIN c ON c.lead_department_id = d.id OR c.co_department_ids @> ARRAY[d.id]
        WHERE d.kind = 'city'
        GROUP BY d.id, d.code, d.name, d.kind`
           : ''
       }`,
      q.values,
    ).then((rows: GroupedRow[]) => {
      const cities = rows.filter((r) => r.g === CITY_ROW).sort((a, b) => b.total - a.total || String(a.cityCode).localeCompare(String(b.cityCode)));
      return [...rows.filter((r) => r.g !== CITY_ROW), ...cities];
    });
  }

  /**
   * Red tasks by earliest due date (most working days overdue), or amber tasks by nearest due date:
   * the first `top` from task_open_due_order_idx (open tasks by due date) with the list's indexable
   * health conditions; the total comes from the counts.
   */
  private list(planId: string, departmentId: string | null, ctx: HealthContext, health: 'red' | 'amber', top: number): Promise<TaskItemRow[]> {
    const q = new SqlParams();
    const today = q.p(ctx.today);
    const amberBefore = q.p(ctx.amberBefore);
    const exact = healthSql({ today, amberBefore, margin: q.p(HEALTH_PROGRESS_MARGIN_PERCENT) });
    const due = `coalesce(t.due_date, 'infinity'::date)`;
    // Drafts are 未交办, never overdue or at risk (no department has them yet).
    const where = [`t.plan_id = ${q.p(planId)}`, `t.status NOT IN ('completed', 'cancelled', 'draft')`];
    if (health === 'red') where.push(`${due} < ${today}::date`);
    else where.push(`${due} >= ${today}::date`, `(t.due_date < ${amberBefore}::date OR t.last_report_late OR t.health_lag_from <= ${today}::date)`);
    where.push(`(${exact}) = ${q.p(health)}`);
    if (departmentId) {
      const dept = q.p(departmentId);
      where.push(`(t.lead_department_id = ${dept} OR t.co_department_ids @> ARRAY[${dept}]::uuid[])`);
    }
    const days = health === 'red' ? `luoshi_working_days(x.due_date, ${today}::date)` : `luoshi_working_days(${today}::date, x.due_date)`;
    return this.dataSource.query(
      `SELECT x.id, x.code, x.title, x.status, x.progress, x.due_date::text AS "dueDate", ${q.p(health)}::text AS health,
              d.id AS "leadId", d.code AS "leadCode", d.name AS "leadName", ${days} AS "workingDays"
         FROM (SELECT t.id, t.code, t.title, t.status, t.progress, t.due_date, t.lead_department_id
                 FROM ${TASKS_READ_MODEL} t WHERE ${where.join(' AND ')}
                ORDER BY ${due}, t.code, t.id LIMIT ${q.p(top)}) x
         LEFT JOIN ${DEPARTMENTS_READ_MODEL} d ON d.id = x.lead_department_id
        ORDER BY x.due_date NULLS LAST, x.code, x.id`,
      q.values,
    );
  }

  private taskList(rows: TaskItemRow[], total: number, filter: DashboardTaskFilter, days: 'overdue' | 'left'): DashboardTaskList {
    return { total, filter, items: rows.map((r) => toTaskItem(r, days)) };
  }

  /** Completed tasks per week or month (Beijing time) over the last 12 periods, with the running total (the completion rollup: rows per day, not per task). */
  private async completionSeries(planId: string, departmentId: string | null, ctx: HealthContext, granularity: DashboardGranularity): Promise<CompletionPoint[]> {
    const q = new SqlParams();
    const unit = granularity === 'week' ? 'week' : 'month';
    const today = q.p(ctx.today);
    const where = [`c.plan_id = ${q.p(planId)}`];
    if (departmentId) {
      const dept = q.p(departmentId);
      where.push(`(c.lead_department_id = ${dept} OR c.co_department_ids @> ARRAY[${dept}]::uuid[])`);
    }
    const rows: { start: string; completed: number; cumulative: number }[] = await this.dataSource.query(
      `WITH series AS (SELECT generate_series(date_trunc('${unit}', ${today}::date - interval '${SERIES_PERIODS - 1} ${unit}'),
                                              date_trunc('${unit}', ${today}::date), interval '1 ${unit}')::date AS bucket),
            done AS (SELECT date_trunc('${unit}', c.completed_on)::date AS bucket, sum(c.n)::int AS n
                       FROM ${TaskHealthRollup.COMPLETIONS} c WHERE ${where.join(' AND ')} GROUP BY 1)
       SELECT s.bucket::text AS start, coalesce(sum(done.n) FILTER (WHERE done.bucket = s.bucket), 0)::int AS completed,
              coalesce(sum(done.n) FILTER (WHERE done.bucket <= s.bucket), 0)::int AS cumulative
         FROM series s LEFT JOIN done ON done.bucket <= s.bucket
        GROUP BY s.bucket ORDER BY s.bucket`,
      q.values,
    );
    return rows.map((r) => ({ period: unit === 'month' ? r.start.slice(0, 7) : r.start, start: r.start, completed: r.completed, cumulative: r.cumulative }));
  }

  private departments(ids: string[]): Promise<Map<string, DashboardDepartmentRef>> {
    return this.lookups.departments(ids);
  }
}
