import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CompletionRequestResponse, ReportStatus } from '@luoshi/contracts';
import { isWorkflowError, reportEventForApprovalStatus, type TaskEvent, transitionTask } from '@luoshi/domain/workflow';
import { type ApprovalFinish, ApprovalService, type ApprovalSubjectHandler, ApprovalSubjects } from '@luoshi/server/approvals';
import { AuditService } from '@luoshi/server/audit';
import { type AuthUser, type RequestActor, UnitOfWork } from '@luoshi/server/platform';
import { assertCanSee, isLeadDepartmentMember, TaskException, type TaskRow, TaskStore, type TaskWrite } from '@luoshi/server/tasks';
import { EvidenceService } from './evidence.service';
import { ReportErrorCode, ReportException } from './report.exception';
import { nextReportState } from './report-transition';

type Actor = RequestActor & { user: AuthUser };

interface CompletionRow {
  id: string;
  taskId: string;
  summary: string;
  evidenceIds: string[];
  status: ReportStatus;
  approvalId: string | null;
  returnComment: string | null;
  requestedBy: string;
  requesterName: string;
  createdAt: Date;
  decidedAt: Date | null;
}

const SELECT = `
  SELECT c.id, c.task_id AS "taskId", c.summary, c.evidence_ids AS "evidenceIds", c.status, c.approval_instance_id AS "approvalId",
         c.return_comment AS "returnComment", c.requested_by AS "requestedBy", u.display_name AS "requesterName",
         c.created_at AS "createdAt", c.decided_at AS "decidedAt"
    FROM completion_request c JOIN app_user u ON u.id = c.requested_by`;

/**
 * 申请办结: the lead department asks to close the task, citing at least one evidence file uploaded to
 * the task (dept head → office reviewer). Submitting fires request_completion (in_progress →
 * completion_requested); approval fires approve_completion (→ completed), anything else
 * reject_completion (→ in_progress) — each in the deciding transaction, with its audit record.
 */
