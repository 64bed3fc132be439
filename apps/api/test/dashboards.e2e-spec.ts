import type Redis from 'ioredis';
import { type DashboardRow, type DashboardSummaryResponse, type DashboardTaskFilter, DISPATCHED_TASK_STATUSES, type TaskHealthColor } from '@luoshi/contracts';
import { addDays } from '@luoshi/domain/calendar';
import { deriveTaskHealth, type TaskState } from '@luoshi/domain/workflow';
import { REDIS_CLIENT } from '@luoshi/server/platform';
import { HEALTH_PROGRESS_MARGIN_PERCENT, HEALTH_WARNING_WINDOW_WORKING_DAYS } from '@luoshi/server/tasks';
import { useGeneratedPlan } from './dashboards-dataset';
import { useTestApp } from './test-app';

const TASKS = 2000;

interface ReferenceTask {
  id: string;
  status: TaskState;
  leadCode: string | null;
  coCodes: string[];
  partCode: string | null;
  sectionCode: string | null;
  health: TaskHealthColor;
  completedAt: Date | null;
}

type Counts = Pick<DashboardRow, 'total' | 'completed' | 'cancelled' | 'green' | 'amber' | 'red' | 'draft'>;

/** Health figures count tasks handed out; drafts are 未交办, whatever their dates. */
const countOf = (tasks: ReferenceTask[]): Counts => {
  const dispatched = tasks.filter((x) => x.status !== 'draft');
  return {
    total: tasks.length,
    completed: tasks.filter((x) => x.status === 'completed').length,
    cancelled: tasks.filter((x) => x.status === 'cancelled').length,
    green: dispatched.filter((x) => x.health === 'green').length,
    amber: dispatched.filter((x) => x.health === 'amber').length,
    red: dispatched.filter((x) => x.health === 'red').length,
    draft: tasks.length - dispatched.length,
  };
};
const countsIn = (row: DashboardRow): Counts => ({
  total: row.total,
  completed: row.completed,
  cancelled: row.cancelled,
  green: row.green,
  amber: row.amber,
  red: row.red,
  draft: row.draft,
});

