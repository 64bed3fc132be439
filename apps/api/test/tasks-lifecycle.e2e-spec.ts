import { assignedPlan, insertPlan, listPlanTasks, type TaskSummary } from './tasks-fixture';
import { useTestApp } from './test-app';

describe('Tasks: scope, lifecycle, instructions, urging and health', () => {
  const t = useTestApp();
  let office: string;
  let planId: string;
  let tasks: TaskSummary[];
  const as = (user: string) => t.login(user);
  const detail = async (id: string, user = 'office') => (await t.http().get(`/api/tasks/${id}`).set('Authorization', await as(user)).expect(200)).body;
  const involves = (x: TaskSummary, code: string) => x.leadDepartment?.code === code || x.coDepartments.some((d) => d.code === code);

  beforeAll(async () => {
    office = await t.login('office');
    ({ plan: { planId }, tasks } = await assignedPlan(t, 'TASKS-LIFECYCLE'));
  });

  describe('scope', () => {
    it('shows a city only the tasks it leads or co-handles', async () => {
      const expected = tasks.filter((x) => involves(x, 'hz')).map((x) => x.id).sort();
      expect(expected.length).toBeGreaterThan(0);
      const seen = (await listPlanTasks(t, planId, 'hz.liaison')).map((x) => x.id).sort();
      expect(seen).toEqual(expected);
      const hidden = tasks.find((x) => !involves(x, 'hz'))!;
      await t.http().get(`/api/tasks/${hidden.id}`).set('Authorization', await as('hz.liaison')).expect(403);
    });

    it('shows a co-department what it co-handles, and refuses scope=all to department users', async () => {
      const coHandled = tasks.filter((x) => x.coDepartments.some((d) => d.code === 'jtt'));
      expect(coHandled.length).toBeGreaterThan(0);
      const seen = (await listPlanTasks(t, planId, 'jtt.liaison')).map((x) => x.id);
      for (const x of coHandled) expect(seen).toContain(x.id);
      expect(seen.sort()).toEqual(tasks.filter((x) => involves(x, 'jtt')).map((x) => x.id).sort());
      const all = await t.http().get('/api/tasks').query({ scope: 'all' }).set('Authorization', await as('jtt.liaison')).expect(403);
      expect(all.body.code).toBe('TASK_SCOPE_FORBIDDEN');
    });

    it('lets office roles, leaders and viewers see every task, and viewers write nothing', async () => {
      for (const user of ['reviewer', 'leader', 'viewer']) expect(await listPlanTasks(t, planId, user)).toHaveLength(tasks.length);
      const viewer = await as('viewer');
      const id = tasks[0].id;
      await t.http().patch(`/api/tasks/${id}`).set('Authorization', viewer).send({ version: 1, coDepartmentCodes: [] }).expect(403);
      await t.http().post(`/api/tasks/${id}/comments`).set('Authorization', viewer).send({ text: '看看' }).expect(403);
      await t.http().post(`/api/tasks/${id}/accept`).set('Authorization', viewer).send({}).expect(403);
      await t.http().post(`/api/tasks/${id}/urge`).set('Authorization', viewer).send({ message: '快' }).expect(403);
      await t.http().post(`/api/tasks/bulk-assign`).set('Authorization', viewer).send({ items: [] }).expect(403);
      expect((await detail(id, 'viewer')).allowedActions).toEqual([]);
    });

    it('does not let jtt.liaison accept a task led by fgw', async () => {
      const fgwTask = tasks.find((x) => x.leadDepartment?.code === 'fgw' && x.status === 'assigned')!;
      const res = await t.http().post(`/api/tasks/${fgwTask.id}/accept`).set('Authorization', await as('jtt.liaison')).send({}).expect(403);
      expect(res.body.code).toBe('TASK_FORBIDDEN');
      expect((await detail(fgwTask.id)).status).toBe('assigned');
    });
  });

  describe('lifecycle', () => {
    it('assign → accept by the lead department; the timeline and audit log record it', async () => {
      const task = tasks.find((x) => x.leadDepartment?.code === 'jtt')!;
      expect((await detail(task.id, 'jtt.liaison')).allowedActions).toEqual(expect.arrayContaining(['accept', 'return']));
      const res = await t.http().post(`/api/tasks/${task.id}/accept`).set('Authorization', await as('jtt.liaison')).send({}).expect(200);
      expect(res.body).toMatchObject({ status: 'accepted', version: task.version + 1, owner: { displayName: '陈联络员（省交通运输厅）' } });
      const d = await detail(task.id);
      expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'assigned', 'accepted']);
      const [audit] = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'task.accept' AND subject_id = $1`, [task.id]);
      expect([audit.before.status, audit.after.status]).toEqual(['assigned', 'accepted']);
      // Accepting twice is not a valid transition: 409 with the state machine's Chinese message.
      const again = await t.http().post(`/api/tasks/${task.id}/accept`).set('Authorization', await as('jtt.head')).send({}).expect(409);
      expect(again.body.code).toBe('TASK_INVALID_TRANSITION');
      expect(again.body.message).toContain('不能执行“签收”');
      // 退办 only before acceptance.
      const late = await t.http().post(`/api/tasks/${task.id}/return`).set('Authorization', await as('jtt.liaison')).send({ reason: '不归我们' }).expect(409);
      expect(late.body.message).toContain('退办');
    });

    it('return with a reason → draft; the office sees the reason and can assign again', async () => {
      const task = tasks.find((x) => x.leadDepartment?.code === 'fgw')!;
      const res = await t
        .http()
        .post(`/api/tasks/${task.id}/return`)
        .set('Authorization', await as('fgw.head'))
        .send({ reason: '该事项由省交通运输厅主管，建议改由其牵头' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'draft', returnedReason: '该事项由省交通运输厅主管，建议改由其牵头' });
      const drafts = await listPlanTasks(t, planId, 'office', { status: 'draft' });
      expect(drafts.find((x) => x.id === task.id)).toMatchObject({ returnedReason: '该事项由省交通运输厅主管，建议改由其牵头' });
      const d = await detail(task.id);
      expect(d.events.at(-1)).toMatchObject({ kind: 'returned', body: '该事项由省交通运输厅主管，建议改由其牵头', actorName: '郑处长（省发展改革委）' });
      const assigned = await t
        .http()
        .patch(`/api/tasks/${task.id}`)
        .set('Authorization', office)
        .send({ version: d.version, leadDepartmentCode: 'jtt', dispatch: true })
        .expect(200);
      expect(assigned.body).toMatchObject({ status: 'assigned', leadDepartment: { code: 'jtt' }, returnedReason: null });
    });

    it('suspends, resumes to the earlier state, reassigns and cancels — office only, each with a reason', async () => {
      const task = tasks.find((x) => x.leadDepartment?.code === 'fgw' && x.status === 'assigned' && x.id !== tasks[0].id)!;
      const post = (action: string, body: object, user = office) => t.http().post(`/api/tasks/${task.id}/${action}`).set('Authorization', user).send(body);
      await post('suspend', { reason: '等待规划批复' }, await as('fgw.head')).expect(403);
      expect((await post('suspend', { reason: '等待规划批复' }).expect(200)).body.status).toBe('suspended');
      await post('suspend', { reason: '再停' }).expect(409);
      expect((await post('resume', { reason: '规划已批复' }).expect(200)).body.status).toBe('assigned');
      const moved = await post('reassign', { leadDepartmentCode: 'hz', reason: '属地负责' }).expect(200);
      expect(moved.body).toMatchObject({ status: 'assigned', leadDepartment: { code: 'hz' } });
      await t.http().post(`/api/tasks/${task.id}/accept`).set('Authorization', await as('fgw.liaison')).send({}).expect(403);
      const stale = await post('cancel', { reason: '并入其他任务', version: 1 }).expect(409);
      expect(stale.body.code).toBe('TASK_STALE_VERSION');
      expect((await post('cancel', { reason: '并入其他任务' }).expect(200)).body.status).toBe('cancelled');
      const closed = await post('resume', { reason: 'x' }).expect(409);
      expect(closed.body.code).toBe('TASK_INVALID_TRANSITION');
      const kinds = (await detail(task.id)).events.map((e: { kind: string }) => e.kind);
      expect(kinds.slice(-4)).toEqual(['suspended', 'resumed', 'reassigned', 'cancelled']);
    });
  });

  describe('instructions, comments and urging', () => {
    it('a leader instructs, the lead department answers, others may not', async () => {
      const task = tasks.find((x) => x.leadDepartment?.code === 'jtt' && x.status === 'assigned')!;
      await t.http().post(`/api/tasks/${task.id}/instructions`).set('Authorization', office).send({ text: '加快' }).expect(403);
      const made = await t.http().post(`/api/tasks/${task.id}/instructions`).set('Authorization', await as('leader')).send({ text: '请加快推进，月底前报送进展。' }).expect(201);
      expect(made.body).toMatchObject({ text: '请加快推进，月底前报送进展。', author: { displayName: '赵组长' }, answer: null });
      const path = `/api/tasks/${task.id}/instructions/${made.body.id}/answer`;
      await t.http().post(path).set('Authorization', await as('fgw.liaison')).send({ text: '收到' }).expect(403);
      const answered = await t.http().post(path).set('Authorization', await as('jtt.head')).send({ text: '收到，已部署。' }).expect(200);
      expect(answered.body).toMatchObject({ answer: '收到，已部署。', answeredBy: { displayName: '周处长（省交通运输厅）' } });
      await t.http().post(path).set('Authorization', await as('jtt.head')).send({ text: '再答' }).expect(409);
      const d = await detail(task.id, 'jtt.liaison');
      expect(d.instructions).toHaveLength(1);
      expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['instruction', 'instruction_answered']));
    });

    it('anyone who sees the task may comment; a department that does not see it may not', async () => {
      const task = tasks.find((x) => x.coDepartments.some((d) => d.code === 'hz'))!;
      const res = await t.http().post(`/api/tasks/${task.id}/comments`).set('Authorization', await as('hz.liaison')).send({ text: '我市已对接。' }).expect(201);
      expect(res.body).toMatchObject({ kind: 'comment', body: '我市已对接。', actorName: '钱联络员（杭州市）' });
      const outsider = tasks.find((x) => !involves(x, 'hz'))!;
      await t.http().post(`/api/tasks/${outsider.id}/comments`).set('Authorization', await as('hz.liaison')).send({ text: '?' }).expect(403);
    });

    it('urging notifies the lead department’s liaison and head and shows on the timeline', async () => {
      const task = tasks.find((x) => x.leadDepartment?.code === 'jtt' && x.status === 'assigned')!;
      const res = await t.http().post(`/api/tasks/${task.id}/urge`).set('Authorization', await as('reviewer')).send({ message: '请于本周内报送进展。' }).expect(200);
      expect(res.body.notified).toBe(2);
      const rows = await t.dataSource.query(
        `SELECT u.username, n.kind, n.body, n.link FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.link = $1 AND n.event = 'urge' ORDER BY u.username`,
        [`/tasks/${task.id}`],
      );
      expect(rows).toEqual([
        { username: 'jtt.head', kind: 'urge', body: '请于本周内报送进展。', link: `/tasks/${task.id}` },
        { username: 'jtt.liaison', kind: 'urge', body: '请于本周内报送进展。', link: `/tasks/${task.id}` },
      ]);
      expect((await detail(task.id)).events.at(-1)).toMatchObject({ kind: 'urge', body: '请于本周内报送进展。' });
      await t.http().post(`/api/tasks/${task.id}/urge`).set('Authorization', await as('jtt.liaison')).send({ message: 'x' }).expect(403);
    });
  });

  describe('health', () => {
    let healthPlan: string;
    let byCode: Map<string, TaskSummary>;
    let calendarToday: string;

    beforeAll(async () => {
      const plan = await insertPlan(t.dataSource, 'TASKS-HEALTH');
      healthPlan = plan.planId;
      await t.http().post(`/api/plans/${healthPlan}/tasks/generate`).set('Authorization', office).expect(200);
      const drafts = await listPlanTasks(t, healthPlan);
      // Today in Beijing, and dates around it on the working-day calendar (the API's own).
      calendarToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const wd = async (n: number) =>
        (await t.http().get('/api/calendar/working-days').query({ from: calendarToday, n: String(n) }).set('Authorization', office).expect(200)).body.date;
      const yesterday = new Date(Date.parse(calendarToday) - 86_400_000).toISOString().slice(0, 10);
      const start = new Date(Date.parse(calendarToday) - 30 * 86_400_000).toISOString().slice(0, 10);
      const items = [
        { code: '2.1.1', startDate: start, dueDate: yesterday },
        { code: '2.1.2', startDate: start, dueDate: await wd(3) },
        { code: '2.1.3', startDate: start, dueDate: await wd(40) },
        { code: '2.1.4', startDate: start, dueDate: await wd(6) },
      ].map((x) => {
        const task = drafts.find((d) => d.code === x.code)!;
        return { taskId: task.id, version: task.version, leadDepartmentCode: 'jtt', startDate: x.startDate, dueDate: x.dueDate };
      });
      await t.http().post('/api/tasks/bulk-assign').set('Authorization', office).send({ items, dispatch: true }).expect(200);
      // Progress keeps pace with time on the green one (no lag rule firing).
      await t.dataSource.query(`UPDATE task SET progress = 100 WHERE plan_id = $1 AND code IN ('2.1.3', '2.1.4')`, [healthPlan]);
      byCode = new Map((await listPlanTasks(t, healthPlan)).map((x) => [x.code, x]));
    });

    it('is red past the due date and amber within the warning window', async () => {
      const red = await detail(byCode.get('2.1.1')!.id);
      expect(red.health).toBe('red');
      expect(red.healthReasons[0]).toMatch(/^已逾期1天/);
      const amber = await detail(byCode.get('2.1.2')!.id);
      expect(amber.health).toBe('amber');
      expect(amber.healthReasons).toContain(`距截止日期仅剩3个工作日（${amber.dueDate}）`);
      expect((await detail(byCode.get('2.1.3')!.id)).health).toBe('green');
      // Six working days away is just outside the five-day window.
      expect((await detail(byCode.get('2.1.4')!.id)).health).toBe('green');
    });

    it('filters by health and overdue at query time, agreeing with each task’s derived health', async () => {
      const all = await listPlanTasks(t, healthPlan);
      for (const colour of ['red', 'amber', 'green']) {
        const filtered = (await listPlanTasks(t, healthPlan, 'office', { health: colour })).map((x) => x.id).sort();
        expect(filtered).toEqual(all.filter((x) => (x as TaskSummary & { health: string }).health === colour).map((x) => x.id).sort());
      }
      expect((await listPlanTasks(t, healthPlan, 'office', { health: 'red' })).map((x) => x.code)).toEqual(['2.1.1']);
      expect((await listPlanTasks(t, healthPlan, 'office', { overdue: 'true' })).map((x) => x.code)).toEqual(['2.1.1']);
      expect((await listPlanTasks(t, healthPlan, 'office', { health: 'amber,red', sort: 'dueDate' })).map((x) => x.code)).toEqual(['2.1.1', '2.1.2']);
      await t.http().get('/api/tasks').query({ health: 'purple' }).set('Authorization', office).expect(400);
    });

    it('pages with a total and filters by part, section, department and status', async () => {
      const page = await t.http().get('/api/tasks').query({ planId, pageSize: '5', page: '2', sort: 'code' }).set('Authorization', office).expect(200);
      expect(page.body).toMatchObject({ total: tasks.length, page: 2, pageSize: 5 });
      expect(page.body.items).toHaveLength(5);
      const beyond = await t.http().get('/api/tasks').query({ planId, pageSize: '50', page: '9' }).set('Authorization', office).expect(200);
      expect(beyond.body).toMatchObject({ total: tasks.length, items: [] });
      expect((await listPlanTasks(t, planId, 'office', { sectionCode: '2.2' })).every((x) => x.code.startsWith('2.2.'))).toBe(true);
      expect(await listPlanTasks(t, planId, 'office', { partCode: '3' })).toHaveLength(2);
      const hz = await listPlanTasks(t, planId, 'office', { department: 'hz' });
      expect(hz.every((x) => involves(x, 'hz'))).toBe(true);
      await t.http().get('/api/tasks').query({ pageSize: '101' }).set('Authorization', office).expect(400);
      await t.http().get('/api/tasks').query({ department: 'ghost' }).set('Authorization', office).expect(400);
    });
  });
});
