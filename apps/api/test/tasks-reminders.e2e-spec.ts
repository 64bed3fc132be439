import { QueueFactory } from '@luoshi/server/platform';
import { REMINDERS_QUEUE } from '@luoshi/server/reminders';
import { insertPlan, listPlanTasks } from './tasks-fixture';
import { useTestApp } from './test-app';

describe('Tasks and their reminders', () => {
  const t = useTestApp();
  let office: string;
  const scheduled = (taskId: string) =>
    t.dataSource.query(`SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM reminder WHERE subject_id = $1 AND status = 'scheduled'`, [taskId]);

  beforeAll(async () => {
    office = await t.login('office');
  });

  it('plans reminders when a task is assigned, moves them with the deadline, and drops them on cancel', async () => {
    const plan = await insertPlan(t.dataSource, 'REM');
    await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office).expect(200);
    const [task] = await listPlanTasks(t, plan.planId);
    const assigned = await t
      .http()
      .patch(`/api/tasks/${task.id}`)
      .set('Authorization', office)
      .send({ version: task.version, leadDepartmentCode: 'jtt', dueDate: '2027-09-30', reportingCycle: 'quarterly', dispatch: true })
      .expect(200);
    const first = await scheduled(task.id);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((r: { deadline: string }) => r.deadline === '2027-09-30')).toBe(true);
    const queue = t.app.get(QueueFactory).queue(REMINDERS_QUEUE);
    expect(await queue.getJob(first[0].id)).toBeDefined();

    await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: assigned.body.version, dueDate: '2027-12-31' }).expect(200);
    const moved = await scheduled(task.id);
    expect(moved.every((r: { deadline: string }) => r.deadline === '2027-12-31')).toBe(true);
    expect(await queue.getJob(first[0].id)).toBeUndefined();

    const current = (await listPlanTasks(t, plan.planId)).find((x) => x.id === task.id)!;
    await t.http().post(`/api/tasks/${task.id}/cancel`).set('Authorization', office).send({ version: current.version, reason: '并入其他任务' }).expect(200);
    expect(await scheduled(task.id)).toHaveLength(0);
  });

  it('delivers an urge (催办) to the lead department through the notification channels', async () => {
    const plan = await insertPlan(t.dataSource, 'URG');
    await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office).expect(200);
    const [task] = await listPlanTasks(t, plan.planId);
    await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: task.version, leadDepartmentCode: 'hz', dueDate: '2027-09-30', dispatch: true }).expect(200);
    const res = await t.http().post(`/api/tasks/${task.id}/urge`).set('Authorization', office).send({ message: '请本周内报送进展' }).expect(200);
    expect(res.body.notified).toBe(2);
    const inbox = await t.http().get('/api/notifications').set('Authorization', await t.login('hz.head')).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'urge', body: '请本周内报送进展', subjectId: task.id });
  });
});
