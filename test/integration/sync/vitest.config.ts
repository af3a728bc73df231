import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../../vitest.config';

/**
 * The slow sync tests, kept out of the unit run (`vitest run`) so it stays fast:
 *   npx vitest run --config test/integration/sync/vitest.config.ts
 * The crash test kills the kiosk core 50 times (CRASH_KILLS to change; `npm run soak` runs more).
 */
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  plugins: base.plugins,
  test: {
    include: ['test/integration/sync/**/*.test.ts'],
    globalSetup: ['test/unit/global-setup.ts'],
    environment: 'node',
    env: { KIOSK_LOG_LEVEL: 'warn' },
    testTimeout: 300_000,
    reporters: ['default', ['json', { outputFile: 'test-results/crash.json' }]],
  },
});
