/**
 * Published read model of the plans capability, for rollup SQL of other capabilities that keeps
 * to active plans inside one query (the evaluation): `JOIN ${PLANS_READ_MODEL} pl ON pl.id = …`.
 */
export const PLANS_READ_MODEL = `(SELECT id, code, title, status, kind FROM plan)`;

/**
 * The plan's live leaf measures (a measure with live sub-measures is represented by them), for SQL that
 * creates one row per measure in one statement (task generation): `FROM ${liveLeafMeasures('$1')} n`.
 * Columns: id, plan_id, code, title, body, sort_order.
 */
export const liveLeafMeasures = (planIdSql: string): string => `(
  SELECT n.id, n.plan_id, n.code, n.title, n.body, n.sort_order
    FROM plan_node n
   WHERE n.plan_id = ${planIdSql} AND n.retired_in_version IS NULL AND n.kind IN ('measure', 'submeasure')
     AND NOT EXISTS (SELECT 1 FROM plan_node c WHERE c.parent_id = n.id AND c.kind = 'submeasure' AND c.retired_in_version IS NULL))`;

/**
 * Published read model of the plan nodes, for a list of another capability that one query sorts in
 * document order (the indicators): `LEFT JOIN ${PLAN_NODES_READ_MODEL} n ON n.id = …`.
 */
export const PLAN_NODES_READ_MODEL = `(SELECT id, code, source_line FROM plan_node)`;
