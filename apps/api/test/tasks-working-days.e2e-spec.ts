import { insertPlan, listPlanTasks } from './tasks-fixture';
import { useTestApp } from './test-app';

interface TaskBody {
  id: string;
  version: number;
  dueDate: string | null;
  remainingWorkingDays: number | null;
}

/** Beijing's date today, the one the API counts from. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('Remaining working days on task responses', () => {
  const t = useTestApp();
  let office: string;

  beforeAll(async () => {
    office = await t.login('office');
  });

  /** The n-th working day from today, asked of the calendar API (a different code path from the count). */
  const workingDayFromToday = async (n: number): Promise<string> =>
    (await t.http().get('/api/calendar/working-days').query({ from: beijingToday(), n: String(n) }).set('Authorization', office).expect(200)).body.date;

  const setDue = async (task: TaskBody, dueDate: string | null): Promise<TaskBody> =>
    (await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: task.version, dueDate }).expect(200)).body;

  it('counts working days to the deadline on the holiday calendar, in the list and the detail, and drops the count without a deadline', async () => {
    const plan = await insertPlan(t.dataSource, 'RWD');
    await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office).expect(200);
    const [first, second] = (await listPlanTasks(t, plan.planId)) as unknown as TaskBody[];

    const inSeven = await workingDayFromToday(7);
    const a = await setDue(first, inSeven);
    expect(a.remainingWorkingDays).toBe(7);
    const detail = await t.http().get(`/api/tasks/${first.id}`).set('Authorization', office).expect(200);
    expect(detail.body.remainingWorkingDays).toBe(7);

    // Three working days ago: overdue by three working days, not counting today when today is a working day.
    const threeAgo = await workingDayFromToday(-3);
    const todayIsWorking = (await workingDayFromToday(0)) === beijingToday();
    const b = await setDue(second, threeAgo);
    expect(b.remainingWorkingDays).toBe(todayIsWorking ? -3 : -2);

    const listed = (await listPlanTasks(t, plan.planId)) as unknown as TaskBody[];
    expect(listed.find((x) => x.id === first.id)?.remainingWorkingDays).toBe(7);
    expect(listed.find((x) => x.id === second.id)?.remainingWorkingDays).toBe(b.remainingWorkingDays);
    expect(listed.filter((x) => x.dueDate === null).every((x) => x.remainingWorkingDays === null)).toBe(true);

    const cleared = await setDue(a, null);
    expect(cleared.remainingWorkingDays).toBeNull();
  });

  it('skips a holiday week: a deadline after the 2027 国庆 holiday counts only the working days around it', async () => {
    const plan = await insertPlan(t.dataSource, 'RWH');
    await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office).expect(200);
    const [task] = (await listPlanTasks(t, plan.planId)) as unknown as TaskBody[];
    const before = await setDue(task, '2027-09-30');
    const after = await setDue(before, '2027-10-11');
    const holidays = (await t.http().get('/api/calendar/holidays').query({ year: '2027' }).set('Authorization', office).expect(200)).body as {
      date: string;
      kind: string;
    }[];
    // Working days in (09-30, 10-11] = weekdays in that span minus weekday holidays plus weekend make-up days.
    let expected = 0;
    for (let d = new Date('2027-10-01T00:00:00Z'); d <= new Date('2027-10-11T00:00:00Z'); d = new Date(d.getTime() + 86_400_000)) {
      const iso = d.toISOString().slice(0, 10);
      const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
      const entry = holidays.find((h) => h.date === iso);
      if (entry ? entry.kind === 'makeupWorkday' : !weekend) expected++;
    }
    expect(expected).toBeLessThan(7); // the holiday week is really skipped
    expect((after.remainingWorkingDays ?? 0) - (before.remainingWorkingDays ?? 0)).toBe(expected);
  });
});
