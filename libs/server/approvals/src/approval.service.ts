import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovalActionRequest, ApprovalSubjectType, ApprovalUserAction } from '@luoshi/contracts';
import {
  type ApprovalAction,
  type ApprovalEffect,
  type ApprovalInstanceState,
  APPROVAL_NOTIFY_REASONS as R,
  applyApprovalAction,
  currentApprovalStep,
  initialApprovalEffects,
  isWorkflowError,
  pendingApprovers,
  startApproval,
} from '@luoshi/domain/workflow';
import { AuditService } from '@luoshi/server/audit';
import { UserDirectory } from '@luoshi/server/identity';
import { NotificationsService } from '@luoshi/server/notifications';
import { type AuthUser, DomainException, QueueFactory, type RequestActor, UnitOfWork } from '@luoshi/server/platform';
import { ApprovalErrorCode, ApprovalException } from './approval.exception';
import { APPROVAL_NOTICE_EVENTS, approvalNotice } from './approval-notice';
import { APPROVALS_QUEUE, approvalTimeoutJob } from './approval-queue';
import { type ApprovalContext, ApprovalStore, type InstanceRow } from './approval-store';
import { ApprovalSubjects } from './approval-subjects';
import { ApprovalDelegationsService } from './approval-delegations.service';
import { ApprovalTemplatesService } from './approval-templates.service';
import { ApproverResolver } from './approver-resolver';
import type { DerivedInstanceColumns } from './derive-instance-columns';

type Actor = RequestActor & { user: AuthUser };

export interface StartApprovalRequest {
  /** The template is the one with the subject type's code. */
  subjectType: ApprovalSubjectType;
  subjectId: string;
  taskId: string | null;
  title: string;
  link: string | null;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  drafter: AuthUser;
}

/** An action as the API takes it, but `version` undefined = whatever is current (bulk approve). */
export type ApprovalActionInput = Omit<ApprovalActionRequest, 'version'> & { version?: number };

export const SYSTEM_ACTOR: RequestActor = { user: null, requestId: 'approval-timeout', ip: null };

/** Reasons that ask someone to act: their delegates hear about it too. */
const ACTIONABLE = new Set<string>([R.pending, R.transferred, R.signerAdded, R.escalated, R.reminder]);
const DECISIONS = new Set<ApprovalUserAction>(['approve', 'reject', 'return', 'transfer', 'addSigner']);

function engine<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isWorkflowError(error)) throw ApprovalException.fromWorkflow(error);
    throw error;
  }
}

/**
 * Approval instances over the pure engine: start, act, time out. Every accepted action is one
 * transaction: the version-checked instance UPDATE, its approval_action row, the audit record, the
 * notifications and — when the instance ends — the subject's outcome (report approved, deadline
 * moved, task completed …). Live pushes and timeout jobs follow the commit.
 */
@Injectable()
export class ApprovalService {
  private readonly logger = new Logger(ApprovalService.name);

  constructor(
    private readonly store: ApprovalStore,
    private readonly resolver: ApproverResolver,
    private readonly templates: ApprovalTemplatesService,
    private readonly delegations: ApprovalDelegationsService,
    private readonly subjects: ApprovalSubjects,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly queues: QueueFactory,
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UserDirectory,
  ) {}

  /**
   * Starts an instance in the caller's unit of work; its notices and its step's timeout job follow
   * that commit.
   */
  async start(m: EntityManager, req: StartApprovalRequest, actor: RequestActor): Promise<{ instanceId: string }> {
    if (!this.unitOfWork.isOpen(m)) throw new Error('ApprovalService.start runs inside UnitOfWork.run');
    const template = await this.templates.current(m, req.subjectType);
    const context: ApprovalContext = {
      leadDepartmentId: req.leadDepartmentId,
      coDepartmentIds: req.coDepartmentIds,
      draftingDepartmentId: req.drafter.departmentId,
    };
    const resolvedApprovers: Record<string, string[]> = {};
    const skipStepKeys: string[] = [];
    for (const step of template.steps) {
      const ids = await this.resolver.resolveAll(m, step.approvers, context);
      resolvedApprovers[step.key] = ids;
      // Nobody approves their own work, and a countersign of co-departments needs co-departments.
      const onlyDrafter = ids.length === 1 && ids[0] === req.drafter.id;
      const noCoDepartments = step.approvers.every((r) => r.kind === 'co_departments') && context.coDepartmentIds.length === 0;
      if (onlyDrafter || noCoDepartments) skipStepKeys.push(step.key);
    }
    const cc = await this.resolver.resolveAll(m, template.cc ?? [], context);
    const at = new Date().toISOString();
    const state = engine(() => startApproval({ template, drafterId: req.drafter.id, resolvedApprovers, cc, at, skipStepKeys }));
    const { id, derived } = await this.store.insert(m, {
      subjectType: req.subjectType,
      subjectId: req.subjectId,
      taskId: req.taskId,
      context,
      title: req.title,
      link: req.link,
      state,
    });
    await this.audit.record(m, actor, {
      action: 'approval.start',
      subjectType: 'approval_instance',
      subjectId: id,
      after: {
        subjectType: req.subjectType,
        subjectId: req.subjectId,
        template: template.code,
        templateVersion: template.version,
        step: derived.currentStepKey,
        pendingApprovers: derived.pendingApprovers,
        skippedSteps: skipStepKeys,
      },
    });
    await this.notifyEffects(m, { id, title: req.title }, initialApprovalEffects(state), req.drafter.displayName, null, req.drafter.id);
    this.scheduleTimeout(m, id, derived);
    return { instanceId: id };
  }

