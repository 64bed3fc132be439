import { deriveTaskHealth, expectedProgressPercent, type TaskHealthInput } from './derive-task-health';
import { TASK_STATES } from './task-state-machine';
import { WorkflowError } from './workflow.error';

/** Start 2025-01-01, due 2025-01-11 (10 days): each day is 10% of expected progress. */
const base: TaskHealthInput = {
  state: 'in_progress',
  dueDate: '2025-01-11',
  today: '2025-01-06',
  workingDaysUntilDue: 4,
  warningWindowWorkingDays: 3,
  startDate: '2025-01-01',
  reportedProgress: 50,
  progressMarginPercent: 10,
  lastReportLate: false,
};
const health = (over: Partial<TaskHealthInput>) => deriveTaskHealth({ ...base, ...over });

describe(deriveTaskHealth.name, () => {
  it('is green with no reasons when on time, outside the window and on track', () => {
    expect(health({})).toEqual({ health: 'green', reasons: [] });
  });

  it.each([['completed'], ['cancelled']] as const)('is always green for a %s task, even overdue and late', (state) => {
    expect(health({ state, today: '2025-02-01', workingDaysUntilDue: -15, reportedProgress: 0, lastReportLate: true })).toEqual({
      health: 'green',
      reasons: [],
    });
  });

  it.each(TASK_STATES.filter((s) => s !== 'completed' && s !== 'cancelled').map((s) => [s]))('judges a %s task normally', (state) => {
    expect(health({ state, today: '2025-01-12', workingDaysUntilDue: -1, reportedProgress: 100 }).health).toBe('red');
  });

  describe('overdue', () => {
    it('is not overdue on the due date itself', () => {
      expect(health({ today: '2025-01-11', workingDaysUntilDue: 0, reportedProgress: 100 }).health).toBe('amber');
    });

    it('is red the day after the due date, naming the days overdue', () => {
      const r = health({ today: '2025-01-12', workingDaysUntilDue: -1, reportedProgress: 100 });
      expect(r.health).toBe('red');
      expect(r.reasons).toEqual(['已逾期1天（截止日期2025-01-11）']);
    });

    it('stays red and lists every other problem too', () => {
      const r = health({ today: '2025-01-20', workingDaysUntilDue: -6, reportedProgress: 30, lastReportLate: true });
      expect(r.health).toBe('red');
      expect(r.reasons).toEqual(['已逾期9天（截止日期2025-01-11）', '进度滞后：按时间应完成约100%，实际报告30%', '最近一次进展报告未按时报送']);
    });
  });

  describe('warning window', () => {
    it('is amber exactly at the window edge (inclusive)', () => {
      const r = health({ workingDaysUntilDue: 3 });
      expect(r.health).toBe('amber');
      expect(r.reasons).toEqual(['距截止日期仅剩3个工作日（2025-01-11）']);
    });

    it('is green one working day outside the window', () => {
      expect(health({ workingDaysUntilDue: 4 }).health).toBe('green');
    });

    it('says "due today" when no working day is left', () => {
      expect(health({ today: '2025-01-11', workingDaysUntilDue: 0, reportedProgress: 100 }).reasons).toEqual(['今天是截止日期（2025-01-11）']);
    });

    it('skips the window rule when the caller has no working-day count', () => {
      expect(health({ workingDaysUntilDue: null }).health).toBe('green');
    });

    it('never warns with a zero window until the due date', () => {
      expect(health({ warningWindowWorkingDays: 0, workingDaysUntilDue: 1 }).health).toBe('green');
      expect(health({ warningWindowWorkingDays: 0, workingDaysUntilDue: 0 }).health).toBe('amber');
    });
  });

  describe('progress lag', () => {
    it('is green when the lag equals the margin exactly', () => {
      expect(health({ reportedProgress: 40 })).toEqual({ health: 'green', reasons: [] });
    });

    it('is amber when the lag exceeds the margin', () => {
      const r = health({ reportedProgress: 39 });
      expect(r.health).toBe('amber');
      expect(r.reasons).toEqual(['进度滞后：按时间应完成约50%，实际报告39%']);
    });

    it('is green when ahead of schedule', () => {
      expect(health({ reportedProgress: 90 }).health).toBe('green');
    });

    it('expects nothing before the start date', () => {
      expect(health({ today: '2024-12-20', reportedProgress: 0, workingDaysUntilDue: 15 }).health).toBe('green');
    });

    it('skips the rule when there is no start date', () => {
      expect(health({ startDate: null, reportedProgress: 0 }).health).toBe('green');
    });

    it('clamps reported progress outside 0–100', () => {
      expect(health({ reportedProgress: 150 }).health).toBe('green');
      expect(health({ reportedProgress: -20 }).reasons).toEqual(['进度滞后：按时间应完成约50%，实际报告0%']);
    });
  });

  describe('late report', () => {
    it('is amber when the last report was late', () => {
      expect(health({ lastReportLate: true })).toEqual({ health: 'amber', reasons: ['最近一次进展报告未按时报送'] });
    });
  });

  describe('long-term task (no due date)', () => {
    const longTerm: Partial<TaskHealthInput> = { dueDate: null, workingDaysUntilDue: null, today: '2030-01-01', reportedProgress: 0 };

    it('is green however much time passed, when reports are on time', () => {
      expect(health(longTerm)).toEqual({ health: 'green', reasons: [] });
    });

    it('is amber only for a late report', () => {
      expect(health({ ...longTerm, lastReportLate: true })).toEqual({ health: 'amber', reasons: ['最近一次进展报告未按时报送'] });
    });

    it('ignores a stray working-day count', () => {
      expect(health({ ...longTerm, workingDaysUntilDue: 0 }).health).toBe('green');
    });
  });

  it('rejects malformed dates with INVALID_DATE', () => {
    expect(() => health({ today: '2025-02-30' })).toThrow(WorkflowError);
    expect(() => health({ today: '2025/01/06' })).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('does not mutate its input', () => {
    const input = { ...base, lastReportLate: true };
    const copy = JSON.parse(JSON.stringify(input));
    deriveTaskHealth(input);
    expect(input).toEqual(copy);
  });
});

describe(expectedProgressPercent.name, () => {
  it('grows linearly from 0 at the start to 100 at the due date', () => {
    expect(expectedProgressPercent('2025-01-01', '2025-01-11', '2025-01-01')).toBe(0);
    expect(expectedProgressPercent('2025-01-01', '2025-01-11', '2025-01-04')).toBeCloseTo(30);
    expect(expectedProgressPercent('2025-01-01', '2025-01-11', '2025-01-11')).toBe(100);
    expect(expectedProgressPercent('2025-01-01', '2025-01-11', '2025-03-01')).toBe(100);
  });

  it('handles a start on the due date, and a start after it, without dividing by zero', () => {
    expect(expectedProgressPercent('2025-01-11', '2025-01-11', '2025-01-11')).toBe(0);
    expect(expectedProgressPercent('2025-01-11', '2025-01-11', '2025-01-12')).toBe(100);
    expect(expectedProgressPercent('2025-01-20', '2025-01-11', '2025-01-21')).toBe(100);
  });
});
