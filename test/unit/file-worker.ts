/**
 * The attachment worker for tests: vitest runs the TypeScript sources, but the worker is a child
 * process, which needs JavaScript. test/unit/global-setup.ts bundles main/core/dossier/decode/worker.ts
 * here once per run (as scripts/build-main.mjs does for the app); sharp loads from node_modules.
 */
import { join } from 'node:path';
import type { KioskConfig } from '../../main/core/config/schema';
import { decoderFor, WORKER_FILE } from '../../main/core/dossier/decode';

// From the repository root, where vitest runs (and where the processes some tests start run too).
export const TEST_FILE_WORKER = join(
  process.cwd(),
  'node_modules',
  '.cache',
  'mot-cua-kiosk-test',
  WORKER_FILE,
);

/** The decoder a kiosk with this configuration gets, on the test bundle of the worker. */
export const testDecoder = (config: KioskConfig) => decoderFor(config, { script: TEST_FILE_WORKER });
