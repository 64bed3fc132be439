import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, SEED_TITLE, signIn, startEachTestSignedOut, submitAfterRequiredText, switchUser, toast } from './support';

const RETURN_REASON = '港航协同以省发展改革委牵头更合适，本厅配合（E2E）';

/** Tasks exist for the seed plan whichever journey runs first (generation is idempotent). */
async function ensureSeedTasks(request: APIRequestContext): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { username: 'office', password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const plans = (await (await request.get('/api/plans', { headers })).json()) as { id: string; title: string }[];
  const plan = plans.find((p) => p.title === SEED_TITLE);
  expect(plan).toBeDefined();
  expect((await request.post(`/api/plans/${plan?.id}/tasks/generate`, { headers })).ok()).toBe(true);
}

async function pickOption(page: Page, testId: string, search: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(search);
  await page.locator(`nz-option-item[title="${label}"]`).click();
}

test.describe('tasks: assign, accept, return', () => {
  startEachTestSignedOut();

  test('the office bulk-assigns three measures; 省交通运输厅 accepts one and returns another; the office sees both', async ({ page }) => {
    // Three users and a dozen round trips: on a shared, loaded machine this runs past 30 s.
    test.slow();
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await page.getByTestId('nav-task-assign').click();
    await expect(page.getByTestId('page-title')).toHaveText('任务分派');
    await expect(page.getByTestId('assign-plan')).toContainText(SEED_TITLE);

    // A fresh seed plan has no tasks: generate them (another journey may have done so already).
    const generate = page.getByTestId('generate-tasks');
    const grid = page.getByTestId('assign-grid');
    await expect(generate.or(grid)).toBeVisible();
    if (await generate.isVisible()) {
      await generate.click();
      await expect(toast(page)).toContainText('已生成 76 项任务');
    }
    await expect(grid).toBeVisible();
    await expect(page.getByTestId('assign-summary')).toContainText('共 76 项');
    await expect(page.getByTestId('group-2.3')).toContainText('高标准建设大通道');
    await expectAccessible(page, 'the assignment grid');

    // 2.3.2 (公路) and 2.3.3 (港航): the suggestions name 省交通运输厅 first, with reasons; one click takes it.
    for (const code of ['2.3.2', '2.3.3']) {
      await page.getByTestId(`suggest-${code}`).click();
      const jtt = page.getByTestId(`suggestions-${code}`).getByTestId('suggestion-jtt');
      await expect(jtt).toContainText('省交通运输厅');
      await expect(jtt).toContainText('职责相符');
      await jtt.getByTestId('suggestion-lead-jtt').click();
      await expect(page.getByTestId(`lead-${code}`)).toContainText('省交通运输厅');
      await expect(page.getByTestId(`task-row-${code}`)).toHaveClass(/task--dirty/);
    }
    // On the edited row the suggestions stay: every suggested co-department joins at once.
    await page.getByTestId('suggest-2.3.3').click();
    const allCo = page.getByTestId('suggestion-all-co-2.3.3');
    await expect(allCo).toContainText('全部加为配合');
    await allCo.click();
    await expect(page.getByTestId('co-2.3.3').locator('nz-select-item, .ant-select-selection-item').first()).toBeVisible();
    // Once added, nothing is left to add: the button goes.
    await expect(allCo).toHaveCount(0);
    await page.keyboard.press('Escape');

    // 保存 keeps a draft a draft: nobody is told yet.
    await page.getByTestId('save-2.3.2').click();
    await expect(toast(page)).toContainText('已保存 2.3.2（草稿，尚未交办）');
    await expect(page.getByTestId('task-row-2.3.2').getByTestId('task-status')).toHaveText('草稿');
    await expect(page.getByTestId('dispatch-2.3.2')).toBeVisible();
    // 2.4.2: nothing suggests 省发展改革委 — the office sets it explicitly.
    await pickOption(page, 'lead-2.4.2', '发展改革', '省发展改革委');
    await expect(page.getByTestId('lead-2.4.2')).toContainText('省发展改革委');

    // Check the three rows and assign them together with one deadline.
    for (const code of ['2.3.2', '2.3.3', '2.4.2']) {
      await page.getByTestId(`select-${code}`).locator('input[type="checkbox"]').check();
    }
    await expect(page.getByTestId('bulk-count')).toHaveText('已选 3 项');
    // A phrase the API cannot read is refused for the rows, and nothing is written.
    await page.getByTestId('bulk-deadline').fill('明年某个时候');
    await page.getByTestId('bulk-assign').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm).toContainText('交办 3 项任务？');
    await expect(confirm).toContainText('省发展改革委（牵头 1）、省交通运输厅（牵头 2）');
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect(page.getByTestId('row-error-2.3.3')).toContainText('无法识别的完成时限');
    await expect(page.getByTestId('task-row-2.3.3').getByTestId('task-status')).toHaveText('草稿');

    await page.getByTestId('bulk-deadline').fill('2027年6月底');
    await page.getByTestId('bulk-assign').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect(toast(page)).toContainText('已交办 3 项任务，已通知：省发展改革委（牵头 1，2人）、省交通运输厅（牵头 2，2人）');
    await expect(page.getByTestId('row-error-2.3.3')).toHaveCount(0);
    for (const code of ['2.3.2', '2.3.3', '2.4.2']) {
      const row = page.getByTestId(`task-row-${code}`);
      await expect(row.getByTestId('task-status')).toHaveText('已交办');
      await expect(row.getByTestId(`deadline-${code}`)).toHaveValue('2027年6月底');
    }
    await expect(page.getByTestId('lead-2.4.2')).toContainText('省发展改革委');

    // 省交通运输厅's liaison: accepts 2.3.2 and returns 2.3.3 from 我的任务.
    await switchUser(page, 'jtt.liaison');
    await expect(page.getByTestId('home-title')).toContainText('省交通运输厅');
    await page.getByTestId('nav-my-tasks').click();
    await expect(page.getByTestId('page-title')).toHaveText('我的任务');
    await expect(page.getByTestId('task-2.4.2')).toHaveCount(0);
    await expect(page.getByTestId('task-2.3.2')).toBeVisible();
    await expectAccessible(page, 'my tasks');

    const accepted = page.getByTestId('task-2.3.2');
    await accepted.getByTestId('accept').click();
    await expect(toast(page)).toContainText('已签收 2.3.2');
    await expect(accepted.getByTestId('task-status')).toHaveText('已签收');
    await expect(accepted.getByTestId('accept')).toHaveCount(0);

    const returned = page.getByTestId('task-2.3.3');
    await returned.getByTestId('return').click();
    await submitAfterRequiredText(page, { submit: 'dialog-submit', field: 'dialog-text' }, '请填写理由', RETURN_REASON);
    await expect(toast(page)).toContainText('已退办 2.3.3');
    // Back with the office as a draft, marked returned; nothing left to accept.
    await expect(returned.getByTestId('task-status')).toHaveText('草稿');
    await expect(returned.getByTestId('task-returned')).toHaveText('已退办');
    await expect(returned.getByTestId('return')).toHaveCount(0);

    // The office sees the acceptance in the list and the return reason on the task.
    await switchUser(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await page.goto('/tasks?status=accepted');
    await expect(page.getByTestId('filter-status')).toContainText('已签收');
    await expect(page.getByTestId('task-2.3.2').getByTestId('task-status')).toHaveText('已签收');
    await expectAccessible(page, 'the task list');

    await page.goto('/tasks?q=港航协同');
    const row = page.getByTestId('task-2.3.3');
    await expect(row.getByTestId('task-status')).toHaveText('草稿');
    await expect(row.getByTestId('task-returned')).toHaveText('已退办');
    await row.getByTestId('task-link').click();
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('detail-code')).toHaveText('2.3.3');
    await expect(page.getByTestId('returned-alert')).toContainText(RETURN_REASON);
    const returnEvent = page.locator('[data-testid="timeline-item"][data-kind="returned"]');
    await expect(returnEvent).toContainText('退办');
    await expect(returnEvent).toContainText(RETURN_REASON);
    await expect(page.locator('[data-testid="timeline-item"][data-kind="assigned"]')).toContainText('省交通运输厅');
    await expectAccessible(page, 'the task detail');
    // Each fact keeps a gap before the next label (责任人 once ran into 最近填报).
    const gaps = await page.getByTestId('task-info').evaluate((card) =>
      Array.from(card.querySelectorAll('.ant-descriptions-row > td'))
        .filter((cell) => cell.nextElementSibling)
        .map((cell) => {
          const content = cell.querySelector('.ant-descriptions-item-content');
          const next = cell.nextElementSibling?.querySelector('.ant-descriptions-item-label');
          if (!content || !next) return { label: cell.textContent, gap: -1 };
          const range = document.createRange();
          range.selectNodeContents(content);
          return { label: cell.querySelector('.ant-descriptions-item-label')?.textContent?.trim(), gap: next.getBoundingClientRect().left - range.getBoundingClientRect().right };
        }),
    );
    expect(gaps.map((g) => g.label)).toContain('责任人');
    for (const { label, gap } of gaps) expect(gap, `gap after ${label}`).toBeGreaterThanOrEqual(16);
  });

  test('a search for 港口 in /tasks narrows the list, and the filter lives in the URL', async ({ page, request }) => {
    await ensureSeedTasks(request);
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toBeVisible();
    await page.getByTestId('nav-tasks').click();
    await expect(page.getByTestId('page-title')).toHaveText('任务');
    const total = page.getByTestId('task-table').locator('.ant-pagination-total-text');
    await expect(total).toHaveText(/共 \d+ 条/);
    const before = Number((await total.textContent())?.match(/\d+/)?.[0]);
    expect(before).toBeGreaterThanOrEqual(76);

    await page.getByTestId('task-search').fill('港口');
    await expect(page).toHaveURL(/[?&]q=%E6%B8%AF%E5%8F%A3/);
    await expect(total).not.toHaveText(`共 ${before} 条`);
    const after = Number((await total.textContent())?.match(/\d+/)?.[0]);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    await expect(page.getByTestId('task-2.3.3')).toBeVisible();
    await expect(page.getByTestId('task-1.2.1')).toHaveCount(0);

    // The link reopens the same list.
    await page.reload();
    await expect(page.getByTestId('task-search')).toHaveValue('港口');
    await expect(total).toHaveText(`共 ${after} 条`);
  });

  test('a task that does not exist says so, without a retry that cannot help', async ({ page }) => {
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toBeVisible();
    await page.goto('/tasks/00000000-0000-4000-8000-000000000000');
    await expect(page.getByTestId('load-error')).toBeVisible();
    await expect(page.getByTestId('load-error').getByRole('button')).toHaveCount(0);
  });
});
