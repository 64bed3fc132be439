/**
 * Long lists in O(page): the page's rows come from an index in the sort order; deep pages continue
 * from an opaque `after` cursor (the last row's sort key) instead of an OFFSET, and the total is a
 * count capped at COUNT_CAP (exact below it, "10,000+" above it). Shared by the task list, the
 * approval inbox, report lists, notifications and the audit log.
 */

import { DomainException } from './domain.exception';

export enum PagingErrorCode {
  BAD_CURSOR = 'PAGE_BAD_CURSOR',
  TOO_DEEP = 'PAGE_TOO_DEEP',
}

/** 400s of paged lists that have no exception class of their own (audit log, notifications). */
export class PagingException extends DomainException {
  static badCursor() {
    return PagingException.badField(PagingErrorCode.BAD_CURSOR, 'after', '无效的翻页游标（请使用上一页返回的 nextCursor）', 'not a cursor of this list (use the previous page\'s nextCursor)');
  }
  static tooDeep(rows: number) {
    return PagingException.badField(
      PagingErrorCode.TOO_DEEP,
      'page',
      `页码最多翻到第 ${rows} 条，更深请使用上一页返回的 nextCursor（after 参数）`,
      `page numbers reach ${rows} rows deep; continue with the previous page's nextCursor (after)`,
    );
  }
}

/** The OFFSET of a page number, refused past MAX_OFFSET_ROWS; 0 when a cursor is given. */
export function pageOffset(page: number, pageSize: number, after: string | undefined): number {
  if (after) return 0;
  const offset = (page - 1) * pageSize;
  if (offset > MAX_OFFSET_ROWS) throw PagingException.tooDeep(MAX_OFFSET_ROWS);
  return offset;
}

/** Totals are counted exactly up to this many rows; above it the answer says `totalExact: false`. */
export const COUNT_CAP = 10_000;
/** Page numbers reach this many rows deep; past it, follow `nextCursor` with `after`. */
export const MAX_OFFSET_ROWS = 10_000;

export interface PageTotal {
  total: number;
  totalExact: boolean;
}

/** A capped count (`count` of at most cap + 1 rows) as the answer's total. */
export function cappedTotal(counted: number, cap = COUNT_CAP): PageTotal {
  return counted > cap ? { total: cap, totalExact: false } : { total: counted, totalExact: true };
}

/** `SELECT count(*) … FROM (rows LIMIT cap + 1)`: stops after cap + 1 rows. `rowsSql` selects the matching rows. */
export function cappedCountSql(rowsSql: string, limitPlaceholder: string): string {
  return `SELECT count(*)::int AS n FROM (${rowsSql} LIMIT ${limitPlaceholder}) capped`;
}

/** The cursor after a row: the sort's name and the row's sort key values as text (exact, round-trips through ::type). */
export function encodeCursor(sort: string, keys: (string | null)[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: keys }), 'utf8').toString('base64url');
}

/** The key values of a cursor made by encodeCursor for this sort, or null when it is not one. */
export function decodeCursor(cursor: string, sort: string, arity: number): string[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { s, k } = value as { s?: unknown; k?: unknown };
    if (s !== sort || !Array.isArray(k) || k.length !== arity || !k.every((x) => typeof x === 'string')) return null;
    return k as string[];
  } catch {
    return null;
  }
}

/** One sort of a keyset-paged list: key expressions (all in one direction, so a row comparison is an index range), their SQL types. */
export interface KeysetSort {
  keys: string[];
  types: string[];
  direction: 'ASC' | 'DESC';
}

/** `ORDER BY` for a keyset sort. */
export function keysetOrderBy(sort: KeysetSort): string {
  return sort.keys.map((k) => `${k} ${sort.direction}`).join(', ');
}

/** `SELECT` list items `key::text AS k0, …` so the last row's keys can become the next cursor. */
export function keysetColumns(sort: KeysetSort): string {
  return sort.keys.map((k, i) => `(${k})::text AS k${i}`).join(', ');
}

/**
 * `(keys) > (cursor)` (or `<` for DESC), with the cursor's values as parameters via `p`. The first
 * key's bound is repeated on its own (`k0 >= v0 AND …`) so an index whose key is only the first
 * column (after equality columns) still starts the scan at the cursor.
 */
export function keysetAfter(sort: KeysetSort, values: string[], p: (value: unknown) => string): string {
  const right = values.map((v, i) => `${p(v)}::${sort.types[i]}`);
  const asc = sort.direction === 'ASC';
  return `${sort.keys[0]} ${asc ? '>=' : '<='} ${right[0]} AND (${sort.keys.join(', ')}) ${asc ? '>' : '<'} (${right.join(', ')})`;
}

/** The next cursor from the last row of a page that had more rows after it. */
export function nextCursorOf(sortName: string, sort: KeysetSort, last: Record<string, unknown> | undefined, more: boolean): string | null {
  if (!last || !more) return null;
  return encodeCursor(
    sortName,
    sort.keys.map((_, i) => (last[`k${i}`] === null || last[`k${i}`] === undefined ? null : String(last[`k${i}`]))),
  );
}

/** What a paged list is asked for: a page number, or the cursor a previous page returned. */
export interface PageRequest {
  page: number;
  pageSize: number;
  after?: string;
}

/**
 * The keyset parts of one page's statement for a list sorted by `sort` (named `sortName` in its
 * cursors), parameters placed through `p`:
 * - `afterCursor`: the condition to AND into the WHERE, null without a cursor (a cursor of another
 *   list or sort is a 400, PagingException.badCursor; a page number past MAX_OFFSET_ROWS is too);
 * - `columns`: the sort keys to select, from which the next cursor is made;
 * - `orderAndLimit`: ORDER BY … LIMIT pageSize + 1 (one row more tells whether a next page exists),
 *   with the OFFSET of a page number;
 * - `cut(rows)`: the fetched rows as the page's items and its next cursor.
 */
export function keysetPage(sortName: string, sort: KeysetSort, request: PageRequest, p: (value: unknown) => string) {
  const offset = pageOffset(request.page, request.pageSize, request.after);
  let afterCursor: string | null = null;
  if (request.after) {
    const values = decodeCursor(request.after, sortName, sort.keys.length);
    if (!values) throw PagingException.badCursor();
    afterCursor = keysetAfter(sort, values, p);
  }
  return {
    afterCursor,
    columns: keysetColumns(sort),
    orderAndLimit: `ORDER BY ${keysetOrderBy(sort)} LIMIT ${p(request.pageSize + 1)}${offset > 0 ? ` OFFSET ${p(offset)}` : ''}`,
    cut<R extends Record<string, unknown>>(rows: R[]): { items: R[]; nextCursor: string | null } {
      const items = rows.slice(0, request.pageSize);
      return { items, nextCursor: nextCursorOf(sortName, sort, items[items.length - 1], rows.length > request.pageSize) };
    },
  };
}
