import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiLogin, SEED_TITLE, signIn, startEachTestSignedOut } from './support';

/**
 * A second plan whose codes repeat the seed's (2.1.2 in both). Imported plans become the public
 * summary's default (the newest), so this journey, like plans.e2e, runs after dashboard.e2e (file order).
 */
const SECOND_TITLE = '测试市港口协同行动方案（E2E 日常使用）';
const PRODUCT = '落实 · 任务督办';

function secondPlan(): string {
  return [
    SECOND_TITLE,
    '',
    '一、总体要求',
    '（一）指导思想。坚持协同发展。',
    '',
    '二、重点任务',
    '（一）港口建设',
    '1.推进港口协同。推进测试港与宁波舟山港合作（省交通运输厅牵头）。',
    '2.完善集疏运体系。加快铁路进港，推动多式联运（省交通运输厅牵头）。',
    '（二）公共服务',
    '3.推进医疗合作。推动跨省就医直接结算（省交通运输厅牵头）。',
    '',
  ].join('\n');
}

type Task = { id: string; code: string; status: string; version: number };

/** Both plans with their tasks (import and generation are skipped when already done). */
async function ensurePlans(request: APIRequestContext): Promise<{ seedId: string; secondId: string }> {
  const office = await apiLogin(request, 'office');
  const plans = async () => (await (await request.get('/api/plans', { headers: office })).json()) as { id: string; title: string }[];
  if (!(await plans()).some((p) => p.title === SECOND_TITLE)) {
    const imported = await request.post('/api/plans/import?dryRun=false', {
      headers: office,
      multipart: { file: { name: '港口协同方案.txt', mimeType: 'text/plain', buffer: Buffer.from(secondPlan(), 'utf8') } },
    });
    expect(imported.ok(), await imported.text()).toBe(true);
  }
  const all = await plans();
  const seedId = all.find((p) => p.title === SEED_TITLE)?.id ?? '';
  const secondId = all.find((p) => p.title === SECOND_TITLE)?.id ?? '';
  for (const id of [seedId, secondId]) expect((await request.post(`/api/plans/${id}/tasks/generate`, { headers: office })).ok()).toBe(true);
  return { seedId, secondId };
}

async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`nz-option-item[title="${label}"]`).click();
}

