import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { commitImportAndOpenPlan, signIn, startEachTestSignedOut, toast } from './support';

/** A small spun plan with duty annotations, printed to PDF by LibreOffice (fixtures/README.md). */
const PDF = readFileSync(join(__dirname, '../fixtures/port-plan.pdf'));
const TITLE = '海湾市推进港口协同发展行动方案';

test.describe('plans: import a PDF and generate tasks from its duties', () => {
  startEachTestSignedOut();

  test('the office imports a PDF, rejects one suggested correction, commits, generates tasks and finds the lead departments pre-filled', async ({
    page,
  }) => {
    // A long journey (import, review, commit, generate, assign) on a shared, slow machine.
    test.slow();
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await page.getByTestId('nav-plan-import').click();
    await expect(page.getByTestId('page-title')).toHaveText('计划导入');

    await page.getByTestId('plan-upload').locator('input[type=file]').setInputFiles({ name: '港口协同方案.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByTestId('import-notice')).toContainText(`将新建计划《${TITLE}》第 1 版`);
    await expect(page.getByTestId('summary-measures')).toContainText('4');
    await expect(page.getByTestId('preview-preamble')).toContainText('结合本市实际');

    // The spun text is judged corrupted, with its evidence; the dictionary restores it.
    const verdict = page.getByTestId('corruption-verdict');
    await expect(verdict).toHaveAttribute('data-corrupted', 'true');
    await expect(verdict).toContainText('判定为受损文本');
    await expect(page.getByTestId('corruption-evidence')).toContainText('沉点');
    await expect(page.getByTestId('preview-node-1.1.1')).toContainText('建设城际铁路');
    await expect(page.getByTestId('preview-node-1.1.2')).toContainText('推动港口合作');
    // A name the directory does not know is listed for the office, not dropped.
    await expect(page.getByTestId('unknown-departments')).toContainText('省港航集团');

    // Reject one suggested correction: 鞭策 → 推动 in 1.1.2's title.
    await page.getByRole('tab', { name: /校正记录/ }).click();
    const rows = page.getByTestId('correction-row');
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    await page.locator('[data-testid="reject-correction"][data-wrong="鞭策"]').first().click();
    await expect(page.getByTestId('rejected-correction')).toHaveCount(1);
    await expect(page.getByTestId('rejected-correction')).toContainText('鞭策');
    await expect(rows).toHaveCount(before - 1);
    await expect(page.getByTestId('preview-refreshing')).toHaveCount(0);

    // Exactly that word changed back; the other corrections stay.
    await page.getByRole('tab', { name: '结构' }).click();
    await expect(page.getByTestId('preview-node-1.1.2')).toContainText('鞭策港口合作');
    await expect(page.getByTestId('preview-node-1.1.1')).toContainText('建设城际铁路');
    await expect(page.getByTestId('preview-node-1.2.1')).toContainText('共建创新平台');

    // Committed, the plan keeps its preamble and what the preview showed.
    await commitImportAndOpenPlan(page, TITLE);
    await expect(page.getByTestId('plan-preamble')).toContainText('结合本市实际');
    await page.getByTestId('plan-search').fill('港口合作');
    await expect(page.getByTestId('tree-node-1.1.2')).toContainText('鞭策港口合作');

    // Generate the tasks: the duties pre-fill lead departments (several leads: the first leads).
    await page.getByTestId('nav-task-assign').click();
    await expect(page.getByTestId('page-title')).toHaveText('任务分派');
    await page.getByTestId('assign-plan').click();
    await page.locator(`nz-option-item[title="${TITLE}"]`).click();
    await page.getByTestId('generate-tasks').click();
    await expect(toast(page)).toContainText('已生成 4 项任务，其中 4 项已按责任分工预填');
    await expect(page.getByTestId('assign-grid')).toBeVisible();
    await expect(page.getByTestId('lead-1.1.1')).toContainText('省交通运输厅');
    await expect(page.getByTestId('co-1.1.1')).toContainText('省发展改革委');
    await expect(page.getByTestId('lead-1.1.2')).toContainText('省交通运输厅');
    await expect(page.getByTestId('lead-1.2.1')).toContainText('省科技厅');
    await expect(page.getByTestId('lead-2.1')).toContainText('省发展改革委');
    await expect(page.getByTestId('task-row-1.1.1').getByTestId('task-status')).toHaveText('草稿');

    // The office confirms the pre-filled row.
    await page.getByTestId('select-1.1.1').locator('input[type="checkbox"]').check();
    await page.getByTestId('bulk-assign').click();
    await expect(page.locator('.ant-modal-confirm')).toContainText('省交通运输厅（牵头 1）、省财政厅（配合 1）、省发展改革委（配合 1）');
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect(toast(page)).toContainText('已交办 1 项任务');
    await expect(page.getByTestId('task-row-1.1.1').getByTestId('task-status')).toHaveText('已交办');
    await expect(page.getByTestId('lead-1.1.1')).toContainText('省交通运输厅');
  });
});