describe('Dashboards: the summary on 2,000 generated tasks', () => {
  const t = useTestApp();
  const dataset = useGeneratedPlan(t, 'DASH-SUMMARY', { count: TASKS });

  const summary = async (user = 'leader', query: Record<string, string> = {}): Promise<DashboardSummaryResponse> =>
    (
      await t
        .http()
        .get('/api/dashboards/summary')
        .query({ planId: dataset.plan.planId, ...query })
        .set('Authorization', await t.login(user))
        .expect(200)
    ).body;

  const listTotal = async (filter: DashboardTaskFilter, user = 'leader'): Promise<number> => {
    const res = await t
      .http()
      .get('/api/tasks')
      .query({ ...filter, pageSize: '1' })
      .set('Authorization', await t.login(user));
    expect(res.status).toBe(200);
    return res.body.total;
  };

  /**
   * Every task of the plan with its health from the domain rule (deriveTaskHealth, working days from
   * the calendar) and its part and section from walking the node tree in JavaScript — independent of
   * the SQL the dashboards run.
   */
  async function reference(): Promise<ReferenceTask[]> {
    const nodes: { id: string; parentId: string | null; kind: string; code: string }[] = await t.dataSource.query(
      `SELECT id, parent_id AS "parentId", kind, code FROM plan_node WHERE plan_id = $1`,
      [dataset.plan.planId],
    );
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const ancestor = (nodeId: string, kind: string): string | null => {
      for (let n = byId.get(byId.get(nodeId)?.parentId ?? ''); n; n = n.parentId ? byId.get(n.parentId) : undefined) {
        if (n.kind === kind) return n.code;
      }
      return null;
    };
    const rows: {
      id: string;
      status: TaskState;
      startDate: string | null;
      dueDate: string | null;
      progress: number;
      lastReportLate: boolean;
      leadCode: string | null;
      coCodes: string[];
      measureId: string;
      completedAt: Date | null;
    }[] = await t.dataSource.query(
      `SELECT t.id, t.status, t.start_date::text AS "startDate", t.due_date::text AS "dueDate", t.progress,
              t.last_report_late AS "lastReportLate", ld.code AS "leadCode", t.measure_node_id AS "measureId",
              ARRAY(SELECT d.code FROM department d WHERE d.id = ANY(t.co_department_ids)) AS "coCodes",
              (SELECT max(e.at) FROM task_event e WHERE e.task_id = t.id AND (e.kind = 'completed' OR e.data->>'to' = 'completed')) AS "completedAt"
         FROM task t LEFT JOIN department ld ON ld.id = t.lead_department_id WHERE t.plan_id = $1`,
      [dataset.plan.planId],
    );
    const daysUntil = new Map<string, number>();
    const workingDaysUntil = (due: string) => {
      if (!daysUntil.has(due)) daysUntil.set(due, dataset.calendar.countWorkingDays(dataset.today, due));
      return daysUntil.get(due) as number;
    };
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      leadCode: r.leadCode,
      coCodes: r.coCodes,
      partCode: ancestor(r.measureId, 'part'),
      sectionCode: ancestor(r.measureId, 'section'),
      completedAt: r.completedAt,
      health: deriveTaskHealth({
        state: r.status,
        dueDate: r.dueDate,
        today: dataset.today,
        workingDaysUntilDue: r.dueDate !== null && r.dueDate >= dataset.today ? workingDaysUntil(r.dueDate) : null,
        warningWindowWorkingDays: HEALTH_WARNING_WINDOW_WORKING_DAYS,
        startDate: r.startDate,
        reportedProgress: r.progress,
        progressMarginPercent: HEALTH_PROGRESS_MARGIN_PERCENT,
        lastReportLate: r.lastReportLate,
      }).health,
    }));
  }

  it('counts by part, section, lead department and city exactly as direct SQL counts and the domain health rule', async () => {
    const s = await summary();
    const ref = await reference();
    expect(ref).toHaveLength(TASKS);
    expect(s.scope).toEqual({ kind: 'all' });
    expect(s.asOf).toBe(dataset.today);
    expect(countsIn(s.totals)).toEqual(countOf(ref));
    expect(s.totals.red + s.totals.amber + s.totals.green + s.totals.draft).toBe(TASKS);
    // Drafts are their own category (未交办), never 绿灯: the dataset has 100 (every twentieth task).
    expect(s.totals.draft).toBe(TASKS / 20);
    // The generated mix has every colour and every kind of row.
    expect(s.totals.red).toBeGreaterThan(100);
    expect(s.totals.amber).toBeGreaterThan(50);
    expect(s.totals.completed).toBeGreaterThan(300);

    // Parts and sections: every one of the plan's, in plan order, with the reference counts.
    expect(s.byPart.map((r) => r.key)).toEqual(['1', '2', '3']);
    for (const row of s.byPart) expect({ part: row.key, ...countsIn(row) }).toEqual({ part: row.key, ...countOf(ref.filter((x) => x.partCode === row.key)) });
    expect(s.bySection.map((r) => r.key)).toEqual(['1.1', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1']);
    expect(s.bySection.find((r) => r.key === '2.3')).toMatchObject({ partCode: '2', label: '科技创新' });
    for (const row of s.bySection) {
      expect({ section: row.key, ...countsIn(row) }).toEqual({ section: row.key, ...countOf(ref.filter((x) => x.sectionCode === row.key)) });
    }

    // Lead departments: totals and completions by a plain SQL GROUP BY, health by the domain rule.
    const sql: { code: string; total: number; completed: number; cancelled: number }[] = await t.dataSource.query(
      `SELECT d.code, count(*)::int AS total, count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE t.status = 'cancelled')::int AS cancelled
         FROM task t JOIN department d ON d.id = t.lead_department_id WHERE t.plan_id = $1 GROUP BY d.code`,
      [dataset.plan.planId],
    );
    expect(s.byDepartment.map((r) => r.key).sort()).toEqual(sql.map((r) => r.code).sort());
    for (const row of s.byDepartment) {
      const direct = sql.find((r) => r.code === row.key)!;
      expect({ code: row.key, total: row.total, completed: row.completed, cancelled: row.cancelled }).toEqual(direct);
      expect({ dept: row.key, ...countsIn(row) }).toEqual({ dept: row.key, ...countOf(ref.filter((x) => x.leadCode === row.key)) });
    }
    const totals = s.byDepartment.map((r) => r.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const [{ n: unassigned }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND lead_department_id IS NULL`, [dataset.plan.planId]);
    expect(s.unassigned).toBe(unassigned);
    expect(s.byDepartment.reduce((sum, r) => sum + r.total, 0) + s.unassigned).toBe(TASKS);

    // Cities: all 11, each with the tasks it leads or co-handles.
    expect(s.byCity).toHaveLength(11);
    for (const row of s.byCity) {
      expect(row.department?.kind).toBe('city');
      const own = ref.filter((x) => x.leadCode === row.key || x.coCodes.includes(row.key));
      expect({ city: row.key, ...countsIn(row) }).toEqual({ city: row.key, ...countOf(own) });
    }
    expect(s.byCity.some((r) => r.total > s.byDepartment.find((d) => d.key === r.key)!.total)).toBe(true);

    // Completion rate leaves cancelled tasks out.
    expect(s.totals.completionRate).toBeCloseTo(s.totals.completed / (s.totals.total - s.totals.cancelled), 4);
  });

  it('gives every number a drill-down filter whose GET /api/tasks total is that number', async () => {
    const s = await summary();
    const rows = [s.totals, ...s.byPart, ...s.bySection, ...s.byDepartment.slice(0, 6), ...s.byCity.slice(0, 3)];
    for (const row of rows) {
      for (const metric of ['total', 'completed', 'green', 'amber', 'red', 'draft'] as const) {
        expect({ row: row.key, metric, total: await listTotal(row.filters[metric]) }).toEqual({ row: row.key, metric, total: row[metric] });
      }
    }
    const dispatched = DISPATCHED_TASK_STATUSES.join(',');
    expect(s.byDepartment[0].filters.red).toEqual({ planId: dataset.plan.planId, leadDepartment: s.byDepartment[0].key, status: dispatched, health: 'red' });
    expect(s.byCity[0].filters.total).toEqual({ planId: dataset.plan.planId, department: s.byCity[0].key });
    expect(s.bySection[1].filters.amber).toEqual({ planId: dataset.plan.planId, sectionCode: '2.1', status: dispatched, health: 'amber' });
    expect(s.totals.filters.draft).toEqual({ planId: dataset.plan.planId, status: 'draft' });
    expect(await listTotal(s.overdue.filter)).toBe(s.overdue.total);
    expect(await listTotal(s.atRisk.filter)).toBe(s.atRisk.total);
  });

  it('lists the most overdue tasks with their working days overdue, and the nearest at-risk ones', async () => {
    const s = await summary('office');
    const ref = await reference();
    expect(s.overdue.total).toBe(ref.filter((x) => x.health === 'red' && x.status !== 'draft').length);
    expect(s.overdue.items).toHaveLength(10);
    const dues = s.overdue.items.map((i) => i.dueDate as string);
    expect(dues).toEqual([...dues].sort());
    for (const item of s.overdue.items) {
      expect(item.health).toBe('red');
      expect(item.dueDate! < dataset.today).toBe(true);
      expect(item.workingDaysOverdue).toBe(dataset.calendar.countWorkingDays(item.dueDate!, dataset.today));
    }
    const [{ min }] = await t.dataSource.query(
      `SELECT min(due_date)::text AS min FROM task WHERE plan_id = $1 AND status NOT IN ('completed', 'cancelled', 'draft') AND due_date < $2`,
      [dataset.plan.planId, dataset.today],
    );
    expect(dues[0]).toBe(min);

    expect(s.atRisk.total).toBe(ref.filter((x) => x.health === 'amber' && x.status !== 'draft').length);
    for (const item of s.atRisk.items) {
      expect(item.health).toBe('amber');
      if (item.dueDate) expect(item.workingDaysLeft).toBe(dataset.calendar.countWorkingDays(dataset.today, item.dueDate));
    }
    const short = await summary('office', { top: '3' });
    expect(short.overdue.items).toHaveLength(3);
    expect(short.overdue.items.map((i) => i.id)).toEqual(s.overdue.items.slice(0, 3).map((i) => i.id));
    await t.http().get('/api/dashboards/summary').query({ planId: dataset.plan.planId, top: '0' }).set('Authorization', await t.login('office')).expect(400);
  });

  it('counts completions per month and per week (Beijing time), ending at the completed total', async () => {
    const ref = (await reference()).filter((x) => x.status === 'completed');
    const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

    const monthly = (await summary('leader', { granularity: 'month' })).completion;
    expect(monthly.granularity).toBe('month');
    expect(monthly.points).toHaveLength(12);
    expect(monthly.points.at(-1)!.period).toBe(dataset.today.slice(0, 7));
    expect(monthly.points.at(-1)!.cumulative).toBe(ref.length);
    for (const p of monthly.points) {
      const inMonth = ref.filter((x) => beijingDate(x.completedAt!).slice(0, 7) === p.period).length;
      const byEnd = ref.filter((x) => beijingDate(x.completedAt!).slice(0, 7) <= p.period).length;
      expect({ period: p.period, completed: p.completed, cumulative: p.cumulative }).toEqual({ period: p.period, completed: inMonth, cumulative: byEnd });
    }

    const weekly = (await summary('leader', { granularity: 'week' })).completion;
    expect(weekly.points).toHaveLength(12);
    for (const p of weekly.points) {
      expect(new Date(`${p.start}T00:00:00Z`).getUTCDay()).toBe(1); // Mondays
      const end = addDays(p.start, 6);
      const inWeek = ref.filter((x) => beijingDate(x.completedAt!) >= p.start && beijingDate(x.completedAt!) <= end).length;
      expect({ week: p.start, completed: p.completed }).toEqual({ week: p.start, completed: inWeek });
    }
    expect(weekly.points.at(-1)!.cumulative).toBe(ref.length);
  });

  it('shows a department user the slice of tasks their department leads or co-handles, and nothing else', async () => {
    const own = await summary('jtt.liaison');
    expect(own.scope).toMatchObject({ kind: 'department', department: { code: 'jtt' } });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM task t
        WHERE t.plan_id = $1 AND (t.lead_department_id = (SELECT id FROM department WHERE code = 'jtt')
                                  OR t.co_department_ids @> ARRAY[(SELECT id FROM department WHERE code = 'jtt')])`,
      [dataset.plan.planId],
    );
    expect(own.totals.total).toBe(n);
    expect(own.byCity).toEqual([]);
    expect(own.totals.filters.red).toEqual({ planId: dataset.plan.planId, department: 'jtt', status: DISPATCHED_TASK_STATUSES.join(','), health: 'red' });
    // The department's own task list (scope mine) reproduces its numbers.
    for (const row of [own.totals, ...own.byPart, ...own.byDepartment.slice(0, 2)]) {
      expect({ row: row.key, red: await listTotal(row.filters.red, 'jtt.liaison') }).toEqual({ row: row.key, red: row.red });
    }

    const refused = await t.http().get('/api/dashboards/summary').query({ planId: dataset.plan.planId, department: 'fgw' }).set('Authorization', await t.login('jtt.liaison'));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('DASHBOARD_SCOPE_FORBIDDEN');
    expect((await summary('jtt.liaison', { department: 'jtt' })).totals.total).toBe(n);

    const asOffice = await summary('office', { department: 'jtt' });
    expect(countsIn(asOffice.totals)).toEqual(countsIn(own.totals));
    await t.http().get('/api/dashboards/summary').query({ planId: dataset.plan.planId, department: 'nowhere' }).set('Authorization', await t.login('office')).expect(400);
  });

  it('answers 404 for an unknown plan and 401 without a session', async () => {
    await t.http().get('/api/dashboards/summary').query({ planId: '00000000-0000-4000-8000-000000000000' }).set('Authorization', await t.login('leader')).expect(404);
    await t.http().get('/api/dashboards/summary').query({ planId: dataset.plan.planId }).expect(401);
  });

  describe('cache', () => {
    const redis = () => t.app.get<Redis>(REDIS_CLIENT);
    const summaryKeys = async () => redis().keys(`${process.env['REDIS_PREFIX']}:dashboards:summary:*:${dataset.plan.planId}:all:*`);

    it('serves a repeated call from Redis, with the hit flag and the key in Redis', async () => {
      await summary('viewer');
      const second = await summary('viewer');
      expect(second.cache.hit).toBe(true);
      expect(await summaryKeys()).not.toHaveLength(0);
      const ttl = await redis().ttl((await summaryKeys())[0]);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(30);
    });

    it('recomputes after a task changes through the API, and the numbers follow', async () => {
      const before = await summary('viewer');
      expect((await summary('viewer')).cache.hit).toBe(true);
      const [task] = await t.dataSource.query(
        `SELECT id, version FROM task WHERE plan_id = $1 AND status = 'assigned' AND due_date > $2::date + 30 ORDER BY code LIMIT 1`,
        [dataset.plan.planId, dataset.today],
      );
      await t
        .http()
        .patch(`/api/tasks/${task.id}`)
        .set('Authorization', await t.login('office'))
        .send({ version: task.version, dueDate: addDays(dataset.today, -3) })
        .expect(200);
      const after = await summary('viewer');
      expect(after.cache.hit).toBe(false);
      expect(after.totals.red).toBe(before.totals.red + 1);
      expect(after.overdue.total).toBe(before.overdue.total + 1);
      expect((await summary('viewer')).cache.hit).toBe(true);
    });

    it('recomputes after any writer changes tasks (a SQL update, as the reports capability would), not after a rollback', async () => {
      await summary('viewer');
      expect((await summary('viewer')).cache.hit).toBe(true);
      const [task] = await t.dataSource.query(
        `SELECT id FROM task WHERE plan_id = $1 AND status = 'in_progress' ORDER BY code LIMIT 1`,
        [dataset.plan.planId],
      );
      await t.dataSource.transaction(async (m) => {
        await m.query(`UPDATE task SET status = 'completed' WHERE id = $1`, [task.id]);
        throw new Error('rolled back on purpose');
      }).catch(() => undefined);
      expect((await summary('viewer')).cache.hit).toBe(true);

      const before = await summary('viewer');
      await t.dataSource.query(`UPDATE task SET status = 'completed' WHERE id = $1`, [task.id]);
      const after = await summary('viewer');
      expect(after.cache.hit).toBe(false);
      expect(after.totals.completed).toBe(before.totals.completed + 1);
    });
  });
});
