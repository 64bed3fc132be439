import {
  applyApprovalAction,
  APPROVAL_NOTIFY_REASONS as R,
  pendingApprovers,
  type ApprovalAction,
} from './approval-engine';
import { T1, resolved, start, act, run, approve, reject, ret, errorOf, codeOf, atCountersign, atReview } from './testing/approval-fixture';

describe(applyApprovalAction.name, () => {
  describe('single step', () => {
    it('moves to the next step on approval and notifies its approvers', () => {
      const { state, effects } = act(start(), approve('head', { comment: '同意' }));
      expect(state.steps[0].status).toBe('approved');
      expect(state.steps[0].decisions).toEqual([{ userId: 'head', action: 'approve', comment: '同意', at: T1 }]);
      expect(state.currentStepIndex).toBe(1);
      expect(state.steps[1]).toMatchObject({ status: 'active', activatedAt: T1 });
      expect(effects).toEqual([{ type: 'notify', userIds: ['c1', 'c2', 'c3'], reason: R.pending }]);
    });

    it('with several resolved approvers lets the first decision count, like anySign', () => {
      const s = start({ resolvedApprovers: { ...resolved, head: ['h1', 'h2'] } });
      expect(pendingApprovers(s)).toEqual(['h1', 'h2']);
      const next = act(s, approve('h2')).state;
      expect(next.currentStepIndex).toBe(1);
      expect(codeOf(() => act(next, approve('h1')))).toBe('NOT_AN_APPROVER');
    });

    it('ends the instance as rejected on a reject, telling the drafter and cc', () => {
      const { state, effects } = act(start(), reject('head', '材料不全'));
      expect(state.status).toBe('rejected');
      expect(state.steps[0].status).toBe('rejected');
      expect(state.steps[0].decisions).toEqual([{ userId: 'head', action: 'reject', comment: '材料不全', at: T1 }]);
      expect(effects).toEqual([
        { type: 'completed', outcome: 'rejected' },
        { type: 'notify', userIds: ['drafter'], reason: R.rejected },
        { type: 'notify', userIds: ['cc1'], reason: R.cc },
      ]);
    });

    it('requires a comment to reject', () => {
      expect(codeOf(() => act(start(), { type: 'reject', actorId: 'head', comment: '  ' }))).toBe('COMMENT_REQUIRED');
      expect(codeOf(() => act(start(), { type: 'reject', actorId: 'head' } as unknown as ApprovalAction))).toBe('COMMENT_REQUIRED');
    });
  });

  describe('countersign (会签)', () => {
    it('waits for all three approvers, in any order, before moving on', () => {
      let s = atCountersign();
      s = act(s, approve('c3')).state;
      expect(pendingApprovers(s)).toEqual(['c1', 'c2']);
      expect(s.currentStepIndex).toBe(1);
      s = act(s, approve('c1')).state;
      expect(pendingApprovers(s)).toEqual(['c2']);
      const last = act(s, approve('c2'));
      expect(last.state.steps[1].status).toBe('approved');
      expect(last.state.currentStepIndex).toBe(2);
      expect(last.effects).toEqual([{ type: 'notify', userIds: ['r1', 'r2'], reason: R.pending }]);
    });

    it('with three approvers where one rejects, ends the instance at once without waiting for the third', () => {
      const s = run(atCountersign(), approve('c1'));
      const { state, effects } = act(s, reject('c2', '不同意该方案'));
      expect(state.status).toBe('rejected');
      expect(state.steps[1].status).toBe('rejected');
      expect(state.steps[1].decisions.map((d) => [d.userId, d.action])).toEqual([
        ['c1', 'approve'],
        ['c2', 'reject'],
      ]);
      expect(state.steps[2].status).toBe('pending');
      expect(effects).toContainEqual({ type: 'completed', outcome: 'rejected' });
      expect(pendingApprovers(state)).toEqual([]);
      expect(codeOf(() => act(state, approve('c3')))).toBe('INSTANCE_CLOSED');
    });

    it('refuses a second decision by the same approver with ALREADY_DECIDED', () => {
      const s = run(atCountersign(), approve('c1'));
      expect(codeOf(() => act(s, approve('c1')))).toBe('ALREADY_DECIDED');
      expect(codeOf(() => act(s, reject('c1')))).toBe('ALREADY_DECIDED');
      expect(codeOf(() => act(s, { type: 'transfer', actorId: 'c1', toUserId: 'z' }))).toBe('ALREADY_DECIDED');
    });
  });

  describe('anySign (或签)', () => {
    it('lets the first approval of any approver complete the step; at the last step that approves the instance', () => {
      const { state, effects } = act(atReview(), approve('r2'));
      expect(state.status).toBe('approved');
      expect(state.steps.map((st) => st.status)).toEqual(['approved', 'approved', 'approved']);
      expect(state.currentStepIndex).toBe(2);
      expect(pendingApprovers(state)).toEqual([]);
      expect(effects).toEqual([
        { type: 'completed', outcome: 'approved' },
        { type: 'notify', userIds: ['drafter'], reason: R.approved },
        { type: 'notify', userIds: ['cc1'], reason: R.cc },
      ]);
    });

    it('lets the first reject of any approver reject the instance', () => {
      expect(act(atReview(), reject('r1')).state.status).toBe('rejected');
    });

    it('omits the cc notification when there is no cc', () => {
      const s = run(start({ cc: [] }), approve('head'), approve('c1'), approve('c2'), approve('c3'));
      expect(act(s, approve('r1')).effects.map((e) => e.type)).toEqual(['completed', 'notify']);
    });
  });

  describe('return', () => {
    it('returns to the drafter when no step is named', () => {
      const s = run(atCountersign(), approve('c1'));
      const { state, effects } = act(s, ret('c2'));
      expect(state.status).toBe('returned_to_drafter');
      expect(state.steps[1].status).toBe('returned');
      expect(state.steps[1].decisions.at(-1)).toEqual({ userId: 'c2', action: 'return', comment: '请补充材料', at: T1 });
      expect(effects).toEqual([
        { type: 'returned', toStepKey: null },
        { type: 'notify', userIds: ['drafter'], reason: R.returned },
      ]);
      expect(state.history.at(-1)).toMatchObject({ type: 'return', actorId: 'c2', toStepKey: null, stepKey: 'co' });
    });

    it('returns to step 1: that step is active again with its decisions cleared, later steps reset', () => {
      const s = atReview();
      const { state, effects } = act(s, ret('r1', 'head', '请部门负责人重新确认'));
      expect(state.status).toBe('in_progress');
      expect(state.currentStepIndex).toBe(0);
      expect(state.steps.map((st) => st.status)).toEqual(['active', 'pending', 'pending']);
      expect(state.steps.map((st) => st.decisions)).toEqual([[], [], []]);
      expect(state.steps[0].activatedAt).toBe(T1);
      expect(state.steps[1].activatedAt).toBeUndefined();
      expect(state.steps[2].activatedAt).toBeUndefined();
      expect(pendingApprovers(state)).toEqual(['head']);
      expect(effects).toEqual([
        { type: 'returned', toStepKey: 'head' },
        { type: 'notify', userIds: ['head'], reason: R.returned },
      ]);
      expect(state.history.at(-1)).toMatchObject({ type: 'return', actorId: 'r1', toStepKey: 'head', comment: '请部门负责人重新确认' });
    });

    it('makes every later step run again in full after a return to step 1', () => {
      const s = run(atReview(), ret('r1', 'head'), approve('head'));
      expect(pendingApprovers(s)).toEqual(['c1', 'c2', 'c3']);
      const done = run(s, approve('c1'), approve('c2'), approve('c3'), approve('r2'));
      expect(done.status).toBe('approved');
    });

    it('re-runs a returned-to step with the approvers resolved at start, dropping transfers and added signers', () => {
      const s = run(
        start(),
        { type: 'transfer', actorId: 'head', toUserId: 'head2' },
        { type: 'addSigner', actorId: 'head2', userId: 'x', position: 'before' },
        approve('x'),
        approve('head2'),
        { type: 'transfer', actorId: 'c2', toUserId: 'c2b' },
        ret('c1', 'head'),
      );
      expect(s.steps[0].approvers).toEqual(['head']);
      expect(s.steps[0].lanes).toEqual([['head']]);
      expect(s.steps[1].approvers).toEqual(['c1', 'c2', 'c3']);
      expect(s.steps[1].resolvedApprovers).toEqual(['c1', 'c2', 'c3']);
      expect(pendingApprovers(s)).toEqual(['head']);
    });

    it('returns from a half-signed countersign to the step before it', () => {
      const s = run(atCountersign(), approve('c1'), ret('c2', 'head'));
      expect(s.currentStepIndex).toBe(0);
      expect(s.steps[1]).toMatchObject({ status: 'pending', decisions: [] });
    });

    it('requires a comment to return', () => {
      expect(codeOf(() => act(start(), { type: 'return', actorId: 'head', comment: '' }))).toBe('COMMENT_REQUIRED');
    });

    it.each([
      ['the current step', 'review'],
      ['an unknown step', 'nope'],
    ])('refuses a return to %s with INVALID_RETURN_TARGET', (_label, key) => {
      expect(codeOf(() => act(atReview(), ret('r1', key)))).toBe('INVALID_RETURN_TARGET');
    });

    it('refuses a return to a later step or to a skipped step', () => {
      expect(codeOf(() => act(atCountersign(), ret('c1', 'review')))).toBe('INVALID_RETURN_TARGET');
      const skipped = run(start({ skipStepKeys: ['co'] }), approve('head'));
      expect(codeOf(() => act(skipped, ret('r1', 'co')))).toBe('INVALID_RETURN_TARGET');
      expect(act(skipped, ret('r1', 'head')).state.steps.map((st) => st.status)).toEqual(['active', 'skipped', 'pending']);
    });

    it('checks that the actor is an approver before looking at the target', () => {
      expect(codeOf(() => act(atReview(), ret('stranger', 'nope')))).toBe('NOT_AN_APPROVER');
    });
  });

  describe('acting out of turn', () => {
    it('refuses a stranger with NOT_AN_APPROVER naming the step', () => {
      const err = errorOf(() => act(start(), approve('stranger')));
      expect(err.code).toBe('NOT_AN_APPROVER');
      expect(err.message).toContain('部门负责人审核');
    });

    it('refuses an approver of a later step and of a finished step', () => {
      expect(codeOf(() => act(start(), approve('r1')))).toBe('NOT_AN_APPROVER');
      expect(codeOf(() => act(atCountersign(), approve('head')))).toBe('NOT_AN_APPROVER');
    });

    it('refuses an action without an actor and an unknown action type with INVALID_ACTION', () => {
      expect(codeOf(() => act(start(), approve('')))).toBe('INVALID_ACTION');
      expect(codeOf(() => act(start(), { type: 'vote', actorId: 'head' } as unknown as ApprovalAction))).toBe('INVALID_ACTION');
    });
  });
});