  /** One user action; 409 APPROVAL_STALE when the instance moved since `version`. */
  async act(id: string, input: ApprovalActionInput, actor: Actor): Promise<{ status: ApprovalInstanceState['status']; version: number }> {
    return this.unitOfWork.run(async (m) => {
      const row = await this.store.find(m, id);
      if (input.version !== undefined && input.version !== row.version) throw ApprovalException.stale(row.version, input.version);
      for (const [field, userId] of [['toUserId', input.toUserId], ['userId', input.userId]] as const) {
        if (userId && !(await this.users.activeAmong(m, [userId])).has(userId)) throw ApprovalException.badUser(field, userId);
      }
      // The drafter never decides their own item as someone's delegate.
      if (DECISIONS.has(input.type) && actor.user.id === row.state.drafterId && !pendingApprovers(row.state).includes(actor.user.id)) {
        throw ApprovalException.ownItem();
      }
      const delegations = await this.delegations.delegationsTo(m, actor.user.id);
      await this.assertMayDecide(m, row, input, actor.user.id, delegations.length > 0);
      const at = new Date().toISOString();
      const { state, effects } = engine(() => applyApprovalAction(row.state, toEngineAction(input, actor.user.id), { at, delegations }));
      return this.commit(m, row, state, effects, actor);
    });
  }

  /**
   * Transfer and add-signer only to users who may decide the current step (its template's role and
   * department rules), and a delegate decides only a step they could decide themselves.
   */
  private async assertMayDecide(m: EntityManager, row: InstanceRow, input: ApprovalActionInput, actorId: string, isDelegate: boolean): Promise<void> {
    const current = currentApprovalStep(row.state);
    if (!current || !DECISIONS.has(input.type)) return;
    const step = row.state.templateSnapshot.steps.find((s) => s.key === current.key);
    if (!step) return;
    const eligible = await this.resolver.mayDecide(m, step, row.context);
    if (input.type === 'transfer' && input.toUserId && !eligible.has(input.toUserId)) throw ApprovalException.notEligible('toUserId', input.toUserId, step.name);
    if (input.type === 'addSigner' && input.userId && !eligible.has(input.userId)) throw ApprovalException.notEligible('userId', input.userId, step.name);
    const own = pendingApprovers(row.state).includes(actorId) || current.approvers.includes(actorId) || current.escalatedTo.includes(actorId);
    if (!own && isDelegate && !eligible.has(actorId)) throw ApprovalException.notEligible('actor', actorId, step.name);
  }

  /** The timeout job: applies the engine's `timeout` when the current step's deadline has passed. */
  async handleTimeout(instanceId: string, now = new Date()): Promise<string> {
    try {
      const out = await this.unitOfWork.run(async (m) => {
        const row = await this.store.find(m, instanceId);
        if (row.state.status !== 'in_progress' || !row.stepDeadline || new Date(row.stepDeadline) > now) return null;
        const step = currentApprovalStep(row.state);
        const policy = row.state.templateSnapshot.steps.find((s) => s.key === step?.key)?.onTimeout;
        const escalateToUserIds = policy?.escalateTo ? await this.resolver.resolve(m, policy.escalateTo, row.context) : undefined;
        const at = now.toISOString();
        try {
          const { state, effects } = applyApprovalAction(row.state, { type: 'timeout', at, ...(escalateToUserIds ? { escalateToUserIds } : {}) }, { at });
          return await this.commit(m, row, state, effects, SYSTEM_ACTOR);
        } catch (error) {
          if (!isWorkflowError(error)) throw error;
          // Nobody to escalate to: stop timing this step out rather than failing every minute.
          this.logger.warn(`approval ${instanceId}: timeout not applied (${error.messageEn}); step deadline cleared`);
          await m.query(`UPDATE approval_instance SET step_deadline = NULL WHERE id = $1 AND version = $2`, [row.id, row.version]);
          return null;
        }
      });
      if (!out) return 'skipped';
      return `timeout applied (version ${out.version})`;
    } catch (error) {
      // A decision won the race: the step moved on, and with it the deadline.
      if (error instanceof ApprovalException && error.code === ApprovalErrorCode.STALE) return 'stale';
      throw error;
    }
  }

