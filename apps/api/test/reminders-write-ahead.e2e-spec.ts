import { ReminderPlanner } from '@luoshi/server/reminders';
import { acceptTask, draftTasks } from './approvals-fixture';
import { waitFor } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Issue 12 row 19: reminders are written ahead of their due time and shown when due. A long
 * write-ahead (10 minutes) makes the "not yet due" window wide enough for a slow machine.
 */
describe('Reminders written ahead, shown when due', () => {
  let t: TestApp;
  let taskId: string;
  let head: string;
  let run = 0;
  const saved = process.env['REMINDER_WRITE_AHEAD_MS'];

  beforeAll(async () => {
    process.env['REMINDER_WRITE_AHEAD_MS'] = String(10 * 60 * 1000);
    t = await startTestApp();
    const drafts = await draftTasks(t, 'WRITE-AHEAD');
    taskId = await acceptTask(t, drafts[0], { lead: 'jtt' });
    head = await t.login('jtt.head');
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env['REMINDER_WRITE_AHEAD_MS'];
    else process.env['REMINDER_WRITE_AHEAD_MS'] = saved;
    await t.close();
  });

  /** A reminder for the head of the task's lead department, due in `inMs`, enqueued as the planner does. */
  async function planReminder(inMs: number): Promise<{ id: string; fireAt: number }> {
    run += 1;
    const [row]: { id: string; fire_at: Date }[] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       VALUES ('task', $1, '2027-12-31', $2, now() + make_interval(secs => $3::float / 1000), 'due', ARRAY['lead_head'], '提前写入的提醒')
       RETURNING id, fire_at`,
      [taskId, `write-ahead:${run}`, inMs],
    );
    await t.app.get(ReminderPlanner).applyToQueue({ scheduled: [{ id: row.id, fireAt: new Date(row.fire_at) }], cancelled: [] });
    return { id: row.id, fireAt: new Date(row.fire_at).getTime() };
  }

  const written = (reminderId: string): Promise<{ id: string; created_at: Date }[]> =>
    t.dataSource.query(`SELECT id, created_at FROM notification WHERE reminder_id = $1`, [reminderId]);
  const inbox = async (): Promise<string[]> => {
    const res = await t.http().get('/api/notifications').query({ pageSize: 100 }).set('Authorization', head).expect(200);
    return (res.body.items as { id: string }[]).map((n) => n.id);
  };
  const unread = async (): Promise<number> => (await t.http().get('/api/notifications/unread-count').set('Authorization', head).expect(200)).body.unread;

  it('writes the notification early, hidden until due, and lists it from its due time on', async () => {
    const reminder = await planReminder(20_000);
    const [notification] = await waitFor(() => written(reminder.id), (rows) => rows.length === 1, 120_000, 'the reminder written ahead');
    // Its visible time is the due time (to the millisecond: PostgreSQL keeps microseconds, JavaScript does not).
    expect(Math.abs(new Date(notification.created_at).getTime() - reminder.fireAt)).toBeLessThanOrEqual(1);
    expect(Date.now()).toBeLessThan(reminder.fireAt); // the window the next two lines check
    const unreadBefore = await unread();
    expect(await inbox()).not.toContain(notification.id);
    expect(Date.now()).toBeLessThan(reminder.fireAt);

    const listed = await waitFor(
      async () => ({ ids: await inbox(), at: Date.now() }),
      (r) => r.ids.includes(notification.id),
      120_000,
      'the reminder listed once due',
    );
    expect(listed.at).toBeGreaterThanOrEqual(reminder.fireAt);
    expect(await unread()).toBeGreaterThanOrEqual(unreadBefore + 1);
  });

  it('removes a reminder written ahead when it is cancelled before it is due: never shown, never delivered', async () => {
    const reminder = await planReminder(45_000);
    const [notification] = await waitFor(() => written(reminder.id), (rows) => rows.length === 1, 120_000, 'the reminder written ahead');
    expect(Date.now()).toBeLessThan(reminder.fireAt);
    const [{ status: staged }] = await t.dataSource.query(`SELECT status FROM reminder WHERE id = $1`, [reminder.id]);
    expect(staged).toBe('sent');

    // The task's schedule no longer wants this reminder (its key is none of the rule's): a re-plan cancels it.
    const changes = await t.dataSource.transaction((m) => t.app.get(ReminderPlanner).replanTask(m, taskId));
    expect(changes.cancelled).toContain(reminder.id);
    const [{ status }] = await t.dataSource.query(`SELECT status FROM reminder WHERE id = $1`, [reminder.id]);
    expect(status).toBe('cancelled');
    expect(await written(reminder.id)).toEqual([]);
    const [{ n: deliveries }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE notification_id = $1`, [notification.id]);
    expect(deliveries).toBe(0);

    // Past its due time it stays gone.
    await waitFor(async () => Date.now(), (now) => now > reminder.fireAt + 1000, 120_000, 'the due time to pass');
    expect(await written(reminder.id)).toEqual([]);
    expect(await inbox()).not.toContain(notification.id);
  });
});
