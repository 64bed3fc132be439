import type { InstructionListResponse, TaskResponse } from '@luoshi/contracts';
import { insertPlan, listPlanTasks, type PlanFixture } from './tasks-fixture';
import { useTestApp } from './test-app';

/** Issue 13: plan-aware lists (plan on every row, search by code), the configured product name, the leaders' 批示 list. */
describe('Daily use: plan-aware lists, the product name, the 批示 list', () => {
  const t = useTestApp();
  let first: PlanFixture;
  let second: PlanFixture;
  const as = (user: string) => t.login(user);

  beforeAll(async () => {
    first = await insertPlan(t.dataSource, 'DAILY-A');
    second = await insertPlan(t.dataSource, 'DAILY-B');
    for (const plan of [first, second]) {
      await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', await as('office')).expect(200);
    }
  });

  const search = async (q: string, query: Record<string, string> = {}): Promise<TaskResponse[]> =>
    (await t.http().get('/api/tasks').query({ q, pageSize: '100', ...query }).set('Authorization', await as('office')).expect(200)).body.items;

  it('finds a task by its code in every plan, each row naming its plan and its own section', async () => {
    const found = await search('2.1.2');
    const mine = found.filter((x) => x.planId === first.planId || x.planId === second.planId);
    expect(mine.map((x) => [x.planCode, x.code]).sort()).toEqual([
      ['DAILY-A', '2.1.2'],
      ['DAILY-B', '2.1.2'],
    ]);
    for (const task of mine) {
      expect(task).toMatchObject({ title: '提升港口集疏运能力', planTitle: `测试行动方案 ${task.planCode}`, partCode: '2', partTitle: '重点任务', sectionCode: '2.1', sectionTitle: '交通互联互通' });
    }
    // Within one plan: exactly that task.
    expect((await search('2.1.2', { planId: first.planId })).map((x) => x.code)).toEqual(['2.1.2']);
    // A code's prefix finds what lies under it (2.1 → the section's six measures); sub-measures too.
    expect((await search('2.1', { planId: first.planId })).map((x) => x.code).sort()).toEqual(['2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.1.5', '2.1.6']);
    expect((await search('3.1.1', { planId: first.planId })).map((x) => x.code)).toEqual(['3.1.1.1', '3.1.1.2']);
    // Not a prefix of the digits: 2.1.2 does not find a 2.1.20, and a code plus a word must match both.
    expect((await search('2.1.2 港口', { planId: first.planId })).map((x) => x.code)).toEqual(['2.1.2']);
    expect(await search('2.1.2 铁路', { planId: first.planId })).toEqual([]);
    // A split task keeps being found by its measure's code.
    const [task] = await search('2.1.2', { planId: second.planId });
    await t.http().post(`/api/tasks/${task.id}/split`).set('Authorization', await as('office')).send({ version: task.version, titles: ['港口一期', '港口二期'] }).expect(200);
    const codes = (await search('2.1.2', { planId: second.planId })).map((x) => x.code).sort();
    expect(codes.length).toBeGreaterThanOrEqual(2);
    expect(codes.every((c) => c === '2.1.2' || c.startsWith('2.1.2-'))).toBe(true);
    // Words still search titles and bodies as before.
    expect((await listPlanTasks(t, first.planId, 'office', { q: '港口' })).map((x) => x.code)).toEqual(['2.1.2']);
  });

  it('answers the code search from the code pattern index (EXPLAIN)', async () => {
    await t.dataSource.query(`SET enable_seqscan = off`);
    try {
      const plan: { 'QUERY PLAN': string }[] = await t.dataSource.query(
        `EXPLAIN SELECT id FROM task t WHERE (t.code = $1 OR t.code LIKE $2 OR t.code LIKE $3)`,
        ['2.1.2', '2.1.2.%', '2.1.2-%'],
      );
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('task_code_pattern_idx');
    } finally {
      await t.dataSource.query(`RESET enable_seqscan`);
    }
  });

  it('serves the configured product name to anyone, signed in or not', async () => {
    const res = await t.http().get('/api/app-info').expect(200);
    expect(res.body).toEqual({ title: '落实 · 任务督办', titleEn: 'Luoshi · Task supervision' });
  });

  it('lists a leader’s instructions with the answers and what is still open; office roles see every leader’s', async () => {
    const tasks = await listPlanTasks(t, first.planId);
    const office = await as('office');
    // 批示 need an assigned task; the lead department answers.
    const [a, b] = tasks.filter((x) => x.code === '2.2.1' || x.code === '2.2.2');
    for (const task of [a, b]) {
      await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office)
        .send({ version: task.version, leadDepartmentCode: 'jtt', coDepartmentCodes: [], dueDate: '2027-06-30', reportingCycle: 'quarterly', dispatch: true }).expect(200);
    }
    const leader = await as('leader');
    const open = await t.http().post(`/api/tasks/${a.id}/instructions`).set('Authorization', leader).send({ text: '请月底前报送进展。' }).expect(201);
    const answered = await t.http().post(`/api/tasks/${b.id}/instructions`).set('Authorization', leader).send({ text: '加强与上海协同。' }).expect(201);
    await t.http().post(`/api/tasks/${b.id}/instructions/${answered.body.id}/answer`).set('Authorization', await as('jtt.liaison')).send({ text: '已对接，下周报送方案。' }).expect(200);
    // Someone else's instruction (written straight into the table): not on the leader's page.
    const [{ id: officeId }] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'office'`);
    const [other] = await t.dataSource.query(`INSERT INTO task_instruction (task_id, author_id, text) VALUES ($1, $2, '其他领导的批示') RETURNING id`, [a.id, officeId]);

    const list = async (user: string, state: string) =>
      (await t.http().get('/api/instructions').query({ state, pageSize: '100' }).set('Authorization', await as(user)).expect(200)).body as InstructionListResponse;
    const [{ open: openRef, answered: answeredRef }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE answer IS NULL)::int AS open, count(*) FILTER (WHERE answer IS NOT NULL)::int AS answered
         FROM task_instruction WHERE author_id = (SELECT id FROM app_user WHERE username = 'leader')`,
    );
    const mineOpen = await list('leader', 'open');
    expect(mineOpen.counts).toEqual({ open: openRef, answered: answeredRef });
    expect(mineOpen.total).toBe(openRef);
    expect(mineOpen.items.every((i) => i.answer === null && i.author.displayName === mineOpen.items[0].author.displayName)).toBe(true);
    expect(mineOpen.items.find((i) => i.id === open.body.id)).toMatchObject({
      text: '请月底前报送进展。',
      answer: null,
      task: { id: a.id, code: '2.2.1', planCode: 'DAILY-A', planTitle: '测试行动方案 DAILY-A', status: 'assigned', leadDepartment: { code: 'jtt' } },
    });
    expect(mineOpen.items.some((i) => i.id === other.id)).toBe(false);
    const mineAnswered = await list('leader', 'answered');
    expect(mineAnswered.items.find((i) => i.id === answered.body.id)).toMatchObject({ answer: '已对接，下周报送方案。', answeredBy: { displayName: expect.any(String) }, answeredAt: expect.any(String) });
    expect((await list('leader', 'all')).total).toBe(openRef + answeredRef);
    // Newest first.
    const times = (await list('leader', 'all')).items.map((i) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    // The office sees every leader's (the other one included); department users have no such page.
    expect((await list('office', 'open')).items.some((i) => i.id === other.id)).toBe(true);
    await t.http().get('/api/instructions').set('Authorization', await as('jtt.liaison')).expect(403);
    await t.http().get('/api/instructions').expect(401);
    const bad = await t.http().get('/api/instructions').query({ state: 'closed' }).set('Authorization', leader);
    expect(bad.status).toBe(400);
  });
});
