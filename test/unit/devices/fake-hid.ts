import type { HidDevice, HidDeviceInfo, HidModule } from '../../../main/core/devices';
import type { Timers } from '../../../main/core/devices';

export interface FakeDevice {
  info: HidDeviceInfo;
  send(report: Uint8Array): void;
  fail(error: Error): void;
  closed: boolean;
}

/** A node-hid stand-in: plug and unplug devices, replay reports, make opens or enumeration fail. */
export function createFakeHid() {
  const plugged = new Map<string, HidDeviceInfo>();
  const open = new Map<string, FakeDevice>();
  const opened: string[] = [];
  const state = { enumerateFails: false, openFails: new Set<string>() };
  const module: HidModule = {
    devices() {
      if (state.enumerateFails) throw new Error('hid_enumerate failed');
      return [...plugged.values()];
    },
    open(path: string): HidDevice {
      if (!plugged.has(path) || state.openFails.has(path)) throw new Error(`cannot open ${path}`);
      let onData: (r: Uint8Array) => void = () => {};
      let onError: (e: unknown) => void = () => {};
      const device: FakeDevice = {
        info: plugged.get(path)!,
        closed: false,
        send: (r) => onData(r),
        fail: (e) => onError(e),
      };
      open.set(path, device);
      opened.push(path);
      return {
        onData: (l) => (onData = l),
        onError: (l) => (onError = l),
        close: () => {
          device.closed = true;
          open.delete(path);
        },
      };
    },
  };
  return {
    module,
    state,
    opened,
    plug: (info: HidDeviceInfo) => plugged.set(info.path!, info),
    /** Unplugging makes the open handle's read fail, as node-hid does. */
    unplug(path: string) {
      plugged.delete(path);
      open.get(path)?.fail(new Error('could not read from HID device'));
    },
    /** Gone from the list without a read error (some platforms notice only on the next enumeration). */
    hide: (path: string) => plugged.delete(path),
    device: (path: string) => open.get(path),
  };
}

/** Timers that fire only when the test says so; `pending` shows what is scheduled. */
export function manualTimers() {
  let next = 1;
  const due = new Map<number, { fn: () => void; ms: number }>();
  const timers: Timers = {
    setTimeout(fn, ms) {
      const id = next++;
      due.set(id, { fn, ms });
      return id;
    },
    clearTimeout: (h) => void due.delete(h as number),
  };
  return {
    timers,
    get pending() {
      return [...due.values()].map((d) => d.ms);
    },
    /** Runs everything scheduled now (not what those callbacks schedule in turn). */
    fire() {
      const now = [...due.entries()];
      due.clear();
      for (const [, d] of now) d.fn();
    },
  };
}