  /** 批量审批: each instance independently, at its current version; per-id results. */
  async bulkApprove(ids: string[], comment: string | undefined, actor: Actor) {
    const results = [];
    for (const id of [...new Set(ids)]) {
      try {
        const done = await this.act(id, { type: 'approve', ...(comment ? { comment } : {}) }, actor);
        results.push({ id, ok: true, status: done.status, version: done.version });
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        results.push({ id, ok: false, code: error.code, message: error.message });
      }
    }
    return { approved: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  }

  /** A delayed job for the step's deadline, after the commit (the reconciler covers a lost one). */
  private scheduleTimeout(m: EntityManager, instanceId: string, derived: DerivedInstanceColumns): void {
    const fireAt = derived.stepDeadline;
    if (!fireAt) return;
    this.unitOfWork.afterCommit(m, async () => {
      await this.queues.enqueue(APPROVALS_QUEUE, 'approval-timeout', [approvalTimeoutJob(instanceId, fireAt, Date.now())]);
    });
  }

  private async commit(m: EntityManager, row: InstanceRow, state: ApprovalInstanceState, effects: ApprovalEffect[], actor: RequestActor) {
    const derived = await this.store.update(m, row, state);
    const entry = state.history[state.history.length - 1];
    await this.audit.record(m, actor, {
      action: `approval.${entry.type}`,
      subjectType: 'approval_instance',
      subjectId: row.id,
      before: { status: row.state.status, step: currentApprovalStep(row.state)?.key ?? null, version: row.version },
      after: {
        status: state.status,
        step: derived.currentStepKey,
        version: state.version,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        ...(entry.comment ? { comment: entry.comment } : {}),
        ...(entry.onBehalfOf ? { onBehalfOf: entry.onBehalfOf } : {}),
      },
    });
    // Returned to the drafter: the notice opens the item itself (the report or request, editable
    // again), not the closed approval page.
    const instance = { id: row.id, title: row.title, returnLink: state.status === 'returned_to_drafter' ? row.link : null };
    await this.notifyEffects(m, instance, effects, actor.user?.displayName ?? null, entry.comment ?? null, actor.user?.id ?? null);
    this.scheduleTimeout(m, row.id, derived);
    if (state.status !== 'in_progress') {
      await this.subjects.finished(
        m,
        { instanceId: row.id, subjectType: row.subjectType, subjectId: row.subjectId, status: state.status, comment: entry.comment ?? null, at: new Date(entry.at) },
        actor,
      );
    }
    return { status: state.status, version: state.version };
  }

  private async notifyEffects(
    m: EntityManager,
    instance: { id: string; title: string; returnLink?: string | null },
    effects: ApprovalEffect[],
    actorName: string | null,
    comment: string | null,
    actorId: string | null,
  ): Promise<void> {
    for (const effect of effects) {
      if (effect.type !== 'notify') continue;
      const delegates = ACTIONABLE.has(effect.reason) ? await this.delegations.delegatesOf(m, effect.userIds) : [];
      const userIds = [...effect.userIds, ...delegates].filter((id) => id !== actorId);
      const notice = approvalNotice(effect.reason, { title: instance.title, actorName, comment });
      await this.notifications.notify(m, {
          event: APPROVAL_NOTICE_EVENTS[effect.reason],
          userIds,
          kind: effect.reason,
          title: notice.title,
          body: notice.body,
          link: (effect.reason === R.returned ? instance.returnLink : null) ?? `/approvals/${instance.id}`,
          subjectType: 'approval',
          subjectId: instance.id,
        });
    }
  }
}

function toEngineAction(input: ApprovalActionInput, actorId: string): ApprovalAction {
  const onBehalfOf = input.onBehalfOf ? { onBehalfOf: input.onBehalfOf } : {};
  const comment = input.comment?.trim() ? { comment: input.comment.trim() } : {};
  switch (input.type) {
    case 'approve':
      return { type: 'approve', actorId, ...comment, ...onBehalfOf };
    case 'reject':
      return { type: 'reject', actorId, comment: input.comment?.trim() ?? '', ...onBehalfOf };
    case 'return':
      return { type: 'return', actorId, comment: input.comment?.trim() ?? '', ...(input.toStepKey ? { toStepKey: input.toStepKey } : {}), ...onBehalfOf };
    case 'transfer':
      return { type: 'transfer', actorId, toUserId: input.toUserId ?? '', ...comment, ...onBehalfOf };
    case 'addSigner':
      return { type: 'addSigner', actorId, userId: input.userId ?? '', position: input.position ?? 'after', ...comment, ...onBehalfOf };
    case 'withdraw':
      return { type: 'withdraw', actorId };
    case 'comment':
      return { type: 'comment', actorId, comment: input.comment?.trim() ?? '' };
  }
}
