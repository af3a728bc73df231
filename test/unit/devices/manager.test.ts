import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../preload/api';
import { manualClock } from '../../../main/core/clock';
import {
  HidUnavailable,
  createDeviceManager,
  matchScanner,
  type ScannerConfig,
} from '../../../main/core/devices';
import { quietLogs } from '../helpers';
import { createFakeHid, manualTimers } from './fake-hid';
import { readReports } from './fixtures';

const POS = { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 0x02 };
const KBD_OF_SAME = { ...POS, path: '/dev/hidraw2', usagePage: 0x01, usage: 0x06 };

function setup(scanners: ScannerConfig[] = [{ mode: 'hid-pos' }]) {
  const hid = createFakeHid();
  const t = manualTimers();
  const clock = manualClock('2026-11-23T02:00:00.000Z');
  const scans: ScanEvent[] = [];
  const manager = createDeviceManager({
    scanners,
    emit: (s) => scans.push(s),
    clock,
    timers: t.timers,
    loadHid: async () => hid.module,
    rescanMs: 3000,
    maxRescanMs: 30_000,
  });
  return { hid, t, clock, scans, manager };
}

quietLogs();

describe('matchScanner', () => {
  it('claims HID POS collections by usage page, and keyboards only by configured vendor id', () => {
    expect(matchScanner(POS, [{ mode: 'hid-pos' }])).toBe('hid-pos');
    expect(matchScanner(KBD_OF_SAME, [{ mode: 'hid-pos' }])).toBeNull();
    expect(matchScanner(KBD_OF_SAME, [{ mode: 'keyboard', vendorId: 0x0c2e }])).toBe('keyboard');
    expect(matchScanner(KBD_OF_SAME, [{ mode: 'keyboard', vendorId: 0x1234 }])).toBeNull();
    expect(
      matchScanner({ ...POS, productId: 1 }, [{ mode: 'hid-pos', vendorId: 0x0c2e, productId: 2 }]),
    ).toBeNull();
    // No usage page reported: only an explicit vendor id may claim the device.
    const bare = { path: '/dev/hidraw9', vendorId: 0x0c2e, productId: 0x0b61 };
    expect(matchScanner(bare, [{ mode: 'hid-pos' }])).toBeNull();
    expect(matchScanner(bare, [{ mode: 'hid-pos', vendorId: 0x0c2e }])).toBe('hid-pos');
  });
});

