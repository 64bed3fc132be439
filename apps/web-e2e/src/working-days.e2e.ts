import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SEED_TITLE, signIn, startEachTestSignedOut } from './support';

/** A measure no journey assigns: its deadline box is only typed into here, never saved. */
const CODE = '2.2.3';

interface Holiday {
  date: string;
  kind: 'holiday' | 'makeupWorkday';
  name: string;
}

async function officeHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post('/api/auth/login', { data: { username: 'office', password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

test.describe('working days in date pickers', () => {
  startEachTestSignedOut();

  test('a 春节 deadline is warned about with the next working day one click away; the calendar marks 休 and 班', async ({ page, request }) => {
    const headers = await officeHeaders(request);
    const plans = (await (await request.get('/api/plans', { headers })).json()) as { id: string; title: string }[];
    const plan = plans.find((p) => p.title === SEED_TITLE);
    expect(plan).toBeDefined();
    expect((await request.post(`/api/plans/${plan?.id}/tasks/generate`, { headers })).ok()).toBe(true);
    const holidays = (await (await request.get('/api/calendar/holidays?year=2027', { headers })).json()) as Holiday[];
    const springFestival = holidays.filter((h) => h.name === '春节' && h.kind === 'holiday').map((h) => h.date);
    expect(springFestival.length).toBeGreaterThan(0);
    const lastDay = springFestival[springFestival.length - 1] ?? '';
    const next = (await (await request.get(`/api/calendar/working-days?from=${lastDay}&n=1`, { headers })).json()) as { date: string };
    // A make-up working day (班) of 2026 and a holiday (休) of the same month, from the calendar itself.
    const year2026 = (await (await request.get('/api/calendar/holidays?year=2026', { headers })).json()) as Holiday[];
    const makeup = year2026.find((h) => h.kind === 'makeupWorkday' && year2026.some((o) => o.kind === 'holiday' && o.date.slice(0, 7) === h.date.slice(0, 7)));
    expect(makeup, 'a 2026 month with both 休 and 班').toBeDefined();
    const sameMonthHoliday = year2026.find((h) => h.kind === 'holiday' && h.date.slice(0, 7) === makeup?.date.slice(0, 7));

    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    // The home page may still be settling its own navigation: go again if the first attempt is aborted.
    await expect(async () => {
      await page.goto(`/tasks/assign?planId=${plan?.id}&q=${CODE}`);
    }).toPass({ timeout: 15_000 });
    const row = page.getByTestId(`task-row-${CODE}`);
    const deadline = page.getByTestId(`deadline-${CODE}`);
    await expect(deadline).toBeVisible();

    // The last day of 春节 is not a working day: warned, with the next working day offered.
    await deadline.fill(lastDay);
    const warning = row.getByTestId('holiday-warning');
    await expect(warning).toContainText('春节');
    await expect(warning).toHaveAttribute('data-next', next.date);
    await warning.getByTestId('use-next-working-day').click();
    await expect(deadline).toHaveValue(next.date);
    await expect(row.getByTestId('holiday-warning')).toHaveCount(0);

    // A weekend make-up day (调休上班) is a working day: no warning; the calendar marks it 班 and the holiday 休.
    await deadline.fill(makeup?.date ?? '');
    await expect(row.getByTestId('holiday-warning')).toHaveCount(0);
    await row.locator('button.pick').click();
    const calendar = page.getByTestId('deadline-calendar');
    await expect(calendar).toBeVisible();
    const makeupCell = calendar.locator(`[data-date="${makeup?.date}"]`);
    await expect(makeupCell).toHaveAttribute('data-mark', 'makeupWorkday');
    await expect(makeupCell).toContainText('班');
    const holidayCell = calendar.locator(`[data-date="${sameMonthHoliday?.date}"]`);
    await expect(holidayCell).toHaveAttribute('data-mark', 'holiday');
    await expect(holidayCell).toContainText('休');
    // An ordinary weekday carries no mark.
    await expect(calendar.locator('td.ant-picker-cell-in-view [data-mark]')).toHaveCount(year2026.filter((h) => h.date.slice(0, 7) === makeup?.date.slice(0, 7)).length);
  });
});
