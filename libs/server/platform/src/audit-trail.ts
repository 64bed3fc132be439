import type { RequestActor } from './access-policy';
import type { Sql } from './database/rows-by-id';

/** One entry of the audit log: what was done to which subject, with its state before and after. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The audit log as the platform writes to it (a refused request is recorded): the audit capability
 * owns the table and provides this port, since the platform sits under it and cannot import it.
 */
export interface AuditTrail {
  /** Writes the entry inside `m`'s transaction, so a change and its record commit or roll back together. */
  record(m: Sql, actor: RequestActor, record: AuditRecord): Promise<void>;
}
export const AUDIT_TRAIL = Symbol('AUDIT_TRAIL');
