import type { Bilingual, DevicesStatus, ScanEvent } from '../../../preload/api';
import { backoffMs } from '../backoff';
import type { Clock } from '../clock';
import { createLogger } from '../log';
import { HidUnavailable, loadNodeHid, type HidDevice, type HidDeviceInfo, type HidModule } from './hid';
import { createHidPosDecoder, type DecodedScan } from './hid-pos';
import { createBootKeyboardDecoder } from './keyboard';

const log = createLogger('devices');

export type ScannerMode = 'hid-pos' | 'keyboard';

export interface ScannerConfig {
  vendorId?: number;
  productId?: number;
  mode: ScannerMode;
}

/** Timers come in as a parameter so tests drive re-enumeration without waiting. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    // Re-enumeration must never keep a closing process alive.
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DeviceManagerOptions {
  scanners: ScannerConfig[];
  emit(scan: ScanEvent): void;
  clock: Clock;
  timers?: Timers;
  loadHid?: () => Promise<HidModule>;
  /** Re-enumerate this often while all is well (unplug/replug is noticed within it). */
  rescanMs?: number;
  /** After failures the delay doubles, up to this. */
  maxRescanMs?: number;
  /** A half-read scan older than this is dropped when the next report arrives. */
  scanGapMs?: number;
}

export const HID_POS_USAGE_PAGE = 0x8c;
const MAX_TEXT = 16 * 1024;
const ERROR_RESCAN_MS = 500;

interface Decoder {
  push(report: Uint8Array): DecodedScan[];
  reset(): void;
  abandon(): void;
  readonly pending: boolean;
}

function decoderFor(mode: ScannerMode): Decoder {
  if (mode === 'hid-pos') return createHidPosDecoder();
  const keyboard = createBootKeyboardDecoder();
  return {
    // A wedge scanner says nothing of the symbology.
    push: (report) => keyboard.push(report).map((text) => ({ symbology: 'unknown', text })),
    reset: () => keyboard.reset(),
    abandon: () => keyboard.abandon(),
    get pending() {
      return keyboard.pending;
    },
  };
}

