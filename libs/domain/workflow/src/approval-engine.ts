/*
 * Approval engine: a pure reducer over a plain, JSON-serializable instance state.
 *
 * Model. Each step holds *lanes*: at start every resolved approver gets a lane of one. A lane is a
 * sequence that must be approved in order; 加签 inserts a person into the actor's lane (before or
 * after the actor), 转交 replaces the actor in it. Whatever the mode, only the first not-yet-approved
 * member of each lane can act ("pending"); the others wait ("not your turn").
 *   countersign: the step is approved when every lane is approved.
 *   anySign / single: the step is approved when any one lane is approved. With a lane of one that is
 *     "first approval counts"; a lane grown by 加签 needs all its members.
 *   Any reject ends the instance as rejected; any return ends or rewinds it — in every mode,
 *   immediately (a 会签 reject does not wait for the remaining signers).
 * Escalated users (timeout) stand outside the lanes: any one of them can decide the whole step.
 *
 * Files: approval-state (types), start-approval, apply-approval-action (one action on a copy) with
 * approval-run (each action's rules), approval-step-rules (lanes, completion, delegation),
 * approval-queries, approval-effects, approval-errors.
 */
export * from './approval-state';
export { startApproval, initialApprovalEffects } from './start-approval';
export { applyApprovalAction } from './apply-approval-action';
export { pendingApprovers, canAct, currentApprovalStep, hasAnyDecision, approvalParticipants } from './approval-queries';
