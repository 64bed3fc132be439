/**
 * The one error type of this library. The server maps `code` to an HTTP status and passes
 * `message` (Chinese, shown to users) and `messageEn` (logs, English UI) through unchanged.
 */
export const WORKFLOW_ERROR_CODES = [
  'INVALID_TRANSITION',
  'RESUME_STATE_MISSING',
  'INVALID_DATE',
  'INVALID_TEMPLATE',
  'NO_STEPS',
  'NO_APPROVERS',
  'INSTANCE_CLOSED',
  'NOT_AN_APPROVER',
  'NOT_YOUR_TURN',
  'ALREADY_DECIDED',
  'ALREADY_AN_APPROVER',
  'COMMENT_REQUIRED',
  'INVALID_RETURN_TARGET',
  'NOT_THE_DRAFTER',
  'WITHDRAW_AFTER_DECISION',
  'NOT_A_PARTICIPANT',
  'INVALID_ACTION',
] as const;
export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';

  constructor(
    readonly code: WorkflowErrorCode,
    /** Chinese, for the user. */
    message: string,
    /** English, for logs and the English UI. */
    readonly messageEn: string,
    /** Machine-readable context (state, event, step key …) for the API error `details`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    // Keeps `instanceof` working even if this is ever compiled to ES5.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isWorkflowError(value: unknown): value is WorkflowError {
  return value instanceof WorkflowError;
}
