import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovalSubjectType } from '@luoshi/contracts';
import type { ApprovalHistoryEntry, ApprovalInstanceState } from '@luoshi/domain/workflow';
import { CalendarService } from '@luoshi/server/calendar';
import { ApprovalException } from './approval.exception';
import { type DerivedInstanceColumns, deriveInstanceColumns } from './derive-instance-columns';

/** Who the approver rules resolve against; kept on the instance for later steps and timeouts. */
export interface ApprovalContext {
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  draftingDepartmentId: string | null;
}

export interface InstanceRow {
  id: string;
  templateCode: string;
  templateVersion: number;
  subjectType: ApprovalSubjectType;
  subjectId: string;
  taskId: string | null;
  departmentId: string | null;
  context: ApprovalContext;
  title: string;
  link: string | null;
  state: ApprovalInstanceState;
  version: number;
  drafterId: string;
  stepDeadline: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const INSTANCE_COLUMNS = `
  i.id, i.template_code AS "templateCode", i.template_version AS "templateVersion", i.subject_type AS "subjectType",
  i.subject_id AS "subjectId", i.task_id AS "taskId", i.department_id AS "departmentId", i.context, i.title, i.link,
  i.state, i.version, i.drafter_id AS "drafterId", i.step_deadline AS "stepDeadline", i.created_at AS "createdAt",
  i.updated_at AS "updatedAt"`;

export interface NewInstance {
  subjectType: ApprovalSubjectType;
  subjectId: string;
  taskId: string | null;
  context: ApprovalContext;
  title: string;
  link: string | null;
  state: ApprovalInstanceState;
}

/**
 * Rows of approval_instance and approval_action. The state column is the engine's state; the
 * derived columns (status, pending approvers, cc, step deadline) are rewritten with it every time.
 */
@Injectable()
export class ApprovalStore {
  constructor(private readonly calendar: CalendarService) {}

  async find(m: EntityManager, id: string): Promise<InstanceRow> {
    const [row] = await m.query(`SELECT ${INSTANCE_COLUMNS} FROM approval_instance i WHERE i.id = $1`, [id]);
    if (!row) throw ApprovalException.notFound(id);
    return row as InstanceRow;
  }

  async derive(state: ApprovalInstanceState): Promise<DerivedInstanceColumns> {
    return deriveInstanceColumns(state, await this.calendar.calendar());
  }

  async insert(m: EntityManager, input: NewInstance): Promise<{ id: string; derived: DerivedInstanceColumns }> {
    const derived = await this.derive(input.state);
    const [row] = await m.query(
      `INSERT INTO approval_instance (template_code, template_version, subject_type, subject_id, task_id, department_id, context,
                                      title, link, state, status, current_step_key, pending_approvers, cc_user_ids, step_deadline,
                                      version, drafter_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING id`,
      [
        input.state.templateSnapshot.code,
        input.state.templateSnapshot.version,
        input.subjectType,
        input.subjectId,
        input.taskId,
        input.context.leadDepartmentId,
        input.context,
        input.title,
        input.link,
        input.state,
        derived.status,
        derived.currentStepKey,
        derived.pendingApprovers,
        derived.ccUserIds,
        derived.stepDeadline,
        input.state.version,
        input.state.drafterId,
      ],
    );
    await this.appendActions(m, row.id, input.state.history);
    return { id: row.id as string, derived };
  }

  /**
   * `UPDATE approval_instance … WHERE id = $1 AND version = $2`: of concurrent decisions read at the
   * same version exactly one matches (the others wait for its commit, then find the version moved)
   * and the rest get 409 APPROVAL_STALE. The action rows of the new history entries go in too.
   */
  async update(m: EntityManager, row: InstanceRow, next: ApprovalInstanceState): Promise<DerivedInstanceColumns> {
    const derived = await this.derive(next);
    const [updated] = (await m.query(
      `UPDATE approval_instance
          SET state = $3, status = $4, current_step_key = $5, pending_approvers = $6, cc_user_ids = $7, step_deadline = $8,
              version = $9, updated_at = now(), finished_at = CASE WHEN $10::boolean THEN now() END
        WHERE id = $1 AND version = $2
        RETURNING id`,
      [row.id, row.version, next, derived.status, derived.currentStepKey, derived.pendingApprovers, derived.ccUserIds, derived.stepDeadline, next.version, derived.finished],
    )) as [{ id: string }[], number];
    if (updated.length === 0) {
      const [current] = await m.query(`SELECT version FROM approval_instance WHERE id = $1`, [row.id]);
      throw ApprovalException.stale(current?.version ?? row.version, row.version);
    }
    await this.appendActions(
      m,
      row.id,
      next.history.filter((e) => e.version > row.version),
    );
    return derived;
  }

  private async appendActions(m: EntityManager, instanceId: string, entries: ApprovalHistoryEntry[]): Promise<void> {
    for (const e of entries) {
      const data: Record<string, unknown> = {};
      if (e.position) data['position'] = e.position;
      if (e.toStepKey !== undefined) data['toStepKey'] = e.toStepKey;
      if (e.userIds) data['userIds'] = e.userIds;
      if (e.timeoutOutcome) data['timeoutOutcome'] = e.timeoutOutcome;
      await m.query(
        `INSERT INTO approval_action (instance_id, actor_id, on_behalf_of, action, comment, step_key, target_user_id, data, version, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [instanceId, e.actorId, e.onBehalfOf ?? null, e.type, e.comment ?? null, e.stepKey, e.toUserId ?? e.userId ?? null, data, e.version, e.at],
      );
    }
  }
}
