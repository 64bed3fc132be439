import type { AuthUser } from '@luoshi/server/platform';
import { TaskQueryService } from '@luoshi/server/tasks';
import { insertPlan, listPlanTasks, type PlanFixture } from './tasks-fixture';
import { useTestApp } from './test-app';

/** The same escaping the service uses, so the reference query is a plain ILIKE '%term%'. */
const ilike = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

describe('Tasks: Chinese search', () => {
  const t = useTestApp();
  let plan: PlanFixture;
  let officeUser: AuthUser;

  beforeAll(async () => {
    plan = await insertPlan(t.dataSource, 'TASKS-SEARCH');
    await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', await t.login('office')).expect(200);
    // A realistic table: 3000 more tasks that mention none of the searched words.
    const [filler] = await t.dataSource.query(
      `INSERT INTO plan (code, title, kind, current_version) VALUES ('TASKS-SEARCH-FILLER', '填充方案', 'action_plan', 1) RETURNING id`,
    );
    await t.dataSource.query(
      `WITH nodes AS (
         INSERT INTO plan_node (plan_id, code, kind, title, body, sort_order, source_line, first_version, changed_in_version)
         SELECT $1, '9.' || i, 'measure', '完善工作机制' || i, '加强统筹协调，健全考核评价办法，第' || i || '项。', i, i, 1, 1
           FROM generate_series(1, 3000) AS i
         RETURNING id, plan_id, code, title, body)
       INSERT INTO task (plan_id, measure_node_id, code, title, body) SELECT plan_id, id, code, title, body FROM nodes`,
      [filler.id],
    );
    await t.dataSource.query(`ANALYZE task`);
    const [u] = await t.dataSource.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.department_id AS "departmentId", d.code AS "departmentCode"
         FROM app_user u JOIN department d ON d.id = u.department_id WHERE u.username = 'office'`,
    );
    officeUser = { ...u, sessionId: 'test' };
  });

  const search = async (q: string) => (await listPlanTasks(t, plan.planId, 'office', { q })).map((x) => x.id).sort();
  const reference = async (term: string): Promise<string[]> =>
    (
      await t.dataSource.query(`SELECT id FROM task WHERE plan_id = $1 AND (title ILIKE $2 OR body ILIKE $2)`, [plan.planId, ilike(term)])
    ).map((r: { id: string }) => r.id).sort();

  it('finds two-character words such as 交通 and 港口', async () => {
    const transport = await listPlanTasks(t, plan.planId, 'office', { q: '交通' });
    expect(transport.map((x) => x.code)).toEqual(expect.arrayContaining(['2.1.6', '3.1.1.1']));
    const port = await listPlanTasks(t, plan.planId, 'office', { q: '港口' });
    expect(port.map((x) => x.code)).toEqual(['2.1.2']);
  });

  it('has the same recall as ILIKE on a set of words (1 to 4 characters, Latin, wildcards)', async () => {
    const terms = ['交通', '港口', '铁路', '生态', '杭州', '建设', '推进', '合作', '实验室', '港', '水', 'PM2.5', 'pm2', '之江实验', '%', '_', '不存在的词'];
    for (const term of terms) {
      expect({ term, ids: await search(term) }).toEqual({ term, ids: await reference(term) });
    }
    // Several words: every one must match.
    const construction = new Set(await reference('建设'));
    const both = (await reference('推进')).filter((id: string) => construction.has(id));
    expect(both.length).toBeGreaterThan(0);
    expect(await search('推进 建设')).toEqual(both);
  });

  // No planner settings: on 3000+ rows the planner picks the index by itself (fastupdate = off keeps
  // its cost estimate honest; a pending list made it choose a sequential scan).
  it('answers the search from the GIN index on character bigrams (EXPLAIN of the list query)', async () => {
    const service = t.app.get(TaskQueryService);
    const ctx = await service.healthContext();
    const { sql, params } = await service.listSql({ q: '港口' }, officeUser, ctx, { limit: 20, offset: 0 });
    const plain: { 'QUERY PLAN': string }[] = await t.dataSource.query(`EXPLAIN ${sql}`, params);
    const text = plain.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('task_search_grams_idx');
    expect(text).toMatch(/Bitmap Index Scan on task_search_grams_idx[\s\S]*Index Cond: \(search_grams @> '\{港口\}'::text\[\]\)/);

    // And the plan as run, rows and all.
    const analyzed: { 'QUERY PLAN': string }[] = await t.dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
    expect(analyzed.map((r) => r['QUERY PLAN']).join('\n')).toContain('task_search_grams_idx');
  });
});
