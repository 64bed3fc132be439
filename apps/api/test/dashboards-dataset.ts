import type { DataSource } from 'typeorm';
import type { WorkingDayCalendar } from '@luoshi/domain/calendar';
import { CalendarService } from '@luoshi/server/calendar';
import { insertPlan, type PlanFixture } from './tasks-fixture';
import type { TestApp } from './test-app';

/**
 * A realistic volume of tasks on a plan's leaf measures, written set-based (INSERT … SELECT
 * generate_series): varied statuses, due dates from four months past to six months ahead, long-term
 * tasks, lead departments (provincial and cities), city co-departments, progress, reporting lateness,
 * and the timeline events the evaluation reads (assigned, accepted, completed). Deterministic in `i`.
 *
 * Start dates lie at least a week in the past, so every timeline event has happened.
 * Status by (i × 7) mod 20: 0 draft (no lead), 1 cancelled, 2–5 completed, 6–9 assigned, 10–13 accepted,
 * 14–17 in_progress, 18 completion_requested, 19 suspended.
 */
export async function generateTasks(ds: DataSource, input: { planId: string; count: number; today: string; prefix?: string }): Promise<void> {
  const prefix = input.prefix ?? 'G';
  await ds.query(
    `WITH leaves AS (
       SELECT n.id, (row_number() OVER (ORDER BY n.sort_order) - 1)::int AS k, count(*) OVER ()::int AS cnt
         FROM plan_node n
        WHERE n.plan_id = $1 AND n.kind IN ('measure', 'submeasure') AND n.retired_in_version IS NULL
          AND NOT EXISTS (SELECT 1 FROM plan_node c WHERE c.parent_id = n.id AND c.retired_in_version IS NULL)),
     depts AS (
       SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS k, count(*) OVER ()::int AS cnt
         FROM department WHERE kind IN ('provincial', 'city')),
     cities AS (
       SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS k, count(*) OVER ()::int AS cnt FROM department WHERE kind = 'city'),
     g AS (
       SELECT i, CASE (i * 7) % 20 WHEN 0 THEN 'draft' WHEN 1 THEN 'cancelled'
                   WHEN 2 THEN 'completed' WHEN 3 THEN 'completed' WHEN 4 THEN 'completed' WHEN 5 THEN 'completed'
                   WHEN 6 THEN 'assigned' WHEN 7 THEN 'assigned' WHEN 8 THEN 'assigned' WHEN 9 THEN 'assigned'
                   WHEN 10 THEN 'accepted' WHEN 11 THEN 'accepted' WHEN 12 THEN 'accepted' WHEN 13 THEN 'accepted'
                   WHEN 18 THEN 'completion_requested' WHEN 19 THEN 'suspended' ELSE 'in_progress' END AS status,
              CASE WHEN i % 17 = 0 THEN NULL ELSE $3::date + ((i * 37) % 300 - 120) END AS due
         FROM generate_series(1, $2::int) AS i)
     INSERT INTO task (plan_id, measure_node_id, code, title, body, lead_department_id, co_department_ids, start_date, due_date,
                       status, resume_to, progress, reporting_cycle, last_report_at, last_report_late)
     SELECT $1, l.id, $4 || lpad(g.i::text, 5, '0'), '生成任务' || g.i, '按计划推进第' || g.i || '项工作。',
            CASE WHEN g.status = 'draft' THEN NULL ELSE d.id END,
            CASE WHEN g.i % 4 = 0 AND c.id <> d.id THEN ARRAY[c.id] ELSE '{}'::uuid[] END,
            LEAST(coalesce(g.due - (60 + g.i % 100), $3::date - (30 + g.i % 200)), $3::date - 7 - g.i % 30),
            g.due, g.status, CASE WHEN g.status = 'suspended' THEN 'in_progress' END,
            (g.i * 13) % 101,
            CASE WHEN g.i % 9 = 0 THEN 'none' ELSE 'quarterly' END,
            CASE WHEN g.i % 3 = 0 THEN NULL ELSE ($3::date - g.i % 40)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
            g.i % 11 = 0
       FROM g
       JOIN leaves l ON l.k = g.i % l.cnt
       JOIN depts d ON d.k = g.i % d.cnt
       JOIN cities c ON c.k = (g.i / 4) % c.cnt`,
    [input.planId, input.count, input.today, prefix],
  );
  // The timeline the evaluation reads: assigned at 09:00 on the start date, accepted 0–6 days later at
  // 10:00, completion events at 15:00 (half as 'completed', half as a status change to completed).
  await ds.query(
    `INSERT INTO task_event (task_id, at, kind, data)
     SELECT t.id, (t.start_date + time '09:00') AT TIME ZONE 'Asia/Shanghai', 'assigned', '{}'::jsonb
       FROM task t WHERE t.plan_id = $1 AND t.code LIKE $2 || '%' AND t.status <> 'draft'
     UNION ALL
     SELECT t.id, (t.start_date + (substr(t.code, length($2) + 1)::int % 7) + time '10:00') AT TIME ZONE 'Asia/Shanghai', 'accepted',
            '{"from": "assigned", "to": "accepted"}'::jsonb
       FROM task t WHERE t.plan_id = $1 AND t.code LIKE $2 || '%'
        AND t.status IN ('accepted', 'in_progress', 'completion_requested', 'completed', 'suspended')
     UNION ALL
     SELECT t.id, ($3::date - (substr(t.code, length($2) + 1)::int % 330) + time '15:00') AT TIME ZONE 'Asia/Shanghai',
            CASE WHEN substr(t.code, length($2) + 1)::int % 2 = 0 THEN 'completed' ELSE 'status_changed' END,
            '{"from": "completion_requested", "to": "completed"}'::jsonb
       FROM task t WHERE t.plan_id = $1 AND t.code LIKE $2 || '%' AND t.status = 'completed'`,
    [input.planId, prefix, input.today],
  );
  await ds.query(`ANALYZE task`);
  await ds.query(`ANALYZE task_event`);
}

/** A plan of the test's own (insertPlan) carrying `tasks.count` generated tasks as of the app's today. */
export async function planWithGeneratedTasks(t: TestApp, code: string, tasks: { count: number; prefix?: string }): Promise<{ plan: PlanFixture; today: string }> {
  const plan = await insertPlan(t.dataSource, code);
  const today = t.app.get(CalendarService).today();
  await generateTasks(t.dataSource, { planId: plan.planId, count: tasks.count, today, prefix: tasks.prefix });
  return { plan, today };
}

/** A suite's generated plan (useGeneratedPlan): set by the time the suite's tests run. */
export interface GeneratedPlan {
  plan: PlanFixture;
  today: string;
  calendar: WorkingDayCalendar;
}

/**
 * Gives the suite a plan of its own with `tasks.count` generated tasks, the app's today and its
 * working-day calendar: the dashboard suites each set these up in the same beforeAll.
 */
export function useGeneratedPlan(t: TestApp, code: string, tasks: { count: number; prefix?: string }): GeneratedPlan {
  const generated = {} as GeneratedPlan;
  beforeAll(async () => {
    Object.assign(generated, await planWithGeneratedTasks(t, code, tasks));
    generated.calendar = await t.app.get(CalendarService).calendar();
  });
  return generated;
}
