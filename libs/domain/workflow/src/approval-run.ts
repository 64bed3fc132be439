import { uniqueIds } from './approval-template';
import { notify } from './approval-effects';
import { invalidAction, notActing, requireComment } from './approval-errors';
import { approvalParticipants, canAct, hasAnyDecision, pendingApprovers } from './approval-queries';
import {
  APPROVAL_NOTIFY_REASONS,
  type ApprovalAction,
  type ApprovalActionContext,
  type ApprovalDecision,
  type ApprovalDecisionAction,
  type ApprovalEffect,
  type ApprovalHistoryEntry,
  type ApprovalInstanceState,
  type ApprovalStepState,
} from './approval-state';
import { delegationActive, laneHeads, stepComplete } from './approval-step-rules';
import { dateOfInstant } from './iso-date';
import { WorkflowError } from './workflow.error';

interface ActingSlot {
  /** The person whose place is used: the actor, or the delegator. */
  owner: string;
  onBehalfOf?: string;
  asEscalation: boolean;
}

/** One action applied to a (copied) state; collects effects. */
export class Run {
  readonly effects: ApprovalEffect[] = [];

  constructor(
    private readonly s: ApprovalInstanceState,
    private readonly ctx: ApprovalActionContext,
  ) {}

  private get step(): ApprovalStepState {
    return this.s.steps[this.s.currentStepIndex];
  }

  approve(a: Extract<ApprovalAction, { type: 'approve' }>): void {
    const step = this.step;
    const before = pendingApprovers(this.s);
    const slot = this.actingSlot(a.actorId, a.onBehalfOf, true);
    step.decisions.push(this.decision(a.actorId, slot, 'approve', a.comment));
    this.record({ type: 'approve', actorId: a.actorId, onBehalfOf: slot.onBehalfOf, comment: a.comment });

    if (stepComplete(step)) {
      step.status = 'approved';
      this.advance();
    } else {
      // E.g. a 加签 signer approved and the original approver's turn came, or the next in a lane.
      const now = pendingApprovers(this.s).filter((id) => !before.includes(id));
      this.effects.push(...notify(now, APPROVAL_NOTIFY_REASONS.pending));
    }
  }

  reject(a: Extract<ApprovalAction, { type: 'reject' }>): void {
    const step = this.step;
    const slot = this.actingSlot(a.actorId, a.onBehalfOf, true);
    const comment = requireComment(a.comment, '不同意');
    step.decisions.push(this.decision(a.actorId, slot, 'reject', comment));
    this.record({ type: 'reject', actorId: a.actorId, onBehalfOf: slot.onBehalfOf, comment });
    step.status = 'rejected';
    this.finish('rejected');
  }

  return(a: Extract<ApprovalAction, { type: 'return' }>): void {
    const step = this.step;
    const slot = this.actingSlot(a.actorId, a.onBehalfOf, true);
    const comment = requireComment(a.comment, '退回');
    const current = this.s.currentStepIndex;
    let target: number | null = null;
    if (a.toStepKey !== undefined) {
      target = this.s.steps.findIndex((st) => st.key === a.toStepKey);
      if (target < 0 || target >= current || this.s.steps[target].status === 'skipped') {
        throw new WorkflowError(
          'INVALID_RETURN_TARGET',
          `只能退回到之前已经过的审批步骤，“${a.toStepKey}”不符合`,
          `Can only return to an earlier, non-skipped step; "${a.toStepKey}" is not one`,
          { toStepKey: a.toStepKey, currentStepKey: step.key },
        );
      }
    }
    step.decisions.push(this.decision(a.actorId, slot, 'return', comment));
    this.record({ type: 'return', actorId: a.actorId, onBehalfOf: slot.onBehalfOf, comment, toStepKey: target === null ? null : a.toStepKey });

    if (target === null) {
      step.status = 'returned';
      this.s.status = 'returned_to_drafter';
      this.effects.push({ type: 'returned', toStepKey: null });
      this.effects.push(...notify([this.s.drafterId], APPROVAL_NOTIFY_REASONS.returned));
      return;
    }
    // Re-run from the target: it and every step after it start clean, from the approvers resolved
    // at start. Transfers, added signers, decisions, timeouts and escalations belonged to the
    // previous run (the person who transferred may be back; a consulted signer was a one-off).
    for (let i = target; i <= current; i++) {
      const st = this.s.steps[i];
      if (st.status === 'skipped') continue;
      st.status = 'pending';
      st.approvers = [...st.resolvedApprovers];
      st.lanes = st.resolvedApprovers.map((id) => [id]);
      st.decisions = [];
      st.escalatedTo = [];
      st.timeouts = 0;
      delete st.activatedAt;
    }
    this.activate(target);
    this.effects.push({ type: 'returned', toStepKey: this.s.steps[target].key });
    this.effects.push(...notify(pendingApprovers(this.s), APPROVAL_NOTIFY_REASONS.returned));
  }

