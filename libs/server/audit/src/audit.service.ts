import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuditEventResponse, Page } from '@luoshi/contracts';
import {
  cappedCountSql,
  cappedTotal,
  COUNT_CAP,
  type KeysetSort,
  keysetPage,
  type RequestActor,
  type AuditRecord,
  type AuditTrail,
  type Sql,
  SqlParams,
} from '@luoshi/server/platform';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditQuery {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  q?: string;
  page: number;
  pageSize: number;
  after?: string;
}

/** Audit snapshots are JSON objects; a bare value is wrapped so jsonb keeps it. */
function toJson(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

@Injectable()
export class AuditService implements AuditTrail {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /**
   * Writes the audit event inside the caller's transaction, so a change and its record commit
   * or roll back together.
   */
  async record(manager: Sql, actor: RequestActor, record: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_id, actor_name, action, subject_type, subject_id, before, after, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        actor.user?.id ?? null,
        actor.user ? `${actor.user.displayName} (${actor.user.username})` : null,
        record.action,
        record.subjectType,
        record.subjectId ?? null,
        toJson(record.before),
        toJson(record.after),
        actor.requestId,
        actor.ip,
      ],
    );
  }

  /**
   * One page of the log, newest first: the rows from audit_event_order_idx (at, id) — or the
   * action/actor/subject indexes — from the `after` cursor on (page numbers for the first 10,000
   * rows); the total is a count capped at COUNT_CAP (`totalExact: false` above it).
   */
  async search(query: AuditQuery): Promise<Page<AuditEventResponse>> {
    const where = (p: (v: unknown) => string): string[] => {
      const w: string[] = [];
      if (query.action) w.push(`e.action = ${p(query.action)}`);
      if (query.subjectType) w.push(`e.subject_type = ${p(query.subjectType)}`);
      if (query.subjectId) w.push(`e.subject_id = ${p(query.subjectId)}`);
      if (query.actorId) w.push(`e.actor_id = ${p(query.actorId)}`);
      if (query.from) w.push(`e.at >= ${p(query.from)}`);
      if (query.to) w.push(`e.at < ${p(query.to)}`);
      if (query.q) {
        const q = p(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        w.push(`(e.actor_name ILIKE ${q} OR e.action ILIKE ${q})`);
      }
      return w;
    };
    const page = new SqlParams();
    const conditions = where(page.p);
    const keyset = keysetPage(AUDIT_SORT_NAME, AUDIT_SORT, query, page.p);
    if (keyset.afterCursor) conditions.push(keyset.afterCursor);
    const count = new SqlParams();
    const countConditions = where(count.p);
    const clause = (c: string[]) => (c.length ? `WHERE ${c.join(' AND ')}` : '');
    const [rows, [{ n }]] = await Promise.all([
      this.events.query(
        `SELECT e.id::text AS id, e.at, e.actor_id AS "actorId", e.actor_name AS "actorName", e.action, e.subject_type AS "subjectType",
                e.subject_id AS "subjectId", e.before, e.after, e.request_id AS "requestId", e.ip, ${keyset.columns}
           FROM audit_event e ${clause(conditions)}
          ${keyset.orderAndLimit}`,
        page.values,
      ) as Promise<(AuditRow & Record<string, unknown>)[]>,
      this.events.query(cappedCountSql(`SELECT 1 FROM audit_event e ${clause(countConditions)}`, count.p(COUNT_CAP + 1)), count.values) as Promise<{ n: number }[]>,
    ]);
    const { items, nextCursor } = keyset.cut(rows);
    return {
      items: items.map((e) => ({
        id: e.id,
        at: new Date(e.at).toISOString(),
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        before: e.before,
        after: e.after,
        requestId: e.requestId,
        ip: e.ip,
      })),
      ...cappedTotal(n),
      page: query.page,
      pageSize: query.pageSize,
      nextCursor,
    };
  }
}

interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
}

const AUDIT_SORT_NAME = '-at';
const AUDIT_SORT: KeysetSort = { keys: ['e.at', 'e.id'], types: ['timestamptz', 'bigint'], direction: 'DESC' };

