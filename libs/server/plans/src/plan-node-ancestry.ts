/**
 * Published read model of the plans capability: a measure node `m` and its ancestors p1…p3, for
 * SQL of other capabilities (the task list, the dashboards) that filters or groups tasks by part
 * and section inside one query — a second query by ids cannot sort or group a page. Only these
 * fragments may be used; the node table's other columns stay the plans capability's own.
 */
const ANCESTORS = `LEFT JOIN plan_node p1 ON p1.id = m.parent_id
  LEFT JOIN plan_node p2 ON p2.id = p1.parent_id
  LEFT JOIN plan_node p3 ON p3.id = p2.parent_id`;

/** `JOIN`s the measure node of `measureNodeIdSql` as `m` with its ancestors p1…p3. */
export const measureAncestryJoins = (measureNodeIdSql: string): string => `JOIN plan_node m ON m.id = ${measureNodeIdSql}
  ${ANCESTORS}`;

/** The measure nodes (ids) of a plan (when given) whose part or section expression equals a value. */
export const measuresWhere = (condition: string): string => `SELECT m.id FROM plan_node m ${ANCESTORS} WHERE ${condition}`;

/** The measure's part and section codes, over `m` and its ancestors p1…p3. */
export const PART_CODE = `CASE WHEN p1.kind = 'part' THEN p1.code WHEN p2.kind = 'part' THEN p2.code WHEN p3.kind = 'part' THEN p3.code END`;
export const SECTION_CODE = `CASE WHEN p1.kind = 'section' THEN p1.code WHEN p2.kind = 'section' THEN p2.code END`;
/** Their titles, from the same ancestors. */
export const PART_TITLE = `CASE WHEN p1.kind = 'part' THEN p1.title WHEN p2.kind = 'part' THEN p2.title WHEN p3.kind = 'part' THEN p3.title END`;
export const SECTION_TITLE = `CASE WHEN p1.kind = 'section' THEN p1.title WHEN p2.kind = 'section' THEN p2.title END`;
