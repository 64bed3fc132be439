import type { DashboardDepartmentRef, EvaluationMetrics } from '@luoshi/contracts';
import { DEFAULT_EVALUATION_WEIGHTS, EVALUATION_RULES, rankDepartments, scoreDepartment, weightProblems } from './score-department';

const metrics = (m: Partial<EvaluationMetrics> = {}): EvaluationMetrics => ({
  assessedTasks: 20,
  completedTasks: 5,
  acceptanceCounted: 20,
  acceptedOnTime: 18,
  reportsCounted: 10,
  reportsOnTime: 8,
  overdueTasks: 2,
  overdueWorkingDays: 8,
  ...m,
});
const dept = (code: string): DashboardDepartmentRef => ({ id: `id-${code}`, code, name: code, kind: 'provincial' });
const weights = { acceptance: 25, reporting: 25, overdue: 25, completion: 25 };

describe(scoreDepartment.name, () => {
  it('scores each component 0–100 and weighs them into the total', () => {
    const s = scoreDepartment(metrics(), weights);
    const by = Object.fromEntries(s.components.map((c) => [c.component, c]));
    expect(by.acceptance.score).toBe(90); // 18/20
    expect(by.reporting.score).toBe(80); // 8/10
    expect(by.overdue.score).toBe(98); // 100 − 5 × 8/20
    expect(by.completion.score).toBe(25); // 5/20
    expect(by.completion.weighted).toBe(6.25);
    expect(s.total).toBe(73.25); // (90 + 80 + 98 + 25) / 4
    expect(s.components.every((c) => !c.noData)).toBe(true);
  });

  it('loses weight × points × k / assessed / 100 when a task goes k working days overdue', () => {
    const before = scoreDepartment(metrics(), DEFAULT_EVALUATION_WEIGHTS).total;
    const after = scoreDepartment(metrics({ overdueTasks: 3, overdueWorkingDays: 8 + 4 }), DEFAULT_EVALUATION_WEIGHTS).total;
    const expected = (DEFAULT_EVALUATION_WEIGHTS.overdue * EVALUATION_RULES.overduePointsPerWorkingDay * 4) / 20 / 100;
    expect(before - after).toBeCloseTo(expected, 9); // 30 × 5 × 4 / 20 / 100 = 0.3
  });

  it('never lets the overdue component fall below zero', () => {
    const s = scoreDepartment(metrics({ overdueWorkingDays: 1000 }), weights);
    expect(s.components.find((c) => c.component === 'overdue')!.score).toBe(0);
  });

  it('gives full marks, marked noData, to a component with nothing to count', () => {
    const s = scoreDepartment(metrics({ reportsCounted: 0, reportsOnTime: 0, acceptanceCounted: 0, acceptedOnTime: 0 }), weights);
    const reporting = s.components.find((c) => c.component === 'reporting')!;
    expect(reporting).toMatchObject({ score: 100, noData: true });
    expect(reporting.basis).toContain('按满分计');
    expect(s.components.find((c) => c.component === 'acceptance')!.noData).toBe(true);
  });

  it('treats a department with no assessed task as all noData', () => {
    const s = scoreDepartment(
      metrics({ assessedTasks: 0, completedTasks: 0, acceptanceCounted: 0, acceptedOnTime: 0, reportsCounted: 0, reportsOnTime: 0, overdueTasks: 0, overdueWorkingDays: 0 }),
      weights,
    );
    expect(s.components.every((c) => c.noData)).toBe(true);
  });

  it('counts only what has weight', () => {
    const s = scoreDepartment(metrics(), { acceptance: 0, reporting: 0, overdue: 0, completion: 100 });
    expect(s.total).toBe(25);
  });

  it('explains each component in Chinese', () => {
    const s = scoreDepartment(metrics(), weights);
    expect(s.components.map((c) => c.label)).toEqual(['按时签收', '按时报送', '逾期情况', '办结率']);
    expect(s.components[0].basis).toBe('3个工作日内签收 18/20 项');
    expect(s.components[2].basis).toContain('累计 8 个工作日');
  });
});

describe(weightProblems.name, () => {
  it('accepts whole numbers 0–100 summing to 100', () => {
    expect(weightProblems({ ...DEFAULT_EVALUATION_WEIGHTS })).toEqual([]);
    expect(weightProblems({ acceptance: 0, reporting: 0, overdue: 0, completion: 100 })).toEqual([]);
  });

  it('refuses a wrong sum, fractions, negatives, missing and unknown components', () => {
    expect(weightProblems({ acceptance: 20, reporting: 20, overdue: 20, completion: 20 })).toEqual(['权重之和须为 100（当前 80）']);
    expect(weightProblems({ acceptance: 20.5, reporting: 19.5, overdue: 30, completion: 30 })).toHaveLength(2);
    expect(weightProblems({ acceptance: -10, reporting: 50, overdue: 30, completion: 30 })[0]).toContain('acceptance');
    expect(weightProblems({ acceptance: 50, reporting: 50, overdue: 0 })[0]).toContain('completion');
    expect(weightProblems({ ...DEFAULT_EVALUATION_WEIGHTS, speed: 0 })).toEqual(['未知的考核项：speed']);
  });
});

describe(rankDepartments.name, () => {
  it('ranks by total, shares ranks on ties, breaks them by completion then code, and leaves out departments without tasks', () => {
    const rows = rankDepartments(
      [
        { department: dept('b'), metrics: metrics() },
        { department: dept('a'), metrics: metrics() },
        { department: dept('c'), metrics: metrics({ completedTasks: 20 }) },
        { department: dept('d'), metrics: metrics({ completedTasks: 0 }) },
        { department: dept('e'), metrics: metrics({ assessedTasks: 0 }) },
      ],
      weights,
    );
    expect(rows.map((r) => [r.department.code, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', 4],
    ]);
    expect(rows[0].components.completion).toBe(100);
  });

  it('breaks equal totals by the completion score', () => {
    // Same total (50): a by completion, b by acceptance.
    const half = { acceptance: 50, reporting: 0, overdue: 0, completion: 50 };
    const rows = rankDepartments(
      [
        { department: dept('a'), metrics: metrics({ acceptedOnTime: 0, completedTasks: 20 }) },
        { department: dept('b'), metrics: metrics({ acceptedOnTime: 20, completedTasks: 0 }) },
      ],
      half,
    );
    expect(rows.map((r) => [r.department.code, r.total, r.rank])).toEqual([
      ['a', 50, 1],
      ['b', 50, 1],
    ]);
  });
});
