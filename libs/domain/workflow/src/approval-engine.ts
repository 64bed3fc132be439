import {
  cloneApprovalTemplate,
  uniqueIds,
  validateApprovalTemplate,
  type ApprovalTemplate,
  type StepMode,
} from './approval-template';
import { dateOfInstant, type IsoDate } from './iso-date';
import { WorkflowError } from './workflow.error';

/*
 * Approval engine: a pure reducer over a plain, JSON-serializable instance state.
 *
 * Model. Each step holds *lanes*: at start every resolved approver gets a lane of one. A lane is a
 * sequence that must be approved in order; 加签 inserts a person into the actor's lane (before or
 * after the actor), 转交 replaces the actor in it. Whatever the mode, only the first not-yet-approved
 * member of each lane can act ("pending"); the others wait ("not your turn").
 *   countersign: the step is approved when every lane is approved.
 *   anySign / single: the step is approved when any one lane is approved. With a lane of one that is
 *     "first approval counts"; a lane grown by 加签 needs all its members.
 *   Any reject ends the instance as rejected; any return ends or rewinds it — in every mode,
 *   immediately (a 会签 reject does not wait for the remaining signers).
 * Escalated users (timeout) stand outside the lanes: any one of them can decide the whole step.
 */

export type ApprovalStatus = 'in_progress' | 'approved' | 'rejected' | 'returned_to_drafter' | 'withdrawn';
export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['in_progress', 'approved', 'rejected', 'returned_to_drafter', 'withdrawn'];

export type ApprovalStepStatus = 'pending' | 'active' | 'approved' | 'rejected' | 'returned' | 'skipped';

export type ApprovalDecisionAction = 'approve' | 'reject' | 'return';

export interface ApprovalDecision {
  /** Who clicked. */
  userId: string;
  /** Set when userId acted under a delegation (委托): "userId for onBehalfOf". */
  onBehalfOf?: string;
  action: ApprovalDecisionAction;
  comment?: string;
  at: string;
  /** True when the decision was taken with escalation authority (decides the whole step). */
  asEscalation?: boolean;
}

export interface ApprovalStepState {
  key: string;
  name: string;
  mode: StepMode;
  /** Current user ids in order; always equal to `lanes.flat()`, kept flat for readers and queries. */
  approvers: string[];
  /** The ids resolved at start; a step re-run after a return starts again from these. */
  resolvedApprovers: string[];
  /** See the model above. */
  lanes: string[][];
  /** Users a timeout escalated the step to; each can decide the step alone. */
  escalatedTo: string[];
  /** Decisions of the current activation only (cleared when the step is re-run); history keeps all. */
  decisions: ApprovalDecision[];
  status: ApprovalStepStatus;
  activatedAt?: string;
  /** Timeouts since the step was (re)activated: 1st reminds, 2nd escalates. */
  timeouts: number;
}

export type ApprovalHistoryType = 'start' | ApprovalAction['type'];

export interface ApprovalHistoryEntry {
  type: ApprovalHistoryType;
  at: string;
  /** null for system events (timeout). */
  actorId: string | null;
  onBehalfOf?: string;
  stepKey: string | null;
  comment?: string;
  /** transfer */
  toUserId?: string;
  /** addSigner */
  userId?: string;
  position?: 'before' | 'after';
  /** return: the step returned to, null = the drafter */
  toStepKey?: string | null;
  /** timeout: who was reminded or escalated to */
  userIds?: string[];
  timeoutOutcome?: 'reminded' | 'escalated' | 'none';
  /** The instance version this entry produced. */
  version: number;
}

export interface ApprovalInstanceState {
  /** Deep copy taken at start: later edits to the template never affect a running instance. */
  templateSnapshot: ApprovalTemplate;
  status: ApprovalStatus;
  drafterId: string;
  /** The active step; once finished, the step where it finished. */
  currentStepIndex: number;
  steps: ApprovalStepState[];
  cc: string[];
  history: ApprovalHistoryEntry[];
  /** 1 at start, +1 on every accepted action: the server's optimistic-lock column. */
  version: number;
}

