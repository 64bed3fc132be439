import { type APIRequestContext, expect, test } from '@playwright/test';
import { apiLogin, assignAndAccept, expectAccessible, firstUnassigned, seedPlanTasks, type SeedTaskRow, signIn, startEachTestSignedOut, switchUser, toast } from './support';

/** Measures this journey may use (no other journey touches them; the first unassigned one is taken). */
const CANDIDATES = ['2.8.2', '2.8.3', '2.9.2', '2.9.3', '2.7.2'];
/** A working day (a Tuesday) before the assigned deadline of 2027-12-31. */
const NEW_DUE = '2027-11-30';
const REASON = '省际协调会议定提前完成，并增加杭州市配合（E2E 变更）';

type TaskRow = SeedTaskRow;

interface RequestRow {
  id: string;
  kind: string;
  status: string;
  approvalId: string | null;
}

/**
 * Through the API: a measure of the seed plan assigned to 省交通运输厅 (co: 省发展改革委, due
 * 2027-12-31) and accepted by its liaison — a task whose lead department may ask for a change.
 */
async function acceptedTask(request: APIRequestContext): Promise<TaskRow> {
  const office = await apiLogin(request, 'office');
  const chosen = firstUnassigned(await seedPlanTasks<TaskRow>(request, office), CANDIDATES);
  await assignAndAccept(request, office, chosen, { leadDepartmentCode: 'jtt', coDepartmentCodes: ['fgw'], dueDate: '2027-12-31', reportingCycle: 'monthly' });
  return chosen;
}

/** The task's change request, once filed (read as the liaison who filed it). */
async function changeRequestOf(request: APIRequestContext, taskId: string): Promise<RequestRow> {
  const listed = await request.get(`/api/tasks/${taskId}/requests`, { headers: await apiLogin(request, 'jtt.liaison') });
  expect(listed.ok(), await listed.text()).toBe(true);
  const found = ((await listed.json()) as RequestRow[]).find((r) => r.kind === 'change_request');
  expect(found, 'the filed change request').toBeDefined();
  return found as RequestRow;
}

/** One approval step through the API, as `username` (the approval pages are walked by the leader below). */
async function approveAs(request: APIRequestContext, approvalId: string, username: string): Promise<void> {
  const headers = await apiLogin(request, username);
  const current = await request.get(`/api/approvals/${approvalId}`, { headers });
  expect(current.ok(), await current.text()).toBe(true);
  const { version } = (await current.json()) as { version: number };
  const acted = await request.post(`/api/approvals/${approvalId}/actions`, { headers, data: { version, type: 'approve', comment: '同意' } });
  expect(acted.ok(), `${username}: ${await acted.text()}`).toBe(true);
}

