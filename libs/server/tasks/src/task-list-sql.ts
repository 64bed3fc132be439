import { TASK_HEALTHS, TASK_STATUSES, type TaskHealthColor, type TaskListQuery, type TaskSort, type TaskStatus } from '@luoshi/contracts';
import { type AuthUser, type KeysetSort, seesAllDepartments } from '@luoshi/server/platform';
import { measuresWhere, PART_CODE, SECTION_CODE } from '@luoshi/server/plans';
import { containsPattern, isCodeTerm, parseSearchTerms } from './search-terms';
import { type HealthContext, healthSql, HEALTH_PROGRESS_MARGIN_PERCENT } from './task-health';
import { TaskErrorCode, TaskException } from './task.exception';

/** The list query's filter: the public query plus internal selections. */
export interface TaskListFilter extends TaskListQuery {
  /** Internal: one task by id, whatever the scope (the detail view reuses the list query and checks access). */
  id?: string;
  /** Internal: these tasks, whatever the scope (answers of office-only writes). */
  ids?: string[];
}

const DUE_LAST = `coalesce(t.due_date, 'infinity'::date)`;
const DUE_LAST_DESC = `coalesce(t.due_date, '-infinity'::date)`;
const CLOSED = `t.status IN ('completed', 'cancelled')`;

/**
 * Every sort is a key over task columns only, each backed by a btree index (migration
 * AddTaskListKeys), all in one direction so `after` is one row comparison (an index range).
 * Plan order: measure_key = the measure code's numbers (1.2.1 < 1.10.1). NULL due dates last.
 */
export const TASK_SORT_KEYS: Record<TaskSort, KeysetSort> = {
  code: { keys: ['t.plan_id', 't.measure_key', 't.code', 't.id'], types: ['uuid', 'int[]', 'text', 'uuid'], direction: 'ASC' },
  dueDate: { keys: [DUE_LAST, 't.code', 't.id'], types: ['date', 'text', 'uuid'], direction: 'ASC' },
  '-dueDate': { keys: [DUE_LAST_DESC, 't.code', 't.id'], types: ['date', 'text', 'uuid'], direction: 'DESC' },
  '-updatedAt': { keys: ['t.updated_at', 't.id'], types: ['timestamptz', 'uuid'], direction: 'DESC' },
};

export function splitList<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T[] | undefined {
  if (!value) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0) {
    throw TaskException.badField(TaskErrorCode.BAD_FILTER, field, `未知取值 ${bad.join('、')}（可选 ${allowed.join('、')}）`, `unknown value(s) ${bad.join(', ')}`);
  }
  return items as T[];
}

/**
 * Conditions an index can answer that every task of the given colours meets (necessary, not
 * sufficient: the exact health expression still decides). Red: open and past due. Amber: open, not
 * past due, and due within the window, late, or past the day its progress lag can start.
 */
function healthIndexable(healths: TaskHealthColor[], today: string, amberBefore: string): string | null {
  if (healths.includes('green')) return null;
  const nearOrLate = `(t.due_date < ${amberBefore}::date OR t.last_report_late OR t.health_lag_from <= ${today}::date)`;
  if (healths.includes('red') && healths.includes('amber')) return `NOT ${CLOSED} AND ${nearOrLate}`;
  // On the sort key's expression (NULL = infinity), so the due-date index can start at today.
  if (healths.includes('red')) return `NOT ${CLOSED} AND ${DUE_LAST} < ${today}::date`;
  return `NOT ${CLOSED} AND ${DUE_LAST} >= ${today}::date AND ${nearOrLate}`;
}

/**
 * The WHERE conditions of the list over `task t` alone (no joins), with their parameters: scope,
 * plan, departments, status, dates, search (GIN on bigrams), part/section (the plan's measures under
 * that node, a small subquery), health (the exact expression plus indexable necessary conditions).
 */
