/**
 * Pairing a counter PC, display or other kiosk with the kiosk, through the contract as the console and
 * the device call it: one-time codes (5 minutes, 5 wrong tries), the device's token, revocation, and a
 * staff session that works only on the device it was signed in on.
 */
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/core';
import type { Core } from '../../../main/core/types';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lanDevice, makeCore, remote, tempDir } from '../helpers';
import { answer, outcome } from '../failures';

const PIN = '135790';
const config = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
  services: [{ id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' }, prefix: 'A' }],
  counters: [{ id: 1, services: ['ho-tich'] }],
};
const window: CallContext = { transport: 'ipc', local: true };
const from = (client: string, deviceToken?: string): CallContext => ({
  transport: 'http',
  local: false,
  client,
  ...(deviceToken ? { deviceToken } : {}),
});

const call = <T>(core: Core, name: string, input: unknown, ctx: CallContext): Promise<T> =>
  answer<T>(core.call(name, input, ctx), name);

async function setup() {
  const made = await makeCore({ config, env: { KIOSK_ADMIN_PIN: PIN } });
  const admin = {
    ...window,
    token: (await call<{ token: string }>(made.core, 'staff.signIn', { user: 'admin', pin: PIN }, window))
      .token,
  };
  const start = (role: string, name = 'Quầy 1') =>
    call<{ code: string; expiresAt: string; triesLeft: number }>(
      made.core,
      'lan.startPairing',
      { role, name },
      admin,
    );
  const pair = (code: string, client = '192.168.1.31') => made.core.call('lan.pair', { code }, from(client));
  return { ...made, admin, start, pair };
}

describe('device pairing', () => {
  it('pairs a device with a one-time code; the token it gets opens the kiosk, the code never again', async () => {
    const { core, start, pair, admin } = await setup();
    expect(await outcome(core.call('app.info', {}, remote))).toBe('device-not-paired');
    const { code, expiresAt, triesLeft } = await start('counter', 'Quầy 3');
    expect(code).toMatch(/^\d{6}$/);
    expect(triesLeft).toBe(20);
    expect(Date.parse(expiresAt) - Date.parse('2026-11-23T02:00:00.000Z')).toBe(5 * 60_000);

    const paired = await pair(code);
    expect(paired).toMatchObject({ ok: true, value: { device: { name: 'Quầy 3', role: 'counter' } } });
    const { token, device } = (paired as { ok: true; value: { token: string; device: { id: string } } })
      .value;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const info = await core.call('app.info', {}, from('192.168.1.31', token));
    expect(info).toMatchObject({ ok: true, value: { device: { id: device.id, role: 'counter' } } });
    expect(await core.call('app.info', {}, window)).toMatchObject({ ok: true, value: { device: null } });

    // Single use: the same code from another PC pairs nothing.
    expect(await outcome(pair(code, '192.168.1.32'))).toBe('pairing-code-invalid');
    // A made-up token is an unpaired client.
    expect(await outcome(core.call('app.info', {}, from('192.168.1.31', 'x'.repeat(43))))).toBe(
      'device-not-paired',
    );

    const list = await call<{ id: string; pairedBy: string; pairedFrom: string; lastAddress: string }[]>(
      core,
      'lan.devices',
      {},
      admin,
    );
    expect(list).toEqual([
      expect.objectContaining({
        id: device.id,
        name: 'Quầy 3',
        role: 'counter',
        pairedBy: 'admin',
        pairedFrom: '192.168.1.31',
        lastAddress: '192.168.1.31',
        revokedAt: null,
      }),
    ]);
  });

  it('voids a code after 5 minutes', async () => {
    const { clock, start, pair } = await setup();
    const { code } = await start('display', 'Màn hình sảnh');
    clock.advance(5 * 60_000);
    expect(await outcome(pair(code))).toBe('pairing-code-invalid');
  });

  it('stops one address after 5 wrong codes without voiding the code another device is about to type', async () => {
    const { core, start, pair, admin, dataDir } = await setup();
    const { code } = await start('counter');
    const wrong = code === '000000' ? '000001' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await pair(wrong, '192.168.1.66');
      answers.push(r.ok ? 'ok' : r.error.code);
    }
    expect(answers).toEqual([...Array(5).fill('pairing-code-invalid'), 'too-many-requests']);
    // That address waits even with the right code; the real device, elsewhere, pairs.
    expect(await outcome(pair(code, '192.168.1.66'))).toBe('too-many-requests');
    expect(await outcome(pair(code, '192.168.1.31'))).toBe('ok');
    // Staff are told, once, which machine was guessing; each wrong try is in the audit log.
    const alerts = await call<{ code: string; vi: string }[]>(core, 'staff.alerts', {}, admin);
    expect(alerts.filter((a) => a.code === 'pairing-guessing')).toEqual([
      expect.objectContaining({ vi: expect.stringContaining('192.168.1.66') }),
    ]);
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    const wrongs = db.prepare(`SELECT details FROM audit_log WHERE action = 'lan.pairWrong'`).pluck().all();
    db.close();
    expect(wrongs).toEqual(Array(5).fill(JSON.stringify({ from: '192.168.1.66' })));
  });

  it('voids a code after 20 wrong tries from the whole LAN, and says so to staff', async () => {
    const { core, start, pair, admin } = await setup();
    const { code } = await start('counter', 'Quầy 7');
    const wrong = code === '000000' ? '000001' : '000000';
    for (let a = 0; a < 4; a++) for (let i = 0; i < 5; i++) await pair(wrong, `192.168.2.${a + 1}`);
    expect(await outcome(pair(code, '192.168.1.31'))).toBe('pairing-code-invalid');
    const alerts = await call<{ code: string; vi: string }[]>(core, 'staff.alerts', {}, admin);
    expect(alerts.find((a) => a.code === 'pairing-code-voided')?.vi).toContain('Quầy 7');
  });

  it('answers a wrong code the same whether or not one is waiting, so polling shows nothing', async () => {
    const { start, pair } = await setup();
    const none = await pair('123456', '192.168.1.70');
    const { code } = await start('display');
    const waiting = await pair(code === '123456' ? '654321' : '123456', '192.168.1.71');
    expect(none).toEqual(waiting);
  });

  it('pairs nothing when no code is waiting, and the kiosk itself needs no pairing', async () => {
    const { core, start, pair } = await setup();
    expect(await outcome(pair('123456'))).toBe('pairing-code-invalid');
    const { code } = await start('kiosk');
    expect(await outcome(core.call('lan.pair', { code }, window))).toBe('pairing-not-needed');
    expect(await outcome(pair(code))).toBe('ok');
  });

  it('refuses a device name with control or invisible formatting characters', async () => {
    const { core, admin } = await setup();
    for (const name of ['Quầy\u202E3', 'Quầy\u00003', 'Quầy\n3']) {
      expect(await core.call('lan.startPairing', { role: 'counter', name }, admin)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', field: 'name' },
      });
    }
  });

  it('lets only an admin make codes and list or revoke devices', async () => {
    const { core, admin } = await setup();
    await call(
      core,
      'staff.createUser',
      { user: 'lan', displayName: 'Lan', role: 'staff', pin: '246802' },
      admin,
    );
    const staff = {
      ...window,
      token: (await call<{ token: string }>(core, 'staff.signIn', { user: 'lan', pin: '246802' }, window))
        .token,
    };
    expect(await outcome(core.call('lan.startPairing', { role: 'counter', name: 'Q' }, staff))).toBe(
      'forbidden',
    );
    expect(await outcome(core.call('lan.devices', {}, staff))).toBe('forbidden');
    expect(await outcome(core.call('lan.startPairing', { role: 'counter', name: 'Q' }, remote))).toBe(
      'device-not-paired',
    );
  });

  it('binds a staff session to the device it was signed in on', async () => {
    const { core, start, pair } = await setup();
    const a = (
      (await pair((await start('counter', 'Quầy 1')).code, '192.168.1.51')) as { value: { token: string } }
    ).value.token;
    const b = (
      (await pair((await start('counter', 'Quầy 2')).code, '192.168.1.52')) as { value: { token: string } }
    ).value.token;
    const onA = from('192.168.1.51', a);
    const session = await call<{ token: string }>(core, 'staff.signIn', { user: 'admin', pin: PIN }, onA);
    expect(await outcome(core.call('staff.me', {}, { ...onA, token: session.token }))).toBe('ok');
    // The same token, copied to the other counter PC, to the kiosk's window, or to an unpaired client.
    expect(
      await outcome(core.call('staff.me', {}, { ...from('192.168.1.52', b), token: session.token })),
    ).toBe('unauthorized');
    expect(await outcome(core.call('staff.me', {}, { ...window, token: session.token }))).toBe(
      'unauthorized',
    );
    expect(await outcome(core.call('staff.me', {}, { ...from('192.168.1.51'), token: session.token }))).toBe(
      'device-not-paired',
    );
    expect(core.isSessionValid(session.token, null)).toBe(false);
  });

  it('revokes a device: its token opens nothing, its staff sessions end, the console says who and when', async () => {
    const { core, clock, start, pair, admin } = await setup();
    const paired = (await pair((await start('counter', 'Quầy 1')).code)) as {
      value: { token: string; device: { id: string } };
    };
    const pc = from('192.168.1.31', paired.value.token);
    const session = await call<{ token: string }>(core, 'staff.signIn', { user: 'admin', pin: PIN }, pc);
    const revoked: string[] = [];
    core.onDeviceRevoked((id) => revoked.push(id));
    clock.advance(60_000);

    const record = await call<{ revokedAt: string; revokedBy: string }>(
      core,
      'lan.revokeDevice',
      { deviceId: paired.value.device.id },
      admin,
    );
    expect(record).toMatchObject({ revokedAt: '2026-11-23T02:01:00.000Z', revokedBy: 'admin' });
    expect(revoked).toEqual([paired.value.device.id]);
    expect(core.isDevicePaired(paired.value.device.id)).toBe(false);
    expect(await outcome(core.call('app.info', {}, pc))).toBe('device-not-paired');
    expect(await outcome(core.call('staff.me', {}, { ...pc, token: session.token }))).toBe(
      'device-not-paired',
    );
    expect(core.isSessionValid(session.token, paired.value.device.id)).toBe(false);
    // Revoked twice: said so, nothing changes.
    expect(await outcome(core.call('lan.revokeDevice', { deviceId: paired.value.device.id }, admin))).toBe(
      'device-not-found',
    );
  });

  it('keeps paired devices across a restart, and not revoked ones', async () => {
    const { core, dataDir, start, pair, admin } = await setup();
    const keep = (await pair((await start('display', 'Sảnh')).code)) as { value: { token: string } };
    const drop = (await pair((await start('counter', 'Quầy 9')).code, '192.168.1.99')) as {
      value: { token: string; device: { id: string } };
    };
    await call(core, 'lan.revokeDevice', { deviceId: drop.value.device.id }, admin);
    await core.close();
    const again = await makeCore({ config, dataDir, env: { KIOSK_ADMIN_PIN: PIN } });
    expect(await outcome(again.core.call('queue.board', {}, from('192.168.1.31', keep.value.token)))).toBe(
      'ok',
    );
    expect(await outcome(again.core.call('app.info', {}, from('192.168.1.99', drop.value.token)))).toBe(
      'device-not-paired',
    );
  });
});

