import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApprovalDelegationResponse } from '@luoshi/contracts';
import { type ApprovalDelegation, dateOfInstant } from '@luoshi/domain/workflow';
import { AuditService } from '@luoshi/server/audit';
import { UserDirectory } from '@luoshi/server/identity';
import { type AuthUser, hasAnyRole, type SignedInActor, type Sql } from '@luoshi/server/platform';
import { ApprovalException } from './approval.exception';

interface DelegationRow {
  id: string;
  fromUserId: string;
  toUserId: string;
  fromDate: string;
  toDate: string;
  reason: string | null;
  createdBy: string;
  createdAt: Date;
}

const SELECT = `
  SELECT d.id, d.from_user_id AS "fromUserId", d.to_user_id AS "toUserId", d.from_date::text AS "fromDate",
         d.to_date::text AS "toDate", d.reason, d.created_by AS "createdBy", d.created_at AS "createdAt"
    FROM approval_delegation d`;

export const todayInBeijing = () => dateOfInstant(new Date().toISOString());

/**
 * 委托: A lets B decide A's approvals for a date range. B then sees A's items in the to-do box and
 * acts "B 代 A"; A can still act. Not chained (B's own delegate cannot act for A).
 */
@Injectable()
export class ApprovalDelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UserDirectory,
  ) {}

  /** Live delegations to `userId` (the engine checks the dates against the action's instant). */
  async delegationsTo(m: EntityManager, userId: string): Promise<ApprovalDelegation[]> {
    const rows: { fromUserId: string; toUserId: string; from: string; to: string }[] = await m.query(
      `SELECT from_user_id AS "fromUserId", to_user_id AS "toUserId", from_date::text AS "from", to_date::text AS "to"
         FROM approval_delegation WHERE to_user_id = $1 AND revoked_at IS NULL AND to_date >= $2::date - 1`,
      [userId, todayInBeijing()],
    );
    return rows;
  }

  /** Who has delegated to `userId` today. */
  async delegatorsOf(m: EntityManager, userId: string, date = todayInBeijing()): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT DISTINCT from_user_id AS id FROM approval_delegation
        WHERE to_user_id = $1 AND revoked_at IS NULL AND from_date <= $2::date AND to_date >= $2::date`,
      [userId, date],
    );
    return rows.map((r) => r.id);
  }

  /** Today's delegates of each of `userIds` (to copy them on what their delegator must decide). */
  async delegatesOf(m: EntityManager, userIds: string[], date = todayInBeijing()): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT DISTINCT to_user_id AS id FROM approval_delegation
        WHERE from_user_id = ANY($1::uuid[]) AND revoked_at IS NULL AND from_date <= $2::date AND to_date >= $2::date`,
      [userIds, date],
    );
    return rows.map((r) => r.id);
  }

  async list(user: AuthUser): Promise<ApprovalDelegationResponse[]> {
    const all = hasAnyRole(user, ['office_admin']);
    const rows: DelegationRow[] = await this.dataSource.query(
      `${SELECT} WHERE d.revoked_at IS NULL AND ($2::boolean OR d.from_user_id = $1 OR d.to_user_id = $1)
        ORDER BY d.from_date DESC, d.created_at DESC`,
      [user.id, all],
    );
    return this.respond(this.dataSource, rows);
  }

  async create(input: { fromUserId?: string; toUserId: string; fromDate: string; toDate: string; reason?: string }, actor: SignedInActor): Promise<ApprovalDelegationResponse> {
    const fromUserId = input.fromUserId ?? actor.user.id;
    if (fromUserId !== actor.user.id && !hasAnyRole(actor.user, ['office_admin'])) throw ApprovalException.delegationForbidden();
    if (fromUserId === input.toUserId) throw ApprovalException.delegationInvalid('不能委托给本人', 'Cannot delegate to yourself');
    assertRange(input.fromDate, input.toDate);
    const id = await this.dataSource.transaction(async (m) => {
      await this.assertActiveUser(m, 'fromUserId', fromUserId);
      await this.assertActiveUser(m, 'toUserId', input.toUserId);
      await this.assertMayStandIn(m, fromUserId, input.toUserId);
      const [row] = await m.query(
        `INSERT INTO approval_delegation (from_user_id, to_user_id, from_date, to_date, reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [fromUserId, input.toUserId, input.fromDate, input.toDate, input.reason ?? null, actor.user.id],
      );
      await this.audit.record(m, actor, { action: 'approval_delegation.create', subjectType: 'approval_delegation', subjectId: row.id, after: { fromUserId, ...input } });
      return row.id as string;
    });
    return this.one(id);
  }

  async update(id: string, input: { fromDate?: string; toDate?: string; reason?: string }, actor: SignedInActor): Promise<ApprovalDelegationResponse> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.owned(m, id, actor.user);
      const fromDate = input.fromDate ?? before.fromDate;
      const toDate = input.toDate ?? before.toDate;
      assertRange(fromDate, toDate);
      await m.query(`UPDATE approval_delegation SET from_date = $2, to_date = $3, reason = $4, updated_at = now() WHERE id = $1`, [
        id,
        fromDate,
        toDate,
        input.reason ?? before.reason,
      ]);
      await this.audit.record(m, actor, {
        action: 'approval_delegation.update',
        subjectType: 'approval_delegation',
        subjectId: id,
        before: { fromDate: before.fromDate, toDate: before.toDate, reason: before.reason },
        after: { fromDate, toDate, reason: input.reason ?? before.reason },
      });
    });
    return this.one(id);
  }

  async revoke(id: string, actor: SignedInActor): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.owned(m, id, actor.user);
      await m.query(`UPDATE approval_delegation SET revoked_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(m, actor, { action: 'approval_delegation.revoke', subjectType: 'approval_delegation', subjectId: id, before: (await this.respond(m, [before]))[0] });
    });
  }

  private async one(id: string): Promise<ApprovalDelegationResponse> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE d.id = $1`, [id])) as DelegationRow[];
    if (!row) throw ApprovalException.delegationNotFound(id);
    return (await this.respond(this.dataSource, [row]))[0];
  }

  /** The rows with both users' display names, read in one batch. */
  private async respond(m: Sql, rows: DelegationRow[]): Promise<ApprovalDelegationResponse[]> {
    const names = await this.users.displayNames(m, rows.flatMap((r) => [r.fromUserId, r.toUserId]));
    return rows.map((r) => toResponse(r, names));
  }

  /** The delegator, whoever created it, or an office administrator may change it. */
  private async owned(m: EntityManager, id: string, user: AuthUser): Promise<DelegationRow> {
    const [row] = (await m.query(`${SELECT} WHERE d.id = $1 AND d.revoked_at IS NULL FOR UPDATE OF d`, [id])) as DelegationRow[];
    if (!row) throw ApprovalException.delegationNotFound(id);
    if (row.fromUserId !== user.id && row.createdBy !== user.id && !hasAnyRole(user, ['office_admin'])) throw ApprovalException.delegationForbidden();
    return row;
  }

  private async assertActiveUser(m: EntityManager, field: string, id: string): Promise<void> {
    if (!(await this.users.activeAmong(m, [id])).has(id)) throw ApprovalException.badUser(field, id);
  }

  /**
   * A delegate stands in within the delegator's department and must hold a role that decides
   * approvals (a liaison or a viewer never decides); each decision is still checked against the
   * step's template rules when it is made.
   */
  private async assertMayStandIn(m: EntityManager, fromUserId: string, toUserId: string): Promise<void> {
    const users = await this.users.profiles(m, [fromUserId, toUserId]);
    const from = users.get(fromUserId);
    const to = users.get(toUserId);
    // As SQL's `=` did: two users without a department are not in the same one.
    if (!from?.departmentId || from.departmentId !== to?.departmentId) {
      throw ApprovalException.delegationInvalid('只能委托给本单位的人员', 'A delegate must belong to the delegator\'s department');
    }
    if (!to.roles.some((r) => DECIDING_ROLES.includes(r))) {
      throw ApprovalException.delegationInvalid(
        `受托人须具有审批角色（${DECIDING_ROLES.join('、')}）`,
        `A delegate must hold an approving role (${DECIDING_ROLES.join(', ')})`,
      );
    }
  }
}

/** Roles that approver rules can name for deciding a step; the others (liaison, viewer) never decide. */
const DECIDING_ROLES = ['dept_head', 'office_reviewer', 'office_admin', 'leader'];

function assertRange(fromDate: string, toDate: string): void {
  if (toDate < fromDate) {
    throw ApprovalException.delegationInvalid(`结束日期 ${toDate} 早于开始日期 ${fromDate}`, `toDate ${toDate} is before fromDate ${fromDate}`);
  }
}

function toResponse(r: DelegationRow, names: Map<string, string>): ApprovalDelegationResponse {
  const today = todayInBeijing();
  return {
    id: r.id,
    from: { id: r.fromUserId, displayName: names.get(r.fromUserId) ?? '' },
    to: { id: r.toUserId, displayName: names.get(r.toUserId) ?? '' },
    fromDate: r.fromDate,
    toDate: r.toDate,
    reason: r.reason,
    active: r.fromDate <= today && today <= r.toDate,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
