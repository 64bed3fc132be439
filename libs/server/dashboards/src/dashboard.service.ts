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
  DashboardTaskItem,
  DashboardTaskList,
  TaskHealthColor,
  TaskStatus,
} from '@luoshi/contracts';
import { type AuthUser, seesAllDepartments } from '@luoshi/server/platform';
import { type HealthContext, TaskQueryService } from '@luoshi/server/tasks';
import { DashboardCache } from './dashboard-cache';
import { DashboardException } from './dashboard.exception';
import { DashboardLookups, type PlanRef } from './dashboard-lookups';
import { COUNT_COLUMNS, type CountRow, drillDown, planTaskSetSql, SqlParams, toCounts } from './plan-task-set';

/** A task_event that completes a task: the reports capability's 'completed', or any transition to completed. */
export const COMPLETION_EVENT = `(e.kind = 'completed' OR e.data->>'to' = 'completed')`;

/** When a completed task of `b` was completed: its last completion event, else its last update. */
export const COMPLETED_AT = `coalesce((SELECT max(e.at) FROM task_event e WHERE e.task_id = b.id AND ${COMPLETION_EVENT}), b.updated_at)`;

export const DEFAULT_TOP = 10;
/** Periods shown by the completion series (earlier completions count in the cumulative figure). */
const SERIES_PERIODS = 12;

interface GroupedRow extends CountRow {
  g: number;
  partCode: string | null;
  sectionCode: string | null;
  leadId: string | null;
}

