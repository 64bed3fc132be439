import { addDays } from '@luoshi/domain/calendar';
import { HEALTH_WARNING_WINDOW_WORKING_DAYS, healthContext, taskHealth } from './task-health';
import { draftTask, seedCalendar } from './testing/task-fixtures';

const calendar = seedCalendar();

describe(taskHealth.name, () => {
  it('is red past the due date and amber within the warning window of working days', () => {
    const ctx = healthContext(calendar, '2025-09-26');
    const base = { status: 'assigned' as const, startDate: '2025-09-01', progress: 100, lastReportLate: false };
    expect(taskHealth({ ...base, dueDate: '2025-09-25' }, ctx).health).toBe('red');
    // Five working days after Friday 2025-09-26: Sun 28 (调休), Mon 29, Tue 30, then 国庆 until Thu 10-09, Fri 10-10.
    expect(taskHealth({ ...base, dueDate: '2025-10-10' }, ctx).health).toBe('amber');
    expect(taskHealth({ ...base, dueDate: '2025-10-11' }, ctx).health).toBe('green');
  });

  it('computes amberBefore so that "due < amberBefore" is exactly "working days until due ≤ window"', () => {
    for (let today = '2025-09-01'; today <= '2026-03-31'; today = addDays(today, 3)) {
      const ctx = healthContext(calendar, today);
      for (let k = 0; k <= 25; k++) {
        const due = addDays(today, k);
        expect(due < ctx.amberBefore).toBe(calendar.countWorkingDays(today, due) <= HEALTH_WARNING_WINDOW_WORKING_DAYS);
      }
    }
  });

  it('is always green for a completed or cancelled task', () => {
    const ctx = healthContext(calendar, '2026-03-02');
    expect(taskHealth(draftTask({ status: 'completed', dueDate: '2025-01-01' }), ctx)).toEqual({ health: 'green', reasons: [] });
  });
});
