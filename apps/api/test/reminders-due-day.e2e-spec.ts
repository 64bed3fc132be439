import { ReminderDeliveryWorker } from '@luoshi/server/reminders';
import { importFixturePlan, insertTask } from './fixtures';
import { useTestApp } from './test-app';

/** The 'due' reminder says 今日到期 only on the deadline itself; before a holiday deadline it names the date. */
describe('Due reminders consistent with the deadline', () => {
  const t = useTestApp();
  let worker: ReminderDeliveryWorker;
  let fixture: { planId: string; measureIds: string[] };
  let code = 0;

  beforeAll(async () => {
    worker = t.app.get(ReminderDeliveryWorker);
    fixture = await importFixturePlan(t);
  });

  /** Inserts a 'due' reminder firing now for a task due on `deadline` and delivers it; answers the liaison's notification. */
  async function deliverDue(deadline: string): Promise<{ title: string; body: string }> {
    const taskId = await insertTask(t, { planId: fixture.planId, measureId: fixture.measureIds[0], code: `D${++code}`, leadCode: 'jtt', dueDate: deadline });
    const [reminder] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       VALUES ('task', $1, $2, 'offset:0', now(), 'due', ARRAY['lead_liaison'], $3) RETURNING id`,
      [taskId, deadline, `到期测试 ${code}`],
    );
    expect(await worker.handleDeliverReminder({ reminderId: reminder.id })).toMatch(/^delivered/);
    const [note] = await t.dataSource.query(`SELECT title, body FROM notification WHERE reminder_id = $1`, [reminder.id]);
    return note;
  }

  it('says 今日到期 when the reminder fires on the deadline', async () => {
    const [{ today }] = await t.dataSource.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS today`);
    const note = await deliverDue(today);
    expect(note.title).toContain('【今日到期提醒】');
    expect(note.body).toContain(`完成时限：${today}`);
  });

  it('names the holiday deadline, not 今日到期, when it fires on the working day before it', async () => {
    const note = await deliverDue('2027-02-08'); // 春节
    expect(note.title).not.toContain('今日到期');
    expect(note.title).toContain('截止日2027-02-08为非工作日');
    expect(note.body).toContain('完成时限：2027-02-08（节假日或周末）');
  });
});
