import {
  REPORT_EVENTS,
  REPORT_STATES,
  allowedReportEvents,
  isTerminalReportState,
  reportEventForApprovalStatus,
  transitionReport,
  type ReportEvent,
  type ReportState,
} from './report-state-machine';
import { WorkflowError } from './workflow.error';

const LEGAL: Record<ReportState, Partial<Record<ReportEvent, ReportState>>> = {
  draft: { submit: 'submitted' },
  submitted: { start_approval: 'in_approval', withdraw: 'draft' },
  in_approval: { approve: 'approved', reject: 'rejected', return: 'returned', withdraw: 'draft' },
  approved: {},
  returned: { edit: 'draft' },
  rejected: {},
};

const cells = REPORT_STATES.flatMap((state) => REPORT_EVENTS.map((event) => [state, event] as const));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof WorkflowError ? e.code : 'not a WorkflowError';
  }
  return undefined;
}

describe(transitionReport.name, () => {
  it.each(cells.filter(([s, e]) => LEGAL[s][e] !== undefined))('in state %s allows %s and moves to the documented target', (state, event) => {
    expect(transitionReport(state, event)).toBe(LEGAL[state][event]);
  });

  it.each(cells.filter(([s, e]) => LEGAL[s][e] === undefined))('in state %s refuses %s with INVALID_TRANSITION', (state, event) => {
    let err: unknown;
    try {
      transitionReport(state, event);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkflowError);
    expect((err as WorkflowError).code).toBe('INVALID_TRANSITION');
    expect((err as WorkflowError).message).toContain(state);
    expect((err as WorkflowError).message).toContain(event);
  });

  it('lets the submitter withdraw while approval has started but nobody has decided', () => {
    expect(transitionReport('in_approval', 'withdraw', { anyDecision: false })).toBe('draft');
  });

  it('refuses a withdraw after the first decision', () => {
    expect(codeOf(() => transitionReport('in_approval', 'withdraw', { anyDecision: true }))).toBe('WITHDRAW_AFTER_DECISION');
  });

  it('always allows a withdraw from submitted, where no decision can exist yet', () => {
    expect(transitionReport('submitted', 'withdraw', { anyDecision: true })).toBe('draft');
  });

  it('goes returned → draft (edited) → submitted again', () => {
    const edited = transitionReport('returned', 'edit');
    expect(transitionReport(edited, 'submit')).toBe('submitted');
  });
});

describe(allowedReportEvents.name, () => {
  it.each(REPORT_STATES.map((s) => [s]))('lists exactly the legal events of %s', (state) => {
    expect(allowedReportEvents(state)).toEqual(REPORT_EVENTS.filter((e) => LEGAL[state][e] !== undefined));
  });

  it('leaves withdraw out once someone has decided', () => {
    expect(allowedReportEvents('in_approval', { anyDecision: true })).toEqual(['approve', 'reject', 'return']);
  });

  it('treats approved and rejected as terminal', () => {
    expect(REPORT_STATES.filter(isTerminalReportState)).toEqual(['approved', 'rejected']);
  });
});

describe(reportEventForApprovalStatus.name, () => {
  it('maps every approval status to the mirroring report event', () => {
    expect(reportEventForApprovalStatus('in_progress')).toBeNull();
    expect(reportEventForApprovalStatus('approved')).toBe('approve');
    expect(reportEventForApprovalStatus('rejected')).toBe('reject');
    expect(reportEventForApprovalStatus('returned_to_drafter')).toBe('return');
    expect(reportEventForApprovalStatus('withdrawn')).toBe('withdraw');
  });
});
