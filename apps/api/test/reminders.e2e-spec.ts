import { computeReminderSchedule, DEFAULT_REMINDER_RULE, toShanghaiLocal } from '@luoshi/domain/reminder-schedule';
import { CalendarService } from '@luoshi/server/calendar';
import { JOB_CATALOGUE, QueueFactory } from '@luoshi/server/platform';
import { REMINDERS_QUEUE, ReminderDeliveryWorker, ReminderPlanner } from '@luoshi/server/reminders';
import { importFixturePlan, insertTask, waitFor } from './fixtures';
import { useTestApp } from './test-app';

describe('Reminders', () => {
  const t = useTestApp();
  let planner: ReminderPlanner;
  let worker: ReminderDeliveryWorker;
  let fixture: { planId: string; measureIds: string[] };
  let code = 0;
  const newTask = (dueDate: string | null, leadCode = 'jtt') =>
    insertTask(t, { planId: fixture.planId, measureId: fixture.measureIds[0], code: `R${++code}`, leadCode, dueDate });
  const replan = (taskId: string, now: Date) => t.dataSource.transaction((m) => planner.replanTask(m, taskId, now));
  const rowsOf = (taskId: string) =>
    t.dataSource.query(`SELECT id, key, fire_at, status, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM reminder WHERE subject_id = $1 ORDER BY fire_at`, [taskId]);

  beforeAll(async () => {
    planner = t.app.get(ReminderPlanner);
    worker = t.app.get(ReminderDeliveryWorker);
    fixture = await importFixturePlan(t);
  });

  it('gives a task due in N working days exactly the reminders its rule implies, on working days, outside quiet hours', async () => {
    const calendar = await t.app.get(CalendarService).calendar();
    const now = new Date('2026-09-21T02:00:00Z'); // Monday 10:00 in Beijing
    const dueDate = calendar.addWorkingDays('2026-09-21', 8); // across 中秋 and 国庆 2026
    const taskId = await newTask(dueDate);
    await replan(taskId, now);
    const rows = await rowsOf(taskId);
    const expected = computeReminderSchedule({ deadline: dueDate, rule: DEFAULT_REMINDER_RULE, calendar, now });
    expect(rows.map((r: { key: string }) => r.key).sort()).toEqual(expected.map((e) => e.key).sort());
    expect(rows).toHaveLength(DEFAULT_REMINDER_RULE.offsets.length + DEFAULT_REMINDER_RULE.escalation.length);
    for (const row of rows) {
      const local = toShanghaiLocal(new Date(row.fire_at));
      expect(calendar.isWorkingDay(local.date)).toBe(true);
      expect(local.minutes >= 8 * 60 && local.minutes < 20 * 60).toBe(true);
    }
    const fireTimes = rows.map((r: { fire_at: Date }) => new Date(r.fire_at).getTime());
    expect(fireTimes.map((ms: number) => expected.some((e) => e.fireAt.getTime() === ms))).not.toContain(false);
  });

  it('reminds nobody of the old date when the deadline moves', async () => {
    const now = new Date();
    const taskId = await newTask('2027-03-31');
    const first = await replan(taskId, now);
    await planner.applyToQueue(first);
    const queue = t.app.get(QueueFactory).queue(REMINDERS_QUEUE);
    expect(await queue.getJob(first.scheduled[0].id)).toBeDefined();

    await t.dataSource.query(`UPDATE task SET due_date = '2027-05-31' WHERE id = $1`, [taskId]);
    const second = await replan(taskId, now);
    await planner.applyToQueue(second);
    expect(second.cancelled.sort()).toEqual(first.scheduled.map((s) => s.id).sort());
    for (const old of first.scheduled) {
      expect(await queue.getJob(old.id)).toBeUndefined();
      // Even a stale job that escaped removal finds its row cancelled and delivers nothing for it.
      await worker.handleDeliverReminder({ reminderId: old.id });
      const [row] = await t.dataSource.query(`SELECT status FROM reminder WHERE id = $1`, [old.id]);
      expect(row.status).toBe('cancelled');
      expect(await t.dataSource.query(`SELECT 1 FROM notification WHERE reminder_id = $1`, [old.id])).toHaveLength(0);
    }
    const rows = await rowsOf(taskId);
    expect(rows.filter((r: { status: string }) => r.status === 'scheduled').every((r: { deadline: string }) => r.deadline === '2027-05-31')).toBe(true);
    expect(await t.dataSource.query(`SELECT 1 FROM notification WHERE subject_id = $1`, [taskId])).toHaveLength(0);
  });

  it('delivers a job processed twice (or ten times at once) exactly once', async () => {
    const taskId = await newTask('2027-06-30');
    const [reminder] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       VALUES ('task', $1, '2027-06-30', 'offset:0', now(), 'due', ARRAY['lead_liaison','lead_head'], '测试') RETURNING id`,
      [taskId],
    );
    const results = await Promise.all(Array.from({ length: 10 }, () => worker.handleDeliverReminder({ reminderId: reminder.id })));
    // A call also claims other reminders already due (the run's database is shared by the suites), so
    // more than one call may report deliveries; this reminder's notices below are what must be single.
    expect(results.some((r) => r.startsWith('delivered'))).toBe(true);
    expect(await worker.handleDeliverReminder({ reminderId: reminder.id })).toBe('skipped');
    expect((await t.dataSource.query(`SELECT status FROM reminder WHERE id = $1`, [reminder.id]))[0].status).toBe('sent');
    const notes = await t.dataSource.query(`SELECT user_id FROM notification WHERE reminder_id = $1`, [reminder.id]);
    expect(notes).toHaveLength(2); // jtt.liaison and jtt.head, once each
  });

  it('delivers through the queue on time to the in-app inbox', async () => {
    const taskId = await newTask('2027-06-30', 'hz');
    const [reminder] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       VALUES ('task', $1, '2027-06-30', 'offset:-2', now() + interval '1 second', 'near_due', ARRAY['lead_liaison'], '杭州任务') RETURNING id, fire_at`,
      [taskId],
    );
    await planner.applyToQueue({ scheduled: [{ id: reminder.id, fireAt: new Date(reminder.fire_at) }], cancelled: [] });
    // Written ahead (status 'sent' early), listed from its due time on.
    const liaison = await t.login('hz.liaison');
    const inbox = await waitFor(
      // The time is taken once the answer is in: the database decided visibility during the request.
      async () => {
        const body = (await t.http().get('/api/notifications').query({ unread: 'true' }).set('Authorization', liaison).expect(200)).body;
        return { at: Date.now(), body };
      },
      (r) => r.body.items.some((n: { title: string }) => n.title === '【临近到期提醒】杭州任务'),
      60_000,
      'the reminder in the inbox',
    );
    expect(inbox.at).toBeGreaterThanOrEqual(new Date(reminder.fire_at).getTime());
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
  });

  it('re-enqueues due rows that the queue lost', async () => {
    const taskId = await newTask('2027-07-30');
    const [reminder] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       VALUES ('task', $1, '2027-07-30', 'offset:0', now(), 'due', ARRAY['lead_head'], '丢失的提醒') RETURNING id`,
      [taskId],
    );
    // Never enqueued, as if Redis had been flushed: the reconciler finds it in the database.
    expect(await worker.handleReconcile()).toBeGreaterThanOrEqual(1);
    await waitFor(() => t.dataSource.query(`SELECT status FROM reminder WHERE id = $1`, [reminder.id]), (r) => r[0].status === 'sent', 15000, 'reconciled delivery');
  });

  it('validates reminder rules and names the field', async () => {
    const office = await t.login('office');
    const bad = await t.http().put('/api/reminders/rules').query({ scope: 'global' }).set('Authorization', office).send({ offsets: 'soon' }).expect(400);
    expect(bad.body.code).toBe('REMINDER_RULE_INVALID');
    expect(bad.body.message).toContain('offsets');
    const good = await t.http().put('/api/reminders/rules').query({ scope: 'plan', scopeId: fixture.planId }).set('Authorization', office).send({ ...DEFAULT_REMINDER_RULE, offsets: [{ workingDays: -3, recipients: ['lead_liaison'] }] }).expect(200);
    expect(good.body.inherited).toBe(false);
    await t.http().put('/api/reminders/rules').query({ scope: 'global' }).set('Authorization', await t.login('leader')).send(DEFAULT_REMINDER_RULE).expect(403);
  });

  it('shows Bull Board at /admin/queues to office_admin only', async () => {
    await t.http().get('/admin/queues').expect(401);
    const liaison = await t.login('jtt.liaison');
    await t.http().get('/admin/queues').set('Authorization', liaison).expect(403);
    await t.http().post('/api/reminders/queue-board-session').set('Authorization', liaison).expect(403);
    const session = await t.http().post('/api/reminders/queue-board-session').set('Authorization', await t.login('office')).expect(204);
    const cookie = session.headers['set-cookie'];
    const page = await t.http().get('/admin/queues').set('Cookie', cookie).expect(200);
    expect(page.text).toContain('<html');
    const api = await t.http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    // Fed from the job registry: every catalogued queue, none written by hand.
    expect((api.body as { queues: { name: string }[] }).queues.map((q) => q.name).sort()).toEqual(Object.keys(JOB_CATALOGUE).sort());
  });
});
