import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

export default defineConfig({
  plugins: [
    {
      // Migrations are plain numbered .sql files; esbuild bundles them as text for the app, this does the
      // same for the tests.
      name: 'sql-as-text',
      transform(_code, id) {
        if (!id.endsWith('.sql')) return null;
        return { code: `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`, map: null };
      },
    },
  ],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    globalSetup: ['test/unit/global-setup.ts'],
    environment: 'node',
    env: { KIOSK_LOG_LEVEL: 'warn' },
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
