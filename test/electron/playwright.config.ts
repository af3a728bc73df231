import { defineConfig } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-path.mjs';

// The list reporter does not print skip reasons: say it once, plainly, where the binary is missing.
if (findElectronBinary() === null) {
  process.stdout.write(
    'Electron smoke test skipped: the Electron binary is not installed here (it cannot be downloaded offline; run `npx install-electron` where it can).\n',
  );
}

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