test.describe('daily use: plan-aware lists, the product name, the leaders’ 批示 page', () => {
  startEachTestSignedOut();

  test('the header names the product, not a plan; a code search finds 2.1.2 in both plans, each row naming its plan; the chosen plan is remembered', async ({ page, request }) => {
    const { secondId } = await ensurePlans(request);
    await expect(page.getByTestId('product-name')).toHaveText(PRODUCT);
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await expect(page.getByTestId('header-title')).toHaveText(PRODUCT);
    await expect(page).toHaveTitle(/落实/);
    await expect(page.getByTestId('header-title')).not.toContainText('长三角');

    await page.getByTestId('nav-tasks').click();
    await expect(page.getByTestId('page-title')).toHaveText('任务');
    await page.getByTestId('task-search').fill('2.1.2');
    await expect(page).toHaveURL(/[?&]q=2\.1\.2/);
    const rows = page.getByTestId('task-table').getByTestId('task-2.1.2');
    await expect(rows).toHaveCount(2);
    const plansShown = await rows.getByTestId('task-plan').allTextContents();
    expect(plansShown.map((t) => t.trim()).sort()).toEqual([SECOND_TITLE, SEED_TITLE].sort());

    // One plan chosen: its rows only, and no plan label (nothing is ambiguous any more).
    await pickOption(page, 'filter-plan', SECOND_TITLE);
    await expect(page).toHaveURL(new RegExp(`[?&]planId=${secondId}`));
    await expect(rows).toHaveCount(1);
    await expect(page.getByTestId('task-table').getByTestId('task-plan')).toHaveCount(0);
    await expect(rows).toContainText('完善集疏运体系');
    // 清除筛选 keeps the plan.
    await page.getByTestId('filter-clear').click();
    await expect(page).toHaveURL(new RegExp(`/tasks\\?planId=${secondId}$`));

    // Away and back through the menu: the list opens with the remembered plan.
    await page.getByTestId('nav-office-home').click();
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await page.getByTestId('nav-tasks').click();
    await expect(page).toHaveURL(new RegExp(`[?&]planId=${secondId}`));
    await expect(page.getByTestId('filter-plan')).toContainText(SECOND_TITLE);
    await expect(page.getByTestId('task-table').getByTestId('task-2.1.1')).toHaveCount(1);
  });

  test('a leader’s 批示 page lists their instructions, the answers and what is still open', async ({ page, request }) => {
    const { secondId } = await ensurePlans(request);
    const office = await apiLogin(request, 'office');
    const listed = (await (await request.get('/api/tasks', { headers: office, params: { planId: secondId, pageSize: 100 } })).json()) as { items: Task[] };
    const drafts = listed.items.filter((t) => (t.code === '2.1.1' || t.code === '2.2.1') && t.status === 'draft');
    if (drafts.length > 0) {
      const assigned = await request.post('/api/tasks/bulk-assign', {
        headers: office,
        data: { items: drafts.map((t) => ({ taskId: t.id, version: t.version, leadDepartmentCode: 'jtt', deadlineText: '2027年12月底', reportingCycle: 'quarterly' })) },
      });
      expect(assigned.ok(), await assigned.text()).toBe(true);
    }
    const [open, answered] = ['2.1.1', '2.2.1'].map((code) => listed.items.find((t) => t.code === code) as Task);
    const stamp = Date.now().toString(36);
    const leader = await apiLogin(request, 'leader');
    const openText = `请月底前报送港口协同进展（${stamp}）`;
    const answeredText = `加强跨省就医结算宣传（${stamp}）`;
    const answerText = `已部署宣传，下周报送方案（${stamp}）`;
    expect((await request.post(`/api/tasks/${open.id}/instructions`, { headers: leader, data: { text: openText } })).ok()).toBe(true);
    const given = await request.post(`/api/tasks/${answered.id}/instructions`, { headers: leader, data: { text: answeredText } });
    expect(given.ok()).toBe(true);
    const { id: instructionId } = (await given.json()) as { id: string };
    const reply = await request.post(`/api/tasks/${answered.id}/instructions/${instructionId}/answer`, { headers: await apiLogin(request, 'jtt.liaison'), data: { text: answerText } });
    expect(reply.ok(), await reply.text()).toBe(true);

    await signIn(page, 'leader');
    await expect(page.getByTestId('home-title')).toHaveText('领导驾驶舱');
    await page.getByTestId('nav-instructions').click();
    await expect(page.getByTestId('page-title')).toHaveText('领导批示');
    await expect(page.locator('body')).not.toContainText('功能建设中');
    // Open first: the unanswered instruction, with its task and plan.
    const openItem = page.getByTestId('instruction').filter({ hasText: openText });
    await expect(openItem).toHaveAttribute('data-state', 'open');
    await expect(openItem.getByTestId('instruction-open')).toHaveText('尚未答复');
    await expect(openItem).toContainText(SECOND_TITLE);
    await expect(openItem.getByTestId('instruction-task')).toContainText('2.1.1');
    await expect(page.getByTestId('instruction').filter({ hasText: answeredText })).toHaveCount(0);

    await page.getByTestId('instruction-tab-answered').click();
    await expect(page).toHaveURL(/[?&]state=answered/);
    const answeredItem = page.getByTestId('instruction').filter({ hasText: answeredText });
    await expect(answeredItem.getByTestId('instruction-answer')).toContainText(answerText);
    // The task opens from the list.
    await answeredItem.getByTestId('instruction-task').click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${answered.id}$`));
    await expect(page.getByTestId('detail-code')).toHaveText('2.2.1');
    // Back returns to the same tab.
    await page.goBack();
    await expect(page.getByTestId('instruction').filter({ hasText: answeredText })).toBeVisible();
  });
});
