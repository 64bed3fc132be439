import { REPORT_STATUS_LABELS_ZH } from '@luoshi/contracts';
import type { ApprovalStatus } from './approval-engine';
import { tableEvents, tableTarget, type TransitionTable } from './transition-table';
import { WorkflowError } from './workflow.error';

/**
 * Lifecycle of a progress report or a request (extension, completion, special action plan).
 * `rejected` is added to the brief's list: a request that is turned down (e.g. an extension refused)
 * must end, not sit forever in `returned` waiting for an edit that will never come.
 * Who may fire an event (author, submitter) is checked by the caller; this is only the graph.
 */
export const REPORT_STATES = ['draft', 'submitted', 'in_approval', 'approved', 'returned', 'rejected'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_EVENTS = ['submit', 'start_approval', 'approve', 'reject', 'return', 'withdraw', 'edit'] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];

/** The states' Chinese names are the contracts' (the web shows the same ones). */
export const REPORT_STATE_LABELS: Readonly<Record<ReportState, string>> = REPORT_STATUS_LABELS_ZH;

export const REPORT_EVENT_LABELS: Record<ReportEvent, string> = {
  submit: '提交',
  start_approval: '进入审批',
  approve: '审批通过',
  reject: '审批不通过',
  return: '退回修改',
  withdraw: '撤回',
  edit: '修改',
};

export const TERMINAL_REPORT_STATES: readonly ReportState[] = ['approved', 'rejected'];

const TRANSITIONS: Record<ReportState, Partial<Record<ReportEvent, ReportState>>> = {
  draft: { submit: 'submitted' },
  // `submitted` = handed in, approval instance not yet started (the server starts it in the same
  // transaction, but the state keeps the two steps honest).
  submitted: { start_approval: 'in_approval', withdraw: 'draft' },
  in_approval: { approve: 'approved', reject: 'rejected', return: 'returned', withdraw: 'draft' },
  // The author edits a returned report back into a draft, then submits it again (a new approval instance).
  returned: { edit: 'draft' },
  approved: {},
  rejected: {},
};

const REPORT_TABLE: TransitionTable<ReportState, ReportEvent, ReportState> = {
  entity: { key: 'report', zh: '报告', en: 'Report' },
  events: REPORT_EVENTS,
  stateLabels: REPORT_STATE_LABELS,
  eventLabels: REPORT_EVENT_LABELS,
  transitions: TRANSITIONS,
};

export interface ReportTransitionContext {
  /** For `withdraw` from `in_approval`: has any approver decided yet? (see hasAnyDecision) */
  anyDecision?: boolean;
}

/** A withdraw from in_approval after an approver decided: the table allows it, the decision does not. */
function isLateWithdraw(state: ReportState, event: ReportEvent, ctx: ReportTransitionContext | undefined): boolean {
  return event === 'withdraw' && state === 'in_approval' && ctx?.anyDecision === true;
}

/** Pure transition; throws INVALID_TRANSITION, or WITHDRAW_AFTER_DECISION for a late withdraw. */
export function transitionReport(state: ReportState, event: ReportEvent, ctx?: ReportTransitionContext): ReportState {
  const target = tableTarget(REPORT_TABLE, state, event);
  if (isLateWithdraw(state, event, ctx)) {
    throw new WorkflowError(
      'WITHDRAW_AFTER_DECISION',
      '审批人已作出处理，不能撤回',
      'Cannot withdraw: an approver has already decided',
      { entity: 'report', state, event },
    );
  }
  return target;
}

/** Events allowed in `state`; with `anyDecision: true`, a withdraw from in_approval is left out. */
export function allowedReportEvents(state: ReportState, ctx?: ReportTransitionContext): ReportEvent[] {
  return tableEvents(REPORT_TABLE, state).filter((e) => !isLateWithdraw(state, e, ctx));
}

/**
 * The report event that mirrors a finished approval instance, or null while it is still running.
 * `returned_to_drafter` → `return`: the author edits and resubmits, which starts a new instance.
 */
export function reportEventForApprovalStatus(status: ApprovalStatus): ReportEvent | null {
  switch (status) {
    case 'approved':
      return 'approve';
    case 'rejected':
      return 'reject';
    case 'returned_to_drafter':
      return 'return';
    case 'withdrawn':
      return 'withdraw';
    default:
      return null;
  }
}

export function isTerminalReportState(state: ReportState): boolean {
  return TERMINAL_REPORT_STATES.includes(state);
}
