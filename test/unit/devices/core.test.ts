import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../preload/api';
import { ConfigSchema } from '../../../main/core/config/schema';
import { HidUnavailable } from '../../../main/core/devices';
import { lanDevice, local, makeCore, remote } from '../helpers';
import { createFakeHid, manualTimers } from './fake-hid';
import { readReports } from './fixtures';

const PIN = '135790';
const config = { centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' } };
const POS = { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 0x02 };

async function setup(env: Record<string, string> = {}) {
  const hid = createFakeHid();
  hid.plug(POS);
  const ctx = await makeCore({
    config,
    env: { KIOSK_ADMIN_PIN: PIN, ...env },
    hid: async () => hid.module,
    timers: manualTimers().timers,
  });
  const events: EventMessage[] = [];
  ctx.core.subscribe((message, audience) => {
    if (message.event === 'device.scan') {
      expect(audience).toBe('local');
      events.push(message);
    }
  });
  // A counter PC on the LAN, with the admin signed in on it.
  const counter = await lanDevice(ctx.core, 'counter', { adminPin: PIN });
  const signIn = await ctx.core.call('staff.signIn', { user: 'admin', pin: PIN }, counter);
  const token = signIn.ok ? (signIn.value as { token: string }).token : '';
  return { ...ctx, hid, events, counter, token };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('scanners and identity through the contract', () => {
  it('refuses devices.injectScan unless KIOSK_TEST_SCANS=1 was set at core creation', async () => {
    const { core, events } = await setup();
    const r = await core.call('devices.injectScan', { text: '000.00.12.H29-240815-0007' }, local);
    expect(r).toMatchObject({ ok: false, error: { code: 'test-scans-disabled' } });
    expect(events).toEqual([]);
    const other = await setup({ KIOSK_TEST_SCANS: 'true' });
    const r2 = await other.core.call('devices.injectScan', { text: 'x' }, local);
    expect(r2).toMatchObject({ ok: false, error: { code: 'test-scans-disabled' } });
  });

  it('with KIOSK_TEST_SCANS=1, an injected scan is emitted as device.scan, as a scanner would', async () => {
    const { core, events, counter, token } = await setup({ KIOSK_TEST_SCANS: '1' });
    // Even then, only the kiosk's own window injects: an unpaired LAN client, or a paired device with
    // staff signed in, is refused and nothing is emitted.
    const unpaired = await core.call('devices.injectScan', { text: 'x' }, remote);
    expect(unpaired).toMatchObject({ ok: false, error: { code: 'device-not-paired' } });
    for (const ctx of [counter, { ...counter, token }]) {
      const refused = await core.call('devices.injectScan', { text: 'x' }, ctx);
      expect(refused).toMatchObject({ ok: false, error: { code: 'local-only' } });
    }
    expect(events).toEqual([]);
    const r = await core.call(
      'devices.injectScan',
      { text: '000.00.12.H29-240815-0007', symbology: ']C0' },
      local,
    );
    expect(r).toEqual({
      ok: true,
      value: { symbology: ']C0', text: '000.00.12.H29-240815-0007', source: 'test' },
    });
    expect(events).toEqual([
      {
        event: 'device.scan',
        payload: { symbology: ']C0', text: '000.00.12.H29-240815-0007', source: 'test' },
      },
    ]);
    const status = await core.call('devices.status', {}, { ...counter, token });
    expect(status).toMatchObject({ ok: true, value: { testScans: true, lastScan: { source: 'test' } } });
  });

  it('emits device.scan for a real (fake) HID POS scanner and lists it for staff only', async () => {
    const { core, hid, events, counter, token } = await setup();
    await settle();
    for (const r of readReports('hidpos-no-length.hex')) hid.device(POS.path)!.send(r);
    expect(events.map((e) => (e.payload as { symbology: string }).symbology)).toEqual([']Q1', ']C0']);
    expect(await core.call('devices.status', {}, counter)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await core.call('devices.status', {}, { ...remote, token })).toMatchObject({
      ok: false,
      error: { code: 'device-not-paired' },
    });
    const status = await core.call('devices.status', {}, { ...counter, token });
    expect(status).toMatchObject({
      ok: true,
      value: {
        hid: 'ready',
        hidAvailable: true,
        testScans: false,
        scanners: [{ source: 'hid:0c2e:0b61', connected: true }],
      },
    });
    await core.close();
    expect(hid.device(POS.path)).toBeUndefined();
  });

  it('parses a scan through identity.parseScan and returns refusals as errors', async () => {
    const { core } = await setup();
    const kiosk = await lanDevice(core, 'kiosk', { adminPin: PIN, client: '192.168.1.60' });
    const good = await core.call(
      'identity.parseScan',
      {
        text: 'IDVNM0900001233001090000123<<4\n9001011M3001019VNM<<<<<<<<<<<0\nNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
      },
      kiosk,
    );
    expect(good).toMatchObject({ ok: true, value: { kind: 'mrz', person: { idNumber: '001090000123' } } });
    const bad = await core.call('identity.parseScan', { text: 'Nguyá»…n|x' }, kiosk);
    expect(bad).toMatchObject({ ok: false, error: { code: 'scan-mangled' } });
    const junk = await core.call('identity.parseScan', { text: 'x', extra: 1 }, kiosk);
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('starts without node-hid and says so to staff', async () => {
    const { core } = await makeCore({
      config,
      env: { KIOSK_ADMIN_PIN: PIN },
      hid: async () => {
        throw new HidUnavailable('No native build was found');
      },
    });
    await settle();
    const counter = await lanDevice(core, 'counter', { adminPin: PIN });
    const signIn = await core.call('staff.signIn', { user: 'admin', pin: PIN }, counter);
    const token = signIn.ok ? (signIn.value as { token: string }).token : '';
    const status = await core.call('devices.status', {}, { ...counter, token });
    expect(status).toMatchObject({ ok: true, value: { hid: 'unavailable', hidAvailable: false } });
    expect(status.ok && (status.value as { note: { vi: string } }).note.vi).toMatch(/node-hid/);
  });

  it('configures scanners: auto-detect by default, keyboard mode only with a vendor id', () => {
    expect(ConfigSchema.parse(config).scanners).toEqual([{ mode: 'hid-pos' }]);
    expect(ConfigSchema.safeParse({ ...config, scanners: [{ mode: 'keyboard' }] }).success).toBe(false);
    expect(ConfigSchema.safeParse({ ...config, scanners: [{ productId: 1 }] }).success).toBe(false);
    expect(ConfigSchema.safeParse({ ...config, scanners: [{ vendorId: 0x10000 }] }).success).toBe(false);
    expect(
      ConfigSchema.parse({ ...config, scanners: [{ vendorId: 0x0c2e, productId: 0x0b61, mode: 'keyboard' }] })
        .scanners,
    ).toEqual([{ vendorId: 0x0c2e, productId: 0x0b61, mode: 'keyboard' }]);
  });
});