  transfer(a: Extract<ApprovalAction, { type: 'transfer' }>): void {
    if (!a.toUserId) throw invalidAction('请选择转交对象', 'toUserId is required');
    const step = this.step;
    const slot = this.actingSlot(a.actorId, a.onBehalfOf, false);
    this.assertNotInStep(step, a.toUserId);
    const lane = step.lanes.find((l) => l.includes(slot.owner)) as string[];
    lane[lane.indexOf(slot.owner)] = a.toUserId;
    step.approvers = step.lanes.flat();
    this.record({ type: 'transfer', actorId: a.actorId, onBehalfOf: slot.onBehalfOf, comment: a.comment, toUserId: a.toUserId });
    this.effects.push(...notify([a.toUserId], APPROVAL_NOTIFY_REASONS.transferred));
  }

  addSigner(a: Extract<ApprovalAction, { type: 'addSigner' }>): void {
    if (!a.userId) throw invalidAction('请选择加签人', 'userId is required');
    if (a.position !== 'before' && a.position !== 'after') {
      throw invalidAction('加签位置只能是“之前”或“之后”', `position must be "before" or "after"`);
    }
    const step = this.step;
    const slot = this.actingSlot(a.actorId, a.onBehalfOf, false);
    this.assertNotInStep(step, a.userId);
    const lane = step.lanes.find((l) => l.includes(slot.owner)) as string[];
    const at = lane.indexOf(slot.owner);
    // before: the new signer is now this lane's head and the owner waits for their approval.
    // after: the owner still decides first; the lane (and so, in single/anySign, the step) then
    // also needs the new signer, who is notified when their turn comes.
    lane.splice(a.position === 'before' ? at : at + 1, 0, a.userId);
    step.approvers = step.lanes.flat();
    this.record({
      type: 'addSigner',
      actorId: a.actorId,
      onBehalfOf: slot.onBehalfOf,
      comment: a.comment,
      userId: a.userId,
      position: a.position,
    });
    if (a.position === 'before') this.effects.push(...notify([a.userId], APPROVAL_NOTIFY_REASONS.signerAdded));
  }

  withdraw(a: Extract<ApprovalAction, { type: 'withdraw' }>): void {
    if (a.actorId !== this.s.drafterId) {
      throw new WorkflowError('NOT_THE_DRAFTER', '只有起草人可以撤回', 'Only the drafter can withdraw', { actorId: a.actorId });
    }
    if (hasAnyDecision(this.s)) {
      throw new WorkflowError(
        'WITHDRAW_AFTER_DECISION',
        '审批人已作出处理，不能撤回',
        'Cannot withdraw: an approver has already decided',
      );
    }
    const waiting = pendingApprovers(this.s);
    // Nothing is awaited any more; 'active' would wrongly put it in someone's to-do list.
    this.step.status = 'pending';
    this.s.status = 'withdrawn';
    this.record({ type: 'withdraw', actorId: a.actorId });
    this.effects.push(...notify(waiting, APPROVAL_NOTIFY_REASONS.withdrawn));
  }

  comment(a: Extract<ApprovalAction, { type: 'comment' }>): void {
    const comment = requireComment(a.comment, '评论');
    const participant =
      approvalParticipants(this.s).includes(a.actorId) || canAct(this.s, a.actorId, this.ctx.delegations ?? [], this.ctx.at);
    if (!participant) {
      throw new WorkflowError('NOT_A_PARTICIPANT', '只有起草人、审批人和抄送人可以评论', 'Only the drafter, approvers and cc can comment', {
        actorId: a.actorId,
      });
    }
    this.record({ type: 'comment', actorId: a.actorId, comment });
    const audience = [this.s.drafterId, ...pendingApprovers(this.s)].filter((id) => id !== a.actorId);
    this.effects.push(...notify(audience, APPROVAL_NOTIFY_REASONS.comment));
  }

  timeout(a: Extract<ApprovalAction, { type: 'timeout' }>): void {
    const step = this.step;
    step.timeouts += 1;
    const policy = this.s.templateSnapshot.steps.find((t) => t.key === step.key)?.onTimeout;
    const remind = policy?.remind !== false;
    const canEscalate = policy?.escalateTo !== undefined && step.escalatedTo.length === 0;
    const pending = pendingApprovers(this.s);

    if (canEscalate && (step.timeouts >= 2 || !remind)) {
      const ids = uniqueIds(a.escalateToUserIds ?? []);
      if (ids.length === 0) {
        throw new WorkflowError(
          'NO_APPROVERS',
          `审批步骤“${step.name}”超时需要升级，但没有找到升级对象`,
          `Step "${step.key}" timed out and must escalate, but no escalation users were given`,
          { stepKey: step.key, stepName: step.name },
        );
      }
      step.escalatedTo = ids;
      this.record({ type: 'timeout', actorId: null, at: a.at, userIds: ids, timeoutOutcome: 'escalated' });
      this.effects.push({ type: 'escalated', toUserIds: ids });
      this.effects.push(...notify(ids, APPROVAL_NOTIFY_REASONS.escalated));
    } else if (remind || step.escalatedTo.length > 0) {
      // Later timeouts (already escalated, or nothing to escalate to) keep reminding.
      this.record({ type: 'timeout', actorId: null, at: a.at, userIds: pending, timeoutOutcome: 'reminded' });
      this.effects.push({ type: 'reminded', userIds: pending });
      this.effects.push(...notify(pending, APPROVAL_NOTIFY_REASONS.reminder));
    } else {
      this.record({ type: 'timeout', actorId: null, at: a.at, userIds: [], timeoutOutcome: 'none' });
    }
  }

