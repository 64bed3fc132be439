import type { EvaluationDepartmentResponse, EvaluationRankingResponse } from '@luoshi/contracts';
import { addDays } from '@luoshi/domain/calendar';
import { DEFAULT_EVALUATION_WEIGHTS, EVALUATION_RULES, scoreDepartment } from '@luoshi/server/dashboards';
import { useGeneratedPlan } from './dashboards-dataset';
import { useTestApp } from './test-app';

/** The Beijing date of an instant. */
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('Evaluation (考核) on 2,000 generated tasks', () => {
  const t = useTestApp();
  const dataset = useGeneratedPlan(t, 'DASH-EVALUATION', { count: 2000, prefix: 'E' });


  const get = async <T>(path: string, user = 'office', query: Record<string, string> = {}): Promise<T> =>
    (await t.http().get(path).query({ planId: dataset.plan.planId, ...query }).set('Authorization', await t.login(user)).expect(200)).body;
  const ranking = () => get<EvaluationRankingResponse>('/api/evaluation/ranking', 'leader');
  const breakdown = (code: string, user = 'office') => get<EvaluationDepartmentResponse>(`/api/evaluation/departments/${code}`, user);

  it('counts working days in SQL exactly as the calendar does (国庆, 春节, 调休, unknown years)', async () => {
    for (const [from, to] of [
      ['2025-09-15', '2025-10-20'],
      ['2026-01-25', '2026-03-05'],
      ['2028-12-20', '2029-01-10'],
    ]) {
      const rows: { a: string; b: string; n: number }[] = await t.dataSource.query(
        `SELECT a::date::text AS a, (a::date + k)::text AS b, luoshi_working_days(a::date, a::date + k) AS n
           FROM generate_series($1::date, $2::date, interval '1 day') AS a, generate_series(-12, 25) AS k`,
        [from, to],
      );
      expect(rows.length).toBeGreaterThan(500);
      const wrong = rows.filter((r) => r.n !== dataset.calendar.countWorkingDays(r.a, r.b));
      expect(wrong).toEqual([]);
    }
  });

  it('measures each lead department from its tasks and task events, as an independent count does', async () => {
    const r = await ranking();
    expect(r.planId).toBe(dataset.plan.planId);
    expect(r.weights).toEqual(DEFAULT_EVALUATION_WEIGHTS);
    expect(r.rules).toEqual(EVALUATION_RULES);
    expect(r.rows.length).toBeGreaterThan(30);
    const row = r.rows.find((x) => x.department.code === 'jtt')!;

    // Recount jtt in JavaScript from the rows and events.
    const tasks: {
      id: string;
      status: string;
      dueDate: string | null;
      cycle: string;
      lastReportAt: Date | null;
      late: boolean;
      startDate: string;
      assignedAt: Date | null;
      acceptedAt: Date | null;
    }[] = await t.dataSource.query(
      `SELECT t.id, t.status, t.due_date::text AS "dueDate", t.reporting_cycle AS cycle, t.last_report_at AS "lastReportAt",
              t.last_report_late AS late, t.start_date::text AS "startDate",
              (SELECT max(e.at) FROM task_event e WHERE e.task_id = t.id AND e.kind IN ('assigned', 'reassigned')) AS "assignedAt",
              (SELECT min(e.at) FROM task_event e WHERE e.task_id = t.id AND e.kind = 'accepted') AS "acceptedAt"
         FROM task t WHERE t.plan_id = $1 AND t.lead_department_id = (SELECT id FROM department WHERE code = 'jtt')
          AND t.status NOT IN ('draft', 'cancelled')`,
      [dataset.plan.planId],
    );
    const window = EVALUATION_RULES.acceptanceWindowWorkingDays;
    const assignedOn = (x: (typeof tasks)[number]) => (x.assignedAt ? beijingDate(x.assignedAt) : x.startDate);
    const overdue = tasks.filter((x) => !['completed', 'suspended'].includes(x.status) && x.dueDate !== null && x.dueDate < dataset.today);
    const expected = {
      assessedTasks: tasks.length,
      completedTasks: tasks.filter((x) => x.status === 'completed').length,
      acceptanceCounted: tasks.filter(
        (x) => x.acceptedAt !== null || (x.status === 'assigned' && dataset.calendar.countWorkingDays(assignedOn(x), dataset.today) > window),
      ).length,
      acceptedOnTime: tasks.filter((x) => x.acceptedAt !== null && dataset.calendar.countWorkingDays(assignedOn(x), beijingDate(x.acceptedAt)) <= window).length,
      reportsCounted: tasks.filter((x) => x.cycle !== 'none' && (x.lastReportAt !== null || x.late)).length,
      reportsOnTime: tasks.filter((x) => x.cycle !== 'none' && x.lastReportAt !== null && !x.late).length,
      overdueTasks: overdue.length,
      overdueWorkingDays: overdue.reduce((sum, x) => sum + dataset.calendar.countWorkingDays(x.dueDate as string, dataset.today), 0),
    };
    expect(row.metrics).toEqual(expected);
    // The generated mix exercises every component.
    expect(expected.acceptedOnTime).toBeGreaterThan(0);
    expect(expected.acceptedOnTime).toBeLessThan(expected.acceptanceCounted);
    expect(expected.reportsOnTime).toBeLessThan(expected.reportsCounted);
    expect(expected.overdueWorkingDays).toBeGreaterThan(0);
    expect(row.total).toBe(scoreDepartment(expected, DEFAULT_EVALUATION_WEIGHTS).total);

    // Ranked by total, ranks shared on ties.
    const totals = r.rows.map((x) => x.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(r.rows[0].rank).toBe(1);
  });

  it('lowers a department’s score by weight × points × working days ÷ assessed tasks when one of its tasks goes overdue', async () => {
    const r = await ranking();
    // A department whose overdue score has room to fall, and one of its open tasks not yet due.
    const candidates = r.rows.filter((x) => x.components.overdue > 20).map((x) => x.department.code);
    const [task] = await t.dataSource.query(
      `SELECT t.id, d.code FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.plan_id = $1 AND d.code = ANY($2::text[]) AND t.status = 'in_progress' AND t.due_date > $3::date
        ORDER BY d.code, t.code LIMIT 1`,
      [dataset.plan.planId, candidates, dataset.today],
    );
    expect(task).toBeDefined();
    const before = await breakdown(task.code);
    const due = addDays(dataset.today, -12);
    const k = dataset.calendar.countWorkingDays(due, dataset.today);
    expect(k).toBeGreaterThanOrEqual(7);

    // Moved by SQL: after acceptance a deadline changes only through an extension request.
    await t.dataSource.query(`UPDATE task SET due_date = $2, start_date = LEAST(start_date, $2::date) WHERE id = $1`, [task.id, due]);
    const after = await breakdown(task.code);

    expect(after.metrics).toEqual({
      ...before.metrics,
      overdueTasks: before.metrics.overdueTasks + 1,
      overdueWorkingDays: before.metrics.overdueWorkingDays + k,
    });
    const expectedDrop =
      (DEFAULT_EVALUATION_WEIGHTS.overdue * EVALUATION_RULES.overduePointsPerWorkingDay * k) / before.metrics.assessedTasks / 100;
    expect(expectedDrop).toBeGreaterThan(0.1);
    // Totals and component scores carry two decimals: each side may be off by half a hundredth.
    expect(Math.abs(before.total - after.total - expectedDrop)).toBeLessThanOrEqual(0.0101);
    const component = (d: EvaluationDepartmentResponse) => d.components.find((c) => c.component === 'overdue')!.score;
    const componentDrop = (EVALUATION_RULES.overduePointsPerWorkingDay * k) / before.metrics.assessedTasks;
    expect(Math.abs(component(before) - component(after) - componentDrop)).toBeLessThanOrEqual(0.0101);
    expect(after.overdueTasks.map((x) => x.id)).toContain(task.id);
    expect(after.overdueTasks.find((x) => x.id === task.id)!.workingDaysOverdue).toBe(k);
  });

  it('explains a score: components with weights, bases and the department’s overdue tasks', async () => {
    const b = await breakdown('fgw');
    expect(b.department.code).toBe('fgw');
    expect(b.rank).toBeGreaterThan(0);
    expect(b.components.map((c) => c.component)).toEqual(['acceptance', 'reporting', 'overdue', 'completion']);
    expect(b.components.reduce((s, c) => s + c.weighted, 0)).toBeCloseTo(b.total, 1);
    expect(b.components[3].basis).toBe(`办结 ${b.metrics.completedTasks}/${b.metrics.assessedTasks} 项`);
    const days = b.overdueTasks.map((x) => x.workingDaysOverdue as number);
    expect(days).toEqual([...days].sort((x, y) => y - x));
    expect(b.overdueTasks.length).toBe(Math.min(50, b.metrics.overdueTasks));
  });

  it('shows a department its own breakdown only; the ranking to office roles, leaders and viewers', async () => {
    expect((await breakdown('jtt', 'jtt.liaison')).department.code).toBe('jtt');
    const other = await t.http().get('/api/evaluation/departments/fgw').set('Authorization', await t.login('jtt.liaison'));
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('EVALUATION_FORBIDDEN');
    await t.http().get('/api/evaluation/ranking').set('Authorization', await t.login('jtt.head')).expect(403);
    await t.http().get('/api/evaluation/ranking').query({ planId: dataset.plan.planId }).set('Authorization', await t.login('viewer')).expect(200);
    await t.http().get('/api/evaluation/departments/nowhere').set('Authorization', await t.login('office')).expect(404);
    // Without planId: every active plan.
    const all = await t.http().get('/api/evaluation/ranking').set('Authorization', await t.login('office')).expect(200);
    expect(all.body.planId).toBeNull();
  });

  it('takes weights from the office: whole numbers summing to 100, used by the ranking at once', async () => {
    const office = await t.login('office');
    const bad = await t.http().put('/api/evaluation/weights').set('Authorization', office).send({ acceptance: 50, reporting: 50, overdue: 10, completion: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('EVALUATION_WEIGHTS_INVALID');
    expect(bad.body.message).toContain('权重之和须为 100（当前 120）');
    await t.http().put('/api/evaluation/weights').set('Authorization', office).send({ acceptance: 25.5, reporting: 24.5, overdue: 25, completion: 25 }).expect(400);
    await t.http().put('/api/evaluation/weights').set('Authorization', office).send({ acceptance: 25, reporting: 25, overdue: 25 }).expect(400);
    await t.http().put('/api/evaluation/weights').set('Authorization', office).send({ ...DEFAULT_EVALUATION_WEIGHTS, speed: 0 }).expect(400);
    await t.http().put('/api/evaluation/weights').set('Authorization', await t.login('reviewer')).send(DEFAULT_EVALUATION_WEIGHTS).expect(403);

    const weights = { acceptance: 10, reporting: 10, overdue: 40, completion: 40 };
    const saved = await t.http().put('/api/evaluation/weights').set('Authorization', office).send(weights).expect(200);
    expect(saved.body).toMatchObject({ weights, customized: true });
    expect((await t.http().get('/api/evaluation/weights').set('Authorization', await t.login('jtt.liaison')).expect(200)).body.weights).toEqual(weights);
    const r = await ranking();
    expect(r.weights).toEqual(weights);
    for (const row of r.rows.slice(0, 5)) {
      const c = row.components;
      expect(row.total).toBeCloseTo((c.acceptance * 10 + c.reporting * 10 + c.overdue * 40 + c.completion * 40) / 100, 1);
    }
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'setting.update' AND subject_id = 'evaluation.weights' ORDER BY id DESC LIMIT 1`);
    expect(audit.after.value).toEqual(weights);
    await t.http().put('/api/evaluation/weights').set('Authorization', office).send(DEFAULT_EVALUATION_WEIGHTS).expect(200);
  });
});