describe('the device manager', () => {
  it('finds a HID POS scanner, decodes its reports and emits device.scan', async () => {
    const { hid, scans, manager } = setup();
    hid.plug(POS);
    hid.plug(KBD_OF_SAME);
    await manager.start();
    expect(hid.opened).toEqual(['/dev/hidraw3']);
    for (const r of readReports('hidpos-long-qr-length.hex')) hid.device(POS.path)!.send(r);
    expect(scans).toHaveLength(1);
    expect(scans[0]!.symbology).toBe(']Q1');
    expect(scans[0]!.source).toBe('hid:0c2e:0b61');
    expect(scans[0]!.text.startsWith('079300001234|025123456|Lê Thị Ngọc Ánh|')).toBe(true);
    const status = manager.status();
    expect(status.hid).toBe('ready');
    expect(status.note).toBeNull();
    expect(status.scanners[0]).toMatchObject({
      connected: true,
      mode: 'hid-pos',
      lastScanAt: '2026-11-23T02:00:00.000Z',
    });
    expect(status.lastScan).toMatchObject({ symbology: ']Q1', source: 'hid:0c2e:0b61' });
    expect(JSON.stringify(status)).not.toContain('079300001234');
  });

  it('reads a keyboard-mode scanner configured by vendor id', async () => {
    const { hid, scans, manager } = setup([{ mode: 'keyboard', vendorId: 0x0c2e }]);
    hid.plug(KBD_OF_SAME);
    await manager.start();
    for (const r of readReports('keyboard-rollover.hex')) hid.device(KBD_OF_SAME.path)!.send(r);
    expect(scans.map((s) => [s.source, s.symbology, s.text])).toEqual([
      ['kbd:0c2e:0b61', 'unknown', 'Ab1!-_'],
      ['kbd:0c2e:0b61', 'unknown', '000.00.12.H29-K01-240815-0007'],
    ]);
  });

  it('survives unplug and replug: a read error closes the device and re-enumerates soon', async () => {
    const { hid, t, scans, manager } = setup();
    hid.plug(POS);
    await manager.start();
    const first = hid.device(POS.path)!;
    hid.unplug(POS.path);
    expect(first.closed).toBe(true);
    expect(manager.status().scanners[0]!.connected).toBe(false);
    expect(t.pending).toEqual([500]);
    t.fire();
    expect(manager.status().note?.en).toMatch(/No scanner found/);
    hid.plug(POS);
    t.fire();
    expect(manager.status().scanners[0]!.connected).toBe(true);
    expect(hid.opened).toEqual([POS.path, POS.path]);
    for (const r of readReports('hidpos-no-length.hex')) hid.device(POS.path)!.send(r);
    expect(scans.map((s) => s.symbology)).toEqual([']Q1', ']C0']);
  });

  it('keeps one entry for a scanner replugged under a new path', async () => {
    const { hid, t, manager } = setup();
    hid.plug(POS);
    await manager.start();
    hid.unplug(POS.path);
    hid.plug({ ...POS, path: '/dev/hidraw4' });
    t.fire();
    const status = manager.status();
    expect(status.scanners).toHaveLength(1);
    expect(status.scanners[0]).toMatchObject({ source: 'hid:0c2e:0b61', connected: true });
    expect(hid.opened).toEqual([POS.path, '/dev/hidraw4']);
    // A second, identical scanner plugged beside it gets its own name.
    hid.plug({ ...POS, path: '/dev/hidraw5' });
    t.fire();
    expect(manager.status().scanners.map((s) => s.source)).toEqual(['hid:0c2e:0b61', 'hid:0c2e:0b61#2']);
  });

  it('notices a device that vanished without an error on the next timed enumeration', async () => {
    const { hid, t, manager } = setup();
    hid.plug(POS);
    await manager.start();
    expect(t.pending).toEqual([3000]);
    const handle = hid.device(POS.path)!;
    hid.hide(POS.path);
    t.fire();
    expect(handle.closed).toBe(true);
    expect(manager.status().scanners[0]!.connected).toBe(false);
  });

  it('backs off, bounded, while enumeration or opening fails, and reports why', async () => {
    const { hid, t, manager } = setup();
    hid.plug(POS);
    hid.state.openFails.add(POS.path);
    await manager.start();
    expect(manager.status().scanners[0]!.error?.en).toMatch(/udev/);
    const delays = [t.pending[0]];
    for (let i = 0; i < 6; i++) {
      t.fire();
      delays.push(t.pending[0]);
    }
    expect(delays).toEqual([6000, 12000, 24000, 30000, 30000, 30000, 30000]);
    hid.state.openFails.clear();
    t.fire();
    expect(manager.status().scanners[0]).toMatchObject({ connected: true, error: null });
    expect(t.pending).toEqual([3000]);
    hid.state.enumerateFails = true;
    t.fire();
    expect(t.pending).toEqual([6000]);
  });

  it('drops a half-read scan when the device went quiet for longer than the scan gap', async () => {
    const { hid, clock, scans, manager } = setup();
    hid.plug(POS);
    await manager.start();
    const [a, b, c] = readReports('hidpos-long-qr-length.hex');
    const device = hid.device(POS.path)!;
    device.send(a!);
    clock.advance(5000);
    device.send(b!);
    device.send(c!);
    expect(scans).toEqual([]);
    // The next whole scan is read normally.
    for (const r of readReports('hidpos-long-qr-length.hex')) device.send(r);
    expect(scans).toHaveLength(1);
    expect(scans[0]!.text.endsWith('|15082021')).toBe(true);
  });

  it('keeps running without node-hid and says so in both languages', async () => {
    const t = manualTimers();
    const manager = createDeviceManager({
      scanners: [{ mode: 'hid-pos' }],
      emit: () => {},
      clock: manualClock('2026-11-23T02:00:00.000Z'),
      timers: t.timers,
      loadHid: async () => {
        throw new HidUnavailable('libusb-1.0.so.0: cannot open shared object file');
      },
    });
    expect(manager.status().hid).toBe('loading');
    await manager.start();
    const status = manager.status();
    expect(status).toMatchObject({ hid: 'unavailable', hidAvailable: false, scanners: [] });
    expect(status.note?.vi).toMatch(/node-hid/);
    expect(status.note?.en).toMatch(/libusb-1\.0\.so\.0/);
    expect(t.pending).toEqual([]);
  });

  it('loads nothing when no scanner is configured, and stops cleanly', async () => {
    let loads = 0;
    const manager = createDeviceManager({
      scanners: [],
      emit: () => {},
      clock: manualClock('2026-11-23T02:00:00.000Z'),
      timers: manualTimers().timers,
      loadHid: async () => {
        loads++;
        return createFakeHid().module;
      },
    });
    await manager.start();
    expect(loads).toBe(0);
    expect(manager.status()).toMatchObject({ hid: 'disabled' });
    const { hid, t, manager: running } = setup();
    hid.plug(POS);
    await running.start();
    await running.stop();
    expect(hid.device(POS.path)).toBeUndefined();
    expect(t.pending).toEqual([]);
  });
});
