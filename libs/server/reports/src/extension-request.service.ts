import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ExtensionRequestResponse, ReportStatus } from '@luoshi/contracts';
import { isIsoDate } from '@luoshi/domain/calendar';
import { isTerminalTaskState, reportEventForApprovalStatus } from '@luoshi/domain/workflow';
import { type ApprovalFinish, ApprovalService, type ApprovalSubjectHandler, ApprovalSubjects } from '@luoshi/server/approvals';
import { AuditService } from '@luoshi/server/audit';
import { type AuthUser, type RequestActor, UnitOfWork } from '@luoshi/server/platform';
import { assertCanSee, isLeadDepartmentMember, TaskStore } from '@luoshi/server/tasks';
import { ReportErrorCode, ReportException } from './report.exception';
import { nextReportState } from './report-transition';

type Actor = RequestActor & { user: AuthUser };

interface ExtensionRow {
  id: string;
  taskId: string;
  currentDueDate: string | null;
  newDueDate: string;
  reason: string;
  status: ReportStatus;
  approvalId: string | null;
  returnComment: string | null;
  requestedBy: string;
  requesterName: string;
  createdAt: Date;
  decidedAt: Date | null;
}

const SELECT = `
  SELECT x.id, x.task_id AS "taskId", x.current_due_date::text AS "currentDueDate", x.new_due_date::text AS "newDueDate",
         x.reason, x.status, x.approval_instance_id AS "approvalId", x.return_comment AS "returnComment",
         x.requested_by AS "requestedBy", u.display_name AS "requesterName", x.created_at AS "createdAt", x.decided_at AS "decidedAt"
    FROM extension_request x JOIN app_user u ON u.id = x.requested_by`;

/** States a deadline can be moved in: the task is running. */
const EXTENDABLE = ['assigned', 'accepted', 'in_progress'];

const toResponse = (r: ExtensionRow): ExtensionRequestResponse => ({
  id: r.id,
  taskId: r.taskId,
  currentDueDate: r.currentDueDate,
  newDueDate: r.newDueDate,
  reason: r.reason,
  status: r.status,
  approvalId: r.approvalId,
  returnComment: r.returnComment,
  requestedBy: { id: r.requestedBy, displayName: r.requesterName },
  createdAt: new Date(r.createdAt).toISOString(),
  decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
});

/**
 * 延期申请: the lead department asks for a later due date (dept head → office reviewer → office
 * admin). Approved, the task's due date moves through TaskStore in the deciding transaction, so its
 * reminder rows are re-planned there too (old ones cancelled, new ones at the new date).
 */
