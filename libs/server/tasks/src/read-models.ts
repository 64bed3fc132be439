/**
 * Published read models of the tasks capability, for rollup SQL of other capabilities that counts,
 * groups or orders tasks together with other owners' rows inside one query (the dashboards, the
 * evaluation, the bulletin): `FROM ${TASKS_READ_MODEL} t`. Only these columns are published (healthSql
 * reads them too); PostgreSQL inlines the subquery, so the task indexes answer as before.
 */
export const TASKS_READ_MODEL = `(SELECT id, plan_id, measure_node_id, code, title, status, progress, start_date, due_date,
  lead_department_id, co_department_ids, reporting_cycle, last_report_at, last_report_late, health_lag_from, created_at, updated_at
  FROM task)`;

/** A task's timeline, for SQL that dates a step of it (the evaluation's assignment and acceptance): `FROM ${TASK_EVENTS_READ_MODEL} e`. */
export const TASK_EVENTS_READ_MODEL = `(SELECT id, task_id, kind, at, data FROM task_event)`;

/** A task event that completes a task: the reports capability's 'completed', or any transition to completed. */
const COMPLETION_EVENT = `(e.kind = 'completed' OR e.data->>'to' = 'completed')`;

/** When completed task `alias` (a row with id and updated_at) was completed: its last completion event, else its last update. */
export const completedAtOf = (alias: string): string =>
  `coalesce((SELECT max(e.at) FROM ${TASK_EVENTS_READ_MODEL} e WHERE e.task_id = ${alias}.id AND ${COMPLETION_EVENT}), ${alias}.updated_at)`;