/** Optional `onBehalfOf` lets a delegate who stands in for several people say which one. */
export type ApprovalAction =
  | { type: 'approve'; actorId: string; comment?: string; onBehalfOf?: string }
  | { type: 'reject'; actorId: string; comment: string; onBehalfOf?: string }
  | { type: 'return'; actorId: string; comment: string; toStepKey?: string; onBehalfOf?: string }
  | { type: 'transfer'; actorId: string; toUserId: string; comment?: string; onBehalfOf?: string }
  | { type: 'addSigner'; actorId: string; userId: string; position: 'before' | 'after'; comment?: string; onBehalfOf?: string }
  | { type: 'withdraw'; actorId: string }
  | { type: 'comment'; actorId: string; comment: string }
  | { type: 'timeout'; at: string; escalateToUserIds?: string[] };

export const APPROVAL_ACTION_TYPES: readonly ApprovalAction['type'][] = [
  'approve',
  'reject',
  'return',
  'transfer',
  'addSigner',
  'withdraw',
  'comment',
  'timeout',
];

export type ApprovalEffect =
  | { type: 'notify'; userIds: string[]; reason: ApprovalNotifyReason }
  | { type: 'completed'; outcome: 'approved' | 'rejected' }
  | { type: 'returned'; toStepKey: string | null }
  | { type: 'escalated'; toUserIds: string[] }
  | { type: 'reminded'; userIds: string[] };

/** `reason` values of notify effects; the server maps them to message templates. */
export const APPROVAL_NOTIFY_REASONS = {
  /** It is now your turn to decide. */
  pending: 'approval_pending',
  approved: 'approval_approved',
  rejected: 'approval_rejected',
  /** Returned to you (drafter) or to your step. */
  returned: 'approval_returned',
  /** Someone handed their place to you. */
  transferred: 'approval_transferred',
  /** You were added as a signer and must decide now (加签 before). */
  signerAdded: 'approval_signer_added',
  withdrawn: 'approval_withdrawn',
  comment: 'approval_comment',
  reminder: 'approval_reminder',
  escalated: 'approval_escalated',
  /** 抄送: the instance finished. */
  cc: 'approval_cc',
} as const;
export type ApprovalNotifyReason = (typeof APPROVAL_NOTIFY_REASONS)[keyof typeof APPROVAL_NOTIFY_REASONS];

/** 委托: from `from` to `to` inclusive (Beijing dates), toUserId may act for fromUserId. Not chained. */
export interface ApprovalDelegation {
  fromUserId: string;
  toUserId: string;
  from: IsoDate;
  to: IsoDate;
}

export interface ApprovalActionContext {
  /** The instant of the action (ISO timestamp); recorded on decisions and history. */
  at: string;
  delegations?: ApprovalDelegation[];
}

export interface StartApprovalInput {
  template: ApprovalTemplate;
  drafterId: string;
  /** Step key → resolved user ids in order (duplicates dropped). Every non-skipped step needs one. */
  resolvedApprovers: Record<string, string[]>;
  cc?: string[];
  at: string;
  /** Steps the caller decided not to run for this instance (e.g. the drafter is that step's approver). */
  skipStepKeys?: string[];
}

const DECISION_TYPES: readonly ApprovalHistoryType[] = ['approve', 'reject', 'return'];

// ---------------------------------------------------------------------------------------------
// Start

