import {
  applyApprovalAction,
  APPROVAL_NOTIFY_REASONS as R,
  hasAnyDecision,
  pendingApprovers,
  startApproval,
  type ApprovalDelegation,
} from './approval-engine';
import type { ApprovalTemplate } from './approval-template';
import { T0, T1, template, start, act, run, approve, reject, ret, errorOf, codeOf, atCountersign, atReview } from './testing/approval-fixture';

describe(applyApprovalAction.name, () => {
  describe('addSigner (加签)', () => {
    it('before: the new signer decides first and the actor waits for them', () => {
      const { state, effects } = act(start(), { type: 'addSigner', actorId: 'head', userId: 'expert', position: 'before', comment: '请专家把关' });
      expect(state.steps[0].approvers).toEqual(['expert', 'head']);
      expect(state.steps[0].lanes).toEqual([['expert', 'head']]);
      expect(pendingApprovers(state)).toEqual(['expert']);
      expect(effects).toEqual([{ type: 'notify', userIds: ['expert'], reason: R.signerAdded }]);
      expect(state.history.at(-1)).toMatchObject({ type: 'addSigner', actorId: 'head', userId: 'expert', position: 'before', comment: '请专家把关' });

      expect(codeOf(() => act(state, approve('head')))).toBe('NOT_YOUR_TURN');

      const afterExpert = act(state, approve('expert'));
      expect(afterExpert.state.currentStepIndex).toBe(0);
      expect(pendingApprovers(afterExpert.state)).toEqual(['head']);
      expect(afterExpert.effects).toEqual([{ type: 'notify', userIds: ['head'], reason: R.pending }]);

      const afterHead = act(afterExpert.state, approve('head')).state;
      expect(afterHead.currentStepIndex).toBe(1);
    });

    it('before: a reject by the added signer rejects the instance like any approver', () => {
      const s = run(start(), { type: 'addSigner', actorId: 'head', userId: 'expert', position: 'before' });
      expect(act(s, reject('expert')).state.status).toBe('rejected');
    });

    it('before, in a countersign: the step also waits for the added signer', () => {
      const s = run(atCountersign(), { type: 'addSigner', actorId: 'c1', userId: 'x', position: 'before' }, approve('c2'), approve('c3'));
      expect(pendingApprovers(s)).toEqual(['x']);
      const s2 = run(s, approve('x'));
      expect(pendingApprovers(s2)).toEqual(['c1']);
      expect(act(s2, approve('c1')).state.currentStepIndex).toBe(2);
    });

    it('after: the actor decides first, then the step also needs the added signer', () => {
      const s = run(start(), { type: 'addSigner', actorId: 'head', userId: 'deputy', position: 'after' });
      expect(s.steps[0].approvers).toEqual(['head', 'deputy']);
      expect(pendingApprovers(s)).toEqual(['head']);
      expect(codeOf(() => act(s, approve('deputy')))).toBe('NOT_YOUR_TURN');

      const afterHead = act(s, approve('head'));
      expect(afterHead.state.currentStepIndex).toBe(0);
      expect(afterHead.state.steps[0].status).toBe('active');
      expect(afterHead.effects).toEqual([{ type: 'notify', userIds: ['deputy'], reason: R.pending }]);

      expect(act(afterHead.state, approve('deputy')).state.currentStepIndex).toBe(1);
    });

    it('after, in an anySign step: the extended chain needs both, but another approver can still complete the step alone', () => {
      const s = run(atReview(), { type: 'addSigner', actorId: 'r1', userId: 'y', position: 'after' });
      expect(pendingApprovers(s)).toEqual(['r1', 'r2']);
      expect(act(s, approve('r2')).state.status).toBe('approved');
      const viaChain = run(s, approve('r1'));
      expect(viaChain.status).toBe('in_progress');
      expect(pendingApprovers(viaChain)).toEqual(['y', 'r2']);
      expect(act(viaChain, approve('y')).state.status).toBe('approved');
    });

    it('refuses someone already on the step, including the actor', () => {
      expect(codeOf(() => act(atCountersign(), { type: 'addSigner', actorId: 'c1', userId: 'c2', position: 'after' }))).toBe('ALREADY_AN_APPROVER');
      expect(codeOf(() => act(start(), { type: 'addSigner', actorId: 'head', userId: 'head', position: 'before' }))).toBe('ALREADY_AN_APPROVER');
    });

    it('refuses a non-approver, a missing user and an unknown position', () => {
      expect(codeOf(() => act(start(), { type: 'addSigner', actorId: 'c1', userId: 'x', position: 'before' }))).toBe('NOT_AN_APPROVER');
      expect(codeOf(() => act(start(), { type: 'addSigner', actorId: 'head', userId: '', position: 'before' }))).toBe('INVALID_ACTION');
      expect(codeOf(() => act(start(), { type: 'addSigner', actorId: 'head', userId: 'x', position: 'middle' as never }))).toBe('INVALID_ACTION');
    });
  });

  describe('transfer (转交)', () => {
    it("hands the actor's place to another user, who then decides", () => {
      const { state, effects } = act(start(), { type: 'transfer', actorId: 'head', toUserId: 'head2', comment: '出差，请代为处理' });
      expect(state.steps[0].approvers).toEqual(['head2']);
      expect(pendingApprovers(state)).toEqual(['head2']);
      expect(effects).toEqual([{ type: 'notify', userIds: ['head2'], reason: R.transferred }]);
      expect(state.history.at(-1)).toMatchObject({ type: 'transfer', actorId: 'head', toUserId: 'head2', comment: '出差，请代为处理' });
      expect(codeOf(() => act(state, approve('head')))).toBe('NOT_AN_APPROVER');
      expect(act(state, approve('head2')).state.currentStepIndex).toBe(1);
    });

    it('keeps the position in a countersign and the step still needs everyone', () => {
      const s = run(atCountersign(), { type: 'transfer', actorId: 'c2', toUserId: 'c2b' });
      expect(s.steps[1].approvers).toEqual(['c1', 'c2b', 'c3']);
      const done = run(s, approve('c1'), approve('c3'));
      expect(pendingApprovers(done)).toEqual(['c2b']);
    });

    it('refuses a transfer to someone already on the step, or to nobody', () => {
      expect(codeOf(() => act(atCountersign(), { type: 'transfer', actorId: 'c1', toUserId: 'c3' }))).toBe('ALREADY_AN_APPROVER');
      expect(codeOf(() => act(start(), { type: 'transfer', actorId: 'head', toUserId: '' }))).toBe('INVALID_ACTION');
    });

    it('refuses a transfer by someone waiting for an added signer', () => {
      const s = run(start(), { type: 'addSigner', actorId: 'head', userId: 'x', position: 'before' });
      expect(codeOf(() => act(s, { type: 'transfer', actorId: 'head', toUserId: 'z' }))).toBe('NOT_YOUR_TURN');
    });
  });

  describe('delegation (委托)', () => {
    const delegations: ApprovalDelegation[] = [{ fromUserId: 'head', toUserId: 'deputy', from: '2025-03-01', to: '2025-03-05' }];

    it('lets the delegate decide inside the date range, recorded as "deputy for head"', () => {
      const { state } = act(start(), approve('deputy'), { delegations });
      expect(state.steps[0].decisions).toEqual([{ userId: 'deputy', onBehalfOf: 'head', action: 'approve', at: T1 }]);
      expect(state.history.at(-1)).toMatchObject({ type: 'approve', actorId: 'deputy', onBehalfOf: 'head' });
      expect(state.currentStepIndex).toBe(1);
    });

    it('includes the last day of the range in Beijing time and excludes the day after', () => {
      expect(act(start(), approve('deputy'), { delegations, at: '2025-03-05T15:59:59Z' }).state.currentStepIndex).toBe(1);
      expect(codeOf(() => act(start(), approve('deputy'), { delegations, at: '2025-03-05T16:00:00Z' }))).toBe('NOT_AN_APPROVER');
      expect(codeOf(() => act(start(), approve('deputy'), { delegations, at: '2025-02-28T15:00:00Z' }))).toBe('NOT_AN_APPROVER');
    });

    it('refuses the delegate outside the date range', () => {
      expect(codeOf(() => act(start(), approve('deputy'), { delegations, at: '2025-03-10T02:00:00Z' }))).toBe('NOT_AN_APPROVER');
    });

    it('still lets the delegator act in person', () => {
      expect(act(start(), approve('head'), { delegations }).state.steps[0].decisions[0]).toEqual({ userId: 'head', action: 'approve', at: T1 });
    });

    it('lets the delegate transfer, add a signer, reject or return on behalf of the delegator', () => {
      expect(act(start(), { type: 'transfer', actorId: 'deputy', toUserId: 'z' }, { delegations }).state.steps[0].approvers).toEqual(['z']);
      expect(act(start(), { type: 'addSigner', actorId: 'deputy', userId: 'z', position: 'before' }, { delegations }).state.steps[0].approvers).toEqual(['z', 'head']);
      expect(act(start(), reject('deputy'), { delegations }).state.steps[0].decisions[0]).toMatchObject({ userId: 'deputy', onBehalfOf: 'head', action: 'reject' });
      expect(act(start(), ret('deputy'), { delegations }).state.status).toBe('returned_to_drafter');
    });

    it('acts for the first pending delegator unless onBehalfOf names another', () => {
      const two: ApprovalDelegation[] = [
        { fromUserId: 'c1', toUserId: 'd', from: '2025-03-01', to: '2025-03-31' },
        { fromUserId: 'c3', toUserId: 'd', from: '2025-03-01', to: '2025-03-31' },
      ];
      const s = atCountersign();
      expect(act(s, approve('d'), { delegations: two }).state.steps[1].decisions[0].onBehalfOf).toBe('c1');
      expect(act(s, approve('d', { onBehalfOf: 'c3' }), { delegations: two }).state.steps[1].decisions[0].onBehalfOf).toBe('c3');
      expect(codeOf(() => act(s, approve('d', { onBehalfOf: 'c2' }), { delegations: two }))).toBe('NOT_AN_APPROVER');
      const c1Done = run(s, approve('c1'));
      expect(codeOf(() => act(c1Done, approve('d', { onBehalfOf: 'c1' }), { delegations: two }))).toBe('ALREADY_DECIDED');
    });

    it('acts in person first when the actor is an approver and also a delegate', () => {
      const s = atCountersign();
      const d: ApprovalDelegation[] = [{ fromUserId: 'c1', toUserId: 'c2', from: '2025-03-01', to: '2025-03-31' }];
      const first = act(s, approve('c2'), { delegations: d }).state;
      expect(first.steps[1].decisions[0]).toEqual({ userId: 'c2', action: 'approve', at: T1 });
      const second = act(first, approve('c2'), { delegations: d }).state;
      expect(second.steps[1].decisions[1]).toEqual({ userId: 'c2', onBehalfOf: 'c1', action: 'approve', at: T1 });
    });

    it('does not chain delegations', () => {
      const chain: ApprovalDelegation[] = [
        { fromUserId: 'head', toUserId: 'deputy', from: '2025-03-01', to: '2025-03-31' },
        { fromUserId: 'deputy', toUserId: 'assistant', from: '2025-03-01', to: '2025-03-31' },
      ];
      expect(codeOf(() => act(start(), approve('assistant'), { delegations: chain }))).toBe('NOT_AN_APPROVER');
    });
  });

  describe('withdraw', () => {
    it('lets the drafter withdraw before any decision and tells the waiting approvers', () => {
      const { state, effects } = act(start(), { type: 'withdraw', actorId: 'drafter' });
      expect(state.status).toBe('withdrawn');
      expect(state.steps[0].status).toBe('pending');
      expect(pendingApprovers(state)).toEqual([]);
      expect(effects).toEqual([{ type: 'notify', userIds: ['head'], reason: R.withdrawn }]);
    });

    it('refuses a withdraw after a decision with WITHDRAW_AFTER_DECISION', () => {
      const err = errorOf(() => act(atCountersign(), { type: 'withdraw', actorId: 'drafter' }));
      expect(err.code).toBe('WITHDRAW_AFTER_DECISION');
      expect(err.message).toBe('审批人已作出处理，不能撤回');
    });

    it('still refuses after a return to step 1 cleared the decisions from the steps', () => {
      const s = run(atReview(), ret('r1', 'head'));
      expect(s.steps.every((st) => st.decisions.length === 0)).toBe(true);
      expect(codeOf(() => act(s, { type: 'withdraw', actorId: 'drafter' }))).toBe('WITHDRAW_AFTER_DECISION');
    });

    it('does not count comments, transfers, added signers or reminders as decisions', () => {
      const s = run(
        start(),
        { type: 'comment', actorId: 'head', comment: '收到' },
        { type: 'transfer', actorId: 'head', toUserId: 'head2' },
        { type: 'addSigner', actorId: 'head2', userId: 'x', position: 'after' },
        { type: 'timeout', at: T1 },
      );
      expect(hasAnyDecision(s)).toBe(false);
      expect(act(s, { type: 'withdraw', actorId: 'drafter' }).state.status).toBe('withdrawn');
    });

    it('refuses anyone but the drafter with NOT_THE_DRAFTER', () => {
      expect(codeOf(() => act(start(), { type: 'withdraw', actorId: 'head' }))).toBe('NOT_THE_DRAFTER');
    });
  });

  describe('comment', () => {
    it('records a comment by the drafter without changing any step, and tells the waiting approvers', () => {
      const s = start();
      const { state, effects } = act(s, { type: 'comment', actorId: 'drafter', comment: '请尽快审核' });
      expect(state.steps).toEqual(s.steps);
      expect(state.history.at(-1)).toEqual({ type: 'comment', at: T1, actorId: 'drafter', stepKey: 'head', comment: '请尽快审核', version: 2 });
      expect(effects).toEqual([{ type: 'notify', userIds: ['head'], reason: R.comment }]);
    });

    it.each([['head'], ['r2'], ['cc1'], ['drafter']])('accepts a comment from participant %s', (actorId) => {
      expect(act(start(), { type: 'comment', actorId, comment: '意见' }).state.version).toBe(2);
    });

    it('accepts a comment from an active delegate of a waiting approver', () => {
      const delegations = [{ fromUserId: 'head', toUserId: 'deputy', from: '2025-03-01', to: '2025-03-31' }];
      expect(act(start(), { type: 'comment', actorId: 'deputy', comment: '代为说明' }, { delegations }).state.version).toBe(2);
    });

    it('refuses a stranger with NOT_A_PARTICIPANT and a blank comment with COMMENT_REQUIRED', () => {
      expect(codeOf(() => act(start(), { type: 'comment', actorId: 'stranger', comment: '你好' }))).toBe('NOT_A_PARTICIPANT');
      expect(codeOf(() => act(start(), { type: 'comment', actorId: 'drafter', comment: ' ' }))).toBe('COMMENT_REQUIRED');
    });
  });

  describe('timeout', () => {
    it('reminds the pending approvers first, then escalates per the template', () => {
      const first = act(atReview(), { type: 'timeout', at: '2025-03-07T01:00:00Z' });
      expect(first.effects).toEqual([
        { type: 'reminded', userIds: ['r1', 'r2'] },
        { type: 'notify', userIds: ['r1', 'r2'], reason: R.reminder },
      ]);
      expect(first.state.steps[2].timeouts).toBe(1);
      expect(first.state.history.at(-1)).toMatchObject({ type: 'timeout', actorId: null, at: '2025-03-07T01:00:00Z', timeoutOutcome: 'reminded', userIds: ['r1', 'r2'] });

      const second = act(first.state, { type: 'timeout', at: '2025-03-12T01:00:00Z', escalateToUserIds: ['admin1', 'admin1'] });
      expect(second.effects).toEqual([
        { type: 'escalated', toUserIds: ['admin1'] },
        { type: 'notify', userIds: ['admin1'], reason: R.escalated },
      ]);
      expect(second.state.steps[2].escalatedTo).toEqual(['admin1']);
      expect(pendingApprovers(second.state)).toEqual(['r1', 'r2', 'admin1']);
      expect(second.state.history.at(-1)).toMatchObject({ timeoutOutcome: 'escalated', userIds: ['admin1'] });
    });

    it('lets the escalated user decide the step alone', () => {
      const s = run(atReview(), { type: 'timeout', at: T1 }, { type: 'timeout', at: T1, escalateToUserIds: ['admin1'] });
      const { state } = act(s, approve('admin1'));
      expect(state.status).toBe('approved');
      expect(state.steps[2].decisions).toEqual([{ userId: 'admin1', action: 'approve', at: T1, asEscalation: true }]);
    });

    it('keeps the original approvers able to decide after escalation', () => {
      const s = run(atReview(), { type: 'timeout', at: T1 }, { type: 'timeout', at: T1, escalateToUserIds: ['admin1'] });
      expect(act(s, approve('r1')).state.status).toBe('approved');
    });

    it('lets an escalated user decide a countersign step on everyone’s behalf', () => {
      const tpl: ApprovalTemplate = {
        ...template,
        steps: [{ key: 'co', name: '会签', mode: 'countersign', approvers: [{ kind: 'co_departments' }], onTimeout: { remind: true, escalateTo: { kind: 'office' } } }],
      };
      const s = run(
        startApproval({ template: tpl, drafterId: 'drafter', resolvedApprovers: { co: ['c1', 'c2'] }, at: T0 }),
        approve('c1'),
        { type: 'timeout', at: T1 },
        { type: 'timeout', at: T1, escalateToUserIds: ['boss'] },
      );
      expect(pendingApprovers(s)).toEqual(['c2', 'boss']);
      expect(act(s, approve('boss')).state.status).toBe('approved');
    });

    it('keeps reminding, escalated users included, after the escalation', () => {
      const s = run(atReview(), { type: 'timeout', at: T1 }, { type: 'timeout', at: T1, escalateToUserIds: ['admin1'] });
      expect(act(s, { type: 'timeout', at: T1, escalateToUserIds: ['admin2'] }).effects[0]).toEqual({ type: 'reminded', userIds: ['r1', 'r2', 'admin1'] });
    });

    it('throws NO_APPROVERS when the escalation is due but the caller resolved nobody', () => {
      const s = run(atReview(), { type: 'timeout', at: T1 });
      const err = errorOf(() => act(s, { type: 'timeout', at: T1 }));
      expect(err.code).toBe('NO_APPROVERS');
      expect(err.message).toContain('办公室审核');
      expect(codeOf(() => act(s, { type: 'timeout', at: T1, escalateToUserIds: [] }))).toBe('NO_APPROVERS');
    });

    it('only reminds, every time, on a step without escalateTo', () => {
      const s = run(start(), { type: 'timeout', at: T1 }, { type: 'timeout', at: T1 });
      const third = act(s, { type: 'timeout', at: T1, escalateToUserIds: ['x'] });
      expect(third.effects.map((e) => e.type)).toEqual(['reminded', 'notify']);
      expect(third.state.steps[0].escalatedTo).toEqual([]);
    });

    it('reminds by default when the step has no timeout policy', () => {
      expect(act(atCountersign(), { type: 'timeout', at: T1 }).effects[0]).toEqual({ type: 'reminded', userIds: ['c1', 'c2', 'c3'] });
    });

    it('escalates on the first timeout when the template turns reminders off', () => {
      const tpl: ApprovalTemplate = { ...template, steps: [{ ...template.steps[2], onTimeout: { remind: false, escalateTo: { kind: 'office' } } }] };
      const s = startApproval({ template: tpl, drafterId: 'drafter', resolvedApprovers: { review: ['r1'] }, at: T0 });
      expect(act(s, { type: 'timeout', at: T1, escalateToUserIds: ['a1'] }).effects[0]).toEqual({ type: 'escalated', toUserIds: ['a1'] });
    });

    it('does nothing but record the timeout when reminders are off and there is no escalation', () => {
      const tpl: ApprovalTemplate = { ...template, steps: [{ ...template.steps[0], onTimeout: { remind: false } }] };
      const s = startApproval({ template: tpl, drafterId: 'drafter', resolvedApprovers: { head: ['head'] }, at: T0 });
      const r = act(s, { type: 'timeout', at: T1 });
      expect(r.effects).toEqual([]);
      expect(r.state.version).toBe(2);
      expect(r.state.history.at(-1)).toMatchObject({ type: 'timeout', timeoutOutcome: 'none' });
    });

    it('starts counting again when the next step is activated, and after a return', () => {
      const reminded = run(atReview(), { type: 'timeout', at: T1 });
      const rerun = run(reminded, ret('r1', 'co'), approve('c1'), approve('c2'), approve('c3'));
      expect(rerun.steps[2].timeouts).toBe(0);
      expect(act(rerun, { type: 'timeout', at: T1 }).effects[0].type).toBe('reminded');
      const headTimedOut = run(start(), { type: 'timeout', at: T1 }, approve('head'));
      expect(headTimedOut.steps[1].timeouts).toBe(0);
    });

    it('clears an escalation when the step is returned to and run again', () => {
      const escalated = run(atReview(), { type: 'timeout', at: T1 }, { type: 'timeout', at: T1, escalateToUserIds: ['admin1'] });
      const rerun = run(escalated, ret('r1', 'co'), approve('c1'), approve('c2'), approve('c3'));
      expect(rerun.steps[2].escalatedTo).toEqual([]);
      expect(pendingApprovers(rerun)).toEqual(['r1', 'r2']);
    });
  });
});