interface ListRow {
  id: string;
  code: string;
  title: string;
  status: TaskStatus;
  progress: number;
  dueDate: string | null;
  health: TaskHealthColor;
  leadId: string | null;
  leadCode: string | null;
  leadName: string | null;
  total: number;
  workingDays: number | null;
}

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
    const [grouped, nodes, cities, overdue, atRisk, points] = await Promise.all([
      this.grouped(plan.id, departmentId, ctx),
      this.structure(plan.id),
      scope.kind === 'all' ? this.cities(plan.id, ctx) : Promise.resolve([]),
      this.list(plan.id, departmentId, ctx, 'red', options.top),
      this.list(plan.id, departmentId, ctx, 'amber', options.top),
      this.completionSeries(plan.id, departmentId, ctx, options.granularity),
    ]);

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
    const zero: CountRow = { total: 0, completed: 0, cancelled: 0, green: 0, amber: 0, red: 0 };

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
      overdue: this.taskList(overdue, { ...base, health: 'red' }, 'overdue'),
      atRisk: this.taskList(atRisk, { ...base, health: 'amber' }, 'left'),
      completion: { granularity: options.granularity, points },
      cache: { hit: false, computedAt: new Date().toISOString() },
    };
  }

  /** Totals, parts, sections and lead departments in one pass: GROUPING SETS over the task set. */
  private grouped(planId: string, departmentId: string | null, ctx: HealthContext): Promise<GroupedRow[]> {
    const q = new SqlParams();
    const set = planTaskSetSql(q, { planId, departmentId, ctx });
    // GROUPING(part, section, lead): 7 = total, 3 = by part, 1 = by part and section, 6 = by lead department.
    return this.dataSource.query(
      `WITH b AS (${set})
       SELECT GROUPING(b.part_code, b.section_code, b.lead_department_id)::int AS g,
              b.part_code AS "partCode", b.section_code AS "sectionCode", b.lead_department_id AS "leadId",
              ${COUNT_COLUMNS}
         FROM b
        GROUP BY GROUPING SETS ((), (b.part_code), (b.part_code, b.section_code), (b.lead_department_id))`,
      q.values,
    );
  }

  /** The plan's live parts and sections in document order (source line; sort_order counts among siblings), each section with its part's code. */
  private structure(planId: string): Promise<{ code: string; kind: 'part' | 'section'; title: string; partCode: string | null }[]> {
    return this.dataSource.query(
      `SELECT n.code, n.kind, n.title, CASE WHEN n.kind = 'section' AND p.kind = 'part' THEN p.code END AS "partCode"
         FROM plan_node n LEFT JOIN plan_node p ON p.id = n.parent_id
        WHERE n.plan_id = $1 AND n.kind IN ('part', 'section') AND n.retired_in_version IS NULL
        ORDER BY n.source_line, n.code`,
      [planId],
    );
  }

  /** Every city with the tasks it leads or co-handles (zero rows included), most tasks first. */
  private async cities(planId: string, ctx: HealthContext): Promise<{ department: DashboardDepartmentRef; counts: CountRow }[]> {
    const q = new SqlParams();
    const set = planTaskSetSql(q, { planId, departmentId: null, ctx });
    const rows: (DashboardDepartmentRef & CountRow)[] = await this.dataSource.query(
      `WITH b AS (${set})
       SELECT d.id, d.code, d.name, d.kind, ${COUNT_COLUMNS}
         FROM department d
         LEFT JOIN b ON b.lead_department_id = d.id OR b.co_department_ids @> ARRAY[d.id]
        WHERE d.kind = 'city'
        GROUP BY d.id
        ORDER BY count(b.id) DESC, d.code`,
      q.values,
    );
    return rows.map(({ id, code, name, kind, ...counts }) => ({ department: { id, code, name, kind }, counts }));
  }

  /** Red tasks by earliest due date (most working days overdue), or amber tasks by nearest due date. */
  private list(planId: string, departmentId: string | null, ctx: HealthContext, health: 'red' | 'amber', top: number): Promise<ListRow[]> {
    const q = new SqlParams();
    const set = planTaskSetSql(q, { planId, departmentId, ctx });
    const today = q.p(ctx.today);
    const days = health === 'red' ? `luoshi_working_days(x.due_date, ${today}::date)` : `luoshi_working_days(${today}::date, x.due_date)`;
    return this.dataSource.query(
      `WITH b AS (${set})
       SELECT x.id, x.code, x.title, x.status, x.progress, x.due_date::text AS "dueDate", x.health,
              d.id AS "leadId", d.code AS "leadCode", d.name AS "leadName", x.total, ${days} AS "workingDays"
         FROM (SELECT b.*, count(*) OVER ()::int AS total FROM b WHERE b.health = ${q.p(health)}
                ORDER BY b.due_date NULLS LAST, b.code, b.id LIMIT ${q.p(top)}) x
         LEFT JOIN department d ON d.id = x.lead_department_id
        ORDER BY x.due_date NULLS LAST, x.code, x.id`,
      q.values,
    );
  }

  private taskList(rows: ListRow[], filter: DashboardTaskFilter, days: 'overdue' | 'left'): DashboardTaskList {
    return { total: rows[0]?.total ?? 0, filter, items: rows.map((r) => toTaskItem(r, days)) };
  }

  /** Completed tasks per week or month (Beijing time) over the last 12 periods, with the running total. */
  private async completionSeries(planId: string, departmentId: string | null, ctx: HealthContext, granularity: DashboardGranularity): Promise<CompletionPoint[]> {
    const q = new SqlParams();
    const set = planTaskSetSql(q, { planId, departmentId, ctx });
    const unit = granularity === 'week' ? 'week' : 'month';
    const today = q.p(ctx.today);
    const rows: { start: string; completed: number; cumulative: number }[] = await this.dataSource.query(
      `WITH b AS (${set}),
            done AS (SELECT date_trunc('${unit}', ${COMPLETED_AT} AT TIME ZONE 'Asia/Shanghai')::date AS bucket FROM b WHERE b.status = 'completed'),
            series AS (SELECT generate_series(date_trunc('${unit}', ${today}::date - interval '${SERIES_PERIODS - 1} ${unit}'),
                                              date_trunc('${unit}', ${today}::date), interval '1 ${unit}')::date AS bucket)
       SELECT s.bucket::text AS start, count(done.bucket)::int AS completed,
              (SELECT count(*) FROM done d2 WHERE d2.bucket <= s.bucket)::int AS cumulative
         FROM series s LEFT JOIN done ON done.bucket = s.bucket
        GROUP BY s.bucket ORDER BY s.bucket`,
      q.values,
    );
    return rows.map((r) => ({ period: unit === 'month' ? r.start.slice(0, 7) : r.start, start: r.start, completed: r.completed, cumulative: r.cumulative }));
  }

  private async departments(ids: string[]): Promise<Map<string, DashboardDepartmentRef>> {
    if (ids.length === 0) return new Map();
    const rows: DashboardDepartmentRef[] = await this.dataSource.query(`SELECT id, code, name, kind FROM department WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((d) => [d.id, d]));
  }
}

function toTaskItem(r: ListRow, days: 'overdue' | 'left'): DashboardTaskItem {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status,
    progress: r.progress,
    dueDate: r.dueDate,
    health: r.health,
    leadDepartment: r.leadId ? { id: r.leadId, code: r.leadCode ?? '', name: r.leadName ?? '' } : null,
    workingDaysOverdue: days === 'overdue' ? r.workingDays : null,
    workingDaysLeft: days === 'left' && r.workingDays !== null && r.workingDays >= 0 ? r.workingDays : null,
  };
}
