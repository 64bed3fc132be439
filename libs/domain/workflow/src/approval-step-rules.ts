import type { ApprovalDelegation, ApprovalStepState } from './approval-state';
import type { IsoDate } from './iso-date';

// How a step's lanes decide: who is at the head of a lane, when a step is complete, who stands in.

export function hasApproved(step: ApprovalStepState, member: string): boolean {
  return step.decisions.some((d) => d.action === 'approve' && !d.asEscalation && (d.onBehalfOf ?? d.userId) === member);
}

/** First member of each lane who has not approved yet (lanes already approved contribute none). */
export function laneHeads(step: ApprovalStepState): string[] {
  const heads: string[] = [];
  for (const lane of step.lanes) {
    const head = lane.find((m) => !hasApproved(step, m));
    if (head !== undefined) heads.push(head);
  }
  return heads;
}

export function stepComplete(step: ApprovalStepState): boolean {
  if (step.decisions.some((d) => d.action === 'approve' && d.asEscalation)) return true;
  const done = step.lanes.map((lane) => lane.every((m) => hasApproved(step, m)));
  return step.mode === 'countersign' ? done.every(Boolean) : done.some(Boolean);
}

export function delegationActive(delegations: readonly ApprovalDelegation[], owner: string, actorId: string, date: IsoDate): boolean {
  return delegations.some((d) => d.fromUserId === owner && d.toUserId === actorId && d.fromUserId !== d.toUserId && d.from <= date && date <= d.to);
}