export async function taskListWhere(
  filter: TaskListFilter,
  user: Pick<AuthUser, 'id' | 'roles' | 'departmentId'>,
  ctx: HealthContext,
  p: (value: unknown) => string,
  departmentId: (code: string, field: string) => Promise<string>,
): Promise<string[]> {
  const where: string[] = [];
  const office = seesAllDepartments(user);
  const scope = filter.scope ?? (office ? 'all' : 'mine');
  if (scope === 'all' && !office) throw TaskException.scopeForbidden();
  // One task by id: the caller checks visibility and answers 403, not an empty result.
  if (filter.id) {
    where.push(`t.id = ${p(filter.id)}`);
  } else if (filter.ids) {
    where.push(`t.id = ANY(${p(filter.ids)}::uuid[])`);
  } else if (scope === 'mine') {
    const dept = p(user.departmentId);
    where.push(`(t.lead_department_id = ${dept} OR t.co_department_ids @> ARRAY[${dept}]::uuid[] OR t.owner_user_id = ${p(user.id)})`);
  }
  const plan = filter.planId ? p(filter.planId) : null;
  if (plan) where.push(`t.plan_id = ${plan}`);
  if (filter.department) {
    const dept = p(await departmentId(filter.department, 'department'));
    where.push(`(t.lead_department_id = ${dept} OR t.co_department_ids @> ARRAY[${dept}]::uuid[])`);
  }
  if (filter.leadDepartment) where.push(`t.lead_department_id = ${p(await departmentId(filter.leadDepartment, 'leadDepartment'))}`);
  const statuses = splitList<TaskStatus>(filter.status, TASK_STATUSES, 'status');
  if (statuses) where.push(statuses.length === 1 ? `t.status = ${p(statuses[0])}` : `t.status = ANY(${p(statuses)}::text[])`);
  if (filter.dueFrom) where.push(`t.due_date >= ${p(filter.dueFrom)}::date`);
  if (filter.dueTo) where.push(`t.due_date <= ${p(filter.dueTo)}::date`);
  // Parameters only when used: an unused one has no type PostgreSQL can infer.
  let todayParam: string | null = null;
  const today = () => (todayParam ??= p(ctx.today));
  // 退办: back to draft with the reason, until the office assigns it again.
  if (filter.returned !== undefined) where.push(`${filter.returned ? '' : 'NOT '}(t.status = 'draft' AND t.returned_reason IS NOT NULL)`);
  if (filter.overdue) where.push(`t.due_date < ${today()}::date AND NOT ${CLOSED}`);
  for (const term of parseSearchTerms(filter.q)) {
    const pattern = p(containsPattern(term));
    const text = `t.search_grams @> luoshi_search_query_grams(${p(term)}) AND (t.title ILIKE ${pattern} OR t.body ILIKE ${pattern})`;
    // A code (2.1.2) finds that task, the tasks split from it (2.1.2-1) and the measures under it
    // (task_code_pattern_idx answers the prefixes), as well as any text that mentions it.
    if (!isCodeTerm(term)) where.push(text);
    else where.push(`(t.code = ${p(term)} OR t.code LIKE ${p(`${term}.%`)} OR t.code LIKE ${p(`${term}-%`)} OR (${text}))`);
  }
  const healths = splitList<TaskHealthColor>(filter.health, TASK_HEALTHS, 'health');
  if (healths) {
    const amberBefore = p(ctx.amberBefore);
    const exact = healthSql({ today: today(), amberBefore, margin: p(HEALTH_PROGRESS_MARGIN_PERCENT) });
    const indexable = healthIndexable(healths, today(), amberBefore);
    if (indexable) where.push(indexable);
    where.push(`(${exact}) = ANY(${p(healths)}::text[])`);
  }
  // Part and section are the measure's ancestors (as the list shows them): the few measures under them.
  const nodeFilter = (column: string, code: string) =>
    `t.measure_node_id IN (${measuresWhere(`${plan ? `m.plan_id = ${plan} AND ` : ''}${column} = ${p(code)}`)})`;
  if (filter.partCode) where.push(nodeFilter(PART_CODE, filter.partCode));
  if (filter.sectionCode) where.push(nodeFilter(SECTION_CODE, filter.sectionCode));
  return where;
}