export function startApproval(input: StartApprovalInput): ApprovalInstanceState {
  validateApprovalTemplate(input.template);
  if (!input.drafterId) throw invalidAction('缺少起草人', 'drafterId is required');
  const templateSnapshot = cloneApprovalTemplate(input.template);
  const skip = new Set(input.skipStepKeys ?? []);
  for (const key of skip) {
    if (!templateSnapshot.steps.some((s) => s.key === key)) {
      throw invalidAction(`模板中没有步骤“${key}”，无法跳过`, `Cannot skip unknown step "${key}"`, { stepKey: key });
    }
  }

  const steps: ApprovalStepState[] = templateSnapshot.steps.map((tpl) => {
    const base = { key: tpl.key, name: tpl.name, mode: tpl.mode, escalatedTo: [], decisions: [], timeouts: 0 };
    if (skip.has(tpl.key)) return { ...base, approvers: [], resolvedApprovers: [], lanes: [], status: 'skipped' as const };
    const approvers = uniqueIds(input.resolvedApprovers[tpl.key] ?? []);
    if (approvers.length === 0) {
      throw new WorkflowError(
        'NO_APPROVERS',
        `审批步骤“${tpl.name}”没有找到审批人，请先配置相应人员`,
        `Approval step "${tpl.key}" resolved to no approvers`,
        { stepKey: tpl.key, stepName: tpl.name },
      );
    }
    return { ...base, approvers, resolvedApprovers: [...approvers], lanes: approvers.map((id) => [id]), status: 'pending' as const };
  });

  const first = steps.findIndex((s) => s.status !== 'skipped');
  if (first < 0) {
    throw new WorkflowError('NO_STEPS', '所有审批步骤都被跳过，无法发起审批', 'Every approval step was skipped', {
      code: templateSnapshot.code,
    });
  }
  steps[first] = { ...steps[first], status: 'active', activatedAt: input.at };

  return {
    templateSnapshot,
    status: 'in_progress',
    drafterId: input.drafterId,
    currentStepIndex: first,
    steps,
    cc: uniqueIds(input.cc ?? []),
    history: [{ type: 'start', at: input.at, actorId: input.drafterId, stepKey: steps[first].key, version: 1 }],
    version: 1,
  };
}

/** The notifications a fresh instance needs (startApproval itself returns only the state). */
export function initialApprovalEffects(state: ApprovalInstanceState): ApprovalEffect[] {
  return notify(pendingApprovers(state), APPROVAL_NOTIFY_REASONS.pending);
}

// ---------------------------------------------------------------------------------------------
// Queries

export function currentApprovalStep(state: ApprovalInstanceState): ApprovalStepState | null {
  return state.status === 'in_progress' ? (state.steps[state.currentStepIndex] ?? null) : null;
}

/** People whose decision is awaited right now (lane heads + escalated users), not their delegates. */
export function pendingApprovers(state: ApprovalInstanceState): string[] {
  const step = currentApprovalStep(state);
  return step ? uniqueIds([...laneHeads(step), ...step.escalatedTo]) : [];
}

/** Can `userId` approve/reject/return now, in person or as a delegate? */
export function canAct(
  state: ApprovalInstanceState,
  userId: string,
  delegations: readonly ApprovalDelegation[] = [],
  at?: string,
): boolean {
  const pending = pendingApprovers(state);
  if (pending.includes(userId)) return true;
  if (at === undefined || delegations.length === 0) return false;
  const date = dateOfInstant(at);
  return pending.some((owner) => delegationActive(delegations, owner, userId, date));
}

/** Has anyone approved, rejected or returned at any point? (Withdraw is allowed only before that.) */
export function hasAnyDecision(state: ApprovalInstanceState): boolean {
  return state.history.some((e) => DECISION_TYPES.includes(e.type));
}

/** Drafter, cc, anyone named on any step, escalated users. */
export function approvalParticipants(state: ApprovalInstanceState): string[] {
  return uniqueIds([state.drafterId, ...state.cc, ...state.steps.flatMap((s) => [...s.approvers, ...s.escalatedTo])]);
}

// ---------------------------------------------------------------------------------------------
// Actions

export function applyApprovalAction(
  state: ApprovalInstanceState,
  action: ApprovalAction,
  ctx: ApprovalActionContext,
): { state: ApprovalInstanceState; effects: ApprovalEffect[] } {
  if (state.status !== 'in_progress') {
    throw new WorkflowError(
      'INSTANCE_CLOSED',
      `审批已结束（${STATUS_LABELS[state.status]}），不能再进行操作`,
      `The approval is closed (${state.status})`,
      { status: state.status, action: action.type },
    );
  }
  if (action.type !== 'timeout' && !action.actorId) throw invalidAction('缺少操作人', 'actorId is required');

  // Work on a deep copy: the caller's object is never touched, and a throw leaves nothing half-done.
  const next = cloneState(state);
  next.version = state.version + 1;
  const run = new Run(next, ctx);

  switch (action.type) {
    case 'approve':
      run.approve(action);
      break;
    case 'reject':
      run.reject(action);
      break;
    case 'return':
      run.return(action);
      break;
    case 'transfer':
      run.transfer(action);
      break;
    case 'addSigner':
      run.addSigner(action);
      break;
    case 'withdraw':
      run.withdraw(action);
      break;
    case 'comment':
      run.comment(action);
      break;
    case 'timeout':
      run.timeout(action);
      break;
    default: {
      const unknown: { type?: unknown } = action;
      throw invalidAction(`未知的审批操作“${String(unknown.type)}”`, `Unknown approval action "${String(unknown.type)}"`);
    }
  }
  return { state: next, effects: run.effects };
}

