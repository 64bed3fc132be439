import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: a transaction's manager or the data source. */
export type Sql = Pick<EntityManager, 'query'>;

/** The ids once each, without nulls: what a batch read by ids takes. */
export const distinctIds = (ids: readonly (string | null | undefined)[]): string[] => [...new Set(ids.filter((id): id is string => !!id))];

/**
 * Rows by id, read in one query: `select` takes the ids as $1 (`WHERE x.id = ANY($1::uuid[])`).
 * Owners answer other capabilities' reads this way: a batch per page, never a query per row.
 */
export async function rowsById<R extends { id: string }>(m: Sql, select: string, ids: readonly (string | null | undefined)[]): Promise<Map<string, R>> {
  const unique = distinctIds(ids);
  if (unique.length === 0) return new Map();
  const rows: R[] = await m.query(select, [unique]);
  return new Map(rows.map((r) => [r.id, r]));
}
