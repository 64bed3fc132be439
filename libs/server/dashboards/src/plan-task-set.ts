import { type DashboardCounts, type DashboardDrillDown, type DashboardTaskFilter, DISPATCHED_TASK_STATUSES } from '@luoshi/contracts';
import { measureAncestryJoins, PART_CODE, SECTION_CODE } from '@luoshi/server/plans';
import type { SqlParams } from '@luoshi/server/platform';
import { type HealthContext, healthSql, HEALTH_PROGRESS_MARGIN_PERCENT, TASKS_READ_MODEL } from '@luoshi/server/tasks';


/**
 * A plan's tasks as GET /api/tasks sees them: part and section codes from the node tree (the same
 * CASE expressions as the list query) and health from the tasks lib's healthSql, so every number
 * here equals the total of the list filtered by the row's drill-down. A department slice is the
 * tasks the department leads or co-handles (the list's `department` filter). Columns: id, code,
 * title, status, progress, due_date, lead_department_id, co_department_ids, updated_at, part_code, section_code, health.
 * Answered by task_plan_status_idx (plan_id, status) and the plan_node primary key.
 */
export function planTaskSetSql(q: SqlParams, args: { planId: string; departmentId: string | null; ctx: HealthContext }): string {
  const health = healthSql({ today: q.p(args.ctx.today), amberBefore: q.p(args.ctx.amberBefore), margin: q.p(HEALTH_PROGRESS_MARGIN_PERCENT) });
  const where = [`t.plan_id = ${q.p(args.planId)}`];
  if (args.departmentId) {
    const dept = q.p(args.departmentId);
    where.push(`(t.lead_department_id = ${dept} OR t.co_department_ids @> ARRAY[${dept}]::uuid[])`);
  }
  return `
    SELECT t.id, t.code, t.title, t.status, t.progress, t.due_date, t.lead_department_id, t.co_department_ids, t.updated_at,
           ${PART_CODE} AS part_code,
           ${SECTION_CODE} AS section_code,
           ${health} AS health
      FROM ${TASKS_READ_MODEL} t
      ${measureAncestryJoins('t.measure_node_id')}
     WHERE ${where.join(' AND ')}`;
}

/** The count columns of DashboardCounts over rows `b` of planTaskSetSql. */
export const COUNT_COLUMNS = `
  count(b.id)::int AS total,
  count(b.id) FILTER (WHERE b.status = 'completed')::int AS completed,
  count(b.id) FILTER (WHERE b.status = 'cancelled')::int AS cancelled,
  count(b.id) FILTER (WHERE b.health = 'green' AND b.status <> 'draft')::int AS green,
  count(b.id) FILTER (WHERE b.health = 'amber' AND b.status <> 'draft')::int AS amber,
  count(b.id) FILTER (WHERE b.health = 'red' AND b.status <> 'draft')::int AS red,
  count(b.id) FILTER (WHERE b.status = 'draft')::int AS draft`;

/** The raw numbers of COUNT_COLUMNS: the contract's counts before the completion rate is derived. */
export type CountRow = Omit<DashboardCounts, 'completionRate'>;

export function toCounts(r: CountRow): DashboardCounts {
  const countable = r.total - r.cancelled;
  return {
    total: r.total,
    completed: r.completed,
    cancelled: r.cancelled,
    green: r.green,
    amber: r.amber,
    red: r.red,
    draft: r.draft,
    completionRate: countable > 0 ? Math.round((r.completed / countable) * 10_000) / 10_000 : null,
  };
}

/** The status filter of the health figures: every status but draft (drafts are 未交办). */
export const DISPATCHED = DISPATCHED_TASK_STATUSES.join(',');

/** The list filters behind each number of a row. */
export function drillDown(filter: DashboardTaskFilter): DashboardDrillDown {
  return {
    total: filter,
    completed: { ...filter, status: 'completed' },
    green: { ...filter, status: DISPATCHED, health: 'green' },
    amber: { ...filter, status: DISPATCHED, health: 'amber' },
    red: { ...filter, status: DISPATCHED, health: 'red' },
    draft: { ...filter, status: 'draft' },
  };
}