interface Scanner {
  path: string;
  info: HidDeviceInfo;
  mode: ScannerMode;
  source: string;
  handle: HidDevice | null;
  decoder: Decoder;
  lastReportAt: number;
  lastScanAt: string | null;
  error: Bilingual | null;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** Which configured entry, if any, claims a device, and in which mode. */
export function matchScanner(info: HidDeviceInfo, config: ScannerConfig[]): ScannerMode | null {
  const page = info.usagePage ?? 0;
  for (const c of config) {
    if (c.vendorId !== undefined && c.vendorId !== info.vendorId) continue;
    if (c.productId !== undefined && c.productId !== info.productId) continue;
    if (c.mode === 'hid-pos') {
      // A scanner often exposes a keyboard interface beside the POS one: take the POS collection. Where
      // the platform does not report usage pages (0), only an explicit vendor id may claim the device.
      if (page === HID_POS_USAGE_PAGE || (page === 0 && c.vendorId !== undefined)) return 'hid-pos';
    } else if (c.vendorId !== undefined && (page === 0 || (page === 0x01 && info.usage === 0x06))) {
      return 'keyboard';
    }
  }
  return null;
}

const notes = {
  disabled: {
    vi: 'Chưa cấu hình máy quét nào (mục "scanners" trống): ki-ốt không đọc máy quét USB.',
    en: 'No scanner is configured ("scanners" is empty): the kiosk reads no USB scanner.',
  },
  loading: { vi: 'Đang tìm máy quét…', en: 'Looking for scanners…' },
  unavailable: (reason: string) => ({
    vi: `Không tải được thư viện máy quét node-hid (thiếu mô-đun gốc hoặc libusb/libudev), nên ki-ốt chạy mà không đọc máy quét HID. Máy quét ở chế độ bàn phím vẫn gõ được vào ô nhập. Chi tiết: ${reason}`,
    en: `The node-hid scanner library could not be loaded (native module or libusb/libudev missing), so the kiosk runs without HID scanners. Scanners in keyboard mode can still type into fields. Details: ${reason}`,
  }),
  none: {
    vi: 'Không thấy máy quét nào. Kiểm tra cáp USB và đặt máy quét ở chế độ HID-POS (hoặc khai báo vendorId/productId).',
    en: 'No scanner found. Check the USB cable and set the scanner to HID-POS mode (or configure its vendorId/productId).',
  },
};

const openFailed = (reason: string): Bilingual => ({
  vi: `Không mở được máy quét (trên Linux thường do thiếu quyền với /dev/hidraw: cần luật udev). Chi tiết: ${reason}`,
  en: `Could not open the scanner (on Linux usually no permission on /dev/hidraw: a udev rule is needed). Details: ${reason}`,
});

const short = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

export type DeviceManager = ReturnType<typeof createDeviceManager>;

/**
 * Finds configured scanners through node-hid, reads and decodes their reports, and emits `device.scan`.
 * Re-enumerates on a timer (bounded backoff after failures) and right after a read error, which is how
 * an unplugged device shows itself, so unplug/replug needs nobody.
 */
export function createDeviceManager(options: DeviceManagerOptions) {
  const timers = options.timers ?? realTimers;
  const rescanMs = options.rescanMs ?? 3000;
  const maxRescanMs = options.maxRescanMs ?? 30_000;
  const scanGapMs = options.scanGapMs ?? 1000;
  const config = options.scanners;

  let state: DevicesStatus['hid'] = config.length === 0 ? 'disabled' : 'loading';
  let unavailableReason = '';
  let hid: HidModule | null = null;
  let timer: unknown = null;
  let failures = 0;
  let stopped = false;
  let loading: Promise<void> = Promise.resolve();
  let lastScan: DevicesStatus['lastScan'] = null;
  const scanners = new Map<string, Scanner>();

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      enumerate();
    }, ms);
  }

  function deliver(scan: DecodedScan, source: string): ScanEvent | null {
    if (scan.text.length > MAX_TEXT) {
      log.warn('dropped an oversized scan', { source, length: scan.text.length });
      return null;
    }
    const event: ScanEvent = { symbology: scan.symbology, text: scan.text, source };
    const at = options.clock.now().toISOString();
    lastScan = { at, source, symbology: scan.symbology, length: scan.text.length };
    // The text may be a citizen's ID card: it goes to the screen, never into a log line.
    log.info('scan', { source, symbology: scan.symbology, length: scan.text.length });
    options.emit(event);
    return event;
  }

  function disconnect(s: Scanner, why: string): void {
    if (s.handle) {
      try {
        s.handle.close();
      } catch {
        // Already gone with the device.
      }
    }
    s.handle = null;
    s.decoder.reset();
    log.info('scanner disconnected', { source: s.source, why });
  }

  function open(s: Scanner, module: HidModule): boolean {
    let handle: HidDevice;
    try {
      handle = module.open(s.path);
    } catch (error) {
      if (s.error === null) log.warn('could not open scanner', { source: s.source, error });
      s.error = openFailed(short(error));
      return false;
    }
    s.handle = handle;
    s.error = null;
    s.decoder.reset();
    handle.onData((report) => {
      if (s.handle !== handle) return;
      const now = options.clock.now().getTime();
      if (s.decoder.pending && now - s.lastReportAt > scanGapMs) s.decoder.abandon();
      s.lastReportAt = now;
      for (const scan of s.decoder.push(report)) {
        if (deliver(scan, s.source)) s.lastScanAt = options.clock.now().toISOString();
      }
    });
    handle.onError((error) => {
      if (s.handle !== handle) return;
      log.warn('scanner read failed; re-enumerating', { source: s.source, error });
      disconnect(s, 'read error');
      schedule(Math.min(ERROR_RESCAN_MS, rescanMs));
    });
    log.info('scanner opened', { source: s.source, mode: s.mode });
    return true;
  }

  function sourceFor(info: HidDeviceInfo, mode: ScannerMode, path: string): string {
    const base = `${mode === 'hid-pos' ? 'hid' : 'kbd'}:${hex4(info.vendorId)}:${hex4(info.productId)}`;
    const same = [...scanners.values()].filter((s) => s.path !== path && s.source.startsWith(base));
    return same.length === 0 ? base : `${base}#${same.length + 1}`;
  }

  function enumerate(): void {
    const module = hid;
    if (stopped || module === null) return;
    let list: HidDeviceInfo[];
    try {
      list = module.devices();
    } catch (error) {
      failures++;
      log.warn('enumerating HID devices failed', { error, failures });
      schedule(backoffMs({ step: failures, baseMs: rescanMs, maxMs: maxRescanMs }));
      return;
    }
    let ok = true;
    const present = new Set<string>();
    for (const info of list) {
      const mode = matchScanner(info, config);
      if (mode === null || !info.path || present.has(info.path)) continue;
      present.add(info.path);
      let s = scanners.get(info.path);
      if (s && s.mode !== mode) {
        disconnect(s, 'mode changed');
        s = undefined;
      }
      if (!s) {
        // The same scanner replugged often comes back under another path (/dev/hidraw3 → hidraw4):
        // keep its entry, source name and last scan rather than list a stale twin.
        s = [...scanners.values()].find(
          (old) =>
            old.handle === null &&
            old.mode === mode &&
            old.info.vendorId === info.vendorId &&
            old.info.productId === info.productId &&
            !list.some((d) => d.path === old.path),
        );
        if (s) {
          scanners.delete(s.path);
          s.path = info.path;
          s.info = info;
          scanners.set(info.path, s);
        }
      }
      if (!s) {
        s = {
          path: info.path,
          info,
          mode,
          source: sourceFor(info, mode, info.path),
          handle: null,
          decoder: decoderFor(mode),
          lastReportAt: 0,
          lastScanAt: null,
          error: null,
        };
        scanners.set(info.path, s);
      }
      if (!s.handle && !open(s, module)) ok = false;
    }
    for (const s of scanners.values()) if (s.handle && !present.has(s.path)) disconnect(s, 'gone');
    failures = ok ? 0 : failures + 1;
    schedule(ok ? rescanMs : backoffMs({ step: failures, baseMs: rescanMs, maxMs: maxRescanMs }));
  }

  return {
    /** Loads node-hid (lazily, once) and starts looking for scanners. Never throws. */
    start(): Promise<void> {
      if (config.length === 0 || stopped) return loading;
      const load = options.loadHid ?? loadNodeHid;
      loading = load().then(
        (module) => {
          if (stopped) return;
          hid = module;
          state = 'ready';
          enumerate();
        },
        (error: unknown) => {
          state = 'unavailable';
          unavailableReason = short(error instanceof HidUnavailable ? error.message : error);
          if (!(error instanceof HidUnavailable)) log.warn('scanner support unavailable', { error });
        },
      );
      return loading;
    },
    /** Enumerates now (staff "look again", tests). */
    rescan(): void {
      enumerate();
    },
    /** A scan from elsewhere (the test hook) takes the same road as a device's. */
    inject(scan: DecodedScan, source = 'test'): ScanEvent | null {
      return deliver(scan, source);
    },
    status(): DevicesStatus {
      const list = [...scanners.values()];
      const connected = list.some((s) => s.handle !== null);
      const note =
        state === 'disabled'
          ? notes.disabled
          : state === 'loading'
            ? notes.loading
            : state === 'unavailable'
              ? notes.unavailable(unavailableReason)
              : connected
                ? null
                : notes.none;
      return {
        hid: state,
        hidAvailable: state === 'ready',
        note,
        configured: config.map((c) => ({
          mode: c.mode,
          vendorId: c.vendorId ?? null,
          productId: c.productId ?? null,
        })),
        scanners: list.map((s) => ({
          source: s.source,
          mode: s.mode,
          vendorId: s.info.vendorId,
          productId: s.info.productId,
          product: s.info.product ?? null,
          manufacturer: s.info.manufacturer ?? null,
          connected: s.handle !== null,
          lastScanAt: s.lastScanAt,
          error: s.error,
        })),
        lastScan,
        testScans: false,
      };
    },
    /** Stops re-enumeration and closes every device; scans stop. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await loading;
      for (const s of scanners.values()) if (s.handle) disconnect(s, 'stopping');
    },
  };
}
