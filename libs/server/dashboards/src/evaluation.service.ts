import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  DashboardDepartmentRef,
  DashboardTaskItem,
  EvaluationDepartmentResponse,
  EvaluationMetrics,
  EvaluationRankingResponse,
  EvaluationWeights,
  EvaluationWeightsResponse,
} from '@luoshi/contracts';
import { CalendarService, HOLIDAYS_READ_MODEL } from '@luoshi/server/calendar';
import { DEPARTMENTS_READ_MODEL } from '@luoshi/server/identity';
import { PLANS_READ_MODEL } from '@luoshi/server/plans';
import { type AuthUser, ReplicaReads, type RequestActor, seesAllDepartments, SqlParams } from '@luoshi/server/platform';
import { TASK_EVENTS_READ_MODEL, TASKS_READ_MODEL } from '@luoshi/server/tasks';
import { AppSettings, SETTING_EVALUATION_WEIGHTS } from './app-settings';
import { DashboardException } from './dashboard.exception';
import { DashboardLookups } from './dashboard-lookups';
import { DEFAULT_EVALUATION_WEIGHTS, EVALUATION_RULES, rankDepartments, scoreDepartment, weightProblems } from './score-department';
import { type TaskItemRow, toTaskItem } from './dashboard-task-item';

interface MetricsRow extends EvaluationMetrics {
  departmentId: string;
  code: string;
  name: string;
  kind: DashboardDepartmentRef['kind'];
}

/** Overdue for the evaluation: open, past due; a suspended task (the office's decision) is not held against anyone. */
const OVERDUE = (today: string) => `a.status NOT IN ('completed', 'suspended') AND a.due_date < ${today}::date`;

