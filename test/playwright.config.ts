import { defineConfig } from '@playwright/test';

// End-to-end tests: the built app in browser mode (core + bridge under Node), driven in Debian's Chromium.
// No browser is downloaded: playwright-core drives /usr/bin/chromium (scripts/install-system-deps.sh).
export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  // A real CUPS queue (cups-pdf) for the print specs; starts cupsd when it is not running.
  globalSetup: './e2e/global-setup.ts',
  outputDir: '../test-results/e2e/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores: one app server and one browser per worker.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry: a test that fails and then passes is reported as flaky by name in `npm test`'s summary
  // (scripts/test-all.mjs) with the error of the failed attempt, so an intermittent failure is seen and
  // chased rather than hidden or left to block every other change; a test that fails twice fails the run.
  retries: 1,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1920, height: 1080 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: {
      executablePath: process.env.KIOSK_E2E_CHROMIUM ?? '/usr/bin/chromium',
      // Chromium on Linux takes its own locale from LANGUAGE (--lang is ignored there), as the kiosk's.
      env: { ...process.env, LANGUAGE: 'vi' },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // As the kiosk starts Chromium/Electron: date fields in Vietnamese order (dd/mm/yyyy).
        '--lang=vi',
      ],
    },
  },
});
