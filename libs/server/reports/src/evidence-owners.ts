import type { EntityManager } from 'typeorm';
import { DRAFT_FILE_TYPES, EVIDENCE_FILE_TYPES, type EvidenceFileType, type EvidenceOwnerType } from '@luoshi/contracts';
import type { TaskState } from '@luoshi/domain/workflow';
import { isLeadDepartmentMember, type TaskAccessSubject, type TaskAccessUser } from '@luoshi/server/tasks';
import { ReportException } from './report.exception';

/** What each owner accepts: evidence for reports and tasks, documents the plan import reads for drafts. */
export const ALLOWED_TYPES: Record<EvidenceOwnerType, readonly EvidenceFileType[]> = {
  progress_report: EVIDENCE_FILE_TYPES,
  task: EVIDENCE_FILE_TYPES,
  special_action_plan: DRAFT_FILE_TYPES,
};

const EDITABLE = ['draft', 'returned'];
const TASK_COLUMNS = `t.id AS "taskId", t.status AS "taskStatus", t.lead_department_id AS "leadDepartmentId", t.co_department_ids AS "coDepartmentIds"`;

interface OwnerRow {
  taskId: string;
  taskStatus: TaskState;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  status?: string;
  locksOn?: string;
  firstSubmittedAt?: Date | null;
}

const OWNER_SQL: Record<EvidenceOwnerType, string> = {
  progress_report: `SELECT ${TASK_COLUMNS}, r.status, r.locks_on::text AS "locksOn", r.first_submitted_at AS "firstSubmittedAt"
                      FROM progress_report r JOIN task t ON t.id = r.task_id WHERE r.id = $1`,
  task: `SELECT ${TASK_COLUMNS} FROM task t WHERE t.id = $1`,
  special_action_plan: `SELECT ${TASK_COLUMNS}, s.status FROM special_action_plan s JOIN task t ON t.id = s.task_id WHERE s.id = $1`,
};

const OWNER_NAMES: Record<EvidenceOwnerType, string> = { progress_report: '进展报告', task: '任务', special_action_plan: '专项行动计划' };

export const toAccessSubject = (r: OwnerRow): TaskAccessSubject => ({
  status: r.taskStatus,
  leadDepartmentId: r.leadDepartmentId,
  coDepartmentIds: r.coDepartmentIds,
});

/** The owner and its task, optionally locked for the rest of the transaction. */
export async function findOwner(m: EntityManager, ownerType: EvidenceOwnerType, ownerId: string, lock = false): Promise<OwnerRow> {
  const table = { progress_report: 'r', task: 't', special_action_plan: 's' }[ownerType];
  const [row] = (await m.query(`${OWNER_SQL[ownerType]}${lock ? ` FOR UPDATE OF ${table}` : ''}`, [ownerId])) as OwnerRow[];
  if (!row) throw ReportException.notFound(OWNER_NAMES[ownerType], ownerId);
  return row;
}

/**
 * May `user` attach a file to this owner now? The lead department's liaison or head, while the
 * report or draft is still editable (draft or returned, period not locked) or the task still open.
 */
export async function assertCanAttach(m: EntityManager, ownerType: EvidenceOwnerType, ownerId: string, user: TaskAccessUser, today: string): Promise<OwnerRow> {
  const owner = await findOwner(m, ownerType, ownerId, true);
  if (!isLeadDepartmentMember(user, toAccessSubject(owner))) {
    throw ReportException.forbidden('只有牵头单位的联络员或负责人可以上传材料', "Only the lead department's liaison or head may upload");
  }
  if (ownerType === 'task' && (owner.taskStatus === 'completed' || owner.taskStatus === 'cancelled')) {
    throw ReportException.ownerLocked('任务已办结或撤销，不能再上传材料');
  }
  if (ownerType !== 'task' && !EDITABLE.includes(owner.status ?? '')) {
    throw ReportException.ownerLocked(`${OWNER_NAMES[ownerType]}已提交审批，不能再上传材料`);
  }
  if (ownerType === 'progress_report' && owner.locksOn && !owner.firstSubmittedAt && today > owner.locksOn) {
    throw ReportException.periodLocked(owner.locksOn);
  }
  return owner;
}

