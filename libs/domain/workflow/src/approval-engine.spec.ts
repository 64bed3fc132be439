import {
  APPROVAL_ACTION_TYPES,
  APPROVAL_NOTIFY_REASONS as R,
  applyApprovalAction,
  approvalParticipants,
  canAct,
  currentApprovalStep,
  hasAnyDecision,
  initialApprovalEffects,
  pendingApprovers,
  startApproval,
  type ApprovalAction,
  type ApprovalActionContext,
  type ApprovalDelegation,
  type ApprovalInstanceState,
  type ApprovalStatus,
  type StartApprovalInput,
} from './approval-engine';
import type { ApprovalTemplate } from './approval-template';
import { WorkflowError } from './workflow.error';

// 10:00 Beijing on Mon 3 and Tue 4 March 2025.
const T0 = '2025-03-03T02:00:00.000Z';
const T1 = '2025-03-04T02:00:00.000Z';

const template: ApprovalTemplate = {
  code: 'test_flow',
  name: '测试审批',
  version: 3,
  steps: [
    { key: 'head', name: '部门负责人审核', mode: 'single', approvers: [{ kind: 'lead_department_head' }], timeoutWorkingDays: 2, onTimeout: { remind: true } },
    { key: 'co', name: '配合部门会签', mode: 'countersign', approvers: [{ kind: 'co_departments' }] },
    {
      key: 'review',
      name: '办公室审核',
      mode: 'anySign',
      approvers: [{ kind: 'role', role: 'office_reviewer' }],
      timeoutWorkingDays: 3,
      onTimeout: { remind: true, escalateTo: { kind: 'role', role: 'office_admin' } },
    },
  ],
  cc: [{ kind: 'office' }],
};
const resolved = { head: ['head'], co: ['c1', 'c2', 'c3'], review: ['r1', 'r2'] };

function start(over: Partial<StartApprovalInput> = {}): ApprovalInstanceState {
  return startApproval({ template, drafterId: 'drafter', resolvedApprovers: resolved, cc: ['cc1'], at: T0, ...over });
}

function act(state: ApprovalInstanceState, action: ApprovalAction, ctx: Partial<ApprovalActionContext> = {}) {
  return applyApprovalAction(state, action, { at: T1, ...ctx });
}

/** Applies actions in order and returns the final state. */
function run(state: ApprovalInstanceState, ...actions: ApprovalAction[]): ApprovalInstanceState {
  return actions.reduce((s, a) => act(s, a).state, state);
}

const approve = (actorId: string, extra: Partial<Extract<ApprovalAction, { type: 'approve' }>> = {}): ApprovalAction => ({ type: 'approve', actorId, ...extra });
const reject = (actorId: string, comment = '不符合要求'): ApprovalAction => ({ type: 'reject', actorId, comment });
const ret = (actorId: string, toStepKey?: string, comment = '请补充材料'): ApprovalAction =>
  toStepKey === undefined ? { type: 'return', actorId, comment } : { type: 'return', actorId, comment, toStepKey };

function errorOf(fn: () => unknown): WorkflowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
  throw new Error('expected a WorkflowError');
}
const codeOf = (fn: () => unknown) => errorOf(fn).code;

const atCountersign = () => run(start(), approve('head'));
const atReview = () => run(atCountersign(), approve('c1'), approve('c2'), approve('c3'));