@Injectable()
export class ExtensionRequestService implements ApprovalSubjectHandler, OnModuleInit {
  readonly subjectType = 'extension_request' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly approvals: ApprovalService,
    private readonly subjects: ApprovalSubjects,
    private readonly taskStore: TaskStore,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  async create(taskId: string, input: { newDueDate: string; reason: string }, actor: Actor): Promise<ExtensionRequestResponse> {
    if (!isIsoDate(input.newDueDate)) throw ReportException.extensionBadDate(`newDueDate: 日期无效“${input.newDueDate}”`, `newDueDate: invalid date`);
    const id = await this.unitOfWork.run(async (m) => {
      const task = await this.taskStore.find(m, taskId, { lock: true });
      if (!isLeadDepartmentMember(actor.user, task)) {
        throw ReportException.forbidden('只有牵头单位的联络员或负责人可以申请延期', "Only the lead department's liaison or head may ask for an extension");
      }
      if (!EXTENDABLE.includes(task.status)) throw ReportException.taskNotOpen(task.status);
      if (!task.dueDate) throw ReportException.extensionNoDeadline();
      if (input.newDueDate <= task.dueDate) {
        throw ReportException.extensionBadDate(
          `新的完成时限 ${input.newDueDate} 须晚于当前时限 ${task.dueDate}`,
          `newDueDate ${input.newDueDate} must be after the current due date ${task.dueDate}`,
        );
      }
      const [open] = await m.query(`SELECT 1 FROM extension_request WHERE task_id = $1 AND status IN ('submitted', 'in_approval')`, [taskId]);
      if (open) throw ReportException.openRequestExists('延期申请');
      const status = nextReportState('draft', 'submit', 'start_approval');
      const [row] = await m.query(
        `INSERT INTO extension_request (task_id, current_due_date, new_due_date, reason, status, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [taskId, task.dueDate, input.newDueDate, input.reason.trim(), status, actor.user.id],
      );
      const started = await this.approvals.start(
        m,
        {
          subjectType: 'extension_request',
          subjectId: row.id,
          taskId,
          title: `延期申请：${task.code} ${task.title}（${task.dueDate} → ${input.newDueDate}）`.slice(0, 300),
          link: `/tasks/${taskId}`,
          leadDepartmentId: task.leadDepartmentId,
          coDepartmentIds: task.coDepartmentIds,
          drafter: actor.user,
        },
        actor,
      );
      await m.query(`UPDATE extension_request SET approval_instance_id = $2 WHERE id = $1`, [row.id, started.instanceId]);
      await this.audit.record(m, actor, {
        action: 'extension_request.submit',
        subjectType: 'extension_request',
        subjectId: row.id,
        after: { taskId, currentDueDate: task.dueDate, newDueDate: input.newDueDate, reason: input.reason, approvalId: started.instanceId },
      });
      return row.id as string;
    });
    return this.get(id, actor.user);
  }

  async get(id: string, user: AuthUser): Promise<ExtensionRequestResponse> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE x.id = $1`, [id])) as ExtensionRow[];
    if (!row) throw ReportException.notFound('延期申请', id, ReportErrorCode.REQUEST_NOT_FOUND);
    assertCanSee(user, await this.taskStore.find(this.dataSource.manager, row.taskId));
    return toResponse(row);
  }

  async forTask(taskId: string, user: AuthUser): Promise<ExtensionRequestResponse[]> {
    assertCanSee(user, await this.taskStore.find(this.dataSource.manager, taskId));
    const rows: ExtensionRow[] = await this.dataSource.query(`${SELECT} WHERE x.task_id = $1 ORDER BY x.created_at, x.id`, [taskId]);
    return rows.map(toResponse);
  }

  async onFinished(m: EntityManager, finish: ApprovalFinish, actor: RequestActor): Promise<void> {
    const [row] = (await m.query(`${SELECT} WHERE x.id = $1 FOR UPDATE OF x`, [finish.subjectId])) as ExtensionRow[];
    const event = reportEventForApprovalStatus(finish.status);
    if (!row || !event || row.approvalId !== finish.instanceId) return;
    const status = nextReportState(row.status, event);
    await m.query(
      `UPDATE extension_request SET status = $2, return_comment = CASE WHEN $2 = 'returned' THEN $3 ELSE return_comment END,
              decided_at = CASE WHEN $2 IN ('approved', 'rejected') THEN now() END, updated_at = now()
        WHERE id = $1`,
      [row.id, status, finish.comment],
    );
    if (status !== 'approved') return;
    const task = await this.taskStore.find(m, row.taskId, { lock: true });
    if (isTerminalTaskState(task.status)) throw ReportException.taskNotOpen(task.status);
    // Through TaskStore: the version bump and, in this same transaction, the re-planned reminders.
    const after = await this.taskStore.update(m, task.id, task.version, { dueDate: row.newDueDate, deadlineText: null });
    await this.taskStore.event(m, task.id, actor, 'updated', `延期申请审批通过：完成时限 ${task.dueDate ?? '无'} → ${row.newDueDate}`, {
      source: 'extension_request',
      extensionRequestId: row.id,
      dueDate: { from: task.dueDate, to: row.newDueDate },
    });
    await this.taskStore.record(m, actor, 'task.extend', task, after, { extensionRequestId: row.id, reason: row.reason });
  }
}