  // -- helpers -------------------------------------------------------------------------------

  /** Move past the approved current step: activate the next non-skipped one, or finish approved. */
  private advance(): void {
    for (let i = this.s.currentStepIndex + 1; i < this.s.steps.length; i++) {
      if (this.s.steps[i].status !== 'skipped') {
        this.activate(i);
        this.effects.push(...notify(pendingApprovers(this.s), APPROVAL_NOTIFY_REASONS.pending));
        return;
      }
    }
    this.finish('approved');
  }

  private activate(index: number): void {
    const st = this.s.steps[index];
    st.status = 'active';
    st.activatedAt = this.ctx.at;
    st.decisions = [];
    st.escalatedTo = [];
    st.timeouts = 0;
    this.s.currentStepIndex = index;
  }

  private finish(outcome: 'approved' | 'rejected'): void {
    this.s.status = outcome;
    this.effects.push({ type: 'completed', outcome });
    this.effects.push(
      ...notify([this.s.drafterId], outcome === 'approved' ? APPROVAL_NOTIFY_REASONS.approved : APPROVAL_NOTIFY_REASONS.rejected),
    );
    this.effects.push(...notify(this.s.cc, APPROVAL_NOTIFY_REASONS.cc));
  }

  private decision(actorId: string, slot: ActingSlot, action: ApprovalDecisionAction, comment: string | undefined): ApprovalDecision {
    const d: ApprovalDecision = { userId: actorId, action, at: this.ctx.at };
    if (slot.onBehalfOf !== undefined) d.onBehalfOf = slot.onBehalfOf;
    if (comment !== undefined) d.comment = comment;
    if (slot.asEscalation) d.asEscalation = true;
    return d;
  }

  private record(entry: Omit<ApprovalHistoryEntry, 'version' | 'stepKey' | 'at'> & { at?: string }): void {
    const full: ApprovalHistoryEntry = {
      ...entry,
      at: entry.at ?? this.ctx.at,
      stepKey: this.step.key,
      version: this.s.version,
    };
    // No `undefined` values in a state that is stored as JSON and compared in tests.
    for (const k of Object.keys(full) as (keyof ApprovalHistoryEntry)[]) if (full[k] === undefined) delete full[k];
    this.s.history.push(full);
  }

  private assertNotInStep(step: ApprovalStepState, userId: string): void {
    if (step.approvers.includes(userId)) {
      throw new WorkflowError('ALREADY_AN_APPROVER', '该人员已是本步骤的审批人', `User "${userId}" is already an approver of this step`, {
        userId,
        stepKey: step.key,
      });
    }
  }

  private delegatedTo(owner: string, actorId: string): boolean {
    const delegations = this.ctx.delegations ?? [];
    if (delegations.length === 0) return false;
    return delegationActive(delegations, owner, actorId, dateOfInstant(this.ctx.at));
  }

  /**
   * Whose place the actor uses. Own lane slot first, then own escalation authority, then — under an
   * active delegation — the first pending delegator in approver order (or `onBehalfOf` if given),
   * so a person who is both an approver and a delegate acts for themselves unless they say otherwise.
   * Escalation authority only counts for decisions, not for transfer/addSigner (those need a lane).
   */
  private actingSlot(actorId: string, onBehalfOf: string | undefined, allowEscalation: boolean): ActingSlot {
    const step = this.step;
    const heads = laneHeads(step);
    const escalated = allowEscalation ? step.escalatedTo : [];

    if (onBehalfOf !== undefined && onBehalfOf !== actorId) {
      if (!this.delegatedTo(onBehalfOf, actorId)) {
        throw new WorkflowError('NOT_AN_APPROVER', '您没有在有效期内的委托，不能代为审批', `No active delegation from "${onBehalfOf}" to "${actorId}"`, {
          actorId,
          onBehalfOf,
          stepKey: step.key,
        });
      }
      if (heads.includes(onBehalfOf)) return { owner: onBehalfOf, onBehalfOf, asEscalation: false };
      if (escalated.includes(onBehalfOf)) return { owner: onBehalfOf, onBehalfOf, asEscalation: true };
      throw notActing(step, onBehalfOf);
    }

    if (heads.includes(actorId)) return { owner: actorId, asEscalation: false };
    if (escalated.includes(actorId)) return { owner: actorId, asEscalation: true };
    const viaLane = heads.find((h) => this.delegatedTo(h, actorId));
    if (viaLane !== undefined) return { owner: viaLane, onBehalfOf: viaLane, asEscalation: false };
    const viaEscalation = escalated.find((h) => this.delegatedTo(h, actorId));
    if (viaEscalation !== undefined) return { owner: viaEscalation, onBehalfOf: viaEscalation, asEscalation: true };
    throw notActing(step, actorId);
  }
}
