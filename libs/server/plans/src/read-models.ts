/**
 * Published read model of the plans capability, for rollup SQL of other capabilities that keeps
 * to active plans inside one query (the evaluation): `JOIN ${PLANS_READ_MODEL} pl ON pl.id = …`.
 */
export const PLANS_READ_MODEL = `(SELECT id, code, title, status, kind FROM plan)`;
