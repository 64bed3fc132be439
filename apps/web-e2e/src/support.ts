import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';

export const DEMO_PASSWORD = process.env['E2E_DEMO_PASSWORD'] ?? 'Luoshi-Demo@2026';

/** Starts each journey signed out, in Chinese (the default language). */
export async function freshStart(page: Page): Promise<void> {
  await page.goto('/login');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto('/login');
  await expect(page.getByTestId('login-form')).toBeVisible();
}

/** Starts every test of the enclosing describe signed out, in Chinese (freshStart before each). */
export function startEachTestSignedOut(): void {
  test.beforeEach(async ({ page }) => {
    await freshStart(page);
  });
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Signs out through the header and in again as `username`, then waits for the signed-in shell:
 * the side menu on a desktop, `landmark` (the menu trigger) on a phone.
 */
export async function switchUser(page: Page, username: string, landmark = 'side-menu'): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await signIn(page, username);
  await expect(page.getByTestId(landmark)).toBeVisible();
}

/** Submits with the required text missing, sees the field's `required` message, then fills `text` and submits again. */
export async function submitAfterRequiredText(page: Page, ids: { submit: string; field: string }, required: string, text: string): Promise<void> {
  await page.getByTestId(ids.submit).click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText(required);
  await page.getByTestId(ids.field).fill(text);
  await page.getByTestId(ids.submit).click();
}

/** The toast (ng-zorro message) a page shows after an action. */
export const toast = (page: Page) => page.locator('.ant-message');

/** Commits the previewed plan import and opens the plan: version 1 is reported and the plan page shows `title`. */
export async function commitImportAndOpenPlan(page: Page, title: string): Promise<void> {
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-success')).toContainText(`《${title}》已导入为第 1 版`);
  await page.getByTestId('view-plan').click();
  await expect(page.getByTestId('page-title')).toHaveText(title);
}

const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it stands and fails on any serious or
 * critical violation, listing each rule with the elements it found. One call per page, once the
 * page shows its data (call it after an expect that waits for the content). Waits until nothing is
 * fading in or out (a running finite animation, or an ng-zorro motion class such as
 * ant-message-move-up-leave): a toast half gone has colours no one reads.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const settled = () =>
    expect
      .poll(() =>
        page.evaluate(() => {
          const running = document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity).length;
          const moving = Array.from(document.querySelectorAll('[class*="-enter"], [class*="-appear"], [class*="-leave"]')).filter((e) =>
            Array.from(e.classList).some((c) => /^ant-[a-z-]+-(enter|appear|leave)(-active)?$/.test(c)),
          ).length;
          return running + moving;
        }),
      )
      .toBe(0);
  // A toast can start leaving while axe runs (its timer is its own): nodes caught in a motion class are
  // mid-fade, not what anyone reads; the same element at rest is checked on the pages that show it.
  const atRest = (target: string) => !/ant-[a-z-]+-(enter|appear|leave)\b/.test(target);
  const blockingNow = async () => {
    await settled();
    const results = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => atRest(n.target.join(' '))) }))
      .filter((v) => v.nodes.length > 0);
  };
  let blocking = await blockingNow();
  // A fade that began during the scan leaves no motion class on the node axe names (a toast's inner
  // span): scan once more when the page is still again. A real problem is there both times.
  if (blocking.length > 0) blocking = await blockingNow();
  const report = blocking
    .map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`).join('\n')}${v.nodes.length > 5 ? `\n    … ${v.nodes.length - 5} more` : ''}`)
    .join('\n');
  expect(blocking.length, `accessibility of ${label} (${page.url()}):\n${report}`).toBe(0);
}

/** The seed plan's title, as the journeys find it. */
export const SEED_TITLE = '浙江省推进长江三角洲区域一体化发展行动方案';

/** The authorization header of a demo user, through the API. */
export async function apiLogin(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const response = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/** The seed plan's tasks (generated first, idempotently) as the office lists them, first 100. */
export async function seedPlanTasks<T>(request: APIRequestContext, office: Record<string, string>): Promise<T[]> {
  const plans = (await (await request.get('/api/plans', { headers: office })).json()) as { id: string; title: string }[];
  const plan = plans.find((p) => p.title === SEED_TITLE);
  expect(plan).toBeDefined();
  expect((await request.post(`/api/plans/${plan?.id}/tasks/generate`, { headers: office })).ok()).toBe(true);
  const page = (await (await request.get(`/api/tasks?scope=all&planId=${plan?.id}&pageSize=100`, { headers: office })).json()) as { items: T[] };
  return page.items;
}

/** The first of `candidates` (measure codes) still an unassigned draft: each journey keeps to its own measures. */
export function firstUnassigned<T extends { code: string; status: string; returnedReason: string | null }>(tasks: T[], candidates: readonly string[]): T {
  const task = candidates.map((code) => tasks.find((t) => t.code === code)).find((t) => t && t.status === 'draft' && !t.returnedReason);
  expect(task, 'an unassigned candidate measure').toBeDefined();
  return task as T;
}

/** A task as the journeys' API setup reads it. */
export interface SeedTaskRow {
  id: string;
  code: string;
  title: string;
  status: string;
  version: number;
  returnedReason: string | null;
}

/** 交办 `task` through bulk assignment with `assignment` (lead, deadline …), then 签收 by the lead's `liaison`. */
export async function assignAndAccept(
  request: APIRequestContext,
  office: Record<string, string>,
  task: SeedTaskRow,
  assignment: Record<string, unknown>,
  liaison = 'jtt.liaison',
): Promise<void> {
  const assigned = await request.post('/api/tasks/bulk-assign', {
    headers: office,
    data: { items: [{ taskId: task.id, version: task.version, ...assignment }], dispatch: true },
  });
  expect(assigned.ok(), await assigned.text()).toBe(true);
  const { items } = (await assigned.json()) as { items: SeedTaskRow[] };
  const accepted = await request.post(`/api/tasks/${task.id}/accept`, { headers: await apiLogin(request, liaison), data: { version: items[0]?.version } });
  expect(accepted.ok(), await accepted.text()).toBe(true);
}

