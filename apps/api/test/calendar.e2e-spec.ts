import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarService } from '@luoshi/server/calendar';
import { insertPlan, listPlanTasks } from './tasks-fixture';
import { useTestApp } from './test-app';

describe('Calendar: holidays, working days and report due dates', () => {
  const t = useTestApp();
  let office: string;
  const workingDay = async (from: string, n: number) =>
    (await t.http().get('/api/calendar/working-days').query({ from, n: String(n) }).set('Authorization', await t.login('jtt.liaison')).expect(200)).body;

  beforeAll(async () => {
    office = await t.login('office');
  });

  it('lists the seeded years with their confirmed flag, and each year’s days', async () => {
    const years = (await t.http().get('/api/calendar/years').set('Authorization', await t.login('viewer')).expect(200)).body;
    const byYear = Object.fromEntries(years.map((y: { year: number }) => [y.year, y]));
    expect(byYear[2025]).toMatchObject({ confirmed: true, origin: 'seed', holidays: 28, makeupWorkdays: 5 });
    expect(byYear[2026]).toMatchObject({ confirmed: true, origin: 'seed' });
    // 2027 is shipped unconfirmed: the UI asks the office to confirm it.
    expect(byYear[2027]).toMatchObject({ confirmed: false, origin: 'seed' });
    const days = (await t.http().get('/api/calendar/holidays').query({ year: '2025' }).set('Authorization', office).expect(200)).body;
    expect(days).toHaveLength(33);
    expect(days.find((d: { date: string }) => d.date === '2025-10-11')).toEqual({
      date: '2025-10-11',
      kind: 'makeupWorkday',
      name: '国庆节、中秋节调休上班',
      year: 2025,
      confirmed: true,
    });
  });

  it('adds working days across 国庆 with its make-up Saturday', async () => {
    const afterSeptember = await workingDay('2025-09-30', 1);
    expect(afterSeptember).toMatchObject({ date: '2025-10-09', provisional: false });
    expect(afterSeptember.specialDays.filter((d: { kind: string }) => d.kind === 'holiday')).toHaveLength(8);
    expect((await workingDay('2025-10-09', 2)).date).toBe('2025-10-11'); // Saturday, worked
    expect((await workingDay('2025-09-26', 1)).date).toBe('2025-09-28'); // Sunday, worked
    expect((await workingDay('2025-10-13', -2)).date).toBe('2025-10-10');
  });

  it('adds working days across 春节 with its make-up Saturdays', async () => {
    expect((await workingDay('2025-01-27', 1)).date).toBe('2025-02-05');
    expect((await workingDay('2025-01-31', 4)).date).toBe('2025-02-08'); // Saturday, worked
    expect((await workingDay('2026-02-13', 1)).date).toBe('2026-02-14'); // Saturday, worked
    expect((await workingDay('2026-02-14', 1)).date).toBe('2026-02-24');
    expect((await workingDay('2026-02-24', -1)).date).toBe('2026-02-14');
    expect((await workingDay('2026-02-27', 1)).date).toBe('2026-02-28'); // Saturday, worked
    expect((await workingDay('2026-02-14', 0)).date).toBe('2026-02-14');
  });

  it('puts a task’s report due dates on working days across 春节 and 国庆', async () => {
    const plan = await insertPlan(t.dataSource, 'CALENDAR-REPORTS');
    await t.http().post(`/api/plans/${plan.planId}/tasks/generate`).set('Authorization', office).expect(200);
    const [monthly, quarterly] = await listPlanTasks(t, plan.planId);
    const assign = (id: string, version: number, cycle: string) =>
      t
        .http()
        .patch(`/api/tasks/${id}`)
        .set('Authorization', office)
        .send({ version, leadDepartmentCode: 'jtt', startDate: '2025-01-01', dueDate: '2025-12-31', reportingCycle: cycle, dispatch: true })
        .expect(200);
    await assign(monthly.id, monthly.version, 'monthly');
    await assign(quarterly.id, quarterly.version, 'quarterly');
    const due = async (id: string) =>
      Object.fromEntries(
        (await t.http().get(`/api/tasks/${id}`).set('Authorization', office).expect(200)).body.reportingPeriods.map((p: { key: string; dueDate: string }) => [
          p.key,
          p.dueDate,
        ]),
      );
    const months = await due(monthly.id);
    expect(Object.keys(months)).toHaveLength(12);
    // January ends in 春节 (01-28 … 02-04); five working days later counts Saturday 02-08.
    expect(months['2025-01']).toBe('2025-02-10');
    // September ends before 国庆 (10-01 … 10-08); five working days later counts Saturday 10-11.
    expect(months['2025-09']).toBe('2025-10-14');
    expect(months['2025-04']).toBe('2025-05-12'); // 劳动节 05-01 … 05-05
    const quarters = await due(quarterly.id);
    expect(quarters).toEqual({ '2025-Q1': '2025-04-08', '2025-Q2': '2025-07-07', '2025-Q3': '2025-10-14', '2025-Q4': '2026-01-08' });
  });

  it('marks answers in an unconfirmed year provisional, and lets the office (only) confirm the year', async () => {
    expect((await workingDay('2027-01-04', 1)).provisional).toBe(true);
    await t.http().put('/api/calendar/years/2027/confirm').set('Authorization', await t.login('jtt.head')).expect(403);
    const res = await t.http().put('/api/calendar/years/2027/confirm').set('Authorization', office).expect(200);
    expect(res.body).toMatchObject({ year: 2027, confirmed: true, origin: 'office' });
    expect((await workingDay('2027-01-04', 1)).provisional).toBe(false);
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'calendar.confirm_year' AND subject_id = '2027'`);
    expect(audit.after).toMatchObject({ confirmed: true });
    await t.http().put('/api/calendar/years/2031/confirm').set('Authorization', office).expect(404);

    // Seeding again keeps what the office confirmed.
    const files = [2025, 2026, 2027].map((y) => JSON.parse(readFileSync(join(__dirname, `../../../seeds/holidays/${y}.json`), 'utf8')));
    expect(await t.app.get(CalendarService).seedYears(files)).toEqual({ inserted: 0, refreshed: 0, kept: 3 });
    const [y2027] = await t.dataSource.query(`SELECT confirmed, origin FROM holiday_year WHERE year = 2027`);
    expect(y2027).toEqual({ confirmed: true, origin: 'office' });
  });

  it('imports a year from CSV, replacing its rows, and the calendar uses it at once', async () => {
    expect((await workingDay('2027-12-31', 1)).date).toBe('2028-01-03');
    const csv = ['# 测试数据，非国务院通知', 'date,kind,name,confirmed', '2028-01-01,holiday,元旦,false', '2028-01-03,休,元旦补休,false', '2028-01-29,班,春节调休上班,false'].join('\n');
    await t.http().post('/api/calendar/import').set('Authorization', await t.login('reviewer')).send({ csv }).expect(403);
    const res = await t.http().post('/api/calendar/import').set('Authorization', office).send({ csv, source: '测试上传' }).expect(200);
    expect(res.body.years).toEqual([expect.objectContaining({ year: 2028, confirmed: false, origin: 'office', holidays: 2, makeupWorkdays: 1, source: '测试上传' })]);
    expect(await workingDay('2027-12-31', 1)).toMatchObject({ date: '2028-01-04', provisional: true });
    expect((await workingDay('2028-01-28', 1)).date).toBe('2028-01-29');

    // A second upload replaces the year's rows.
    await t.http().post('/api/calendar/import').set('Authorization', office).send({ csv: 'date,kind,name\n2028-01-01,holiday,元旦' }).expect(200);
    const days = (await t.http().get('/api/calendar/holidays').query({ year: '2028' }).set('Authorization', office).expect(200)).body;
    expect(days).toEqual([{ date: '2028-01-01', kind: 'holiday', name: '元旦', year: 2028, confirmed: true }]);
    expect((await workingDay('2027-12-31', 1)).date).toBe('2028-01-03');
  });

  it('refuses a CSV with a bad line: 400 naming the line, nothing written', async () => {
    const before = await t.dataSource.query(`SELECT * FROM holiday WHERE year = 2028 ORDER BY date`);
    const csv = 'date,kind,name\n2028-05-01,holiday,劳动节\n2028-02-30,holiday,错日期\n2028-01-24,班,周一调休';
    const res = await t.http().post('/api/calendar/import').set('Authorization', office).send({ csv }).expect(400);
    expect(res.body.code).toBe('CALENDAR_BAD_CSV');
    expect(res.body.message).toContain('第3行');
    expect(res.body.message).toContain('第4行');
    expect(res.body.details.problems).toHaveLength(2);
    expect(await t.dataSource.query(`SELECT * FROM holiday WHERE year = 2028 ORDER BY date`)).toEqual(before);
  });

  it('answers bad working-day queries with 400', async () => {
    const bad = await t.http().get('/api/calendar/working-days').query({ from: '2025-02-30', n: '1' }).set('Authorization', office).expect(400);
    expect(bad.body).toMatchObject({ code: 'CALENDAR_BAD_DATE', details: { field: 'from' } });
    await t.http().get('/api/calendar/working-days').query({ from: '2025-02-01', n: 'x' }).set('Authorization', office).expect(400);
    await t.http().get('/api/calendar/working-days').query({ from: '2025-02-01', n: '1' }).expect(401);
  });
});
