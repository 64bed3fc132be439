import type { ApprovalStepState } from './approval-state';
import { hasApproved } from './approval-step-rules';
import { WorkflowError } from './workflow.error';

/** Why `userId` cannot act on this step: already approved, waiting for their turn, or not on it. */
export function notActing(step: ApprovalStepState, userId: string): WorkflowError {
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

export function requireComment(comment: string | undefined, what: string): string {
  if (typeof comment !== 'string' || comment.trim() === '') {
    throw new WorkflowError('COMMENT_REQUIRED', `${what}时必须填写意见`, 'A comment is required for this action', { what });
  }
  return comment;
}

export function invalidAction(zh: string, en: string, details?: Record<string, unknown>): WorkflowError {
  return new WorkflowError('INVALID_ACTION', zh, en, details);
}
