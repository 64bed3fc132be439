import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against a running API that serves the built web app (tools/e2e.mjs starts one
 * on a fresh database and sets E2E_BASE_URL). Uses Debian's Chromium; never downloads browsers.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  outputDir: '../../tmp/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: assertions wait for conditions, and a loaded two-core machine is slow at times.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env['E2E_BASE_URL'] ?? 'http://localhost:3000',
    locale: 'zh-CN',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
});
