import {
  applyApprovalAction,
  startApproval,
  type ApprovalAction,
  type ApprovalActionContext,
  type ApprovalInstanceState,
  type StartApprovalInput,
} from '../approval-engine';
import type { ApprovalTemplate } from '../approval-template';
import { workflowErrorOf } from './workflow-error-of';

// The approval engine specs' shared template, instance builders and action shorthands.

// 10:00 Beijing on Mon 3 and Tue 4 March 2025.
export const T0 = '2025-03-03T02:00:00.000Z';
export const T1 = '2025-03-04T02:00:00.000Z';

export const template: ApprovalTemplate = {
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
export const resolved = { head: ['head'], co: ['c1', 'c2', 'c3'], review: ['r1', 'r2'] };

export function start(over: Partial<StartApprovalInput> = {}): ApprovalInstanceState {
  return startApproval({ template, drafterId: 'drafter', resolvedApprovers: resolved, cc: ['cc1'], at: T0, ...over });
}

export function act(state: ApprovalInstanceState, action: ApprovalAction, ctx: Partial<ApprovalActionContext> = {}) {
  return applyApprovalAction(state, action, { at: T1, ...ctx });
}

/** Applies actions in order and returns the final state. */
export function run(state: ApprovalInstanceState, ...actions: ApprovalAction[]): ApprovalInstanceState {
  return actions.reduce((s, a) => act(s, a).state, state);
}

export const approve = (actorId: string, extra: Partial<Extract<ApprovalAction, { type: 'approve' }>> = {}): ApprovalAction => ({ type: 'approve', actorId, ...extra });
export const reject = (actorId: string, comment = '不符合要求'): ApprovalAction => ({ type: 'reject', actorId, comment });
export const ret = (actorId: string, toStepKey?: string, comment = '请补充材料'): ApprovalAction =>
  toStepKey === undefined ? { type: 'return', actorId, comment } : { type: 'return', actorId, comment, toStepKey };

export const errorOf = workflowErrorOf;
export const codeOf = (fn: () => unknown) => errorOf(fn).code;

export const atCountersign = () => run(start(), approve('head'));
export const atReview = () => run(atCountersign(), approve('c1'), approve('c2'), approve('c3'));
