import { QueueFactory } from '@luoshi/server/platform';
import { REMINDERS_QUEUE } from '@luoshi/server/reminders';
import { acceptTask, act, approveAll, count, draftTasks, isoDaysFromToday, officeTask } from './approvals-fixture';
import type { TaskSummary } from './tasks-fixture';
import { useTestApp } from './test-app';

/** 任务变更申请: the kind added on the request extension point, with a template of its own. */
describe('Requests about a task: change request (任务变更申请)', () => {
  const t = useTestApp();
  let drafts: TaskSummary[];
  const as = (user: string) => t.login(user);
  const departmentId = async (code: string): Promise<string> => (await t.dataSource.query(`SELECT id FROM department WHERE code = $1`, [code]))[0].id;
  const reminders = (taskId: string, status: string) =>
    t.dataSource.query(`SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM reminder WHERE subject_type = 'task' AND subject_id = $1 AND status = $2`, [
      taskId,
      status,
    ]) as Promise<{ id: string; deadline: string }[]>;
  const file = async (taskId: string, user: string, reason: string, payload: Record<string, unknown>) =>
    t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', await as(user)).send({ kind: 'change_request', reason, payload });

  beforeAll(async () => {
    drafts = await draftTasks(t, 'REQUESTS-CHANGE');
  });

  it('applies the change after dept head → office reviewer → leader, re-plans the reminders and keeps the history', async () => {
    const [due, later] = [isoDaysFromToday(120), isoDaysFromToday(240)];
    const taskId = await acceptTask(t, drafts[0], { lead: 'jtt', co: ['fgw'], dueDate: due });
    const before = await officeTask(t, taskId);
    const old = await reminders(taskId, 'scheduled');
    expect(old.length).toBeGreaterThan(0);
    const [fgw, hz] = [await departmentId('fgw'), await departmentId('hz')];

    const res = await file(taskId, 'jtt.liaison', '省级统筹调整，需杭州市配合并顺延', { coDepartmentIds: [fgw, hz], dueDate: later, title: `${before.title}（调整）` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'change_request', status: 'in_approval', reason: '省级统筹调整，需杭州市配合并顺延' });
    expect(res.body.changes.map((c: { field: string }) => c.field)).toEqual(['title', 'coDepartments', 'dueDate']);
    expect(res.body.changes.find((c: { field: string }) => c.field === 'dueDate')).toEqual({ field: 'dueDate', from: due, to: later });

    // Its own template: three steps, the last one a leader's.
    const chain = await approveAll(t, res.body.approvalId, ['jtt.head', 'reviewer']);
    expect(chain).toMatchObject({ status: 'in_progress', currentStep: { key: 'leader' } });
    expect((await officeTask(t, taskId)).dueDate).toBe(due);
    expect((await approveAll(t, res.body.approvalId, ['leader'])).status).toBe('approved');

    const after = await officeTask(t, taskId);
    expect(after).toMatchObject({ dueDate: later, title: `${before.title}（调整）`, status: before.status });
    expect(after.coDepartments.map((d: { id: string }) => d.id).sort()).toEqual([fgw, hz].sort());
    // Reminders follow the new deadline, rows and queue alike.
    const fresh = await reminders(taskId, 'scheduled');
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((r) => r.deadline === later)).toBe(true);
    expect((await reminders(taskId, 'cancelled')).map((r) => r.id).sort()).toEqual(old.map((r) => r.id).sort());
    const queue = t.app.get(QueueFactory).queue(REMINDERS_QUEUE);
    expect(await queue.getJob(old[0].id)).toBeUndefined();
    expect(await queue.getJob(fresh[0].id)).toBeDefined();
    // History: the timeline entry, the audit record and the request's applied changes.
    const entry = after.events.find((e: { data: { source?: string } }) => e.data.source === 'change_request');
    expect(entry).toMatchObject({ kind: 'updated', data: { changeRequestId: res.body.id } });
    expect(entry.body).toContain(`完成时限 ${due} → ${later}`);
    const [audit] = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'task.change' AND subject_id = $1`, [taskId]);
    expect([audit.before.dueDate, audit.after.dueDate, audit.after.changeRequestId]).toEqual([due, later, res.body.id]);
    const stored = await t.http().get(`/api/requests/${res.body.id}`).set('Authorization', await as('jtt.liaison')).expect(200);
    expect(stored.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    // The new co-department is told (notification matrix: co_assigned).
    const [told] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = 'hz.liaison' AND n.subject_id = $1`,
      [taskId],
    );
    expect(told.n).toBeGreaterThan(0);
  });

  it('leaves the task alone when the change is returned, and lets the lead file again', async () => {
    const due = isoDaysFromToday(150);
    const taskId = await acceptTask(t, drafts[1], { lead: 'jtt', dueDate: due });
    const res = await file(taskId, 'jtt.liaison', '需要顺延', { dueDate: isoDaysFromToday(300) });
    expect(res.status).toBe(201);
    const returned = await act(t, res.body.approvalId, 'jtt.head', { type: 'return', comment: '请补充顺延依据' });
    expect(returned.status).toBe(200);
    expect((await officeTask(t, taskId)).dueDate).toBe(due);
    expect((await reminders(taskId, 'scheduled')).every((r) => r.deadline === due)).toBe(true);
    const stored = await t.http().get(`/api/requests/${res.body.id}`).set('Authorization', await as('jtt.liaison')).expect(200);
    expect(stored.body).toMatchObject({ status: 'returned', returnComment: '请补充顺延依据' });
    expect((await file(taskId, 'jtt.liaison', '补充依据后再次申请', { dueDate: isoDaysFromToday(300) })).status).toBe(201);
  });

  it('leaves the task alone when the leader rejects the change', async () => {
    const due = isoDaysFromToday(160);
    const taskId = await acceptTask(t, drafts[2], { lead: 'jtt', dueDate: due });
    const res = await file(taskId, 'jtt.liaison', '调整牵头单位', { leadDepartmentId: await departmentId('fgw') });
    await approveAll(t, res.body.approvalId, ['jtt.head', 'reviewer']);
    const rejected = await act(t, res.body.approvalId, 'leader', { type: 'reject', comment: '不同意调整' });
    expect([rejected.status, rejected.body.status]).toEqual([200, 'rejected']);
    expect(await officeTask(t, taskId)).toMatchObject({ dueDate: due, leadDepartment: { code: 'jtt' } });
    expect((await t.http().get(`/api/requests/${res.body.id}`).set('Authorization', await as('office')).expect(200)).body.status).toBe('rejected');
  });

  it('reassigns the task when the lead department changes (改派: back to assigned, owner cleared)', async () => {
    const taskId = await acceptTask(t, drafts[3], { lead: 'jtt' });
    expect((await officeTask(t, taskId)).status).toBe('accepted');
    const res = await file(taskId, 'jtt.liaison', '该事项职能已划转发改委', { leadDepartmentId: await departmentId('fgw') });
    expect(res.body.changes).toEqual([expect.objectContaining({ field: 'leadDepartment', to: expect.stringContaining('发') })]);
    await approveAll(t, res.body.approvalId, ['jtt.head', 'reviewer', 'leader']);
    expect(await officeTask(t, taskId)).toMatchObject({ status: 'assigned', leadDepartment: { code: 'fgw' }, owner: null });
  });

  it('refuses a change that changes nothing, unknown departments, stray fields and other departments (4xx, nothing stored)', async () => {
    const due = isoDaysFromToday(170);
    const taskId = await acceptTask(t, drafts[4], { lead: 'jtt', co: ['fgw'], dueDate: due });
    const requests = await count(t, 'task_request');
    const instances = await count(t, 'approval_instance');
    const same = await file(taskId, 'jtt.liaison', '无变化', { dueDate: due });
    expect([same.status, same.body.code]).toEqual([400, 'REQUEST_NO_CHANGE']);
    const unknown = await file(taskId, 'jtt.liaison', '换单位', { leadDepartmentId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'REQUEST_BAD_DEPARTMENT']);
    const stray = await file(taskId, 'jtt.liaison', '多余字段', { dueDate: isoDaysFromToday(200), status: 'completed' });
    expect([stray.status, stray.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const past = await file(taskId, 'jtt.liaison', '提前', { dueDate: isoDaysFromToday(-10) });
    expect([past.status, past.body.code]).toEqual([400, 'REQUEST_BAD_DATE']);
    const coDepartment = await file(taskId, 'fgw.liaison', '配合单位不能申请', { dueDate: isoDaysFromToday(200) });
    expect([coDepartment.status, coDepartment.body.code]).toEqual([403, 'REQUEST_FORBIDDEN']);
    const unknownKind = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', await as('jtt.liaison')).send({ kind: 'delete_task', reason: 'x', payload: {} });
    expect([unknownKind.status, unknownKind.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect([await count(t, 'task_request'), await count(t, 'approval_instance')]).toEqual([requests, instances]);
  });
});
