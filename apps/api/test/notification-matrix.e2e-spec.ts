import ExcelJS from 'exceljs';
import { NOTIFICATION_MATRIX, type NotificationEvent } from '@luoshi/server/notifications';
import { ReminderDeliveryWorker } from '@luoshi/server/reminders';
import { acceptTask, act, approveAll, draftTasks, isoDaysFromToday, openReport } from './approvals-fixture';
import type { TaskSummary } from './tasks-fixture';
import { binaryBody, startTestApp, type TestApp } from './test-app';

/** One test per row of the notification matrix: the recipients get the notice, others do not. */
describe('Notification matrix', () => {
  let t: TestApp;
  let drafts: TaskSummary[];
  let next = 0;
  const covered = new Set<NotificationEvent>();
  const as = (user: string) => t.login(user);
  const draft = () => drafts[next++];
  /** Users (by username) holding a notification of this event about this subject. */
  const told = async (event: NotificationEvent, subjectId: string, kind?: string): Promise<string[]> => {
    covered.add(event);
    const rows: { username: string }[] = await t.dataSource.query(
      `SELECT DISTINCT u.username FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.event = $1 AND n.subject_id = $2 AND ($3::text IS NULL OR n.kind = $3) ORDER BY 1`,
      [event, subjectId, kind ?? null],
    );
    return rows.map((r) => r.username);
  };
  /** Assigned (交办) but not yet accepted: the office may still edit the deadline. */
  const assign = async (task: TaskSummary, lead: string, co: string[] = []) => {
    await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', await as('office')).send({ version: task.version, leadDepartmentCode: lead, coDepartmentCodes: co, dueDate: isoDaysFromToday(200), dispatch: true }).expect(200);
    return task.id;
  };
  const version = async (taskId: string) => (await t.http().get(`/api/tasks/${taskId}`).set('Authorization', await as('office')).expect(200)).body.version as number;

  beforeAll(async () => {
    t = await startTestApp();
    drafts = await draftTasks(t, 'NOTICE-MATRIX');
  });
  afterAll(async () => {
    // Every row of the matrix was proven by a test below.
    expect([...covered].sort()).toEqual(Object.keys(NOTIFICATION_MATRIX).sort());
    await t.close();
  });

  it('交办: the lead department is told (task_assigned), the co-departments too (task_co_assigned), nobody else', async () => {
    const task = draft();
    await t
      .http()
      .patch(`/api/tasks/${task.id}`)
      .set('Authorization', await as('office'))
      .send({ version: task.version, leadDepartmentCode: 'jtt', coDepartmentCodes: ['fgw'], dueDate: isoDaysFromToday(200), dispatch: true })
      .expect(200);
    expect(await told('task_assigned', task.id)).toEqual(['jtt.head', 'jtt.liaison']);
    expect(await told('task_co_assigned', task.id)).toEqual(['fgw.head', 'fgw.liaison']);
    // Adding a co-department later tells only the new one.
    await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', await as('office')).send({ version: await version(task.id), coDepartmentCodes: ['fgw', 'hz'] }).expect(200);
    expect(await told('task_co_assigned', task.id)).toEqual(['fgw.head', 'fgw.liaison', 'hz.head', 'hz.liaison']);
  });

  it('deadline changed by an edit: lead and co-departments are told (deadline_changed)', async () => {
    const taskId = await assign(draft(), 'jtt', ['hz']);
    expect(await told('deadline_changed', taskId)).toEqual([]);
    await t.http().patch(`/api/tasks/${taskId}`).set('Authorization', await as('office')).send({ version: await version(taskId), dueDate: isoDaysFromToday(300) }).expect(200);
    expect(await told('deadline_changed', taskId)).toEqual(['hz.head', 'hz.liaison', 'jtt.head', 'jtt.liaison']);
  });

  it('deadline changed by the Excel import: the lead department is told', async () => {
    const task = draft();
    const taskId = await assign(task, 'fgw');
    const office = await as('office');
    const exported = await t.http().get('/api/tasks/export.xlsx').query({ planId: (await t.dataSource.query(`SELECT plan_id FROM task WHERE id = $1`, [taskId]))[0].plan_id }).set('Authorization', office).buffer(true).parse(binaryBody).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.body);
    const ws = wb.getWorksheet('任务台账')!;
    let row: ExcelJS.Row | undefined;
    for (let r = 3; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === task.code) row = ws.getRow(r);
    row!.getCell(6).value = isoDaysFromToday(400);
    const res = await t.http().post('/api/tasks/import-assignments').query({ dryRun: 'false' }).set('Authorization', office).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), '任务台账.xlsx');
    expect([res.status, res.body.changedRows]).toEqual([200, 1]);
    expect(await told('deadline_changed', taskId)).toEqual(['fgw.head', 'fgw.liaison']);
  });

  it('an extension request: approvers are told (approval_pending); approved, the deadline moves (deadline_changed) and the submitter hears the decision (request_decided)', async () => {
    const taskId = await acceptTask(t, draft(), { lead: 'jtt' });
    const res = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', await as('jtt.liaison')).send({ kind: 'extension_request', reason: '受汛期影响', payload: { newDueDate: isoDaysFromToday(500) } }).expect(201);
    expect(await told('approval_pending', res.body.approvalId)).toEqual(['jtt.head']);
    await act(t, res.body.approvalId, 'jtt.head', { type: 'comment', comment: '请补充材料' }).then((r) => expect(r.status).toBe(200));
    expect(await told('approval_activity', res.body.approvalId)).toContain('jtt.liaison');
    expect((await approveAll(t, res.body.approvalId, ['jtt.head', 'reviewer', 'office'])).status).toBe('approved');
    expect(await told('deadline_changed', taskId)).toEqual(['jtt.head', 'jtt.liaison']);
    expect(await told('request_decided', res.body.approvalId, 'approval_approved')).toEqual(['jtt.liaison']);
  });

  it('a request returned or rejected: the submitter is told (request_decided)', async () => {
    const taskId = await acceptTask(t, draft(), { lead: 'hz' });
    const first = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', await as('hz.liaison')).send({ kind: 'extension_request', reason: '工作量大', payload: { newDueDate: isoDaysFromToday(450) } }).expect(201);
    expect((await act(t, first.body.approvalId, 'hz.head', { type: 'reject', comment: '理由不足' })).status).toBe(200);
    expect(await told('request_decided', first.body.approvalId, 'approval_rejected')).toEqual(['hz.liaison']);
    const second = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', await as('hz.liaison')).send({ kind: 'extension_request', reason: '工作量大', payload: { newDueDate: isoDaysFromToday(460) } }).expect(201);
    expect((await act(t, second.body.approvalId, 'hz.head', { type: 'return', comment: '请补充依据' })).status).toBe(200);
    expect(await told('request_decided', second.body.approvalId, 'approval_returned')).toEqual(['hz.liaison']);
  });

  it('退办: the office is told (task_returned); assigned again, the lead department hears 重新交办 (task_resubmitted); the office home counts it as 已退办', async () => {
    const task = draft();
    await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', await as('office')).send({ version: task.version, leadDepartmentCode: 'hz', dueDate: isoDaysFromToday(200), dispatch: true }).expect(200);
    await t.http().post(`/api/tasks/${task.id}/return`).set('Authorization', await as('hz.liaison')).send({ reason: '不属于本单位职责' }).expect(200);
    expect(await told('task_returned', task.id)).toEqual(['office', 'reviewer']);
    const office = await as('office');
    const returned = await t.http().get('/api/tasks').query({ scope: 'all', status: 'draft', returned: 'true', pageSize: '100' }).set('Authorization', office).expect(200);
    expect(returned.body.items.map((x: { id: string }) => x.id)).toContain(task.id);
    const drafted = await t.http().get('/api/tasks').query({ scope: 'all', status: 'draft', returned: 'false', pageSize: '100' }).set('Authorization', office).expect(200);
    expect(drafted.body.items.map((x: { id: string }) => x.id)).not.toContain(task.id);
    await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: await version(task.id), leadDepartmentCode: 'jtt', dispatch: true }).expect(200);
    expect(await told('task_resubmitted', task.id)).toEqual(['jtt.head', 'jtt.liaison']);
  });

  it('批示: the lead department is told (instruction_given); the answer goes to the leader (instruction_answered)', async () => {
    const taskId = await acceptTask(t, draft(), { lead: 'fgw' });
    const given = await t.http().post(`/api/tasks/${taskId}/instructions`).set('Authorization', await as('leader')).send({ text: '抓紧推进' }).expect(201);
    expect(await told('instruction_given', taskId)).toEqual(['fgw.head', 'fgw.liaison']);
    await t.http().post(`/api/tasks/${taskId}/instructions/${given.body.id}/answer`).set('Authorization', await as('fgw.liaison')).send({ text: '已部署' }).expect(200);
    expect(await told('instruction_answered', taskId)).toEqual(['leader']);
  });

  it('催办: the lead department is told (urge)', async () => {
    const taskId = await acceptTask(t, draft(), { lead: 'hz' });
    await t.http().post(`/api/tasks/${taskId}/urge`).set('Authorization', await as('office')).send({ message: '请尽快填报' }).expect(200);
    expect(await told('urge', taskId)).toEqual(['hz.head', 'hz.liaison']);
  });

  it('reminders: due, overdue and escalation reach their rule recipients (reminder, overdue, escalation)', async () => {
    const taskId = await acceptTask(t, draft(), { lead: 'jtt' });
    const worker = t.app.get(ReminderDeliveryWorker);
    for (const [level, recipients] of [['due', ['lead_liaison']], ['overdue', ['lead_liaison', 'lead_head']], ['escalation', ['office']]] as const) {
      const [r] = await t.dataSource.query(
        `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
         VALUES ('task', $1, '2027-06-30', $2, now(), $3, $4, '矩阵测试') RETURNING id`,
        [taskId, `matrix:${level}`, level, recipients],
      );
      expect(await worker.handleDeliverReminder({ reminderId: r.id })).toMatch(/^delivered/);
    }
    expect(await told('reminder', taskId)).toEqual(['jtt.liaison']);
    expect(await told('overdue', taskId)).toEqual(['jtt.head', 'jtt.liaison']);
    expect(await told('escalation', taskId)).toEqual(['office', 'reviewer']);
  });

  it('special action plan due: the lead department of each drafting task is told (special_plan_due)', async () => {
    const [node] = await t.dataSource.query(`SELECT n.id, n.plan_id FROM plan_node n JOIN task x ON x.measure_node_id = n.id WHERE x.id = $1`, [drafts[0].id]);
    await t.dataSource.query(
      `INSERT INTO plan_duty (plan_id, node_id, deliverable, kind, lead_department_id, lead_name, source_sentence)
       VALUES ($1, $2, '港口协同专项行动计划', 'special_action_plan', (SELECT id FROM department WHERE code = 'hz'), '杭州市', '杭州市牵头制定港口协同专项行动计划。')`,
      [node.plan_id, node.id],
    );
    await t.http().post('/api/special-action-plans/generate').query({ planId: node.plan_id }).set('Authorization', await as('office')).expect(200);
    const [sapTask] = await t.dataSource.query(`SELECT task_id FROM special_action_plan WHERE deliverable = '港口协同专项行动计划'`);
    expect(await told('special_plan_due', sapTask.task_id)).toEqual(['hz.head', 'hz.liaison']);
  });

  it('a co-department contribution to a progress report: the lead liaisons are told (report_contribution)', async () => {
    const taskId = await acceptTask(t, draft(), { lead: 'jtt', co: ['fgw'] });
    const reportId = (await openReport(t, taskId)).id;
    await t.http().post(`/api/reports/${reportId}/contributions`).set('Authorization', await as('fgw.liaison')).send({ content: '配合完成港口数据对接' }).expect(200);
    expect(await told('report_contribution', reportId)).toEqual(['jtt.liaison']);
  });
});
