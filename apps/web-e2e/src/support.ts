import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env['E2E_DEMO_PASSWORD'] ?? 'Luoshi-Demo@2026';

/** Starts each journey signed out, in Chinese (the default language). */
export async function freshStart(page: Page): Promise<void> {
  await page.goto('/login');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto('/login');
  await expect(page.getByTestId('login-form')).toBeVisible();
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
