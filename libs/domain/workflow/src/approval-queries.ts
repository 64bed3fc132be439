import { uniqueIds } from './approval-template';
import type { ApprovalDelegation, ApprovalHistoryType, ApprovalInstanceState, ApprovalStepState } from './approval-state';
import { delegationActive, laneHeads } from './approval-step-rules';
import { dateOfInstant } from './iso-date';

const DECISION_TYPES: readonly ApprovalHistoryType[] = ['approve', 'reject', 'return'];

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
