import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, freshStart, signIn } from './support';

/** Picks an option of an ng-zorro select by typing into its search box. */
async function choose(page: Page, selectTestId: string, text: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.keyboard.type(text);
  await page.locator('nz-option-item', { hasText: text }).first().click();
}

test.describe('office admin: users, departments, audit', () => {
  test.beforeEach(async ({ page }) => {
    await freshStart(page);
    await signIn(page, 'office');
    await expect(page.getByTestId('home-title')).toHaveText('办公室工作台');
  });

  test('creates, edits and deactivates a user; the audit log shows it', async ({ page }) => {
    const username = `e2e.${Date.now().toString(36)}`;
    await page.getByTestId('nav-users').click();
    await expect(page.getByTestId('user-row-office')).toBeVisible();
    await expectAccessible(page, 'the users page');

    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-display-name').fill('测试联络员');
    await expectAccessible(page, 'the new-user dialog');
    await page.getByTestId('user-password').fill('Passw0rd!e2e');
    await choose(page, 'user-form-department', '省交通运输厅');
    await page.getByTestId('user-roles').getByText('部门联络员').click();
    await page.getByTestId('dialog-submit').click();

    const row = page.getByTestId(`user-row-${username}`);
    await expect(row).toContainText('测试联络员');
    await expect(row).toContainText('省交通运输厅');
    await expect(row).toContainText('部门联络员');

    await row.getByTestId('user-edit').click();
    await page.getByTestId('user-roles').getByText('部门负责人').click();
    await page.getByTestId('dialog-submit').click();
    await expect(row).toContainText('部门负责人');

    await row.getByTestId('user-deactivate').click();
    await page.locator('.ant-popover').getByRole('button', { name: /确\s*定/ }).click();
    await expect(row).toContainText('已停用');

    // A duplicate username is refused with the API's message.
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-display-name').fill('重复');
    await page.getByTestId('user-password').fill('Passw0rd!e2e');
    await choose(page, 'user-form-department', '省交通运输厅');
    await page.getByTestId('user-roles').getByText('只读用户').click();
    await page.getByTestId('dialog-submit').click();
    await expect(page.getByTestId('dialog-error')).toContainText('用户名已存在');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-action').fill('user.create');
    await page.getByTestId('audit-q').click();
    await page.getByTestId('audit-search').click();
    const first = page.getByTestId('audit-row').first();
    await expect(first).toContainText('user.create');
    await first.locator('td').first().click();
    await expect(page.getByTestId('audit-snapshots').first()).toContainText(username);
    await expectAccessible(page, 'the audit log with an open row');
  });

  test('creates a department and edits its aliases', async ({ page }) => {
    const code = `e2e-${Date.now().toString(36)}`;
    await page.getByTestId('nav-departments').click();
    await expect(page.getByTestId('department-row-office')).toBeVisible();
    await expectAccessible(page, 'the departments page');

    await page.getByTestId('department-create').click();
    await page.getByTestId('department-code').fill(code);
    await page.getByTestId('department-name').fill('测试县');
    await choose(page, 'department-kind', '县（市、区）');
    await page.getByTestId('dialog-submit').click();

    await page.getByTestId('department-search').fill(code);
    const row = page.getByTestId(`department-row-${code}`);
    await expect(row).toContainText('测试县');

    await row.getByTestId('department-edit').click();
    await page.getByTestId('department-aliases').click();
    await page.keyboard.type('测试县人民政府');
    await page.keyboard.press('Enter');
    await page.getByTestId('department-name').click();
    await page.getByTestId('dialog-submit').click();
    await expect(row).toContainText('测试县人民政府');
  });

  test('a reload (access token kept in memory only) is refreshed once with the cookie and the page keeps working', async ({ page }) => {
    // No token is stored where a script could read it: only who is signed in.
    const stored = await page.evaluate(() => window.localStorage.getItem('luoshi.session') ?? '');
    expect(stored).toContain('"user"');
    expect(stored).not.toMatch(/accessToken|refreshToken/);
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200);
    await page.goto('/system/users');
    await refreshed;
    await expect(page.getByTestId('user-row-office')).toBeVisible();
  });

  test('a session that cannot be refreshed returns to the login page', async ({ page }) => {
    // The refresh cookie is gone (expired or revoked): after a reload nothing can refresh.
    await page.context().clearCookies();
    await page.goto('/system/audit');
    await expect(page.getByTestId('login-expired')).toBeVisible();
    await expect(page).toHaveURL(/returnUrl=%2Fsystem%2Faudit/);
    await signIn(page, 'office');
    await expect(page.getByTestId('page-title')).toHaveText('审计日志');
  });
});
