import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn, startEachTestSignedOut, toast } from './support';

// A plan of this journey's own (the seed plan's tasks belong to the tasks journey).
const PARENT = '港口协同发展实施方案（E2E）';
const TRAFFIC = '港口协同发展专项行动计划';
const PARENT_TEXT = [
  PARENT,
  '一、保障措施',
  `（一）制定专项计划。省发展改革委会同省交通运输厅于2027年6月底前编制${TRAFFIC}。`,
  '',
].join('\n');

interface Sap {
  id: string;
  deliverable: string;
  status: string;
  version: number;
  approvalId: string | null;
}

async function bearer(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const login = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/**
 * The drafting department's part, through the API: the plan is imported, its special plan generated, drafted
 * by 省发展改革委, submitted and approved by every step up to the leader (the approval pages have
 * journeys of their own). Returns the special plan's id.
 */
async function approvedTrafficPlan(request: APIRequestContext): Promise<string> {
  const office = await bearer(request, 'office');
  const imported = await request.post('/api/plans/import?dryRun=false', {
    headers: office,
    multipart: { file: { name: '港口协同发展实施方案.txt', mimeType: 'text/plain', buffer: Buffer.from(PARENT_TEXT, 'utf8') } },
  });
  expect(imported.ok()).toBe(true);
  const { planId } = (await imported.json()) as { planId: string };
  const generated = await request.post(`/api/special-action-plans/generate?planId=${planId}`, { headers: office });
  expect(generated.ok()).toBe(true);
  const sap = ((await generated.json()) as { items: Sap[] }).items.find((s) => s.deliverable === TRAFFIC) as Sap;
  expect(sap.status).toBe('draft');

  const liaison = await bearer(request, 'fgw.liaison');
  const draft = `# ${TRAFFIC}\n\n一、重点任务\n\n（一）铁路网络\n\n建设沿湾铁路通道。加快推进杭州湾南岸铁路项目前期工作。\n\n（二）公路网络\n\n打通省际断头路。到2025年，省际断头路全部打通。\n`;
  const uploaded = await request.post(`/api/special-action-plans/${sap.id}/draft`, {
    headers: liaison,
    multipart: { file: { name: '交通一体化发展专项行动计划（草案）.md', mimeType: 'text/markdown', buffer: Buffer.from(draft, 'utf8') } },
  });
  expect(uploaded.ok()).toBe(true);
  const submitted = await request.post(`/api/special-action-plans/${sap.id}/submit`, { headers: liaison, data: { version: ((await uploaded.json()) as Sap).version } });
  expect(submitted.ok()).toBe(true);
  const approvalId = ((await submitted.json()) as Sap).approvalId as string;
  for (const user of ['fgw.head', 'jtt.head', 'reviewer', 'leader']) {
    const headers = await bearer(request, user);
    const current = (await (await request.get(`/api/approvals/${approvalId}`, { headers })).json()) as { version: number };
    const res = await request.post(`/api/approvals/${approvalId}/actions`, { headers, data: { version: current.version, type: 'approve', comment: '同意' } });
    expect(res.ok(), `${user} approves`).toBe(true);
  }
  return sap.id;
}

test.describe('special action plans: closed on approval, linked to the parent plan both ways', () => {
  startEachTestSignedOut();

  test('the leader-approved plan closes its drafting task; imported, the child and the parent plan link to each other', async ({ page, request }) => {
    test.slow();
    const sapId = await approvedTrafficPlan(request);

    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await page.goto(`/special-action-plans/${sapId}`);
    await expect(page.getByTestId('page-title')).toHaveText(TRAFFIC);
    await expect(page.getByTestId('sap-parent')).toHaveText(PARENT);
    // The leader's approval was the drafting task's result.
    await expect(page.getByTestId('sap-task-status')).toHaveText('已办结');
    // The plan text's 完成时限 became the drafting task's deadline.
    await expect(page.getByTestId('sap-deadline')).toHaveText('2027-06-30');

    await page.getByTestId('sap-import').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect(toast(page)).toContainText(`已导入子计划《${TRAFFIC}》`);
    const child = page.getByTestId('sap-child');
    await expect(child).toContainText(TRAFFIC);

    // The child plan names its parent …
    await child.click();
    await expect(page.getByTestId('page-title')).toHaveText(TRAFFIC);
    await expect(page.getByTestId('plan-parent')).toContainText('上级计划');
    await page.getByTestId('plan-parent').getByRole('link', { name: PARENT }).click();
    // … and the parent lists its child plans, with links back.
    await expect(page.getByTestId('page-title')).toHaveText(PARENT);
    await expect(page.getByTestId('plan-children')).toContainText('专项行动计划（子计划）');
    await page.getByTestId('plan-child').filter({ hasText: TRAFFIC }).click();
    await expect(page.getByTestId('page-title')).toHaveText(TRAFFIC);
    await expect(page.getByTestId('plan-children')).toHaveCount(0);
  });
});
