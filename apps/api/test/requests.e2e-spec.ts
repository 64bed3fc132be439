import { QueueFactory } from '@luoshi/server/platform';
import { REMINDERS_QUEUE } from '@luoshi/server/reminders';
import { acceptTask, act, approveAll, count, isoDaysFromToday, officeTask, PDF, useTemporaryUploadDir, withDraftTasks } from './approvals-fixture';
import type { TaskSummary } from './tasks-fixture';
import type { TestApp } from './test-app';

describe('Requests about a task: extension and completion', () => {
  let t: TestApp;
  let drafts: TaskSummary[];
  const uploads = useTemporaryUploadDir();
  const as = (user: string) => t.login(user);
  const reminders = (taskId: string, status: string) =>
    t.dataSource.query(`SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM reminder WHERE subject_type = 'task' AND subject_id = $1 AND status = $2`, [
      taskId,
      status,
    ]) as Promise<{ id: string; deadline: string }[]>;

  withDraftTasks('REPORTS-REQUESTS', uploads, (app, tasks) => {
    [t, drafts] = [app, tasks];
  });

  it('moves the deadline and its reminders when an extension is approved (dept head → reviewer → office admin)', async () => {
    const [due, later, earlier] = [isoDaysFromToday(120), isoDaysFromToday(210), isoDaysFromToday(60)];
    const taskId = await acceptTask(t, drafts[0], { lead: 'jtt', dueDate: due });
    const old = await reminders(taskId, 'scheduled');
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((r) => r.deadline === due)).toBe(true);
    const queue = t.app.get(QueueFactory).queue(REMINDERS_QUEUE);
    expect(await queue.getJob(old[0].id)).toBeDefined();

    const liaison = await as('jtt.liaison');
    const bad = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', liaison).send({ kind: 'extension_request', reason: '提前？', payload: { newDueDate: earlier } }).expect(400);
    expect(bad.body.code).toBe('EXTENSION_BAD_DATE');
    const res = await t
      .http()
      .post(`/api/tasks/${taskId}/requests`)
      .set('Authorization', liaison)
      .send({ kind: 'extension_request', reason: '征地拆迁受汛期影响，需延期一个季度', payload: { newDueDate: later } })
      .expect(201);
    expect(res.body).toMatchObject({ kind: 'extension_request', status: 'in_approval', payload: { newDueDate: later }, changes: [{ field: 'dueDate', from: due, to: later }] });
    const twice = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', liaison).send({ kind: 'extension_request', reason: '再延', payload: { newDueDate: isoDaysFromToday(300) } }).expect(409);
    expect(twice.body.code).toBe('REQUEST_OPEN_EXISTS');

    const chain = await approveAll(t, res.body.approvalId, ['jtt.head', 'reviewer']);
    expect(chain).toMatchObject({ status: 'in_progress', currentStep: { key: 'office_admin' } });
    expect((await officeTask(t, taskId)).dueDate).toBe(due);
    const done = await approveAll(t, res.body.approvalId, ['office']);
    expect(done.status).toBe('approved');

    expect(await officeTask(t, taskId)).toMatchObject({ dueDate: later });
    const cancelled = await reminders(taskId, 'cancelled');
    expect(cancelled.map((r) => r.id).sort()).toEqual(old.map((r) => r.id).sort());
    const fresh = await reminders(taskId, 'scheduled');
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((r) => r.deadline === later)).toBe(true);
    // The queue follows the rows after the commit: old jobs removed, new ones delayed until their time.
    expect(await queue.getJob(old[0].id)).toBeUndefined();
    expect(await queue.getJob(fresh[0].id)).toBeDefined();
    const ext = await t.http().get(`/api/requests/${res.body.id}`).set('Authorization', liaison).expect(200);
    expect(ext.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    const [audit] = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'task.extend' AND subject_id = $1`, [taskId]);
    expect([audit.before.dueDate, audit.after.dueDate]).toEqual([due, later]);
  });

  it('leaves the deadline alone when an extension is rejected', async () => {
    const due = isoDaysFromToday(120);
    const taskId = await acceptTask(t, drafts[1], { lead: 'jtt', dueDate: due });
    const res = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', await as('jtt.liaison')).send({ kind: 'extension_request', reason: '工作量大', payload: { newDueDate: isoDaysFromToday(400) } }).expect(201);
    await approveAll(t, res.body.approvalId, ['jtt.head']);
    const rejected = await act(t, res.body.approvalId, 'reviewer', { type: 'reject', comment: '理由不充分' });
    expect([rejected.status, rejected.body.status]).toEqual([200, 'rejected']);
    expect((await officeTask(t, taskId)).dueDate).toBe(due);
    expect((await reminders(taskId, 'scheduled')).every((r) => r.deadline === due)).toBe(true);
    expect((await t.http().get(`/api/requests/${res.body.id}`).set('Authorization', await as('office')).expect(200)).body.status).toBe('rejected');
  });

  it('refuses a completion request without evidence (400, nothing stored), and completes the task after the chain with evidence', async () => {
    const taskId = await acceptTask(t, drafts[2], { lead: 'jtt', inProgress: true });
    const liaison = await as('jtt.liaison');
    const requestsBefore = await count(t, `task_request`);
    const instancesBefore = await count(t, `approval_instance`);
    const none = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', liaison).send({ kind: 'completion_request', reason: '已全部完成', payload: { evidenceIds: [] } }).expect(400);
    expect(none.body.code).toBe('COMPLETION_EVIDENCE_REQUIRED');
    expect(none.body.message).toContain('佐证材料');
    expect([await count(t, `task_request`), await count(t, `approval_instance`)]).toEqual([requestsBefore, instancesBefore]);
    expect((await officeTask(t, taskId)).status).toBe('in_progress');

    const evidence = await t.http().post('/api/evidence').query({ ownerType: 'task', ownerId: taskId }).set('Authorization', liaison).attach('file', PDF, '竣工验收报告.pdf').expect(201);
    // Someone else's evidence cannot be cited.
    const foreign = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', liaison).send({ kind: 'completion_request', reason: 'x', payload: { evidenceIds: [taskId] } }).expect(400);
    expect(foreign.body.code).toBe('COMPLETION_BAD_EVIDENCE');

    const res = await t
      .http()
      .post(`/api/tasks/${taskId}/requests`)
      .set('Authorization', liaison)
      .send({ kind: 'completion_request', reason: '项目已竣工验收，申请办结', payload: { evidenceIds: [evidence.body.id, evidence.body.id] } })
      .expect(201);
    // The file cited twice is one piece of evidence.
    expect(res.body).toMatchObject({ status: 'in_approval', evidence: [{ id: evidence.body.id, fileName: '竣工验收报告.pdf' }] });
    expect((await officeTask(t, taskId)).status).toBe('completion_requested');
    const done = await approveAll(t, res.body.approvalId, ['jtt.head', 'reviewer']);
    expect(done.status).toBe('approved');
    expect(await officeTask(t, taskId)).toMatchObject({ status: 'completed', progress: 100 });
    expect(await reminders(taskId, 'scheduled')).toHaveLength(0);
    const events = (await officeTask(t, taskId)).events.map((e: { kind: string; data: { to?: string } }) => [e.kind, e.data.to]);
    expect(events.slice(-2)).toEqual([
      ['status_changed', 'completion_requested'],
      ['status_changed', 'completed'],
    ]);
  });

  it('puts the task back in progress when a completion request is returned', async () => {
    const taskId = await acceptTask(t, drafts[3], { lead: 'jtt', inProgress: true });
    const liaison = await as('jtt.liaison');
    const evidence = await t.http().post('/api/evidence').query({ ownerType: 'task', ownerId: taskId }).set('Authorization', liaison).attach('file', PDF, '验收.pdf').expect(201);
    const res = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', liaison).send({ kind: 'completion_request', reason: '完成', payload: { evidenceIds: [evidence.body.id] } }).expect(201);
    const returned = await act(t, res.body.approvalId, 'jtt.head', { type: 'return', comment: '验收材料不全' });
    expect(returned.status).toBe(200);
    expect((await officeTask(t, taskId)).status).toBe('in_progress');
    const request = await t.http().get(`/api/requests/${res.body.id}`).set('Authorization', liaison).expect(200);
    expect(request.body).toMatchObject({ status: 'returned', returnComment: '验收材料不全' });
  });

  it('lets only the lead department ask', async () => {
    const taskId = await acceptTask(t, drafts[4], { lead: 'jtt', co: ['fgw'] });
    const res = await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', await as('fgw.liaison')).send({ kind: 'extension_request', reason: 'x', payload: { newDueDate: isoDaysFromToday(500) } }).expect(403);
    expect(res.body.code).toBe('REQUEST_FORBIDDEN');
    await t.http().post(`/api/tasks/${taskId}/requests`).set('Authorization', await as('reviewer')).send({ kind: 'extension_request', reason: 'x', payload: { newDueDate: isoDaysFromToday(500) } }).expect(403);
  });
});