describe(startApproval.name, () => {
  it('activates the first step and waits for its approver', () => {
    const s = start();
    expect(s.status).toBe('in_progress');
    expect(s.currentStepIndex).toBe(0);
    expect(s.steps.map((st) => st.status)).toEqual(['active', 'pending', 'pending']);
    expect(s.steps[0].activatedAt).toBe(T0);
    expect(s.steps[1].activatedAt).toBeUndefined();
    expect(s.steps.map((st) => st.approvers)).toEqual([['head'], ['c1', 'c2', 'c3'], ['r1', 'r2']]);
    expect(s.steps.map((st) => st.mode)).toEqual(['single', 'countersign', 'anySign']);
    expect(s.cc).toEqual(['cc1']);
    expect(pendingApprovers(s)).toEqual(['head']);
  });

  it('starts at version 1 with a start entry in the history', () => {
    const s = start();
    expect(s.version).toBe(1);
    expect(s.history).toEqual([{ type: 'start', at: T0, actorId: 'drafter', stepKey: 'head', version: 1 }]);
  });

  it('produces a plain JSON-serializable object', () => {
    const s = start();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('drops duplicate approvers and cc, keeping the first occurrence', () => {
    const s = start({ resolvedApprovers: { ...resolved, co: ['c2', 'c1', 'c2'] }, cc: ['cc1', 'cc1', 'cc2'] });
    expect(s.steps[1].approvers).toEqual(['c2', 'c1']);
    expect(s.cc).toEqual(['cc1', 'cc2']);
  });

  it('throws NO_APPROVERS naming the step when a step resolves to nobody', () => {
    const err = errorOf(() => start({ resolvedApprovers: { ...resolved, co: [] } }));
    expect(err.code).toBe('NO_APPROVERS');
    expect(err.message).toContain('配合部门会签');
    expect(err.messageEn).toContain('co');
    expect(err.details).toEqual({ stepKey: 'co', stepName: '配合部门会签' });
  });

  it('throws NO_APPROVERS when a step key is missing from resolvedApprovers', () => {
    const { review: _omit, ...partial } = resolved;
    expect(codeOf(() => start({ resolvedApprovers: partial }))).toBe('NO_APPROVERS');
  });

  it('marks skipped steps, needs no approvers for them and starts at the first step that runs', () => {
    const s = start({ skipStepKeys: ['head'], resolvedApprovers: { co: ['c1'], review: ['r1'] } });
    expect(s.steps.map((st) => st.status)).toEqual(['skipped', 'active', 'pending']);
    expect(s.currentStepIndex).toBe(1);
    expect(pendingApprovers(s)).toEqual(['c1']);
  });

  it('skips a skipped step when advancing', () => {
    const s = start({ skipStepKeys: ['co'] });
    const next = act(s, approve('head')).state;
    expect(next.currentStepIndex).toBe(2);
    expect(pendingApprovers(next)).toEqual(['r1', 'r2']);
  });

  it('refuses to skip an unknown step and refuses to skip every step', () => {
    expect(codeOf(() => start({ skipStepKeys: ['nope'] }))).toBe('INVALID_ACTION');
    expect(codeOf(() => start({ skipStepKeys: ['head', 'co', 'review'] }))).toBe('NO_STEPS');
  });

  it('refuses an invalid template and a missing drafter', () => {
    expect(codeOf(() => start({ template: { ...template, steps: [] } }))).toBe('NO_STEPS');
    expect(codeOf(() => start({ template: { ...template, steps: [template.steps[0], template.steps[0]] } }))).toBe('INVALID_TEMPLATE');
    expect(codeOf(() => start({ drafterId: '' }))).toBe('INVALID_ACTION');
  });

  it('keeps a snapshot: mutating the template (or the inputs) after start does not change the instance', () => {
    const tpl: ApprovalTemplate = JSON.parse(JSON.stringify(template));
    const approvers = { head: ['head'], co: ['c1', 'c2'], review: ['r1'] };
    const cc = ['cc1'];
    const s = startApproval({ template: tpl, drafterId: 'drafter', resolvedApprovers: approvers, cc, at: T0 });
    const before = JSON.parse(JSON.stringify(s));

    tpl.name = '改过的名字';
    tpl.steps[0].name = '改过的步骤';
    tpl.steps[2].onTimeout = { remind: false };
    tpl.steps.push({ key: 'extra', name: '新增', mode: 'single', approvers: [{ kind: 'office' }] });
    approvers.co.push('intruder');
    cc.push('cc-late');

    expect(s).toEqual(before);
    expect(s.templateSnapshot).toEqual(template);
    expect(s.templateSnapshot).not.toBe(tpl);
  });

  it('offers the notifications for the first step', () => {
    expect(initialApprovalEffects(start())).toEqual([{ type: 'notify', userIds: ['head'], reason: R.pending }]);
  });
});

describe(applyApprovalAction.name, () => {
  describe('every action in every instance status', () => {
    const closed: Record<Exclude<ApprovalStatus, 'in_progress'>, () => ApprovalInstanceState> = {
      approved: () => run(atReview(), approve('r1')),
      rejected: () => run(start(), reject('head')),
      returned_to_drafter: () => run(start(), ret('head')),
      withdrawn: () => run(start(), { type: 'withdraw', actorId: 'drafter' }),
    };

    /** One valid action of each type against a fresh instance waiting for 'head'. */
    const validOnFresh: Record<ApprovalAction['type'], ApprovalAction> = {
      approve: approve('head'),
      reject: reject('head'),
      return: ret('head'),
      transfer: { type: 'transfer', actorId: 'head', toUserId: 'head2' },
      addSigner: { type: 'addSigner', actorId: 'head', userId: 'x', position: 'before' },
      withdraw: { type: 'withdraw', actorId: 'drafter' },
      comment: { type: 'comment', actorId: 'drafter', comment: '请尽快' },
      timeout: { type: 'timeout', at: T1 },
    };

    it('has a fixture for every action type and every closed status', () => {
      expect(Object.keys(validOnFresh).sort()).toEqual([...APPROVAL_ACTION_TYPES].sort());
      for (const [status, make] of Object.entries(closed)) expect(make().status).toBe(status);
    });

    const closedCells = Object.keys(closed).flatMap((status) => APPROVAL_ACTION_TYPES.map((type) => [status, type] as const));
    it.each(closedCells)('refuses on a %s instance the action %s with INSTANCE_CLOSED', (status, type) => {
      const s = closed[status as keyof typeof closed]();
      const err = errorOf(() => act(s, validOnFresh[type]));
      expect(err.code).toBe('INSTANCE_CLOSED');
      expect(err.details).toEqual({ status, action: type });
    });

    it.each(APPROVAL_ACTION_TYPES.map((t) => [t]))('accepts on an in_progress instance the action %s and bumps the version', (type) => {
      const s = start();
      const result = act(s, validOnFresh[type]);
      expect(result.state.version).toBe(2);
      expect(result.state.history.at(-1)).toMatchObject({ type, version: 2 });
    });
  });

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

  describe('version and immutability', () => {
    it('increments the version by one on every change and stamps it on the history entry', () => {
      const actions: ApprovalAction[] = [
        { type: 'comment', actorId: 'drafter', comment: '请审核' },
        { type: 'timeout', at: T1 },
        { type: 'addSigner', actorId: 'head', userId: 'x', position: 'before' },
        approve('x'),
        approve('head'),
        { type: 'transfer', actorId: 'c1', toUserId: 'c1b' },
        approve('c1b'),
        approve('c2'),
        ret('c3', 'head'),
        approve('head'),
        approve('c1'),
        approve('c2'),
        approve('c3'),
        approve('r1'),
      ];
      let s = start();
      for (const [i, a] of actions.entries()) {
        s = act(s, a).state;
        expect(s.version).toBe(i + 2);
      }
      expect(s.status).toBe('approved');
      expect(s.history.map((h) => h.version)).toEqual([1, ...actions.map((_, i) => i + 2)]);
    });

    it('never mutates the input state, whether the action succeeds or fails', () => {
      const s = run(atCountersign(), approve('c1'));
      const snapshot = JSON.parse(JSON.stringify(s));
      act(s, approve('c2'));
      act(s, ret('c3', 'head'));
      act(s, { type: 'addSigner', actorId: 'c2', userId: 'x', position: 'after' });
      act(s, { type: 'timeout', at: T1 });
      expect(() => act(s, approve('c1'))).toThrow(WorkflowError);
      expect(s).toEqual(snapshot);
    });

    it('returns a new object that shares no arrays with the input', () => {
      const s = start();
      const next = act(s, approve('head')).state;
      expect(next).not.toBe(s);
      expect(next.steps).not.toBe(s.steps);
      expect(next.history).not.toBe(s.history);
      expect(next.templateSnapshot).not.toBe(s.templateSnapshot);
    });

    it('keeps the state JSON-serializable after every kind of action', () => {
      const s = run(
        atReview(),
        { type: 'addSigner', actorId: 'r1', userId: 'y', position: 'after' },
        { type: 'timeout', at: T1 },
        { type: 'timeout', at: T1, escalateToUserIds: ['a1'] },
        ret('r2', 'head'),
      );
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    });

    it('keeps approvers equal to the flattened lanes', () => {
      const s = run(
        atCountersign(),
        { type: 'addSigner', actorId: 'c1', userId: 'x', position: 'before' },
        { type: 'addSigner', actorId: 'c2', userId: 'y', position: 'after' },
        { type: 'transfer', actorId: 'c3', toUserId: 'z' },
      );
      expect(s.steps[1].approvers).toEqual(s.steps[1].lanes.flat());
      expect(s.steps[1].approvers).toEqual(['x', 'c1', 'c2', 'y', 'z']);
    });
  });
});

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
