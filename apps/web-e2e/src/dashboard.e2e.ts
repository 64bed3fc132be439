import { join } from 'node:path';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, freshStart, SEED_TITLE, signIn } from './support';

/** Overdue (red) and not yet due measures of section 2.6, led by 省科技厅 (no demo user: no one's bell rings). */
const RED_CODES = ['2.6.1', '2.6.2'];
const LATER_CODE = '2.6.3';
const LEAD = 'kjt';

type Task = { id: string; version: number; code: string; status: string };

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function officeHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post('/api/auth/login', { data: { username: 'office', password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/**
 * The seed plan's tasks (generation is idempotent), two of 2.6 assigned with a due date a month ago —
 * bulk-assign takes past dates when the start date is earlier — so they are red, one due next year.
 */
async function ensureDashboardData(request: APIRequestContext): Promise<void> {
  const headers = await officeHeaders(request);
  const plans = (await (await request.get('/api/plans', { headers })).json()) as { id: string; title: string }[];
  const plan = plans.find((p) => p.title === SEED_TITLE);
  expect(plan).toBeDefined();
  expect((await request.post(`/api/plans/${plan?.id}/tasks/generate`, { headers })).ok()).toBe(true);
  const listed = await request.get('/api/tasks', { headers, params: { planId: plan?.id ?? '', sectionCode: '2.6', pageSize: 100 } });
  expect(listed.ok()).toBe(true);
  const { items } = (await listed.json()) as { items: Task[] };
  const drafts = (codes: string[]) => items.filter((t) => codes.includes(t.code) && t.status === 'draft');
  const assign = [
    ...drafts(RED_CODES).map((t) => ({ taskId: t.id, version: t.version, leadDepartmentCode: LEAD, startDate: isoDay(-120), dueDate: isoDay(-30) })),
    ...drafts([LATER_CODE]).map((t) => ({ taskId: t.id, version: t.version, leadDepartmentCode: LEAD, startDate: isoDay(-120), dueDate: isoDay(365) })),
  ];
  if (assign.length > 0) {
    const assigned = await request.post('/api/tasks/bulk-assign', { headers, data: { items: assign, dispatch: true } });
    expect(assigned.ok()).toBe(true);
  }
}

/** The centre of the red segment in the row whose axis label starts with `code` (the chart is SVG). */
async function redSegment(page: Page, testId: string, code: string): Promise<{ x: number; y: number }> {
  const chart = page.getByTestId(testId);
  await expect(chart.locator('svg')).toBeVisible();
  await expect
    .poll(() => chart.evaluate((root, prefix) => [...root.querySelectorAll('text')].some((t) => (t.textContent ?? '').startsWith(`${prefix} `)), code))
    .toBe(true);
  const point = await chart.evaluate((root, prefix) => {
    const label = [...root.querySelectorAll('text')].find((t) => (t.textContent ?? '').startsWith(`${prefix} `))?.getBoundingClientRect();
    if (!label) return null;
    const middle = label.top + label.height / 2;
    const red = [...root.querySelectorAll('path')]
      .filter((p) => /^(#f5222d|rgb\(245,\s*34,\s*45\))$/i.test(p.getAttribute('fill') ?? ''))
      .map((p) => p.getBoundingClientRect())
      .find((r) => r.width > 2 && r.top <= middle && r.bottom >= middle);
    return red ? { x: red.left + red.width / 2, y: red.top + red.height / 2 } : null;
  }, code);
  expect(point, `a red segment in row ${code}`).not.toBeNull();
  return point as { x: number; y: number };
}

test.describe('dashboard: from the leader cockpit to the tasks behind a red bar', () => {
  test.beforeEach(async ({ page, request }) => {
    await ensureDashboardData(request);
    await freshStart(page);
  });

  test("the leader sees the plan's health, clicks the red part of section 2.6 and lands on its red tasks", async ({ page }, testInfo) => {
    await signIn(page, 'leader');
    // The leader's home is the cockpit: the dashboard itself.
    await expect(page.getByTestId('home-title')).toHaveText('领导驾驶舱');
    await expect(page.getByTestId('kpi-red')).toBeVisible();
    await expectAccessible(page, 'the leader cockpit');

    await page.goto('/dashboard');
    await expect(page.getByTestId('page-title')).toHaveText('领导驾驶舱');
    const red = page.getByTestId('kpi-red');
    await expect(red).toContainText('红灯');
    expect(Number((await red.locator('.kpi__value').textContent())?.trim())).toBeGreaterThanOrEqual(RED_CODES.length);
    // Charts with tasks draw (SVG); the city and completion charts may still be empty states on a fresh database.
    for (const id of ['chart-health-by-part', 'chart-health-by-section', 'chart-health-by-department']) {
      await expect(page.getByTestId(id).locator('svg')).toBeVisible();
    }
    for (const id of ['chart-health-by-city', 'chart-completion']) await expect(page.getByTestId(id)).toBeVisible();
    await expect(page.getByTestId('dashboard-overdue-row').first()).toBeVisible();
    await expectAccessible(page, 'the dashboard');

    // Let the bars finish their entry animation before the picture.
    await redSegment(page, 'chart-health-by-section', '2.6');
    await page.waitForTimeout(600);
    const shot = join(testInfo.project.outputDir, 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach('dashboard', { path: shot, contentType: 'image/png' });

    // The segment's position once the chart is in view (a full-page picture resizes the charts meanwhile).
    await page.getByTestId('chart-health-by-section').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const segment = await redSegment(page, 'chart-health-by-section', '2.6');
    await page.mouse.click(segment.x, segment.y);
    await expect(page).toHaveURL(/\/tasks\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('health')).toBe('red');
    expect(url.searchParams.get('sectionCode')).toBe('2.6');
    expect(url.searchParams.get('planId')).toMatch(/^[0-9a-f-]{36}$/);

    // The task list reads its filters from the URL: only red tasks of 2.6.
    await expect(page.getByTestId('page-title')).toHaveText('任务');
    for (const code of RED_CODES) await expect(page.getByTestId(`task-${code}`)).toBeVisible();
    await expect(page.getByTestId(`task-${LATER_CODE}`)).toHaveCount(0);
    const healths = await page.getByTestId('task-table').getByTestId('task-health').evaluateAll((dots) => dots.map((d) => d.getAttribute('data-health')));
    expect(healths.length).toBeGreaterThanOrEqual(RED_CODES.length);
    expect(new Set(healths)).toEqual(new Set(['red']));
    await expectAccessible(page, 'the task list of a drill-down');
  });

  test('the cockpit shows drafts as 未交办, keeps its choices in the URL, drills down with the filter shown, and Back returns to it', async ({ page }) => {
    await signIn(page, 'leader');
    await expect(page.getByTestId('home-title')).toHaveText('领导驾驶舱');
    // Drafts not yet handed out are their own figure, not 绿灯.
    const drafts = page.getByTestId('kpi-draft');
    await expect(drafts).toContainText('未交办');
    await expect.poll(async () => Number((await drafts.locator('.kpi__value').textContent())?.trim())).toBeGreaterThan(0);
    await drafts.click();
    await expect(page).toHaveURL(/\/tasks\?/);
    expect(new URL(page.url()).searchParams.get('status')).toBe('draft');
    await expect(page.getByTestId('filter-status')).toContainText('草稿');
    await page.goBack();
    await expect(page).toHaveURL(/\/cockpit/);

    // A department chosen on the cockpit goes into the URL.
    await page.getByTestId('dashboard-department').click();
    await page.keyboard.type('省科技厅');
    await page.locator('nz-option-item[title="省科技厅"]').click();
    await expect(page).toHaveURL(new RegExp(`[?&]department=${LEAD}`));
    const cockpitUrl = page.url();
    expect(new URL(cockpitUrl).searchParams.get('planId')).toMatch(/^[0-9a-f-]{36}$/);

    // Its red figure opens the list filtered to that department, and the filter says so (not 全部部门).
    await page.getByTestId('kpi-red').click();
    await expect(page).toHaveURL(/\/tasks\?/);
    const url = new URL(page.url());
    expect([url.searchParams.get('department'), url.searchParams.get('health')]).toEqual([LEAD, 'red']);
    await expect(page.getByTestId('filter-department')).toContainText('省科技厅');
    await expect(page.getByTestId('filter-department')).not.toContainText('全部部门');
    await expect(page.getByTestId('filter-health')).toContainText('红灯');
    for (const code of RED_CODES) await expect(page.getByTestId(`task-${code}`)).toBeVisible();

    // Back: the same cockpit (plan and department), not the default.
    await page.goBack();
    await expect(page).toHaveURL(cockpitUrl);
    await expect(page.getByTestId('dashboard-department')).toContainText('省科技厅');
    await expect(page.getByTestId('kpi-red')).toBeVisible();
  });

  test('the office switches the public summary on and off; the public page shows progress without a login', async ({ page, browser }) => {
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await page.getByTestId('nav-bulletins').click();
    await expect(page.getByTestId('page-title')).toHaveText('督查通报');
    await expect(page.getByTestId('bulletin-title')).toContainText('督查通报');
    await expect(page.getByTestId('bulletin-document')).toContainText('一、总体进展');
    await expect(page.getByTestId('bulletin-document')).toContainText('五、考核排名');
    await expect(page.getByTestId('bulletin-document')).toContainText('以按时签收、按时报送、逾期情况、办结率四项加权计分');
    await expect(page.getByTestId('bulletin-document')).not.toContainText('按按');
    await expectAccessible(page, 'the bulletin');

    const toggle = page.getByTestId('public-toggle');
    const state = page.getByTestId('public-state');
    await expect(state).toBeVisible();
    if ((await state.textContent())?.includes('已开启')) {
      await toggle.click();
      await expect(state).toHaveText('未开启');
    }

    const visitor = await browser.newContext({ locale: 'zh-CN' });
    const open = await visitor.newPage();
    await open.goto('/public');
    await expect(open.getByTestId('public-off')).toContainText('公开摘要暂未开放');

    await toggle.click();
    await expect(state).toHaveText('已开启');
    await open.reload();
    await expect(open.getByTestId('public-title')).toHaveText(SEED_TITLE);
    await expect(open.getByTestId('public-part-row').first()).toBeVisible();
    await expectAccessible(open, 'the public summary');
    await expect(open.getByTestId('public-indicators')).toContainText('常住人口城镇化率');
    // Aggregates only: no people and no task titles.
    await expect(open.locator('body')).not.toContainText('王主任');
    await expect(open.locator('body')).not.toContainText('加快推进长三角新一代信息基础设施建设');

    await toggle.click();
    await expect(state).toHaveText('未开启');
    await open.reload();
    await expect(open.getByTestId('public-off')).toBeVisible();
    await visitor.close();
  });

  test('the office cannot save evaluation weights that do not add up to 100', async ({ page }) => {
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toBeVisible();
    await page.getByTestId('nav-evaluation').click();
    await expect(page.getByTestId('page-title')).toHaveText('考核评价');
    await expect(page.getByTestId('ranking-row').first()).toBeVisible();
    await expectAccessible(page, 'the evaluation');
    const acceptance = page.getByTestId('weight-input-acceptance').locator('input');
    await acceptance.fill('25');
    await acceptance.blur();
    await expect(page.getByTestId('weights-sum')).toHaveText('合计 105');
    await expect(page.getByTestId('weights-invalid')).toContainText('权重合计须为 100');
    await expect(page.getByTestId('weights-save')).toBeDisabled();
    await page.getByTestId('weights-defaults').click();
    await expect(page.getByTestId('weights-sum')).toHaveText('合计 100');
    await expect(page.getByTestId('weights-invalid')).toHaveCount(0);
  });

  test("the office monitors the seed plan's indicators", async ({ page }) => {
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toBeVisible();
    await page.getByTestId('nav-indicators').click();
    await expect(page.getByTestId('page-title')).toHaveText('指标监测');
    await expect(page.getByTestId('indicators-table')).toContainText('常住人口城镇化率');
    await expect(page.getByTestId('indicator-row').first()).toBeVisible();
    await expectAccessible(page, 'the indicators');
  });
});
