import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import type { AuditEventResponse, Page } from '@luoshi/contracts';
import type { RequestActor } from '@luoshi/server/platform';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
}

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
}

/** Audit snapshots are JSON objects; a bare value is wrapped so jsonb keeps it. */
function toJson(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /**
   * Writes the audit event inside the caller's transaction, so a change and its record commit
   * or roll back together.
   */
  async record(manager: EntityManager, actor: RequestActor, record: AuditRecord): Promise<void> {
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

  async search(query: AuditQuery): Promise<Page<AuditEventResponse>> {
    const qb = this.events.createQueryBuilder('e');
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.at < :to', { to: query.to });
    if (query.q) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('e.actor_name ILIKE :q', { q: `%${query.q}%` }).orWhere('e.action ILIKE :q', { q: `%${query.q}%` }),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((e) => ({
        id: String(e.id),
        at: e.at.toISOString(),
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
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
