import { WorkingDayCalendar } from '@luoshi/domain/calendar';
import { applyApprovalAction, getSeedApprovalTemplate, startApproval } from '@luoshi/domain/workflow';
import { deriveInstanceColumns, nextStepTimeout } from './derive-instance-columns';

// No holiday years: Monday to Friday are working days.
const calendar = new WorkingDayCalendar([]);
// Thursday 4 June 2026, 15:00 Beijing.
const AT = '2026-06-04T07:00:00.000Z';

const start = () =>
  startApproval({
    template: getSeedApprovalTemplate('progress_report'),
    drafterId: 'liaison',
    resolvedApprovers: { dept_head: ['head'], office_review: ['r1', 'r2'] },
    cc: ['cc1'],
    at: AT,
  });

describe(nextStepTimeout.name, () => {
  it('is the N-th working day after activation at 09:00 Beijing, skipping the weekend', () => {
    // dept_head: 2 working days after Thu 4 June → Mon 8 June.
    expect(nextStepTimeout(start(), calendar)?.toISOString()).toBe('2026-06-08T01:00:00.000Z');
  });

  it('moves one more period out after each timeout, and follows the next step', () => {
    const once = applyApprovalAction(start(), { type: 'timeout', at: '2026-06-08T01:00:00.000Z' }, { at: '2026-06-08T01:00:00.000Z' }).state;
    expect(nextStepTimeout(once, calendar)?.toISOString()).toBe('2026-06-10T01:00:00.000Z');
    const next = applyApprovalAction(once, { type: 'approve', actorId: 'head' }, { at: '2026-06-09T02:00:00.000Z' }).state;
    // office_review: 3 working days after Tue 9 June → Fri 12 June.
    expect(nextStepTimeout(next, calendar)?.toISOString()).toBe('2026-06-12T01:00:00.000Z');
  });

  it('is null once the instance is closed', () => {
    const withdrawn = applyApprovalAction(start(), { type: 'withdraw', actorId: 'liaison' }, { at: AT }).state;
    expect(nextStepTimeout(withdrawn, calendar)).toBeNull();
  });
});

describe(deriveInstanceColumns.name, () => {
  it('keeps status, current step, awaited approvers and cc beside the state', () => {
    const afterHead = applyApprovalAction(start(), { type: 'approve', actorId: 'head' }, { at: AT }).state;
    expect(deriveInstanceColumns(afterHead, calendar)).toMatchObject({
      status: 'in_progress',
      currentStepKey: 'office_review',
      pendingApprovers: ['r1', 'r2'],
      ccUserIds: ['cc1'],
      finished: false,
    });
    const done = applyApprovalAction(afterHead, { type: 'approve', actorId: 'r2' }, { at: AT }).state;
    expect(deriveInstanceColumns(done, calendar)).toMatchObject({ status: 'approved', currentStepKey: null, pendingApprovers: [], finished: true, stepDeadline: null });
  });
});
