/**
 * Published read model of the plans capability, for rollup SQL of other capabilities that keeps
 * to active plans inside one query (the evaluation): `JOIN ${PLANS_READ_MODEL} pl ON pl.id = …`.
 */
export const PLANS_READ_MODEL = `(SELECT id, code, title, status, kind FROM plan)`;

/**
 * Published read model of the plan nodes, for a list of another capability that one query sorts in
 * document order (the indicators): `LEFT JOIN ${PLAN_NODES_READ_MODEL} n ON n.id = …`.
 */
export const PLAN_NODES_READ_MODEL = `(SELECT id, code, source_line FROM plan_node)`;
