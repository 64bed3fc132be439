import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, startEachTestSignedOut } from './support';

const HOMES: ReadonlyArray<{ username: string; title: string | RegExp; path: string }> = [
  { username: 'office', title: '办公室工作台', path: '/office' },
  { username: 'reviewer', title: '审核工作台', path: '/review' },
  { username: 'leader', title: '领导驾驶舱', path: '/cockpit' },
  { username: 'viewer', title: '只读概览', path: '/overview' },
  { username: 'jtt.liaison', title: '部门工作台 — 省交通运输厅', path: '/dept' },
  { username: 'jtt.head', title: '部门工作台 — 省交通运输厅', path: '/dept' },
];

test.describe('sign-in journey', () => {
  startEachTestSignedOut();

  for (const home of HOMES) {
    test(`${home.username} lands on their home`, async ({ page }) => {
      await signIn(page, home.username);
      await expect(page.getByTestId('home-title')).toHaveText(home.title);
      await expect(page).toHaveURL(new RegExp(`${home.path}$`));
      await expect(page.getByTestId('user-name')).toBeVisible();
      await expectAccessible(page, `${home.username}'s home`);
    });
  }

  test('a wrong password shows the Chinese error from the API', async ({ page }) => {
    await signIn(page, 'viewer', 'not-the-password');
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page, 'the login page with its error');
  });

  test('office admin sees the admin menu; the English switch changes the menu text', async ({ page }) => {
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
    await expect(page.getByTestId('nav-audit')).toContainText('审计日志');
    await expect(page.getByTestId('nav-plan-import')).toContainText('计划导入');

    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('nav-audit')).toContainText('Audit log');
    await expect(page.getByTestId('nav-plan-import')).toContainText('Plan import');
    await expect(page.getByTestId('home-title')).toHaveText('Office workbench');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // The choice survives a reload.
    await page.reload();
    await expect(page.getByTestId('nav-audit')).toContainText('Audit log');

    await page.getByTestId('lang-zh').click();
    await expect(page.getByTestId('nav-audit')).toContainText('审计日志');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('menus follow the role', async ({ page }) => {
    await signIn(page, 'jtt.liaison');
    await expect(page.getByTestId('home-title')).toBeVisible();
    await expect(page.getByTestId('nav-my-tasks')).toContainText('我的任务');
    await expect(page.getByTestId('nav-reports')).toContainText('进展填报');
    await expect(page.getByTestId('nav-audit')).toHaveCount(0);

    // An admin page by URL is refused.
    await page.goto('/system/users');
    await expect(page.getByTestId('status-403')).toBeVisible();
  });

  test('logout returns to the login page', async ({ page }) => {
    await signIn(page, 'leader');
    await expect(page.getByTestId('home-title')).toHaveText('领导驾驶舱');
    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId('login-form')).toBeVisible();

    // Signed out: protected pages send you back to the login page.
    await page.goto('/cockpit');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fcockpit/);
  });
});
