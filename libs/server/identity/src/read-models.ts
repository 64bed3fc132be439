/**
 * Published read model of the identity capability, for rollup SQL of other capabilities that must
 * group or order by department inside one query (the dashboards): `FROM ${DEPARTMENTS_READ_MODEL} d`.
 * Only these columns are published; PostgreSQL inlines the subquery, so it costs nothing. Being a
 * subquery, a GROUP BY d.id must name the other columns too (no key to infer them from).
 */
export const DEPARTMENTS_READ_MODEL = `(SELECT id, code, name, kind FROM department)`;

/** Users as other capabilities' lists name them (the task list's owner): `LEFT JOIN ${USER_NAMES_READ_MODEL} ou ON ou.id = …`. */
export const USER_NAMES_READ_MODEL = `(SELECT id, display_name FROM app_user)`;
