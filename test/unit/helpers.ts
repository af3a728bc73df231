import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type CoreOptions } from '../../main/core';
import type { Core } from '../../main/core/types';
import { manualClock } from '../../main/core/clock';
import { setLogSink } from '../../main/core/log';
import { TEST_FILE_WORKER } from './file-worker';

/** scrypt at a test cost: the format and the code path are the same, only slower in production. */
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

const dirs: string[] = [];
const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'kiosk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export const quietLogs = (): string[] => {
  const lines: string[] = [];
  setLogSink((line) => lines.push(line));
  return lines;
};

export async function makeCore(options: Partial<CoreOptions> = {}) {
  const clock = manualClock('2026-11-23T02:00:00.000Z');
  const dataDir = options.dataDir ?? tempDir();
  const core = await createCore({
    clock,
    env: {},
    scrypt: FAST_SCRYPT,
    fileWorker: { script: TEST_FILE_WORKER },
    ...options,
    dataDir,
  });
  cores.push(core);
  return { core, clock, dataDir };
}

export const local = { transport: 'ipc', local: true } as const;
export const remote = { transport: 'http', local: false } as const;
