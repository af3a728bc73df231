import { defineConfig } from '@playwright/test';

// The Electron smoke test: launches the built app (dist/main/electron.cjs) with the real Electron binary.
// Run `npm run build` first. Skips, with the reason, where the binary is not installed.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron/artifacts',
  timeout: 60_000,
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron/results.json' }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
