import { insertPlan, listPlanTasks, type PlanFixture } from './tasks-fixture';
import { useTestApp } from './test-app';

describe('Tasks: generation, suggestions and assignment', () => {
  const t = useTestApp();
  let office: string;
  let plan: PlanFixture;
  const snapshot = async () =>
    t.dataSource.query(
      `SELECT id, status, version, lead_department_id, co_department_ids, due_date::text, deadline_text FROM task WHERE plan_id = $1 ORDER BY id`,
      [plan.planId],
    );
  const countEvents = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM task_event e JOIN task k ON k.id = e.task_id WHERE k.plan_id = $1`, [plan.planId]))[0].n);

  beforeAll(async () => {
    office = await t.login('office');
    plan = await insertPlan(t.dataSource, 'TASKS-ASSIGN');
  });

  it('generates one draft task per leaf measure, titled like the measure, and is idempotent', async () => {
    const first = await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office).expect(200);
    expect(first.body.created).toBe(plan.leafCount);
    expect(first.body.existing).toBe(0);
    const tasks = await listPlanTasks(t, plan.planId);
    expect(tasks).toHaveLength(plan.leafCount);
    expect(tasks.every((x) => x.status === 'draft')).toBe(true);
    expect(tasks.find((x) => x.code === '2.1.2')?.title).toBe('提升港口集疏运能力');
    // The measure with sub-measures has none of its own.
    expect(tasks.map((x) => x.code)).not.toContain('3.1.1');
    expect(tasks.map((x) => x.code)).toEqual(expect.arrayContaining(['3.1.1.1', '3.1.1.2']));

    const again = await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office).expect(200);
    expect(again.body).toMatchObject({ created: 0, existing: plan.leafCount, tasks: [] });
    await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', await t.login('jtt.liaison')).expect(403);
  });

  it('suggests departments from the measure text with the matched words', async () => {
    const tasks = await listPlanTasks(t, plan.planId);
    const suggest = async (code: string) =>
      (await t.http().get(`/api/tasks/${tasks.find((x) => x.code === code)!.id}/suggestions`).set('Authorization', office).expect(200)).body;
    const rail = await suggest('2.1.1');
    // Named departments first, in the order the text names them (A会同B: A leads), then topic words.
    expect(rail.slice(0, 2).map((s: { department: { code: string } }) => s.department.code)).toEqual(['fgw', 'jtt']);
    expect(rail[0]).toMatchObject({ suggestedRole: 'lead', reasons: expect.arrayContaining(['提及“省发展改革委”']) });
    expect(rail[1].reasons).toEqual(expect.arrayContaining(['提及“省交通运输厅”', '关键词“铁路”']));
    expect(rail).toContainEqual(expect.objectContaining({ department: expect.objectContaining({ code: 'hz' }), suggestedRole: 'co', reasons: expect.arrayContaining(['关键词“杭州”']) }));
    // Topic words share the last tier with past assignments, and other suites of the run assign the
    // same seed measures in this database: the keyword's department is among the first three.
    const firstThree = async (code: string) => (await suggest(code)).slice(0, 3);
    const port = await suggest('2.1.2');
    expect(await firstThree('2.1.2')).toContainEqual(expect.objectContaining({ department: expect.objectContaining({ code: 'jtt' }), reasons: expect.arrayContaining(['关键词“港口”']) }));
    expect(port.map((s: { department: { code: string } }) => s.department.code)).toEqual(expect.arrayContaining(['nb', 'zs']));
    expect(await firstThree('2.2.2')).toContainEqual(expect.objectContaining({ department: expect.objectContaining({ code: 'sthjt' }), reasons: expect.arrayContaining(['关键词“PM2.5”']) }));
    expect((await firstThree('2.4.1')).map((s: { department: { code: string } }) => s.department.code)).toContain('ybj');
  });

  it('learns suggestions from the directory’s responsibilities, the plan’s own duty and past assignments — not from 建设 alone', async () => {
    const codesOf = (list: { department: { code: string } }[]) => list.map((x) => x.department.code);
    const a = await insertPlan(t.dataSource, 'SUGGEST-A');
    const b = await insertPlan(t.dataSource, 'SUGGEST-B');
    for (const p of [a, b]) await t.http().post(`/api/plans/${p.planId}/tasks/generate`).set('Authorization', office).expect(200);
    const [tasksA, tasksB] = [await listPlanTasks(t, a.planId), await listPlanTasks(t, b.planId)];
    const suggest = async (tasks: typeof tasksA, code: string) =>
      (await t.http().get(`/api/tasks/${tasks.find((x) => x.code === code)!.id}/suggestions`).set('Authorization', office).expect(200)).body;

    // 推进大数据中心建设: 省大数据局 by its responsibilities; 建设 does not make 省建设厅 the lead.
    const data = await suggest(tasksA, '2.3.3');
    expect(data[0]).toMatchObject({ department: { code: 'dsjj' }, suggestedRole: 'lead' });
    expect(data[0].reasons.join()).toContain('职责相符');
    expect(codesOf(data)[0]).not.toBe('jst');

    // The plan's own 牵头/配合 for the measure comes first, with those roles.
    const node = await t.dataSource.query(`SELECT id FROM plan_node WHERE plan_id = $1 AND code = '2.5.2'`, [b.planId]);
    await t.dataSource.query(
      `INSERT INTO plan_duty (plan_id, node_id, deliverable, kind, lead_department_id, lead_name, lead_department_ids, lead_names, co_department_ids, co_names, source_sentence, source)
       SELECT $1, $2, '建设开放平台', 'general', s.id, s.name, ARRAY[s.id], ARRAY[s.name], ARRAY[h.id], ARRAY[h.name], '（省商务厅牵头，杭州海关配合）', 'annotation'
         FROM department s, department h WHERE s.code = 'swt' AND h.code = 'hgj'`,
      [b.planId, node[0].id],
    );
    const own = await suggest(tasksB, '2.5.2');
    expect(own.slice(0, 2).map((x: { department: { code: string }; suggestedRole: string; reasons: string[] }) => [x.department.code, x.suggestedRole, x.reasons[0]])).toEqual([
      ['swt', 'lead', '计划分工：牵头'],
      ['hgj', 'co', '计划分工：配合'],
    ]);

    // A past assignment teaches the same words: 住房公积金 given to 省财政厅 in plan A is suggested in plan B.
    expect(codesOf(await suggest(tasksB, '2.4.6'))[0]).not.toBe('czt');
    const fund = tasksA.find((x) => x.code === '2.4.6')!;
    await t.http().patch(`/api/tasks/${fund.id}`).set('Authorization', office).send({ version: fund.version, leadDepartmentCode: 'czt' }).expect(200);
    const learned = await suggest(tasksB, '2.4.6');
    const czt = learned.find((x: { department: { code: string } }) => x.department.code === 'czt');
    expect(czt.reasons.join()).toMatch(/以往承办“[^”]*住房公积金/);
    expect(codesOf(learned)[0]).toBe('czt');
  });

  it('saves a draft without dispatching it; 交办 makes it assigned and tells the lead and co-departments, once', async () => {
    const p = await insertPlan(t.dataSource, 'DISPATCH');
    await t.http().post(`/api/plans/${p.planId}/tasks/generate`).set('Authorization', office).expect(200);
    const tasks = await listPlanTasks(t, p.planId);
    const [one, two, three] = ['2.1.2', '2.1.3', '2.1.4'].map((code) => tasks.find((x) => x.code === code)!);
    const notices = async (taskId: string) =>
      (await t.dataSource.query(
        `SELECT n.kind, u.username FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.subject_id = $1 ORDER BY n.kind, u.username`,
        [taskId],
      )) as { kind: string; username: string }[];

    const saved = await t
      .http()
      .patch(`/api/tasks/${one.id}`)
      .set('Authorization', office)
      .send({ version: one.version, leadDepartmentCode: 'jtt', coDepartmentCodes: ['hz'], deadlineText: '2027年6月底' })
      .expect(200);
    expect(saved.body).toMatchObject({ status: 'draft', leadDepartment: { code: 'jtt' }, dueDate: '2027-06-30' });
    expect(await notices(one.id)).toEqual([]);

    const dispatched = await t.http().patch(`/api/tasks/${one.id}`).set('Authorization', office).send({ version: saved.body.version, dispatch: true }).expect(200);
    expect(dispatched.body.status).toBe('assigned');
    expect(await notices(one.id)).toEqual([
      { kind: 'task_assigned', username: 'jtt.head' },
      { kind: 'task_assigned', username: 'jtt.liaison' },
      { kind: 'task_co_assigned', username: 'hz.head' },
      { kind: 'task_co_assigned', username: 'hz.liaison' },
    ]);
    const inbox = await t.http().get('/api/notifications').set('Authorization', await t.login('jtt.liaison')).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'task_assigned', title: `任务交办：2.1.2 ${one.title}`, subjectId: one.id });
    // Dispatching again tells nobody twice.
    await t.http().patch(`/api/tasks/${one.id}`).set('Authorization', office).send({ version: dispatched.body.version, dispatch: true }).expect(200);
    expect(await notices(one.id)).toHaveLength(4);

    // Without a lead there is nothing to dispatch: 400, nothing written.
    const noLead = await t.http().patch(`/api/tasks/${two.id}`).set('Authorization', office).send({ version: two.version, deadlineText: '2027年6月底', dispatch: true }).expect(400);
    expect(noLead.body).toMatchObject({ code: 'TASK_NO_LEAD_DEPARTMENT', details: { field: 'leadDepartmentCode' } });
    expect((await listPlanTasks(t, p.planId)).find((x) => x.id === two.id)).toMatchObject({ status: 'draft', version: two.version });

    // Bulk: saving keeps drafts; 交办 reports who was told.
    const items = [two, three].map((x) => ({ taskId: x.id, version: x.version, leadDepartmentCode: 'fgw', coDepartmentCodes: ['jtt'] }));
    const bulkSaved = await t.http().post('/api/tasks/bulk-assign').set('Authorization', office).send({ items }).expect(200);
    expect(bulkSaved.body).toMatchObject({ dispatched: 0, notified: [] });
    expect(bulkSaved.body.items.map((x: { status: string }) => x.status)).toEqual(['draft', 'draft']);
    const again = bulkSaved.body.items.map((x: { id: string; version: number }) => ({ taskId: x.id, version: x.version, leadDepartmentCode: 'fgw' }));
    const bulkDispatched = await t.http().post('/api/tasks/bulk-assign').set('Authorization', office).send({ items: again, dispatch: true }).expect(200);
    expect(bulkDispatched.body.dispatched).toBe(2);
    expect(bulkDispatched.body.notified).toEqual([
      { department: expect.objectContaining({ code: 'fgw', name: '省发展改革委' }), role: 'lead', tasks: 2, users: expect.arrayContaining([expect.stringContaining('省发展改革委')]) },
      { department: expect.objectContaining({ code: 'jtt' }), role: 'co', tasks: 2, users: expect.any(Array) },
    ]);
    expect(bulkDispatched.body.notified[0].users).toHaveLength(2);
    expect(await notices(three.id)).toHaveLength(4);
  });

  it('refuses a bulk assignment with one bad item: 400 naming the index and field, nothing written', async () => {
    const tasks = await listPlanTasks(t, plan.planId);
    const before = await snapshot();
    const events = await countEvents();
    const items = tasks.map((x, i) => ({
      taskId: x.id,
      version: x.version,
      leadDepartmentCode: i === 7 ? 'no-such-dept' : 'jtt',
      deadlineText: '2027年6月底',
    }));
    const res = await t.http().post('/api/tasks/bulk-assign').set('Authorization', office).send({ items, dispatch: true }).expect(400);
    expect(res.body.code).toBe('TASK_BULK_INVALID');
    expect(res.body.message).toContain('items[7]');
    expect(res.body.message).toContain('leadDepartmentCode');
    expect(res.body.message).toContain('no-such-dept');
    expect(res.body.details.problems).toEqual([expect.objectContaining({ index: 7, field: 'leadDepartmentCode', code: 'TASK_UNKNOWN_DEPARTMENT' })]);
    expect(await snapshot()).toEqual(before);
    expect(await countEvents()).toBe(events);

    // A malformed item is caught by validation, also naming the index and field.
    const malformed = await t
      .http()
      .post('/api/tasks/bulk-assign')
      .set('Authorization', office)
      .send({ items: [{ ...items[0] }, { ...items[1], reportingCycle: 'weekly' }] })
      .expect(400);
    expect(malformed.body.message).toContain('items.1.reportingCycle');
    expect(await snapshot()).toEqual(before);
  });

  it('assigns the whole plan in one bulk call: every draft becomes assigned with its deadline', async () => {
    const tasks = await listPlanTasks(t, plan.planId);
    const items = tasks.map((x, i) => ({
      taskId: x.id,
      version: x.version,
      leadDepartmentCode: i % 2 ? 'jtt' : 'fgw',
      coDepartmentCodes: i % 3 ? ['hz'] : [],
      deadlineText: ['2027年6月底', '2027年第三季度', '长期', '2027-03-31'][i % 4],
      reportingCycle: 'quarterly',
    }));
    const res = await t.http().post('/api/tasks/bulk-assign').set('Authorization', office).send({ items, dispatch: true }).expect(200);
    expect(res.body.items).toHaveLength(plan.leafCount);
    expect(res.body.dispatched).toBe(plan.leafCount);
    const after = await listPlanTasks(t, plan.planId);
    expect(after.every((x) => x.status === 'assigned' && x.version === 2)).toBe(true);
    const byCode = new Map(after.map((x) => [x.code, x]));
    const first = byCode.get(tasks[0].code)!;
    expect(first).toMatchObject({ leadDepartment: { code: 'fgw' }, coDepartments: [], dueDate: '2027-06-30' });
    // 2027-09-30 is a Thursday: 2027年第三季度 ends on it.
    expect(byCode.get(tasks[1].code)).toMatchObject({ leadDepartment: { code: 'jtt' }, coDepartments: [{ code: 'hz' }], dueDate: '2027-09-30' });
    expect(byCode.get(tasks[2].code)).toMatchObject({ dueDate: null });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM task_event e JOIN task k ON k.id = e.task_id WHERE k.plan_id = $1 AND e.kind = 'assigned'`,
      [plan.planId],
    );
    expect(n).toBe(plan.leafCount);
    const [{ audits }] = await t.dataSource.query(
      `SELECT count(*)::int AS audits FROM audit_event a JOIN task k ON k.id::text = a.subject_id WHERE k.plan_id = $1 AND a.action = 'task.assign'`,
      [plan.planId],
    );
    expect(audits).toBe(plan.leafCount);
  });

  it('names the field for an unknown department, a due date before the start and an unknown cycle, and writes nothing', async () => {
    const [task] = await listPlanTasks(t, plan.planId);
    const before = await snapshot();
    const patch = (body: object) => t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: task.version, ...body });

    const dept = await patch({ coDepartmentCodes: ['hz', 'ghost-dept'] }).expect(400);
    expect(dept.body).toMatchObject({ code: 'TASK_UNKNOWN_DEPARTMENT', details: { field: 'coDepartmentCodes', department: 'ghost-dept' } });
    expect(dept.body.message).toContain('ghost-dept');

    const dates = await patch({ startDate: '2027-05-01', dueDate: '2027-04-30' }).expect(400);
    expect(dates.body).toMatchObject({ code: 'TASK_DEADLINE_BEFORE_START', details: { field: 'dueDate' } });

    const cycle = await patch({ reportingCycle: 'weekly' }).expect(400);
    expect(cycle.body.code).toBe('VALIDATION_FAILED');
    expect(cycle.body.message).toContain('reportingCycle');

    const phrase = await patch({ deadlineText: '尽快完成' }).expect(400);
    expect(phrase.body).toMatchObject({ code: 'TASK_BAD_DEADLINE', details: { field: 'deadlineText' } });

    await patch({ dueDate: '2027-02-30' }).expect(400);
    await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ leadDepartmentCode: 'jtt' }).expect(400);
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly one of 20 parallel PATCHes with the same version win; the others get 409 with the current version', async () => {
    const [task] = await listPlanTasks(t, plan.planId);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .http()
          .patch(`/api/tasks/${task.id}`)
          .set('Authorization', office)
          .send({ version: task.version, deadlineText: `2027年${(i % 12) + 1}月底` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ code: 'TASK_STALE_VERSION', details: { currentVersion: task.version + 1 } });
    }
    const [row] = await t.dataSource.query(`SELECT version FROM task WHERE id = $1`, [task.id]);
    expect(row.version).toBe(task.version + 1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM task_event WHERE task_id = $1 AND kind = 'updated'`, [task.id]);
    expect(n).toBe(1);
  });

  it('refuses a deadline change after acceptance (409 TASK_DEADLINE_LOCKED) but allows co-departments', async () => {
    const task = (await listPlanTasks(t, plan.planId)).find((x) => x.leadDepartment?.code === 'jtt')!;
    await t.http().post(`/api/tasks/${task.id}/accept`).set('Authorization', await t.login('jtt.liaison')).send({}).expect(200);
    const current = (await t.http().get(`/api/tasks/${task.id}`).set('Authorization', office).expect(200)).body;
    const locked = await t
      .http()
      .patch(`/api/tasks/${task.id}`)
      .set('Authorization', office)
      .send({ version: current.version, dueDate: '2028-01-31' })
      .expect(409);
    expect(locked.body.code).toBe('TASK_DEADLINE_LOCKED');
    const co = await t
      .http()
      .patch(`/api/tasks/${task.id}`)
      .set('Authorization', office)
      .send({ version: current.version, coDepartmentCodes: ['kjt'] })
      .expect(200);
    expect(co.body.coDepartments).toEqual([expect.objectContaining({ code: 'kjt' })]);
  });

  it('splits a draft task into several that keep the measure link', async () => {
    const other = await insertPlan(t.dataSource, 'TASKS-SPLIT');
    await t.http().post(`/api/plans/${other.planId}/tasks/generate`).set('Authorization', office).expect(200);
    const task = (await listPlanTasks(t, other.planId)).find((x) => x.code === '2.1.1')!;
    const res = await t
      .http()
      .post(`/api/tasks/${task.id}/split`)
      .set('Authorization', office)
      .send({ titles: ['南岸铁路前期工作', '北岸铁路规划研究', '铁路沿线土地保障'] })
      .expect(200);
    expect(res.body.map((x: { code: string; title: string }) => [x.code, x.title])).toEqual([
      ['2.1.1-1', '南岸铁路前期工作'],
      ['2.1.1-2', '北岸铁路规划研究'],
      ['2.1.1-3', '铁路沿线土地保障'],
    ]);
    expect(new Set(res.body.map((x: { measureNodeId: string }) => x.measureNodeId)).size).toBe(1);
    expect(res.body[0].id).toBe(task.id);
    // The measure has tasks now: generating again adds nothing.
    const again = await t.http().post(`/api/plans/${other.planId}/tasks/generate`).set('Authorization', office).expect(200);
    expect(again.body.created).toBe(0);
    const single = await t.http().post(`/api/tasks/${task.id}/split`).set('Authorization', office).send({ titles: ['只有一个'] }).expect(400);
    expect(single.body.message).toContain('titles');
  });
});
