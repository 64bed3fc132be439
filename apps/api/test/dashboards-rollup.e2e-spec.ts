import { DISPATCHED_TASK_STATUSES } from '@luoshi/contracts';
import { addDays } from '@luoshi/domain/calendar';
import { CalendarService } from '@luoshi/server/calendar';
import { healthSql, HEALTH_PROGRESS_MARGIN_PERCENT, HEALTH_WARNING_WINDOW_WORKING_DAYS, TaskHealthRollup } from '@luoshi/server/tasks';
import { useGeneratedPlan } from './dashboards-dataset';
import { useTestApp } from './test-app';

/**
 * The dashboards' counts come from task_rollup (+ pending deltas), kept by triggers from each task's
 * stored colour (migration AddTaskHealthRollup). These tests prove, on generated tasks, that after
 * writes of every kind and after the clock moves by days, the stored colour is exactly healthSql's
 * and the rollup is exactly a GROUP BY over the tasks.
 */
describe('Dashboards: the task rollup equals the tasks it counts', () => {
  const t = useTestApp();
  const dataset = useGeneratedPlan(t, 'DASH-ROLLUP', { count: 600 });
  let rollup: TaskHealthRollup;
  let calendar: CalendarService;

  beforeAll(async () => {
    calendar = t.app.get(CalendarService);
    rollup = t.app.get(TaskHealthRollup);
  });

  const contextOn = async (today: string) => ({ today, amberBefore: (await calendar.calendar()).addWorkingDays(today, HEALTH_WARNING_WINDOW_WORKING_DAYS + 1) });

  /** Tasks whose stored colour differs from healthSql's on that day. */
  async function miscoloured(ctx: { today: string; amberBefore: string }): Promise<number> {
    const exact = healthSql({ today: '$2', amberBefore: '$3', margin: '$4' });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM task t WHERE t.plan_id = $1 AND t.health <> (${exact})`, [
      dataset.plan.planId,
      ctx.today,
      ctx.amberBefore,
      HEALTH_PROGRESS_MARGIN_PERCENT,
    ]);
    return n;
  }

  /** Rollup groups that disagree with counting the tasks directly (either side missing counts as 0). */
  async function rollupDifferences(): Promise<unknown[]> {
    const key = `plan_id, measure_node_id, lead_department_id, co_department_ids, status, health`;
    return t.dataSource.query(
      `WITH counted AS (SELECT ${key}, sum(n)::int AS n FROM ${TaskHealthRollup.ROWS} r WHERE plan_id = $1 GROUP BY ${key} HAVING sum(n) <> 0),
            direct AS (SELECT ${key}, count(*)::int AS n FROM task WHERE plan_id = $1 GROUP BY ${key})
       SELECT * FROM (SELECT * FROM counted EXCEPT SELECT * FROM direct) a
       UNION ALL SELECT * FROM (SELECT * FROM direct EXCEPT SELECT * FROM counted) b`,
      [dataset.plan.planId],
    );
  }

  /** Completion-day groups that disagree with counting the completed tasks directly. */
  async function completionDifferences(): Promise<unknown[]> {
    const key = `plan_id, lead_department_id, co_department_ids, completed_on`;
    return t.dataSource.query(
      `WITH counted AS (SELECT ${key}, sum(n)::int AS n FROM ${TaskHealthRollup.COMPLETIONS} r WHERE plan_id = $1 GROUP BY ${key} HAVING sum(n) <> 0),
            direct AS (SELECT plan_id, lead_department_id, co_department_ids,
                              (coalesce(completed_at, updated_at) AT TIME ZONE 'Asia/Shanghai')::date AS completed_on, count(*)::int AS n
                         FROM task WHERE plan_id = $1 AND status = 'completed' GROUP BY 1, 2, 3, 4)
       SELECT * FROM (SELECT * FROM counted EXCEPT SELECT * FROM direct) a
       UNION ALL SELECT * FROM (SELECT * FROM direct EXCEPT SELECT * FROM counted) b`,
      [dataset.plan.planId],
    );
  }

  it('after generation, every task is coloured as healthSql colours it today and counted once', async () => {
    const ctx = await contextOn(calendar.today());
    await rollup.prepare(ctx);
    expect(await miscoloured(ctx)).toBe(0);
    expect(await rollupDifferences()).toEqual([]);
    expect(await completionDifferences()).toEqual([]);
    const [{ completed }] = await t.dataSource.query(`SELECT count(*)::int AS completed FROM task WHERE plan_id = $1 AND status = 'completed'`, [dataset.plan.planId]);
    expect(completed).toBeGreaterThan(0);
    const [{ n }] = await t.dataSource.query(`SELECT count(DISTINCT health)::int AS n FROM task WHERE plan_id = $1`, [dataset.plan.planId]);
    expect(n).toBe(3);
  });

  it('writes of every kind (progress, status, lead, co-departments, dates, insertion, deletion) move the counts with them', async () => {
    const ctx = await contextOn(calendar.today());
    await rollup.prepare(ctx);
    const ids: string[] = (await t.dataSource.query(`SELECT id FROM task WHERE plan_id = $1 AND lead_department_id IS NOT NULL AND status IN ('assigned', 'accepted', 'in_progress') ORDER BY code LIMIT 60`, [dataset.plan.planId])).map((r: { id: string }) => r.id);
    const [other] = await t.dataSource.query(`SELECT id FROM department WHERE code = 'jtt'`);
    await t.dataSource.query(`UPDATE task SET progress = 100 - progress WHERE id = ANY($1::uuid[])`, [ids.slice(0, 10)]);
    await t.dataSource.query(`UPDATE task SET status = 'completed' WHERE id = ANY($1::uuid[])`, [ids.slice(10, 20)]);
    await t.dataSource.query(`UPDATE task SET lead_department_id = $2 WHERE id = ANY($1::uuid[])`, [ids.slice(20, 30), other.id]);
    await t.dataSource.query(`UPDATE task SET co_department_ids = ARRAY[$2::uuid] WHERE id = ANY($1::uuid[])`, [ids.slice(30, 40), other.id]);
    await t.dataSource.query(`UPDATE task SET due_date = $2::date WHERE id = ANY($1::uuid[])`, [ids.slice(40, 50), addDays(ctx.today, -3)]);
    await t.dataSource.query(`UPDATE task SET last_report_late = NOT last_report_late WHERE id = ANY($1::uuid[])`, [ids.slice(50, 55)]);
    const copies: { id: string }[] = await t.dataSource.query(
      `INSERT INTO task (plan_id, measure_node_id, code, title, lead_department_id, status, start_date, due_date, progress)
       SELECT plan_id, measure_node_id, code || '-copy', title, lead_department_id, status, start_date, due_date, progress FROM task WHERE id = ANY($1::uuid[])
       RETURNING id`,
      [ids.slice(55, 60)],
    );
    await t.dataSource.query(`DELETE FROM task WHERE id = ANY($1::uuid[])`, [copies.slice(0, 3).map((c) => c.id)]);
    // A completion event sets completed_at (trigger of AddTaskListKeys): the task moves to that day.
    const [actor] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'office'`);
    await t.dataSource.query(
      `INSERT INTO task_event (task_id, at, actor_id, actor_name, kind, body, data) VALUES ($1, now() - interval '40 days', $2, 'office', 'completed', '', '{}')`,
      [ids[10], actor.id],
    );
    expect(await miscoloured(ctx)).toBe(0);
    expect(await rollupDifferences()).toEqual([]);
    expect(await completionDifferences()).toEqual([]);
    // Folding the deltas in changes no count.
    await t.dataSource.query(`SELECT luoshi_task_rollup_compact()`);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM task_rollup_delta`);
    expect(n).toBe(0);
    expect(await rollupDifferences()).toEqual([]);
    expect(await completionDifferences()).toEqual([]);
  });

  it('as days pass the colours follow (forward 30, 200 and 400 days, and back), recolouring only what changes', async () => {
    for (const days of [30, 200, 400, 0]) {
      const ctx = await contextOn(addDays(calendar.today(), days));
      await rollup.prepare(ctx);
      expect({ days, miscoloured: await miscoloured(ctx) }).toEqual({ days, miscoloured: 0 });
      expect(await rollupDifferences()).toEqual([]);
    }
    // The same day again recolours nothing.
    expect(await rollup.refresh(await contextOn(calendar.today()))).toBe(0);
  });

  it('the dashboard summary counts what the task list counts (red and amber of the plan)', async () => {
    const auth = await t.login('leader');
    const summary = (await t.http().get('/api/dashboards/summary').query({ planId: dataset.plan.planId }).set('Authorization', auth).expect(200)).body;
    for (const health of ['red', 'amber'] as const) {
      const listed = (
        await t.http().get('/api/tasks').query({ planId: dataset.plan.planId, health, status: DISPATCHED_TASK_STATUSES.join(','), pageSize: '1' }).set('Authorization', auth).expect(200)
      ).body.total;
      expect({ health, count: summary.totals[health] }).toEqual({ health, count: listed });
    }
  });
});