interface ActingSlot {
  /** The person whose place is used: the actor, or the delegator. */
  owner: string;
  onBehalfOf?: string;
  asEscalation: boolean;
}

/** One action applied to a (copied) state; collects effects. */
class Run {
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

// ---------------------------------------------------------------------------------------------
// Internals

const STATUS_LABELS: Record<ApprovalStatus, string> = {
  in_progress: '审批中',
  approved: '已通过',
  rejected: '未通过',
  returned_to_drafter: '已退回起草人',
  withdrawn: '已撤回',
};

function hasApproved(step: ApprovalStepState, member: string): boolean {
  return step.decisions.some((d) => d.action === 'approve' && !d.asEscalation && (d.onBehalfOf ?? d.userId) === member);
}

/** First member of each lane who has not approved yet (lanes already approved contribute none). */
function laneHeads(step: ApprovalStepState): string[] {
  const heads: string[] = [];
  for (const lane of step.lanes) {
    const head = lane.find((m) => !hasApproved(step, m));
    if (head !== undefined) heads.push(head);
  }
  return heads;
}

function stepComplete(step: ApprovalStepState): boolean {
  if (step.decisions.some((d) => d.action === 'approve' && d.asEscalation)) return true;
  const done = step.lanes.map((lane) => lane.every((m) => hasApproved(step, m)));
  return step.mode === 'countersign' ? done.every(Boolean) : done.some(Boolean);
}

/** Why `userId` cannot act on this step: already approved, waiting for their turn, or not on it. */
function notActing(step: ApprovalStepState, userId: string): WorkflowError {
  if (hasApproved(step, userId)) {
    return new WorkflowError('ALREADY_DECIDED', '您已在本步骤作出处理，不能重复操作', `User "${userId}" has already decided on this step`, {
      userId,
      stepKey: step.key,
    });
  }
  if (step.approvers.includes(userId)) {
    return new WorkflowError('NOT_YOUR_TURN', '尚未轮到您审批，请等待加签人或前序审批人处理', `It is not yet "${userId}"'s turn on this step`, {
      userId,
      stepKey: step.key,
    });
  }
  return new WorkflowError('NOT_AN_APPROVER', `您不是当前步骤“${step.name}”的审批人`, `User "${userId}" is not an approver of the current step "${step.key}"`, {
    userId,
    stepKey: step.key,
  });
}

function delegationActive(delegations: readonly ApprovalDelegation[], owner: string, actorId: string, date: IsoDate): boolean {
  return delegations.some((d) => d.fromUserId === owner && d.toUserId === actorId && d.fromUserId !== d.toUserId && d.from <= date && date <= d.to);
}

function requireComment(comment: string | undefined, what: string): string {
  if (typeof comment !== 'string' || comment.trim() === '') {
    throw new WorkflowError('COMMENT_REQUIRED', `${what}时必须填写意见`, 'A comment is required for this action', { what });
  }
  return comment;
}

function invalidAction(zh: string, en: string, details?: Record<string, unknown>): WorkflowError {
  return new WorkflowError('INVALID_ACTION', zh, en, details);
}

function notify(userIds: readonly string[], reason: ApprovalNotifyReason): ApprovalEffect[] {
  const ids = uniqueIds(userIds);
  return ids.length > 0 ? [{ type: 'notify', userIds: ids, reason }] : [];
}

/** The state is JSON by contract, so a JSON round trip is an exact deep copy. */
function cloneState(state: ApprovalInstanceState): ApprovalInstanceState {
  return JSON.parse(JSON.stringify(state)) as ApprovalInstanceState;
}
