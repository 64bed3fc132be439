/**
 * Who may call what: every route of the API × every caller × the caller's own department and
 * another one, with the expected answer. A new route without a row fails the access-matrix test.
 *
 * Answers: `allow` (passes the access checks: any status but 401/403), `deny` (403),
 * `hidden` (403 or 404: a subject of another department), `unauthenticated` (401).
 * A cell is one answer for both departments, or [own department, other department].
 */
export type Answer = 'allow' | 'deny' | 'hidden' | 'unauthenticated';
export type Cell = Answer | [Answer, Answer];
export const CALLERS = ['anonymous', 'office_admin', 'office_reviewer', 'leader', 'viewer', 'dept_liaison', 'dept_head'] as const;
export type Caller = (typeof CALLERS)[number];
export type MatrixRow = Record<Caller, Cell>;

export const ACCESS_MATRIX: Record<string, MatrixRow> = {};
