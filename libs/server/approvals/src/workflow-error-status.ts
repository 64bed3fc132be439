import type { WorkflowErrorCode } from '@luoshi/domain/workflow';

/**
 * HTTP status of each workflow engine error: who may not act → 403, a decision that came too late
 * or out of turn → 409, a malformed action → 400, a chain that cannot be staffed → 422.
 */
export const WORKFLOW_ERROR_STATUS: Record<WorkflowErrorCode, number> = {
  NOT_AN_APPROVER: 403,
  NOT_THE_DRAFTER: 403,
  NOT_A_PARTICIPANT: 403,
  NOT_YOUR_TURN: 409,
  ALREADY_DECIDED: 409,
  INSTANCE_CLOSED: 409,
  WITHDRAW_AFTER_DECISION: 409,
  INVALID_TRANSITION: 409,
  RESUME_STATE_MISSING: 409,
  COMMENT_REQUIRED: 400,
  INVALID_RETURN_TARGET: 400,
  ALREADY_AN_APPROVER: 400,
  INVALID_ACTION: 400,
  INVALID_DATE: 400,
  INVALID_TEMPLATE: 400,
  NO_STEPS: 422,
  NO_APPROVERS: 422,
};

export function workflowErrorStatus(code: WorkflowErrorCode): number {
  return WORKFLOW_ERROR_STATUS[code] ?? 400;
}
