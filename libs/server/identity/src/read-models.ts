/**
 * Published read model of the identity capability, for rollup SQL of other capabilities that must
 * group or order by department inside one query (the dashboards): `FROM ${DEPARTMENTS_READ_MODEL} d`.
 * Only these columns are published; PostgreSQL inlines the subquery, so it costs nothing.
 */
export const DEPARTMENTS_READ_MODEL = `(SELECT id, code, name, kind FROM department)`;
