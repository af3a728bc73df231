import { createLogger } from '../log';

const log = createLogger('devices.hid');

/**
 * The slice of node-hid the device manager uses, as an interface: production loads node-hid behind it,
 * tests hand in a fake that replays byte-exact reports (test/fixtures/hid).
 */
export interface HidDeviceInfo {
  /** The OS path to open (hidraw node, IOKit path, Windows device path). */
  path?: string;
  vendorId: number;
  productId: number;
  /** Top-level collection: 0x8C/0x02 for HID POS bar code scanners, 0x01/0x06 for keyboards. */
  usagePage?: number;
  usage?: number;
  product?: string;
  manufacturer?: string;
  interface?: number;
}

export interface HidDevice {
  onData(listener: (report: Uint8Array) => void): void;
  /** Reading failed: on every platform this is what an unplugged device looks like. */
  onError(listener: (error: unknown) => void): void;
  close(): void;
}

export interface HidModule {
  devices(): HidDeviceInfo[];
  open(path: string): HidDevice;
}

/** Why node-hid could not be loaded, for the staff screen and the log. */
export class HidUnavailable extends Error {
  override name = 'HidUnavailable';
}

interface NodeHidLike {
  devices(): HidDeviceInfo[];
  HID: new (path: string) => {
    on(event: string, listener: (arg: never) => void): unknown;
    close(): void;
  };
}

/**
 * Loads node-hid lazily. Its native part (and, on Linux, libudev/libusb) may be missing on a given
 * machine: that must leave the kiosk running without scanners, not stop it starting, so any failure
 * becomes a `HidUnavailable` the manager reports.
 */
export async function loadNodeHid(): Promise<HidModule> {
  let mod: NodeHidLike;
  try {
    const imported = (await import('node-hid')) as unknown as NodeHidLike & { default?: NodeHidLike };
    mod = typeof imported.devices === 'function' ? imported : (imported.default as NodeHidLike);
    if (typeof mod?.devices !== 'function') throw new Error('node-hid has no devices()');
  } catch (error) {
    log.warn('node-hid is not available', { error });
    throw new HidUnavailable(error instanceof Error ? error.message : String(error));
  }
  return {
    devices: () => mod.devices(),
    open(path) {
      const device = new mod.HID(path);
      return {
        onData: (listener) => device.on('data', ((data: Buffer) => listener(new Uint8Array(data))) as never),
        onError: (listener) => device.on('error', listener as never),
        close: () => device.close(),
      };
    },
  };
}
