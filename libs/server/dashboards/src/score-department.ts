import {
  EVALUATION_COMPONENT_LABELS,
  EVALUATION_COMPONENTS,
  type DashboardDepartmentRef,
  type EvaluationComponent,
  type EvaluationComponentScore,
  type EvaluationMetrics,
  type EvaluationRankingRow,
  type EvaluationRules,
  type EvaluationWeights,
} from '@luoshi/contracts';

/** Weights until the office sets its own: what matters most is finishing, and not being late. */
export const DEFAULT_EVALUATION_WEIGHTS: EvaluationWeights = { acceptance: 20, reporting: 20, overdue: 30, completion: 30 };

export const EVALUATION_RULES: EvaluationRules = {
  acceptanceWindowWorkingDays: 3,
  overduePointsPerWorkingDay: 5,
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Problems with a set of weights (whole numbers 0…100 for every component, summing to 100); empty when valid. */
export function weightProblems(weights: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const c of EVALUATION_COMPONENTS) {
    const w = weights[c];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 100) problems.push(`${c}（${EVALUATION_COMPONENT_LABELS[c]}）须为 0–100 的整数`);
  }
  const unknown = Object.keys(weights).filter((k) => !(EVALUATION_COMPONENTS as readonly string[]).includes(k));
  if (unknown.length) problems.push(`未知的考核项：${unknown.join('、')}`);
  if (problems.length === 0) {
    const sum = EVALUATION_COMPONENTS.reduce((s, c) => s + (weights[c] as number), 0);
    if (sum !== 100) problems.push(`权重之和须为 100（当前 ${sum}）`);
  }
  return problems;
}

/**
 * One department's score, 0…100: each component scores 0…100 and counts with its weight.
 *
 * - acceptance (按时签收): 100 × accepted within the window / counted (accepted, or still not accepted
 *   after the window).
 * - reporting (按时报送): 100 × on-time / counted (tasks with a reporting cycle that have reported or are late).
 * - overdue (逾期情况): 100 − overduePointsPerWorkingDay × (working days overdue summed over the overdue
 *   tasks ÷ assessed tasks), never below 0. So a task going k working days overdue costs
 *   weight × points × k ÷ assessed ÷ 100 points of the total (until the component reaches 0).
 * - completion (办结率): 100 × completed / assessed.
 *
 * A component with nothing to count (denominator 0) scores 100 and says noData: a department is not
 * marked down for what could not be judged. Scores keep two decimals; the total is the sum of the
 * unrounded weighted scores, rounded to two decimals.
 */
export function scoreDepartment(
  m: EvaluationMetrics,
  weights: EvaluationWeights,
  rules: EvaluationRules = EVALUATION_RULES,
): { total: number; components: EvaluationComponentScore[] } {
  const ratio = (num: number, den: number) => (den > 0 ? (100 * num) / den : null);
  const averageOverdue = m.assessedTasks > 0 ? m.overdueWorkingDays / m.assessedTasks : null;
  const raw: Record<EvaluationComponent, { score: number | null; basis: string }> = {
    acceptance: {
      score: ratio(m.acceptedOnTime, m.acceptanceCounted),
      basis: `${rules.acceptanceWindowWorkingDays}个工作日内签收 ${m.acceptedOnTime}/${m.acceptanceCounted} 项`,
    },
    reporting: { score: ratio(m.reportsOnTime, m.reportsCounted), basis: `按时报送 ${m.reportsOnTime}/${m.reportsCounted} 项` },
    overdue: {
      score: averageOverdue === null ? null : Math.max(0, 100 - rules.overduePointsPerWorkingDay * averageOverdue),
      basis:
        `逾期 ${m.overdueTasks} 项，累计 ${m.overdueWorkingDays} 个工作日，` +
        `平均每项任务 ${round2(averageOverdue ?? 0)} 个工作日，每工作日扣 ${rules.overduePointsPerWorkingDay} 分`,
    },
    completion: { score: ratio(m.completedTasks, m.assessedTasks), basis: `办结 ${m.completedTasks}/${m.assessedTasks} 项` },
  };
  let total = 0;
  const components = EVALUATION_COMPONENTS.map((c): EvaluationComponentScore => {
    const score = raw[c].score ?? 100;
    total += (score * weights[c]) / 100;
    return {
      component: c,
      label: EVALUATION_COMPONENT_LABELS[c],
      score: round2(score),
      weight: weights[c],
      weighted: round2((score * weights[c]) / 100),
      noData: raw[c].score === null,
      basis: raw[c].score === null ? `${raw[c].basis}（无可计项，按满分计）` : raw[c].basis,
    };
  });
  return { total: round2(total), components };
}

/**
 * The ranking table: departments with at least one assessed task, highest total first; equal totals
 * share a rank (1, 2, 2, 4) and are listed by completion score, then department code.
 */
export function rankDepartments(
  rows: readonly { department: DashboardDepartmentRef; metrics: EvaluationMetrics }[],
  weights: EvaluationWeights,
  rules: EvaluationRules = EVALUATION_RULES,
): EvaluationRankingRow[] {
  const scored = rows
    .filter((r) => r.metrics.assessedTasks > 0)
    .map((r) => {
      const s = scoreDepartment(r.metrics, weights, rules);
      const components = Object.fromEntries(s.components.map((c) => [c.component, c.score])) as Record<EvaluationComponent, number>;
      return { department: r.department, metrics: r.metrics, total: s.total, components };
    })
    .sort((a, b) => b.total - a.total || b.components.completion - a.components.completion || a.department.code.localeCompare(b.department.code));
  let rank = 0;
  return scored.map((r, i) => {
    if (i === 0 || r.total !== scored[i - 1].total) rank = i + 1;
    return { rank, ...r };
  });
}
