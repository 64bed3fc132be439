import { expect, test } from '@playwright/test';
import { commitImportAndOpenPlan, expectAccessible, SEED_TITLE, signIn, startEachTestSignedOut } from './support';


/** A small plan: two parts, three measures, two indicators; 扶植 is corrected to 建设 when the office forces corrections on. */
function smallPlan(title: string): string {
  return [
    title,
    '',
    '一、总体要求',
    '（一）指导思想。坚持高质量发展，推动港口协同。',
    '',
    '二、重点任务',
    '（一）港口建设',
    '1.加快港口扶植。推进宁波舟山港与测试港合作，到2026年，集装箱吞吐量达到500万标箱以上。',
    '2.完善集疏运体系。加快铁路进港，推动多式联运。',
    '（二）公共服务',
    '3.推进医疗合作。到2025年，跨省就医直接结算率达到90%。',
    '',
  ].join('\n');
}

test.describe('plans: import and browse', () => {
  startEachTestSignedOut();

  test('the office previews a plan, commits it and finds a measure in the browser', async ({ page }) => {
    // Preview, a second preview with corrections forced on, commit and browse: a long journey.
    test.slow();
    const title = `测试市推进港口一体化行动方案（E2E${Date.now().toString(36).toUpperCase()}）`;
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await page.getByTestId('nav-plan-import').click();
    await expect(page.getByTestId('page-title')).toHaveText('计划导入');

    // The browser refuses what the API would refuse, before sending anything.
    const input = page.getByTestId('plan-upload').locator('input[type=file]');
    await input.setInputFiles({ name: '方案.wps', mimeType: 'application/octet-stream', buffer: Buffer.from('WPS') });
    await expect(page.getByTestId('upload-error')).toContainText('不支持的文件类型');

    await input.setInputFiles({ name: '测试方案.txt', mimeType: 'text/plain', buffer: Buffer.from(smallPlan(title), 'utf8') });
    await expect(page.getByTestId('import-notice')).toContainText(`将新建计划《${title}》第 1 版`);
    await expect(page.getByTestId('summary-measures')).toContainText('3');
    await expect(page.getByTestId('summary-parts')).toContainText('2');
    // A clean text: the dictionary is not applied by default (one odd word is no evidence).
    await expect(page.getByTestId('corruption-verdict')).toHaveAttribute('data-corrupted', 'false');
    await expect(page.getByTestId('preview-node-2.1.1')).toContainText('加快港口扶植');
    await expectAccessible(page, 'the plan import preview');
    // The office forces the corrections on; the preview runs again.
    await page.getByTestId('mode-on').click();
    await expect(page.getByTestId('preview-node-2.1.1')).toContainText('加快港口建设');

    // The corrected word is marked, the original in its tooltip.
    await page.getByRole('tab', { name: '校正文本' }).click();
    const mark = page.getByTestId('correction-mark').filter({ hasText: '建设' }).first();
    await expect(mark).toBeVisible();
    await expect(mark).toHaveAttribute('title', /原文“扶植”/);

    await page.getByRole('tab', { name: /指标/ }).click();
    await expect(page.getByTestId('indicators-table')).toContainText('集装箱吞吐量');

    await commitImportAndOpenPlan(page, title);
    await expect(page.getByTestId('tree-node-1')).toContainText('总体要求');
    await expect(page.getByTestId('tree-node-2')).toContainText('重点任务');

    await page.getByTestId('plan-search').fill('港口');
    await expect(page.getByTestId('search-info')).toContainText('匹配');
    const measure = page.getByTestId('tree-node-2.1.1');
    await expect(measure).toContainText('加快港口建设');
    await expect(measure.getByTestId('search-hit')).toHaveText('港口');
    await expect(page.getByTestId('tree-node-2.2.1')).toHaveCount(0);
    await expectAccessible(page, 'the plan browser');

    await measure.click();
    await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+\/nodes\/[0-9a-f-]+$/);
    await expect(page.getByTestId('node-code')).toHaveText('2.1.1');
    await expect(page.getByTestId('node-body')).toContainText('集装箱吞吐量达到500万标箱');
    await expect(page.getByTestId('node-indicators')).toContainText('集装箱吞吐量');

    // The deep link survives a reload.
    await page.reload();
    await expect(page.getByTestId('node-title')).toContainText('加快港口建设');
    await expect(page.getByTestId('tree-node-2.1.1')).toBeVisible();
  });

  test('a viewer opens the seed plan and sees its five parts', async ({ page }) => {
    await signIn(page, 'viewer');
    await expect(page.getByTestId('home-title')).toHaveText('只读概览');
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plan-link').filter({ hasText: SEED_TITLE }).click();
    await expect(page.getByTestId('page-title')).toHaveText(SEED_TITLE);
    await expect(page.getByTestId('stat-parts')).toHaveText('5');
    await expect(page.getByTestId('plan-part')).toHaveCount(5);
    await expect(page.locator('[data-testid^="tree-node-"]')).toHaveCount(5);
    await expect(page.getByTestId('tree-node-1')).toContainText('总体要求');

    // Read-only: no import entry for a viewer.
    await expect(page.getByTestId('nav-plan-import')).toHaveCount(0);
    await page.getByTestId('plan-part').first().click();
    await expect(page.getByTestId('node-code')).toHaveText('1');
    await expect(page.getByTestId('node-children')).toContainText('指导思想');
  });
});
