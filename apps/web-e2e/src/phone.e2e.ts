import { deflateSync, crc32 } from 'node:zlib';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiLogin, expectAccessible, seedPlanTasks, type SeedTaskRow, signIn, startEachTestSignedOut, switchUser, toast } from './support';

const PHONE = { width: 390, height: 844 };
const RETURN_REASON = '本项由省商务厅牵头更合适（手机端 E2E 退办）';

test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

type TaskRow = SeedTaskRow;

/** A real PNG (a 4×4 red square), made here: what a phone's camera hands the page, only smaller. */
function makePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(4, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  const row = Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0]);
  const pixels = Buffer.concat([row, row, row, row]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function taskById(request: APIRequestContext, id: string): Promise<TaskRow> {
  const response = await request.get(`/api/tasks/${id}`, { headers: await apiLogin(request, 'office') });
  expect(response.ok()).toBe(true);
  return (await response.json()) as TaskRow;
}

/** First day of the month two months ago: the current month's report is then due. */
function startTwoMonthsAgo(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString().slice(0, 10);
}

/** Two unassigned measures of the seed plan (section 2.5, else 2.2: no other journey uses them), assigned to 省交通运输厅. */
async function assignTwo(request: APIRequestContext): Promise<[TaskRow, TaskRow]> {
  const office = await apiLogin(request, 'office');
  const items = await seedPlanTasks<TaskRow>(request, office);
  const free = (prefix: string) => items.filter((t) => t.code.startsWith(prefix) && t.status === 'draft' && !t.returnedReason);
  const chosen = [...free('2.5.'), ...free('2.2.')].slice(0, 2);
  expect(chosen, 'two unassigned measures').toHaveLength(2);
  const response = await request.post('/api/tasks/bulk-assign', {
    headers: office,
    data: {
      items: chosen.map((t) => ({
        taskId: t.id,
        version: t.version,
        leadDepartmentCode: 'jtt',
        startDate: startTwoMonthsAgo(),
        deadlineText: '2027年12月底',
        reportingCycle: 'monthly',
      })),
      dispatch: true,
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return chosen as [TaskRow, TaskRow];
}

/** The page is no wider than the phone: nothing to scroll sideways. */
async function expectNoSideways(page: Page): Promise<void> {
  const width = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
  expect(width, `page width at ${page.url()}`).toBeLessThanOrEqual(PHONE.width);
}

/** Opens the drawer menu with the header's button and taps an entry; `check` runs the accessibility check on the open drawer. */
async function goTo(page: Page, navId: string, title: string, check = false): Promise<void> {
  await page.getByTestId('menu-trigger').click();
  const drawer = page.getByTestId('nav-drawer');
  await expect(drawer).toHaveAttribute('data-open', 'true');
  // Tap only once the drawer has slid fully in (a tap mid-slide would land on the entry above).
  await expect.poll(async () => (await drawer.boundingBox())?.x).toBe(0);
  if (check) await expectAccessible(page, 'the drawer menu on a phone');
  await drawer.getByTestId(`nav-${navId}`).click();
  // Closed (or already taken down): no open drawer is left over the page.
  await expect(page.locator('[data-testid="nav-drawer"][data-open="true"]')).toHaveCount(0);
  await expect(page.getByTestId('page-title')).toHaveText(title);
}

test.describe('phone (390×844): the department works from its phone', () => {
  startEachTestSignedOut();

  test('the liaison accepts and returns from task cards and reports with a photo; the head approves', async ({ page, request }) => {
    // Two users, four pages each: more than the 3-minute default on a loaded shared machine (120 s ran out mid-journey).
    test.setTimeout(300_000);
    const [accepted, returned] = await assignTwo(request);

    await signIn(page, 'jtt.liaison');
    await expect(page.getByTestId('menu-trigger')).toBeVisible();
    // No sider on a phone: the menu is a drawer, closed until asked for.
    await expect(page.locator('nz-sider')).toHaveCount(0);
    await expect(page.locator('[data-testid="nav-drawer"][data-open="true"]')).toHaveCount(0);
    await expectNoSideways(page);
    await expectAccessible(page, 'the department home on a phone');

    await goTo(page, 'my-tasks', '我的任务', true);
    const cards = page.getByTestId('task-cards');
    await expect(cards).toBeVisible();
    await expect(page.getByTestId('task-table')).toHaveCount(0);
    const acceptCard = cards.locator(`[data-testid="task-card"][data-id="${accepted.id}"]`);
    const returnCard = cards.locator(`[data-testid="task-card"][data-id="${returned.id}"]`);
    await expect(acceptCard.getByTestId('task-link')).toHaveText(accepted.title);
    await expect(returnCard.getByTestId('accept')).toBeVisible();
    await expect(acceptCard.getByTestId('remaining-working-days')).toBeVisible();
    await expectNoSideways(page);
    await expectAccessible(page, 'my tasks on a phone');

    // 签收 on one card accepts that card's task, and only that one.
    await acceptCard.getByTestId('accept').tap();
    await expect(toast(page)).toContainText('已签收');
    await expect(acceptCard.getByTestId('task-status')).toHaveText('已签收');
    expect((await taskById(request, accepted.id)).status).toBe('accepted');
    expect((await taskById(request, returned.id)).status).toBe('assigned');

    // 退办 on the other card returns that task, with the reason.
    await returnCard.getByTestId('return').tap();
    await page.getByTestId('dialog-text').fill(RETURN_REASON);
    await expectNoSideways(page);
    await expectAccessible(page, 'the return dialog on a phone');
    await page.getByTestId('dialog-submit').tap();
    await expect(returnCard.getByTestId('task-returned')).toHaveText('已退办');
    const afterReturn = await taskById(request, returned.id);
    expect([afterReturn.status, afterReturn.returnedReason]).toEqual(['draft', RETURN_REASON]);
    expect((await taskById(request, accepted.id)).status).toBe('accepted');

    // 进展填报: the due report of the accepted task, on a card; filled in one column, with a photo.
    await goTo(page, 'reports', '进展填报');
    await expect(page.getByTestId('report-cards')).toBeVisible();
    await expectNoSideways(page);
    await expectAccessible(page, 'the report list on a phone');
    const due = page.locator(`[data-testid="report-row"][data-task="${accepted.code}"]`).first();
    await due.getByTestId('report-open').tap();
    await expect(page.getByTestId('page-title')).toHaveText(accepted.title);
    await page.getByTestId('report-content').fill('本月完成港口合作协议起草，现场照片见附件。');
    await page.getByTestId('report-progress').locator('input').fill('20');
    const camera = page.getByTestId('evidence-upload-camera');
    await expect(camera).toHaveAttribute('accept', 'image/*');
    await expect(camera).toHaveAttribute('capture', 'environment');
    await expect(page.getByTestId('evidence-upload-album')).toHaveAttribute('accept', 'image/*');
    await camera.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: makePng() });
    await expect(page.getByTestId('report-evidence').getByTestId('evidence-item')).toHaveAttribute('data-name', '现场照片.png');
    await expectNoSideways(page);
    await expectAccessible(page, 'the report form on a phone');
    await page.getByTestId('report-submit').tap();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').tap();
    await expect(toast(page)).toContainText('已提交审批');
    await expect(page.getByTestId('report-status')).toHaveText('审批中');

    // The head approves it from 审批待办 on a card.
    await switchUser(page, 'jtt.head', 'menu-trigger');
    await expectNoSideways(page);
    await goTo(page, 'approvals', '审批待办');
    await expect(page.getByTestId('approval-cards')).toBeVisible();
    const item = page.locator(`[data-testid="approval-row"][data-subject="progress_report"][data-title*="${accepted.code}"]`);
    await expect(item).toHaveCount(1);
    await expectNoSideways(page);
    await expectAccessible(page, 'the approval inbox on a phone');
    await item.getByTestId('approval-open').tap();
    await expect(page.getByTestId('subject-report').getByTestId('evidence-item')).toHaveAttribute('data-name', '现场照片.png');
    await expectNoSideways(page);
    await expectAccessible(page, 'the approval page on a phone');
    await page.getByTestId('action-approve').tap();
    await page.getByTestId('decision-comment').fill('同意');
    await page.getByTestId('decision-submit').tap();
    await expect(toast(page)).toContainText('已同意');
    await expect(page.getByTestId('step-dept_head')).toHaveAttribute('data-status', 'approved');
    await expectNoSideways(page);
  });

  test('the drawer menu takes the keyboard focus on the current entry, keeps Tab inside, closes on Escape and gives the focus back', async ({ page }) => {
    await signIn(page, 'jtt.liaison');
    const trigger = page.getByTestId('menu-trigger');
    await expect(trigger).toBeVisible();
    await trigger.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('nav-drawer')).toHaveAttribute('data-open', 'true');
    // Keyboard and screen-reader users land in the menu, on 工作台, not behind the mask.
    await expect(page.getByTestId('nav-drawer').getByTestId('nav-dept-home')).toBeFocused();
    // Tab past every entry: the focus wraps inside the drawer (its panel, .nav-drawer, with ng-zorro's own
    // wrappers and focus anchors), never reaching the page behind the mask.
    const inDrawer = () => page.evaluate(() => document.activeElement?.closest('.nav-drawer') !== null && document.activeElement?.closest('nz-layout') === null);
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      // Polled: the focus trap moves the focus from its anchor to the first entry a moment after the key.
      await expect.poll(inDrawer, { message: `Tab ${i + 1} left the drawer` }).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid="nav-drawer"][data-open="true"]')).toHaveCount(0);
    await expect(trigger).toBeFocused();
  });
});
