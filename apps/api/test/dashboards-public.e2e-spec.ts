import type { DashboardSummaryResponse, PublicSummaryResponse } from '@luoshi/contracts';
import { planWithGeneratedTasks } from './dashboards-dataset';
import type { PlanFixture } from './tasks-fixture';
import { startTestApp, type TestApp } from './test-app';

describe('Public summary (公开进展)', () => {
  let t: TestApp;
  let plan: PlanFixture;

  beforeAll(async () => {
    t = await startTestApp();
    ({ plan } = await planWithGeneratedTasks(t, 'DASH-PUBLIC', { count: 300, prefix: 'P' }));
    await t.dataSource.query(
      `INSERT INTO indicator (plan_id, name, unit, comparison, baseline, baseline_year, targets, responsible_department_id, source_sentence)
       VALUES ($1, '空气质量优良天数比率', '%', 'gte', 85, 2020, '[{"year":2025,"value":90}]', (SELECT id FROM department WHERE code = 'sthjt'), '空气质量优良天数比率达到90%')`,
      [plan.planId],
    );
  });
  afterAll(async () => {
    await t.http().put('/api/public/summary/settings').set('Authorization', await t.login('office')).send({ enabled: false, planId: null });
    await t.close();
  });

  const settings = async (body: object, user = 'office') => t.http().put('/api/public/summary/settings').set('Authorization', await t.login(user)).send(body);

  it('answers 404 while switched off, which is the default', async () => {
    const current = await t.http().get('/api/public/summary/settings').set('Authorization', await t.login('office')).expect(200);
    if (current.body.enabled) expect((await settings({ enabled: false })).status).toBe(200);
    const res = await t.http().get('/api/public/summary').expect(404);
    expect(res.body.code).toBe('PUBLIC_SUMMARY_OFF');
    // The switch belongs to the office.
    expect((await settings({ enabled: true }, 'reviewer')).status).toBe(403);
    expect((await settings({ enabled: 'yes' })).status).toBe(400);
    expect((await settings({ enabled: true, planId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    await t.http().get('/api/public/summary').expect(404);
  });

  it('once on, shows anyone progress by part and indicator status, and no names of people', async () => {
    const on = await settings({ enabled: true, planId: plan.planId });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ enabled: true, planId: plan.planId });

    const res = await t.http().get('/api/public/summary').expect(200);
    const body: PublicSummaryResponse = res.body;
    const dashboard: DashboardSummaryResponse = (
      await t.http().get('/api/dashboards/summary').query({ planId: plan.planId }).set('Authorization', await t.login('leader')).expect(200)
    ).body;
    expect(body.plan).toEqual({ title: `测试行动方案 DASH-PUBLIC` });
    expect(body.totals).toMatchObject({ total: 300, completed: dashboard.totals.completed, red: dashboard.totals.red });
    expect(body.byPart.map((p) => [p.code, p.title, p.total, p.completed, p.red])).toEqual(
      dashboard.byPart.map((p) => [p.key, p.label, p.total, p.completed, p.red]),
    );
    expect(body.indicators).toEqual([
      expect.objectContaining({ name: '空气质量优良天数比率', status: 'no_data', statusLabel: '暂无数据', targets: [{ year: 2025, value: 90 }] }),
    ]);

    // Nothing that names a person (or a department, or a task): only counts and indicator figures.
    const text = JSON.stringify(body);
    const people: { username: string; displayName: string }[] = await t.dataSource.query(`SELECT username, display_name AS "displayName" FROM app_user`);
    for (const p of people) {
      expect(text).not.toContain(p.displayName);
      expect(text).not.toContain(`"${p.username}"`);
    }
    for (const word of ['displayName', 'owner', 'reportedBy', 'department', '生成任务', '省生态环境厅']) expect(text).not.toContain(word);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('follows the plan’s changes', async () => {
    const before: PublicSummaryResponse = (await t.http().get('/api/public/summary').expect(200)).body;
    await t.dataSource.query(
      `UPDATE task SET status = 'completed' WHERE id = (SELECT id FROM task WHERE plan_id = $1 AND status = 'in_progress' ORDER BY code LIMIT 1)`,
      [plan.planId],
    );
    const after: PublicSummaryResponse = (await t.http().get('/api/public/summary').expect(200)).body;
    expect(after.totals.completed).toBe(before.totals.completed + 1);
  });

  it('answers 404 again once switched off', async () => {
    expect((await settings({ enabled: false })).status).toBe(200);
    await t.http().get('/api/public/summary').expect(404);
    const current = await t.http().get('/api/public/summary/settings').set('Authorization', await t.login('leader')).expect(200);
    expect(current.body).toMatchObject({ enabled: false, planId: plan.planId });
  });
});
