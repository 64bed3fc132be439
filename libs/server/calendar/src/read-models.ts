/**
 * Published read model of the calendar capability, for SQL that counts working days over a range
 * inside one query (the evaluation): `LEFT JOIN ${HOLIDAYS_READ_MODEL} h ON h.date = …`.
 */
export const HOLIDAYS_READ_MODEL = `(SELECT date, kind FROM holiday)`;
