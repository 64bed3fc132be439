import {
  APPROVAL_ACTION_TYPES,
  applyApprovalAction,
  type ApprovalAction,
  type ApprovalInstanceState,
  type ApprovalStatus,
} from './approval-engine';
import { T1, start, act, run, approve, reject, ret, errorOf, atCountersign, atReview } from './testing/approval-fixture';
import { WorkflowError } from './workflow.error';

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
