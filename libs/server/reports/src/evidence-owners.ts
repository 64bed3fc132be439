import { DRAFT_FILE_TYPES, EVIDENCE_FILE_TYPES, type EvidenceFileType, type EvidenceOwnerType } from '@luoshi/contracts';
import type { TaskState } from '@luoshi/domain/workflow';
import type { Sql } from '@luoshi/server/platform';
import { isLeadDepartmentMember, type TaskAccessSubject, type TaskAccessUser, type TaskReader } from '@luoshi/server/tasks';
import { ReportException } from './report.exception';

/** What each owner accepts: evidence for reports and tasks, documents the plan import reads for drafts. */
export const ALLOWED_TYPES: Record<EvidenceOwnerType, readonly EvidenceFileType[]> = {
  progress_report: EVIDENCE_FILE_TYPES,
  task: EVIDENCE_FILE_TYPES,
  special_action_plan: DRAFT_FILE_TYPES,
};

const EDITABLE = ['draft', 'returned'];

interface OwnerRow {
  taskId: string;
  taskStatus: TaskState;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  status?: string;
  locksOn?: string;
  firstSubmittedAt?: Date | null;
}

/** The owner's own fields, before its task's are added. */
type OwnRow = Omit<OwnerRow, 'taskStatus' | 'leadDepartmentId' | 'coDepartmentIds'>;

/** A report's or special action plan's own row (its task is read from the tasks capability); a task is its own owner. */
const OWN_ROW_SQL: Record<Exclude<EvidenceOwnerType, 'task'>, string> = {
  progress_report: `SELECT r.task_id AS "taskId", r.status, r.locks_on::text AS "locksOn", r.first_submitted_at AS "firstSubmittedAt"
                      FROM progress_report r WHERE r.id = $1`,
  special_action_plan: `SELECT s.task_id AS "taskId", s.status FROM special_action_plan s WHERE s.id = $1`,
};

const OWNER_NAMES: Record<EvidenceOwnerType, string> = { progress_report: '进展报告', task: '任务', special_action_plan: '专项行动计划' };

export const toAccessSubject = (r: OwnerRow): TaskAccessSubject => ({
  status: r.taskStatus,
  leadDepartmentId: r.leadDepartmentId,
  coDepartmentIds: r.coDepartmentIds,
});

/** The owner and its task, optionally locked (the owner's own row) for the rest of the transaction. */
export async function findOwner(tasks: TaskReader, m: Sql, ownerType: EvidenceOwnerType, ownerId: string, lock = false): Promise<OwnerRow> {
  const [own]: OwnRow[] =
    ownerType === 'task' ? [{ taskId: ownerId }] : await m.query(`${OWN_ROW_SQL[ownerType]}${lock ? ' FOR UPDATE' : ''}`, [ownerId]);
  const task = own ? (await tasks.refs(m, [own.taskId], { lock: lock && ownerType === 'task' })).get(own.taskId) : undefined;
  if (!own || !task) throw ReportException.notFound(OWNER_NAMES[ownerType], ownerId);
  return { ...own, taskStatus: task.status, leadDepartmentId: task.leadDepartmentId, coDepartmentIds: task.coDepartmentIds };
}

/**
 * May `user` attach a file to this owner now? The lead department's liaison or head, while the
 * report or draft is still editable (draft or returned, period not locked) or the task still open.
 */
export async function assertCanAttach(
  tasks: TaskReader,
  m: Sql,
  ownerType: EvidenceOwnerType,
  ownerId: string,
  user: TaskAccessUser,
  today: string,
): Promise<OwnerRow> {
  const owner = await findOwner(tasks, m, ownerType, ownerId, true);
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

