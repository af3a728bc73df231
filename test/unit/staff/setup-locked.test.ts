/**
 * First-start admin setup is for a first start. When a used kiosk loses its database (deleted, 0 bytes,
 * damaged and moved aside with no account salvaged), the staff screen must not let whoever stands at the
 * kiosk create the administrator: only KIOSK_ADMIN_PIN, set by a technician, does.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/core';
import { makeCore, quietLogs } from '../helpers';

quietLogs();

const window: CallContext = { transport: 'ipc', local: true };
const config = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
  services: [{ id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' }, prefix: 'A' }],
  counters: [{ id: 1, services: ['ho-tich'] }],
};

describe('admin setup after a lost database', () => {
  it('is refused at the screen, and KIOSK_ADMIN_PIN still brings the admin back', async () => {
    const first = await makeCore({ config });
    expect(
      await first.core.call('staff.setupAdmin', { displayName: 'Chị Lan', pin: '135790' }, window),
    ).toMatchObject({
      ok: true,
    });
    expect((await first.core.call('queue.issueTicket', { serviceId: 'ho-tich' }, window)).ok).toBe(true);
    await first.core.close();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(first.dataDir, `kiosk.db${suffix}`), { force: true });

    const lost = await makeCore({ config, dataDir: first.dataDir });
    const refused = await lost.core.call('staff.setupAdmin', { displayName: 'Ai đó', pin: '111111' }, window);
    expect(refused).toMatchObject({ ok: false, error: { code: 'admin-setup-locked' } });
    expect(!refused.ok && refused.error.vi).toContain('KIOSK_ADMIN_PIN');
    await lost.core.close();

    const fixed = await makeCore({ config, dataDir: first.dataDir, env: { KIOSK_ADMIN_PIN: '246810' } });
    expect((await fixed.core.call('staff.signIn', { user: 'admin', pin: '246810' }, window)).ok).toBe(true);
  });

  it('is offered on a true first start', async () => {
    const { core } = await makeCore({ config });
    expect(
      await core.call('staff.setupAdmin', { displayName: 'Chị Lan', pin: '135790' }, window),
    ).toMatchObject({
      ok: true,
    });
  });
});