@Injectable()
export class CompletionRequestService implements ApprovalSubjectHandler, OnModuleInit {
  readonly subjectType = 'completion_request' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly approvals: ApprovalService,
    private readonly subjects: ApprovalSubjects,
    private readonly taskStore: TaskStore,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  async create(taskId: string, input: { summary: string; evidenceIds: string[] }, actor: Actor): Promise<CompletionRequestResponse> {
    const evidenceIds = [...new Set(input.evidenceIds)];
    if (evidenceIds.length === 0) throw ReportException.completionEvidenceRequired();
    const id = await this.unitOfWork.run(async (m) => {
      const task = await this.taskStore.find(m, taskId, { lock: true });
      if (!isLeadDepartmentMember(actor.user, task)) {
        throw ReportException.forbidden('只有牵头单位的联络员或负责人可以申请办结', "Only the lead department's liaison or head may ask for completion");
      }
      const found: { id: string }[] = await m.query(
        `SELECT id FROM evidence_file WHERE id = ANY($1::uuid[]) AND owner_type = 'task' AND owner_id = $2`,
        [evidenceIds, taskId],
      );
      const stranger = evidenceIds.find((e) => !found.some((f) => f.id === e));
      if (stranger) throw ReportException.completionBadEvidence(stranger);
      const [open] = await m.query(`SELECT 1 FROM completion_request WHERE task_id = $1 AND status IN ('submitted', 'in_approval')`, [taskId]);
      if (open) throw ReportException.openRequestExists('办结申请');
      const status = nextReportState('draft', 'submit', 'start_approval');
      const [row] = await m.query(
        `INSERT INTO completion_request (task_id, summary, evidence_ids, status, requested_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [taskId, input.summary.trim(), evidenceIds, status, actor.user.id],
      );
      await this.moveTask(m, task, 'request_completion', actor, `申请办结：${input.summary.trim()}`, row.id);
      const started = await this.approvals.start(
        m,
        {
          subjectType: 'completion_request',
          subjectId: row.id,
          taskId,
          title: `办结申请：${task.code} ${task.title}`.slice(0, 300),
          link: `/tasks/${taskId}`,
          leadDepartmentId: task.leadDepartmentId,
          coDepartmentIds: task.coDepartmentIds,
          drafter: actor.user,
        },
        actor,
      );
      await m.query(`UPDATE completion_request SET approval_instance_id = $2 WHERE id = $1`, [row.id, started.instanceId]);
      await this.audit.record(m, actor, {
        action: 'completion_request.submit',
        subjectType: 'completion_request',
        subjectId: row.id,
        after: { taskId, summary: input.summary, evidenceIds, approvalId: started.instanceId },
      });
      return row.id as string;
    });
    return this.get(id, actor.user);
  }

  async get(id: string, user: AuthUser): Promise<CompletionRequestResponse> {
    const [row] = (await this.dataSource.query(`${SELECT} WHERE c.id = $1`, [id])) as CompletionRow[];
    if (!row) throw ReportException.notFound('办结申请', id, ReportErrorCode.REQUEST_NOT_FOUND);
    assertCanSee(user, await this.taskStore.find(this.dataSource.manager, row.taskId));
    return this.toResponse(row);
  }

  async forTask(taskId: string, user: AuthUser): Promise<CompletionRequestResponse[]> {
    assertCanSee(user, await this.taskStore.find(this.dataSource.manager, taskId));
    const rows: CompletionRow[] = await this.dataSource.query(`${SELECT} WHERE c.task_id = $1 ORDER BY c.created_at, c.id`, [taskId]);
    return Promise.all(rows.map((r) => this.toResponse(r)));
  }

  async onFinished(m: EntityManager, finish: ApprovalFinish, actor: RequestActor): Promise<void> {
    const [row] = (await m.query(`${SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [finish.subjectId])) as CompletionRow[];
    const event = reportEventForApprovalStatus(finish.status);
    if (!row || !event || row.approvalId !== finish.instanceId) return;
    const status = nextReportState(row.status, event);
    await m.query(
      `UPDATE completion_request SET status = $2, return_comment = CASE WHEN $2 = 'returned' THEN $3 ELSE return_comment END,
              decided_at = CASE WHEN $2 IN ('approved', 'rejected') THEN now() END, updated_at = now()
        WHERE id = $1`,
      [row.id, status, finish.comment],
    );
    const task = await this.taskStore.find(m, row.taskId, { lock: true });
    if (status === 'approved') {
      await this.moveTask(m, task, 'approve_completion', actor, '办结申请审批通过，任务办结', row.id);
    } else if (task.status === 'completion_requested') {
      await this.moveTask(m, task, 'reject_completion', actor, `办结申请未通过${finish.comment ? `：${finish.comment}` : ''}`, row.id);
    }
  }

  private async moveTask(m: EntityManager, task: TaskRow, event: TaskEvent, actor: RequestActor, body: string, requestId: string): Promise<void> {
    let next;
    try {
      next = transitionTask(task.status, event);
    } catch (error) {
      if (isWorkflowError(error)) throw TaskException.invalidTransition(error);
      throw error;
    }
    const write: TaskWrite = { status: next.state, ...(event === 'approve_completion' ? { progress: 100 } : {}) };
    const after = await this.taskStore.update(m, task.id, task.version, write);
    await this.taskStore.event(m, task.id, actor, 'status_changed', body, { source: 'completion_request', completionRequestId: requestId, from: task.status, to: after.status });
    await this.taskStore.record(m, actor, `task.${event}`, task, after, { completionRequestId: requestId });
  }

  private async toResponse(r: CompletionRow): Promise<CompletionRequestResponse> {
    return {
      id: r.id,
      taskId: r.taskId,
      summary: r.summary,
      evidence: await this.evidence.byIds(r.evidenceIds),
      status: r.status,
      approvalId: r.approvalId,
      returnComment: r.returnComment,
      requestedBy: { id: r.requestedBy, displayName: r.requesterName },
      createdAt: new Date(r.createdAt).toISOString(),
      decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    };
  }
}