/**
 * 考核: per lead department, from its tasks that are neither draft nor cancelled — acceptance within
 * the window after the last assignment (task_event assigned/reassigned → accepted, Beijing dates,
 * working days from the holiday table by the rule of luoshi_working_days), on-time reports (task.last_report_late),
 * overdue working days and completion — one GROUP BY query; scoring is the pure scoreDepartment.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // The ranking and the bulletin are read-heavy and may be a moment behind: a read replica serves them when configured.
    private readonly reads: ReplicaReads,
    private readonly calendar: CalendarService,
    private readonly settings: AppSettings,
    private readonly lookups: DashboardLookups,
  ) {}

  async weights(): Promise<EvaluationWeightsResponse> {
    const stored = await this.settings.get<EvaluationWeights>(SETTING_EVALUATION_WEIGHTS);
    return {
      weights: stored?.value ?? DEFAULT_EVALUATION_WEIGHTS,
      rules: EVALUATION_RULES,
      customized: stored !== null,
      updatedAt: stored?.updatedAt ?? null,
    };
  }

  async setWeights(weights: EvaluationWeights, actor: RequestActor): Promise<EvaluationWeightsResponse> {
    const problems = weightProblems({ ...weights });
    if (problems.length) throw DashboardException.weightsInvalid(problems);
    const value: EvaluationWeights = { acceptance: weights.acceptance, reporting: weights.reporting, overdue: weights.overdue, completion: weights.completion };
    await this.settings.put(SETTING_EVALUATION_WEIGHTS, value, actor);
    return this.weights();
  }

  async ranking(planId: string | undefined): Promise<EvaluationRankingResponse> {
    if (planId) await this.lookups.plan(planId);
    const today = this.calendar.today();
    const [{ weights }, rows] = await Promise.all([this.weights(), this.metrics(planId ?? null, today)]);
    return {
      planId: planId ?? null,
      asOf: today,
      weights,
      rules: EVALUATION_RULES,
      rows: rankDepartments(rows.map(toRanked), weights),
    };
  }

  /** One department's score and how it came about: visible to office roles, leaders, viewers and the department itself. */
  async department(code: string, planId: string | undefined, user: AuthUser): Promise<EvaluationDepartmentResponse> {
    const department = await this.lookups.department(code, 'path');
    if (!seesAllDepartments(user) && user.departmentId !== department.id) throw DashboardException.evaluationForbidden();
    const ranking = await this.ranking(planId);
    // The ranking holds every department with an assessed task; one without has nothing to score.
    const ranked = ranking.rows.find((r) => r.department.id === department.id);
    const metrics: EvaluationMetrics = ranked?.metrics ?? emptyMetrics();
    const score = scoreDepartment(metrics, ranking.weights);
    return {
      planId: ranking.planId,
      asOf: ranking.asOf,
      weights: ranking.weights,
      rules: ranking.rules,
      department,
      rank: ranked?.rank ?? null,
      rankedDepartments: ranking.rows.length,
      total: score.total,
      metrics,
      components: score.components,
      overdueTasks: await this.overdueTasks(department.id, planId ?? null, ranking.asOf),
    };
  }

  /**
   * The metrics of every lead department, in one query over task and task_event. Working days come
   * from a running count over the holiday calendar (wd: day → working days since the first date
   * needed), so a span is a subtraction, not a function call per task: the same rule as
   * luoshi_working_days, in O(days + tasks).
   */
  metrics(planId: string | null, today: string): Promise<MetricsRow[]> {
    const q = new SqlParams();
    const day = q.p(today);
    const window = q.p(EVALUATION_RULES.acceptanceWindowWorkingDays);
    const where = [`t.lead_department_id IS NOT NULL`, `t.status NOT IN ('draft', 'cancelled')`, `pl.status = 'active'`];
    if (planId) where.push(`t.plan_id = ${q.p(planId)}`);
    const overdue = OVERDUE(day);
    return this.reads.query(
      `WITH a AS (
         SELECT t.id, t.lead_department_id AS dept, t.status, t.due_date, t.reporting_cycle, t.last_report_at, t.last_report_late,
                coalesce((ae.at AT TIME ZONE 'Asia/Shanghai')::date, t.start_date, (t.created_at AT TIME ZONE 'Asia/Shanghai')::date) AS assigned_on,
                (ac.at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_on
           FROM ${TASKS_READ_MODEL} t
           JOIN ${PLANS_READ_MODEL} pl ON pl.id = t.plan_id
           LEFT JOIN LATERAL (SELECT e.at FROM ${TASK_EVENTS_READ_MODEL} e WHERE e.task_id = t.id AND e.kind IN ('assigned', 'reassigned')
                               ORDER BY e.at DESC, e.id DESC LIMIT 1) ae ON true
           LEFT JOIN LATERAL (SELECT e.at FROM ${TASK_EVENTS_READ_MODEL} e WHERE e.task_id = t.id AND e.kind = 'accepted' AND (ae.at IS NULL OR e.at >= ae.at)
                               ORDER BY e.at, e.id LIMIT 1) ac ON true
          WHERE ${where.join(' AND ')}
       ),
       bounds AS (
         SELECT least(min(a.assigned_on), min(a.due_date), ${day}::date) AS lo,
                greatest(max(a.assigned_on), max(a.accepted_on), ${day}::date) AS hi
           FROM a
       ),
       wd AS (
         SELECT g.d::date AS day,
                count(*) FILTER (WHERE CASE WHEN h.kind = 'holiday' THEN false WHEN h.kind = 'makeupWorkday' THEN true
                                            ELSE extract(isodow FROM g.d) < 6 END) OVER (ORDER BY g.d) AS n
           FROM bounds CROSS JOIN generate_series(bounds.lo, bounds.hi, interval '1 day') AS g(d)
           LEFT JOIN ${HOLIDAYS_READ_MODEL} h ON h.date = g.d::date
       ),
       today AS (SELECT n FROM wd WHERE day = ${day}::date)
       SELECT d.id AS "departmentId", d.code, d.name, d.kind,
              count(*)::int AS "assessedTasks",
              count(*) FILTER (WHERE a.status = 'completed')::int AS "completedTasks",
              count(*) FILTER (WHERE a.accepted_on IS NOT NULL OR (a.status = 'assigned' AND today.n - wa.n > ${window}))::int AS "acceptanceCounted",
              count(*) FILTER (WHERE a.accepted_on IS NOT NULL AND wc.n - wa.n <= ${window})::int AS "acceptedOnTime",
              count(*) FILTER (WHERE a.reporting_cycle <> 'none' AND (a.last_report_at IS NOT NULL OR a.last_report_late))::int AS "reportsCounted",
              count(*) FILTER (WHERE a.reporting_cycle <> 'none' AND a.last_report_at IS NOT NULL AND NOT a.last_report_late)::int AS "reportsOnTime",
              count(*) FILTER (WHERE ${overdue})::int AS "overdueTasks",
              coalesce(sum(today.n - wu.n) FILTER (WHERE ${overdue}), 0)::int AS "overdueWorkingDays"
         FROM a
         JOIN ${DEPARTMENTS_READ_MODEL} d ON d.id = a.dept
         CROSS JOIN today
         LEFT JOIN wd wa ON wa.day = a.assigned_on
         LEFT JOIN wd wc ON wc.day = a.accepted_on
         LEFT JOIN wd wu ON wu.day = a.due_date
        GROUP BY d.id, d.code, d.name, d.kind
        ORDER BY d.code`,
      q.values,
    );
  }

  /** A department's overdue lead tasks (as the evaluation counts them), most overdue first. */
  async overdueTasks(departmentId: string, planId: string | null, today: string, limit = 50): Promise<DashboardTaskItem[]> {
    const q = new SqlParams();
    const day = q.p(today);
    // Every row is overdue (red) and led by the department asked about.
    const rows: Omit<TaskItemRow, 'health' | 'leadId'>[] = await this.reads.query(
      `SELECT x.*, luoshi_working_days(x.due_date, ${day}::date) AS "workingDays" FROM (
         SELECT a.id, a.code, a.title, a.status, a.progress, a.due_date, a.due_date::text AS "dueDate", d.code AS "leadCode", d.name AS "leadName"
           FROM ${TASKS_READ_MODEL} a JOIN ${PLANS_READ_MODEL} pl ON pl.id = a.plan_id JOIN ${DEPARTMENTS_READ_MODEL} d ON d.id = a.lead_department_id
          WHERE a.lead_department_id = ${q.p(departmentId)} AND a.status NOT IN ('draft', 'cancelled') AND pl.status = 'active'
            AND ${OVERDUE(day)} ${planId ? `AND a.plan_id = ${q.p(planId)}` : ''}
          ORDER BY a.due_date, a.code, a.id LIMIT ${q.p(limit)}) x
        ORDER BY x.due_date, x.code, x.id`,
      q.values,
    );
    return rows.map((r) => toTaskItem({ ...r, health: 'red', leadId: departmentId }, 'overdue'));
  }
}

function toRanked(r: MetricsRow): { department: DashboardDepartmentRef; metrics: EvaluationMetrics } {
  return {
    department: { id: r.departmentId, code: r.code, name: r.name, kind: r.kind },
    metrics: {
      assessedTasks: r.assessedTasks,
      completedTasks: r.completedTasks,
      acceptanceCounted: r.acceptanceCounted,
      acceptedOnTime: r.acceptedOnTime,
      reportsCounted: r.reportsCounted,
      reportsOnTime: r.reportsOnTime,
      overdueTasks: r.overdueTasks,
      overdueWorkingDays: r.overdueWorkingDays,
    },
  };
}

function emptyMetrics(): EvaluationMetrics {
  return {
    assessedTasks: 0,
    completedTasks: 0,
    acceptanceCounted: 0,
    acceptedOnTime: 0,
    reportsCounted: 0,
    reportsOnTime: 0,
    overdueTasks: 0,
    overdueWorkingDays: 0,
  };
}
