import { TaskQueryService } from '@luoshi/server/tasks';
import type { AuthUser } from '@luoshi/server/platform';
import { useTestApp } from './test-app';

/** More tasks than the count cap (10,000), with every health colour and NULL due dates among them. */
const TASKS = 10_150;

interface Page {
  items: { id: string; code: string; health: string }[];
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

describe('Tasks: pages in O(page) — cursors, capped totals, indexed filters', () => {
  const t = useTestApp();
  let office: string;
  let planId: string;
  let officeUser: AuthUser;

  beforeAll(async () => {
    office = await t.login('office');
    const [plan] = await t.dataSource.query(
      `INSERT INTO plan (code, title, kind, current_version) VALUES ('TASKS-PAGING', '分页测试方案', 'action_plan', 1) RETURNING id`,
    );
    planId = plan.id;
    const [lead] = await t.dataSource.query(`SELECT id FROM department WHERE code = 'jtt'`);
    // 50 measures (codes 1.1 … 1.50, so plan order is numeric: 1.2 < 1.10), tasks spread over them.
    await t.dataSource.query(
      `WITH nodes AS (
         INSERT INTO plan_node (plan_id, code, kind, title, body, sort_order, source_line, first_version, changed_in_version)
         SELECT $1, '1.' || i, 'measure', '分页举措' || i, '', i, i, 1, 1 FROM generate_series(1, 50) AS i RETURNING id, code),
       m AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM nodes)
       INSERT INTO task (plan_id, measure_node_id, code, title, lead_department_id, start_date, due_date, status, progress, last_report_late, updated_at)
       SELECT $1, m.id, 'P' || lpad(i::text, 5, '0'), '分页任务' || i, $2,
              CURRENT_DATE - 200, CASE WHEN i % 13 = 0 THEN NULL ELSE CURRENT_DATE - 100 + (i % 400) END,
              (ARRAY['assigned','accepted','in_progress','completed','cancelled','in_progress'])[1 + i % 6],
              (i * 7) % 101, i % 29 = 0, now() - make_interval(secs => i % 997)
         FROM generate_series(1, $3) AS i JOIN m ON m.n = i % 50`,
      [planId, lead.id, TASKS],
    );
    await t.dataSource.query(`VACUUM ANALYZE task`);
    const [u] = await t.dataSource.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.department_id AS "departmentId", d.code AS "departmentCode"
         FROM app_user u JOIN department d ON d.id = u.department_id WHERE u.username = 'office'`,
    );
    officeUser = { ...u, sessionId: 'test' };
  }, 180_000);

  const list = async (query: Record<string, string>, status = 200) =>
    (await t.http().get('/api/tasks').query({ planId, ...query }).set('Authorization', office).expect(status)).body;

  /** Every page from the first, following nextCursor; the ids in order. */
  const walk = async (query: Record<string, string>): Promise<string[]> => {
    const ids: string[] = [];
    let page: Page = await list(query);
    ids.push(...page.items.map((x) => x.id));
    while (page.nextCursor) {
      page = await list({ ...query, after: page.nextCursor });
      ids.push(...page.items.map((x) => x.id));
    }
    return ids;
  };

  it('counts exactly below the cap and says "10,000+" above it', async () => {
    const all: Page = await list({ pageSize: '10' });
    expect(all).toMatchObject({ total: 10_000, totalExact: false });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND status = 'in_progress'`, [planId]);
    const open: Page = await list({ status: 'in_progress', pageSize: '10' });
    expect(open).toMatchObject({ total: n, totalExact: true });
  });

  it('walks every task of a filter with after cursors, in the order of the sort, each once', async () => {
    const expected: string[] = (
      await t.dataSource.query(
        `SELECT id FROM task WHERE plan_id = $1 AND status = ANY($2) ORDER BY coalesce(due_date, 'infinity'), code, id`,
        [planId, ['assigned', 'accepted']],
      )
    ).map((r: { id: string }) => r.id);
    const walked = await walk({ status: 'assigned,accepted', sort: 'dueDate', pageSize: '100' });
    expect(walked).toEqual(expected);
  });

  it('continues page numbers exactly where a cursor continues, for every sort', async () => {
    for (const sort of ['code', 'dueDate', '-dueDate', '-updatedAt']) {
      const p1: Page = await list({ sort, pageSize: '50' });
      const p2: Page = await list({ sort, pageSize: '50', page: '2' });
      const after: Page = await list({ sort, pageSize: '50', after: p1.nextCursor as string });
      expect({ sort, ids: after.items.map((x) => x.id) }).toEqual({ sort, ids: p2.items.map((x) => x.id) });
    }
    // Plan order is the measure code's numbers: 1.2 before 1.10 (203 tasks a measure: rows 2200–2299 cross from 1.11 to 1.12; as text, from 1.19 to 1.2).
    const byCode = (await list({ sort: 'code', pageSize: '100', page: '23' })) as { items: { measureCode: string }[] };
    const numbers = byCode.items.map((x) => Number(x.measureCode.split('.')[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBeGreaterThan(1);
  });

  it('filters by health exactly as the health rule, with the indexable conditions losing no task', async () => {
    const service = t.app.get(TaskQueryService);
    const ctx = await service.healthContext();
    // Reference: every task of the plan through the domain rule (no SQL health at all).
    const { sql, params } = await service.listSql({ planId }, officeUser, ctx, { limit: null, offset: 0 });
    const responses = ((await t.dataSource.query(sql, params)) as Parameters<TaskQueryService['toResponse']>[0][]).map((r) => service.toResponse(r, ctx));
    const expectedOf = (colours: string[]) => responses.filter((r) => colours.includes(r.health)).map((r) => r.id).sort();
    for (const health of ['red', 'amber', 'green', 'amber,red']) {
      const expected = expectedOf(health.split(','));
      expect(expected.length).toBeGreaterThan(0);
      const page: Page = await list({ health, pageSize: '1' });
      expect({ health, total: page.total }).toEqual({ health, total: Math.min(expected.length, 10_000) });
    }
    // And the ids themselves for amber (near due, late or lagging: the indexable conditions at work).
    expect((await walk({ health: 'amber', pageSize: '100', sort: 'dueDate' })).sort()).toEqual(expectedOf(['amber']));
  }, 120_000);

  it('refuses page numbers past 10,000 rows and cursors it did not make', async () => {
    const deep = await list({ page: '202', pageSize: '50' }, 400);
    expect(deep).toMatchObject({ code: 'TASK_BAD_FILTER', details: { field: 'page' } });
    expect(await list({ page: '201', pageSize: '50' })).toMatchObject({ totalExact: false });
    const bad = await list({ after: 'not-a-cursor' }, 400);
    expect(bad).toMatchObject({ code: 'TASK_BAD_FILTER', details: { field: 'after' } });
    const byDue: Page = await list({ sort: 'dueDate', pageSize: '10' });
    const otherSort = await list({ sort: 'code', after: byDue.nextCursor as string }, 400);
    expect(otherSort).toMatchObject({ details: { field: 'after' } });
  });

  it('finds a filtered page from the sort-key index, not by sorting every match (EXPLAIN)', async () => {
    const service = t.app.get(TaskQueryService);
    const ctx = await service.healthContext();
    const { sql, params } = await service.listSql({ planId, status: 'in_progress', sort: 'dueDate' }, officeUser, ctx, { limit: 51, offset: 0 });
    const plan: { 'QUERY PLAN': string }[] = await t.dataSource.query(`EXPLAIN ${sql}`, params);
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('task_plan_status_due_order_idx');
  });
});
