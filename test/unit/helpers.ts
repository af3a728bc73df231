import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type CoreOptions } from '../../main/core';
import type { CallContext, Core } from '../../main/core/types';
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

export const local = { transport: 'ipc', local: true, caller: { kind: 'window' } } as const;
export const remote = { transport: 'http', local: false } as const;

/** The PIN `lanDevice` signs the admin in with (set up on first start if no admin exists yet). */
export const TEST_ADMIN_PIN = '135790';

/**
 * A LAN caller that is a paired device: an admin on the kiosk's own window makes a pairing code, the
 * device at `client` enters it, and the context carries its token as the bridge would from its cookie.
 * `adminPin` is the admin's PIN when the core was made with another KIOSK_ADMIN_PIN.
 */
export async function lanDevice(
  core: Core,
  role: 'counter' | 'display' | 'kiosk' = 'counter',
  options: { client?: string; adminPin?: string; name?: string } = {},
): Promise<CallContext & { client: string; deviceToken: string; deviceId: string }> {
  const pin = options.adminPin ?? TEST_ADMIN_PIN;
  const window = { transport: 'ipc', local: true } as const;
  const info = await core.call('app.info', {}, window);
  const session = await core.call(
    info.ok && (info.value as { needsAdminSetup: boolean }).needsAdminSetup
      ? 'staff.setupAdmin'
      : 'staff.signIn',
    info.ok && (info.value as { needsAdminSetup: boolean }).needsAdminSetup
      ? { displayName: 'Quản trị', pin }
      : { user: 'admin', pin },
    window,
  );
  if (!session.ok) throw new Error(`lanDevice: admin sign-in failed: ${session.error.en}`);
  const token = (session.value as { token: string }).token;
  const started = await core.call(
    'lan.startPairing',
    { role, name: options.name ?? `Thiết bị ${role}` },
    { ...window, token },
  );
  if (!started.ok) throw new Error(`lanDevice: ${started.error.en}`);
  await core.call('staff.signOut', {}, { ...window, token });
  const client = options.client ?? '192.168.1.50';
  const paired = await core.call(
    'lan.pair',
    { code: (started.value as { code: string }).code },
    { transport: 'http', local: false, client },
  );
  if (!paired.ok) throw new Error(`lanDevice: ${paired.error.en}`);
  const value = paired.value as { device: { id: string }; token: string };
  return { transport: 'http', local: false, client, deviceToken: value.token, deviceId: value.device.id };
}
