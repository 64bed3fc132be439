export interface AuditEventResponse {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface Page<T> {
  items: T[];
  /** Exact when totalExact; otherwise at least this many (a count capped at 10,000: show "10,000+"). */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  /** Pass as `after` for the next page (null on the last page); page numbers reach 10,000 rows deep. */
  nextCursor: string | null;
}
