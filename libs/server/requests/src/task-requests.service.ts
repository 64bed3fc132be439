import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateTaskRequest, TaskRequestKind, TaskRequestResponse } from '@luoshi/contracts';
import { reportEventForApprovalStatus, transitionReport } from '@luoshi/domain/workflow';
import { type ApprovalFinish, ApprovalService, ApprovalSubjects } from '@luoshi/server/approvals';
import { AuditService } from '@luoshi/server/audit';
import { UserDirectory } from '@luoshi/server/identity';
import { type AuthUser, createValidationPipe, type RequestActor, type SignedInActor, UnitOfWork } from '@luoshi/server/platform';
import { EvidenceService } from '@luoshi/server/reports';
import { assertCanSee, isLeadDepartmentMember, TaskStore } from '@luoshi/server/tasks';
import type { KindContext } from './request-kind';
import { RequestException } from './request.exception';
import { TaskRequestKinds } from './task-request-kinds';
import { type TaskRequestRow, TaskRequestStore } from './task-request-store';

const validation = createValidationPipe();
/** Filed and submitted at once: draft → submitted → in_approval, by the report state machine. */
const FILED = transitionReport(transitionReport('draft', 'submit'), 'start_approval');

/**
 * Requests about a task, whatever their kind: filing (lead department only, one open request per
 * kind, an approval instance of the kind's template), reading, and the decision — applied by the
 * kind in the deciding transaction, with the task's timeline and the audit log kept.
 */
@Injectable()
export class TaskRequestsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kinds: TaskRequestKinds,
    private readonly store: TaskRequestStore,
    private readonly approvals: ApprovalService,
    private readonly subjects: ApprovalSubjects,
    private readonly taskStore: TaskStore,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UserDirectory,
  ) {}

  onModuleInit(): void {
    for (const kind of this.kinds.all()) {
      this.subjects.register({ subjectType: kind.kind, onFinished: (m, finish, actor) => this.decided(m, finish, actor) });
    }
  }

  async file(taskId: string, input: CreateTaskRequest, actor: SignedInActor): Promise<TaskRequestResponse> {
    const kind = this.kinds.get(input.kind);
    const payload = (await validation.transform(input.payload ?? {}, { type: 'body', metatype: kind.payloadClass, data: 'payload' })) as object;
    const reason = input.reason.trim();
    const id = await this.unitOfWork.run(async (m) => {
      const task = await this.taskStore.find(m, taskId, { lock: true });
      if (!isLeadDepartmentMember(actor.user, task)) throw RequestException.forbidden(kind.label);
      if (!kind.fileableIn.includes(task.status)) throw RequestException.taskNotOpen(task.status);
      if (await this.store.hasOpen(m, taskId, kind.kind)) throw RequestException.openExists(kind.label);
      const changes = await kind.changesOf(m, task, payload as never, actor.user);
      const requestId = await this.store.insert(m, { taskId, kind: kind.kind, reason, payload, changes, status: FILED, requestedBy: actor.user.id });
      const { instanceId } = await this.approvals.start(
        m,
        {
          subjectType: kind.kind,
          subjectId: requestId,
          taskId,
          title: `${kind.label}：${task.code} ${task.title}`.slice(0, 300),
          link: `/tasks/${taskId}`,
          leadDepartmentId: task.leadDepartmentId,
          coDepartmentIds: task.coDepartmentIds,
          drafter: actor.user,
        },
        actor,
      );
      await this.store.linkApproval(m, requestId, instanceId);
      await kind.onFiled?.(m, { requestId, task, payload: payload as never, reason, actor });
      await this.audit.record(m, actor, {
        action: `${kind.kind}.submit`,
        subjectType: kind.kind,
        subjectId: requestId,
        after: { taskId, reason, payload, changes, approvalId: instanceId },
      });
      return requestId;
    });
    return this.get(id, actor.user);
  }

  async get(id: string, user: AuthUser, kind?: TaskRequestKind): Promise<TaskRequestResponse> {
    const row = await this.store.find(this.dataSource.manager, id);
    if (!row || (kind && row.kind !== kind)) throw RequestException.notFound(id);
    assertCanSee(user, await this.taskStore.find(this.dataSource.manager, row.taskId));
    return (await this.toResponses([row]))[0];
  }

  async forTask(taskId: string, user: AuthUser, kind?: TaskRequestKind): Promise<TaskRequestResponse[]> {
    assertCanSee(user, await this.taskStore.find(this.dataSource.manager, taskId));
    const rows = await this.store.forTask(this.dataSource.manager, taskId);
    return this.toResponses(rows.filter((r) => !kind || r.kind === kind));
  }

  /** The approval ended (in its deciding transaction): the request follows, and the kind applies it. */
  private async decided(m: EntityManager, finish: ApprovalFinish, actor: RequestActor): Promise<void> {
    const row = await this.store.find(m, finish.subjectId, { lock: true });
    const event = reportEventForApprovalStatus(finish.status);
    if (!row || !event || row.approvalId !== finish.instanceId) return;
    const kind = this.kinds.get(row.kind);
    const task = await this.taskStore.find(m, row.taskId, { lock: true });
    const ctx: KindContext<TaskRequestKind> = { requestId: row.id, task, payload: row.payload, reason: row.reason, actor };
    const status = transitionReport(row.status, event);
    if (status === 'approved') {
      await this.store.decide(m, row.id, status, null, await kind.apply(m, ctx as never));
    } else {
      await kind.onNotApproved?.(m, ctx as never, finish.comment);
      await this.store.decide(m, row.id, status, finish.comment, null);
    }
  }

  /** Requester names in one batch from identity; cited files from reports. */
  private async toResponses(rows: TaskRequestRow[]): Promise<TaskRequestResponse[]> {
    const names = await this.users.displayNames(this.dataSource.manager, rows.map((r) => r.requestedBy));
    return Promise.all(
      rows.map(async (r) => {
        const evidenceIds = this.kinds.get(r.kind).evidenceIds?.(r.payload as never) ?? [];
        return {
          id: r.id,
          taskId: r.taskId,
          kind: r.kind,
          reason: r.reason,
          payload: r.payload,
          changes: r.changes,
          evidence: evidenceIds.length > 0 ? await this.evidence.byIds(evidenceIds) : [],
          status: r.status,
          approvalId: r.approvalId,
          returnComment: r.returnComment,
          requestedBy: { id: r.requestedBy, displayName: names.get(r.requestedBy) ?? '' },
          createdAt: new Date(r.createdAt).toISOString(),
          decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
        };
      }),
    );
  }
}
