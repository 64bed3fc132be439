import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiLogin, assignAndAccept, expectAccessible, firstUnassigned, seedPlanTasks, type SeedTaskRow, signIn, startEachTestSignedOut, submitAfterRequiredText, switchUser, toast } from './support';

/** Measures this journey may use (the first still unassigned one is taken, so reruns on one database work). */
const CANDIDATES = ['3.2.1', '3.1.1', '2.9.1', '2.8.1', '2.7.1'];
const RETURN_COMMENT = '请补充本期完成的投资额和形象进度（E2E 退回）';
/** A minimal valid PDF: the API decides the type by the %PDF- signature. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

type TaskRow = SeedTaskRow;

/** First day of the month two months ago (YYYY-MM-01): the current month's report is then due. */
function startTwoMonthsAgo(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Through the API: tasks for the seed plan, one of them assigned to 省交通运输厅 with a monthly
 * cycle starting in the past, accepted by its liaison — so a report draft is due.
 */
async function prepareTask(request: APIRequestContext): Promise<TaskRow> {
  const office = await apiLogin(request, 'office');
  const chosen = firstUnassigned(await seedPlanTasks<TaskRow>(request, office), CANDIDATES);

  await assignAndAccept(request, office, chosen, { leadDepartmentCode: 'jtt', startDate: startTwoMonthsAgo(), deadlineText: '2027年12月底', reportingCycle: 'monthly' });
  return chosen;
}

/** The modal.confirm of a submit: its primary button. */
async function confirm(page: Page): Promise<void> {
  await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
}

/** Opens the to-do approval of the task from 审批待办 (the menu shows the count); `check` runs the accessibility check on both pages. */
async function openApproval(page: Page, code: string, check = false): Promise<void> {
  await expect(page.getByTestId('nav-approvals-badge')).toBeVisible();
  await page.getByTestId('nav-approvals').click();
  await expect(page.getByTestId('page-title')).toHaveText('审批待办');
  await expect(page.getByTestId('count-todo')).not.toHaveText('0');
  const row = page.locator(`[data-testid="approval-row"][data-subject="progress_report"][data-title*="${code}"]`);
  await expect(row).toHaveCount(1);
  if (check) await expectAccessible(page, 'the approval inbox');
  await row.getByTestId('approval-open').click();
  await expect(page.getByTestId('subject-report')).toBeVisible();
  await expect(page.getByTestId('subject-report').getByTestId('evidence-item')).toHaveAttribute('data-name', '本期进展佐证.pdf');
  if (check) await expectAccessible(page, 'the approval page');
}

test.describe('reports: fill, approve, return, resubmit', () => {
  startEachTestSignedOut();

  test('省交通运输厅 reports with evidence; its head approves; the reviewer returns it; the liaison sees the comment and resubmits', async ({ page, request }) => {
    const task = await prepareTask(request);

    // The liaison fills the due report of the month.
    await signIn(page, 'jtt.liaison');
    await page.getByTestId('nav-reports').click();
    await expect(page.getByTestId('page-title')).toHaveText('进展填报');
    const due = page.locator(`[data-testid="report-row"][data-task="${task.code}"]`).first();
    await expect(due.getByTestId('report-status')).toHaveText('草稿');
    await expectAccessible(page, 'the report list');
    await due.getByTestId('report-open').click();
    await expect(page.getByTestId('page-title')).toHaveText(task.title);

    // Submitting an empty report is stopped at the form.
    await page.getByTestId('report-submit').click();
    await expect(page.locator('.ant-form-item-explain-error').first()).toContainText('请填写工作进展');

    await page.getByTestId('report-content').fill('本月完成沪杭甬通道前期研究，召开省际协调会 2 次。');
    await page.getByTestId('report-progress').locator('input').fill('35');
    await page.getByTestId('report-risks').fill('部分用地指标尚未落实');
    await page.getByTestId('report-next-steps').fill('下月完成初步设计评审');

    // A text file is refused by the API, which says why; the PDF is accepted.
    const upload = page.getByTestId('evidence-upload').locator('input[type="file"]');
    await upload.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
    await expect(page.getByTestId('upload-error')).toContainText('不支持的文件类型');
    await upload.setInputFiles({ name: '本期进展佐证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByTestId('report-evidence').getByTestId('evidence-item')).toHaveAttribute('data-name', '本期进展佐证.pdf');
    await expectAccessible(page, 'the report form');

    await page.getByTestId('report-submit').click();
    await confirm(page);
    await expect(toast(page)).toContainText('已提交审批');
    await expect(page.getByTestId('report-status')).toHaveText('审批中');
    await expect(page.getByTestId('report-read')).toContainText('沪杭甬通道前期研究');
    await expect(page.getByTestId('approval-steps').getByTestId('step-dept_head')).toHaveAttribute('data-status', 'active');

    // The department head approves it in 审批待办.
    await switchUser(page, 'jtt.head');
    await openApproval(page, task.code, true);
    await expect(page.getByTestId('subject-content')).toContainText('沪杭甬通道前期研究');
    await page.getByTestId('action-approve').click();
    await page.getByTestId('decision-comment').fill('同意上报');
    await page.getByTestId('decision-submit').click();
    await expect(toast(page)).toContainText('已同意');
    await expect(page.getByTestId('step-dept_head')).toHaveAttribute('data-status', 'approved');
    await expect(page.getByTestId('action-approve')).toHaveCount(0);

    // The office reviewer returns it with a comment (required).
    await switchUser(page, 'reviewer');
    await openApproval(page, task.code);
    await page.getByTestId('action-return').click();
    await submitAfterRequiredText(page, { submit: 'decision-submit', field: 'decision-comment' }, '请填写意见', RETURN_COMMENT);
    await expect(toast(page)).toContainText('已退回');
    await expect(page.locator('[data-testid="timeline-entry"][data-type="return"]')).toContainText(RETURN_COMMENT);

    // The liaison opens the return notice: it leads to the report itself, editable, with the comment at the top.
    await switchUser(page, 'jtt.liaison');
    await page.goto('/notifications');
    const notice = page.getByTestId('notification-item').filter({ hasText: '审批退回' }).filter({ hasText: RETURN_COMMENT }).first();
    await expect(notice).toBeVisible();
    await notice.getByTestId('notification-title').click();
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('page-title')).toHaveText(task.title);
    await expect(page.getByTestId('report-return-comment')).toHaveText(RETURN_COMMENT);
    await expect(page.getByTestId('report-content')).toBeEditable();
    await expect(page.getByTestId('report-content')).toHaveValue(/沪杭甬通道前期研究/);
    await page.getByTestId('report-content').fill('本月完成沪杭甬通道前期研究，完成投资 1.2 亿元，形象进度 35%。');
    await page.getByTestId('report-submit').click();
    await confirm(page);
    await expect(toast(page)).toContainText('已提交审批');
    await expect(page.getByTestId('report-status')).toHaveText('审批中');
    await expect(page.getByTestId('report-returned')).toHaveCount(0);
    await expect(page.getByTestId('report-evidence').getByTestId('evidence-item')).toHaveCount(1);

    // The head's second round shows the first: the return with its comment, a link to that round.
    await switchUser(page, 'jtt.head');
    await openApproval(page, task.code);
    await expect(page.getByTestId('approval-round-tag')).toHaveText('第 2 轮');
    const first = page.locator('[data-testid="approval-round"][data-round="1"]');
    await expect(first.getByTestId('approval-status')).toHaveText('已退回');
    await expect(first.locator('[data-testid="timeline-entry"][data-type="return"]')).toContainText(RETURN_COMMENT);
    await expect(page.locator('[data-testid="approval-round"][data-round="2"]')).toHaveAttribute('data-current', 'true');
    await first.getByTestId('approval-round-open').click();
    await expect(page.getByTestId('approval-round-tag')).toHaveText('第 1 轮');
    await expect(page.locator('[data-testid="approval-round"][data-round="2"]').getByTestId('approval-round-open')).toBeVisible();
  });
});