describe('what each role may do', () => {
  it('a display reads the board and nothing a citizen or staff member does', async () => {
    const { core, start, pair } = await setup();
    const d = (await pair((await start('display', 'Sảnh')).code)) as { value: { token: string } };
    const display = from('192.168.1.31', d.value.token);
    expect(await outcome(core.call('queue.board', {}, display))).toBe('ok');
    expect(await outcome(core.call('app.info', {}, display))).toBe('ok');
    expect(await outcome(core.call('queue.issueTicket', { serviceId: 'ho-tich' }, display))).toBe(
      'device-role',
    );
    expect(await outcome(core.call('staff.signIn', { user: 'admin', pin: PIN }, display))).toBe(
      'device-role',
    );
    expect(
      await outcome(core.call('dossier.lookup', { code: '000.00.12.H29-K01-261123-0001' }, display)),
    ).toBe('device-role');
    expect(await outcome(core.call('catalogue.search', { query: 'khai sinh' }, display))).toBe('device-role');
  });

  it('a counter PC files for citizens only with staff signed in on it', async () => {
    const { core, start, pair } = await setup();
    const c = (await pair((await start('counter', 'Quầy 1')).code)) as { value: { token: string } };
    const pc = from('192.168.1.31', c.value.token);
    expect(await outcome(core.call('queue.issueTicket', { serviceId: 'ho-tich' }, pc))).toBe('unauthorized');
    const session = await call<{ token: string }>(core, 'staff.signIn', { user: 'admin', pin: PIN }, pc);
    expect(
      await outcome(
        core.call('queue.issueTicket', { serviceId: 'ho-tich' }, { ...pc, token: session.token }),
      ),
    ).toBe('ok');
  });

  it('a paired kiosk takes tickets for citizens without staff, but not the kiosk window’s own jobs', async () => {
    const { core, start, pair } = await setup();
    const k = (await pair((await start('kiosk', 'Ki-ốt 2')).code)) as { value: { token: string } };
    const kiosk = from('192.168.1.31', k.value.token);
    expect(await outcome(core.call('queue.issueTicket', { serviceId: 'ho-tich' }, kiosk))).toBe('ok');
    expect(await outcome(core.call('dossier.importSources', {}, kiosk))).toBe('local-only');
    expect(await outcome(core.call('identity.chipStatus', {}, kiosk))).toBe('local-only');
    expect(await outcome(core.call('staff.setupAdmin', { displayName: 'X', pin: '111111' }, kiosk))).toBe(
      'local-only',
    );
    expect(await outcome(core.call('devices.injectScan', { text: 'x' }, kiosk))).toBe('local-only');
  });

  it('a paired device cannot read the kiosk’s scanner or USB folder back by guessing a file name', async () => {
    const usb = tempDir('kiosk-usb-');
    writeFileSync(join(usb, 'scan-0001.jpg'), 'not even a picture');
    const made = await makeCore({
      config: {
        ...config,
        dossier: { importFolders: [{ id: 'usb', label: { vi: 'Ổ USB', en: 'USB drive' }, path: usb }] },
      },
      env: { KIOSK_ADMIN_PIN: PIN },
    });
    const device = await lanDevice(made.core, 'kiosk', { adminPin: PIN });
    const draft = await call<{ id: string; draftToken: string }>(
      made.core,
      'dossier.create',
      { procedureId: 'dang-ky-khai-sinh' },
      device,
    );
    const procedure = await call<{ components: { id: string; fromForm?: boolean }[] }>(
      made.core,
      'catalogue.get',
      { id: 'dang-ky-khai-sinh' },
      device,
    );
    const attach = {
      id: draft.id,
      draftToken: draft.draftToken,
      componentId: procedure.components.find((c) => !c.fromForm)!.id,
      source: { kind: 'folder', sourceId: 'usb', name: 'scan-0001.jpg' },
    };
    const refused = await made.core.call('dossier.attach', attach, device);
    expect(refused).toMatchObject({ ok: false, error: { code: 'local-only', field: 'source' } });
    // The same call from the kiosk's own window gets as far as reading the file (refused as no picture).
    const fromWindow = await made.core.call('dossier.attach', attach, window);
    expect(!fromWindow.ok && fromWindow.error.code).not.toBe('local-only');
  });
});