test.describe('任务变更申请: the lead department asks, head, office and leader approve, the task changes', () => {
  startEachTestSignedOut();

  test('省交通运输厅 moves the deadline and adds 杭州市 as co-department; after three approvals the task shows both', async ({ page, request }) => {
    const task = await acceptedTask(request);

    // The liaison opens the task and files the change: a new deadline and one more co-department.
    await signIn(page, 'jtt.liaison');
    await expect(page.getByTestId('side-menu')).toBeVisible();
    await page.goto(`/tasks/${task.id}`);
    await expect(page.getByTestId('detail-code')).toHaveText(task.code);
    await expect(page.getByTestId('detail-co')).toHaveText('省发展改革委');
    const card = page.getByTestId('task-requests-card');
    await expect(card.getByTestId('request-extension')).toBeVisible();
    await expect(card.getByTestId('request-completion')).toHaveCount(0); // not in progress yet
    await card.getByTestId('request-change').click();

    const dialog = page.locator('.ant-modal-content');
    await expect(dialog.locator('.ant-modal-title')).toHaveText(`申请变更 · ${task.code}`);
    // Prefilled with the task as it is.
    await expect(page.getByTestId('change-title')).toHaveValue(task.title);
    await expect(page.getByTestId('change-lead')).toContainText('省交通运输厅');
    await expect(page.getByTestId('change-co')).toContainText('省发展改革委');
    await expect(page.getByTestId('change-due').locator('input')).toHaveValue('2027-12-31');

    // Nothing changed and no reason: stopped in the dialog.
    await page.getByTestId('dialog-submit').click();
    await expect(page.getByTestId('change-nothing')).toHaveText('请至少修改一项内容');
    await expect(dialog.locator('.ant-form-item-explain-error')).toContainText('请填写变更理由');

    const due = page.getByTestId('change-due').locator('input');
    await due.click();
    await due.fill(NEW_DUE);
    await due.press('Enter');
    await expect(due).toHaveValue(NEW_DUE);
    await page.getByTestId('change-co').click();
    await page.getByTestId('change-co').locator('input').fill('杭州市');
    await page.locator('.ant-select-item-option[title="杭州市"]').click();
    await page.getByTestId('change-co').locator('input').press('Escape');
    await expect(page.getByTestId('change-co')).toContainText('杭州市');
    await expect(page.getByTestId('change-nothing')).toHaveCount(0);
    await page.getByTestId('change-reason').fill(REASON);
    await expectAccessible(page, 'the change request dialog');
    await page.getByTestId('dialog-submit').click();
    await expect(toast(page)).toContainText('任务变更申请已提交');
    await expect(dialog).toHaveCount(0);

    // The task's requests list shows it in approval, with what it changes; no second one may be filed meanwhile.
    const filed = card.locator('[data-testid="task-request"][data-kind="change_request"]');
    await expect(filed.getByTestId('report-status')).toHaveText('审批中');
    await expect(filed.getByTestId('request-kind')).toHaveText('任务变更申请');
    await expect(filed.getByTestId('request-reason')).toHaveText(REASON);
    await expect(filed.locator('[data-testid="change-row"][data-field="dueDate"] [data-testid="change-to"]')).toHaveText(NEW_DUE);
    await expect(filed.locator('[data-testid="change-row"][data-field="coDepartments"] [data-testid="change-to"]')).toContainText('杭州市');
    await expect(card.getByTestId('request-change')).toHaveCount(0);
    await expectAccessible(page, 'the task detail with a change request');
    // Not applied before approval.
    await expect(page.getByTestId('task-deadline')).toContainText('2027-12-31');

    // The department head and the office reviewer approve through the API.
    const filedRequest = await changeRequestOf(request, task.id);
    expect(filedRequest.approvalId).toBeTruthy();
    const approvalId = filedRequest.approvalId as string;
    await approveAs(request, approvalId, 'jtt.head');
    await approveAs(request, approvalId, 'reviewer');

    // The leader decides on the approval page, reading the changes table.
    await switchUser(page, 'leader');
    await page.getByTestId('nav-approvals').click();
    await expect(page.getByTestId('page-title')).toHaveText('审批待办');
    const row = page.locator('[data-testid="approval-row"][data-subject="change_request"]');
    await expect(row).toHaveCount(1);
    await row.getByTestId('approval-open').click();
    const subject = page.getByTestId('subject-change');
    await expect(subject).toBeVisible();
    const dueChange = subject.locator('[data-testid="change-row"][data-field="dueDate"]');
    await expect(dueChange.getByTestId('change-from')).toHaveText('2027-12-31');
    await expect(dueChange.getByTestId('change-to')).toHaveText(NEW_DUE);
    const coChange = subject.locator('[data-testid="change-row"][data-field="coDepartments"]');
    await expect(coChange.getByTestId('change-from')).toContainText('省发展改革委');
    await expect(coChange.getByTestId('change-to')).toContainText('杭州市');
    await expect(subject.getByTestId('request-reason')).toHaveText(REASON);
    await expectAccessible(page, 'the approval page of a change request');
    await page.getByTestId('action-approve').click();
    await page.getByTestId('decision-comment').fill('同意变更');
    await page.getByTestId('decision-submit').click();
    await expect(toast(page)).toContainText('已同意');
    await expect(page.getByTestId('action-approve')).toHaveCount(0);
    await expect(subject.getByTestId('report-status')).toHaveText('已通过');

    // The task now carries the new deadline and co-departments, and the request reads 已通过.
    await switchUser(page, 'jtt.liaison');
    await page.goto(`/tasks/${task.id}`);
    await expect(page.getByTestId('detail-code')).toHaveText(task.code);
    await expect(page.getByTestId('task-deadline')).toContainText(NEW_DUE);
    await expect(page.getByTestId('detail-co')).toContainText('省发展改革委');
    await expect(page.getByTestId('detail-co')).toContainText('杭州市');
    // The timeline says what the approval changed.
    const applied = page.locator('[data-testid="timeline-item"][data-kind="updated"]').filter({ hasText: '任务变更申请审批通过' });
    await expect(applied).toContainText(NEW_DUE);
    await expect(applied).toContainText('杭州市');
    const approved = page.locator('[data-testid="task-request"][data-kind="change_request"]');
    await expect(approved.getByTestId('report-status')).toHaveText('已通过');
    // Decided: another change may be asked for again.
    await expect(page.getByTestId('request-change')).toBeVisible();
    await expectAccessible(page, 'the task detail after the change');
  });
});
