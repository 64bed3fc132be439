import {
  approvalParticipants,
  canAct,
  currentApprovalStep,
  pendingApprovers,
  type ApprovalDelegation,
} from './approval-engine';
import { T1, start, run, reject, ret, atCountersign, atReview } from './testing/approval-fixture';

describe(pendingApprovers.name, () => {
  it('lists who must decide now, in approver order, and nobody once closed', () => {
    expect(pendingApprovers(atCountersign())).toEqual(['c1', 'c2', 'c3']);
    expect(pendingApprovers(run(start(), reject('head')))).toEqual([]);
  });
});

describe(currentApprovalStep.name, () => {
  it('returns the active step while in progress and null once closed', () => {
    expect(currentApprovalStep(atReview())?.key).toBe('review');
    expect(currentApprovalStep(run(start(), ret('head')))).toBeNull();
  });
});

describe(canAct.name, () => {
  const delegations: ApprovalDelegation[] = [{ fromUserId: 'head', toUserId: 'deputy', from: '2025-03-01', to: '2025-03-05' }];

  it('is true for a pending approver and false for others', () => {
    expect(canAct(start(), 'head', [], T1)).toBe(true);
    expect(canAct(start(), 'c1', [], T1)).toBe(false);
  });

  it('is true for a delegate inside the range and false outside it', () => {
    expect(canAct(start(), 'deputy', delegations, '2025-03-05T15:59:59Z')).toBe(true);
    expect(canAct(start(), 'deputy', delegations, '2025-03-05T16:00:00Z')).toBe(false);
    expect(canAct(start(), 'deputy', delegations)).toBe(false);
  });

  it('is false for a blocked approver and for everyone on a closed instance', () => {
    const blocked = run(start(), { type: 'addSigner', actorId: 'head', userId: 'x', position: 'before' });
    expect(canAct(blocked, 'head', [], T1)).toBe(false);
    expect(canAct(blocked, 'x', [], T1)).toBe(true);
    expect(canAct(run(start(), reject('head')), 'head', [], T1)).toBe(false);
  });
});

describe(approvalParticipants.name, () => {
  it('names the drafter, cc and everyone on any step', () => {
    expect(approvalParticipants(start())).toEqual(['drafter', 'cc1', 'head', 'c1', 'c2', 'c3', 'r1', 'r2']);
  });
});
