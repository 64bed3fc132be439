import { invalidAction } from './approval-errors';
import { Run } from './approval-run';
import type { ApprovalAction, ApprovalActionContext, ApprovalEffect, ApprovalInstanceState, ApprovalStatus } from './approval-state';
import { WorkflowError } from './workflow.error';

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

const STATUS_LABELS: Record<ApprovalStatus, string> = {
  in_progress: '审批中',
  approved: '已通过',
  rejected: '未通过',
  returned_to_drafter: '已退回起草人',
  withdrawn: '已撤回',
};

/** The state is JSON by contract, so a JSON round trip is an exact deep copy. */
function cloneState(state: ApprovalInstanceState): ApprovalInstanceState {
  return JSON.parse(JSON.stringify(state)) as ApprovalInstanceState;
}
