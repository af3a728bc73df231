import { randomBytes } from 'node:crypto';
import type { Bilingual, ChipRead, EventPayload, ParsedInput } from '../../../../preload/api';
import { backoffMs } from '../../backoff';
import type { Clock } from '../../clock';
import { createLogger } from '../../log';
import { mrzInformation } from './bac';
import { loadCscaFiles, type CscaSet } from './csca';
import { ChipError, isChipError } from './errors';
import {
  createPcscWatcher,
  loadPcsclite,
  PcscUnavailable,
  type PcscLiteModule,
  type PcscWatcher,
} from './pcsc';
import { readCard, type ApduTransport, type ChipReadResult, type ReadStep } from './reader';
import { chipPerson, verificationNote } from './result';
import { createDemoCard, DEMO_MRZ_INFORMATION } from './simulator';
import { realChipTimers, withTimeout, type ChipTimers } from './timeout';

const log = createLogger('chip');

export type ChipStatus = EventPayload<'chip.reader'>;
export type ChipProgress = EventPayload<'chip.progress'>;
export type ChipReadInput = ParsedInput<'identity.readChip'>;
type ChipEvent = 'chip.reader' | 'chip.progress';

export interface ChipTimeouts {
  /**
   * The whole `readChip` call, waiting for the card included. Kept under the renderer's HTTP timeout
   * (15 s in renderer/src/api.ts), so the person sees the kiosk's own message ("Chưa thấy thẻ…") and a
   * retry is never refused as "busy" by a read the browser already gave up on.
   */
  totalMs: number;
  /** How long a read waits for a card to be put on the reader (within `totalMs`). */
  cardWaitMs: number;
  connectMs: number;
  /** One APDU's answer. */
  apduMs: number;
  /** The whole BAC + files + verification, once connected (within `totalMs`). */
  readMs: number;
  /** Loading the optional PC/SC module. */
  loadMs: number;
  /** First wait before reconnecting to a failed PC/SC service; doubles up to a minute. */
  pcscRetryMs: number;
}

const DEFAULT_TIMEOUTS: ChipTimeouts = {
  totalMs: 14_000,
  cardWaitMs: 10_000,
  connectMs: 4_000,
  apduMs: 4_000,
  // A CCCD reads in 1–3 s on a contact reader; a slow contactless one can take several.
  readMs: 12_000,
  loadMs: 10_000,
  pcscRetryMs: 5_000,
};
const MAX_RETRY_MS = 60_000;

export interface ChipServiceOptions {
  /** `chip` of kiosk.config.json. */
  config: { pcsc: boolean; csca: readonly string[] };
  /** CSCA paths are relative to it. */
  dataDir: string;
  /** The core's event bus (`bus.emit`): 'chip.reader' and 'chip.progress'. */
  emit: <E extends ChipEvent>(event: E, payload: EventPayload<E>) => void;
  clock: Clock;
  /** The pcsclite-shaped module; defaults to importing `pcsclite` lazily (tests pass a fake). */
  loadPcsc?: () => Promise<PcscLiteModule>;
  /** Cryptographic randomness for BAC; `crypto.randomBytes` by default. */
  random?: (length: number) => Uint8Array;
  timeouts?: Partial<ChipTimeouts>;
  timers?: ChipTimers;
  /**
   * Told of every real card read (never the demo card): the ID number and whether passive
   * authentication succeeded, so a later submit can say how identity was established (identity/evidence.ts).
   */
  evidence?: { chip(idNumber: string, passiveAuthentication: boolean): void };
}

export interface ChipService {
  /** Loads the CSCA files and looks for PC/SC readers. Never throws: problems show in `status()`. */
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): Promise<ChipStatus>;
  readChip(input: ChipReadInput): Promise<ChipRead>;
}

type PcscState = 'disabled' | 'loading' | 'ready' | 'unavailable';

const notes = {
  disabled: {
    vi: 'Đọc thẻ qua đầu đọc PC/SC đang tắt trong cấu hình (chip.pcsc). Vẫn thử được bằng thẻ mẫu.',
    en: 'PC/SC card readers are turned off in the configuration (chip.pcsc). The sample card still works.',
  },
  loading: {
    vi: 'Đang tìm đầu đọc thẻ…',
    en: 'Looking for card readers…',
  },
  notInstalled: {
    vi: 'Máy này chưa cài thư viện đọc thẻ PC/SC (gói pcsclite, cần libpcsclite và dịch vụ pcscd). Ki-ốt vẫn chạy bình thường; chỉ đọc được thẻ mẫu. Nhờ kỹ thuật cài đặt nếu cần đọc chip.',
    en: 'The PC/SC card library is not installed on this machine (the pcsclite package, with libpcsclite and the pcscd service). The kiosk runs normally; only the sample card can be read. Ask a technician to install it to read chips.',
  },
  serviceDown: {
    vi: 'Dịch vụ đọc thẻ PC/SC (pcscd) không phản hồi; ki-ốt sẽ tự thử kết nối lại.',
    en: 'The PC/SC card service (pcscd) is not answering; the kiosk will keep trying to reconnect.',
  },
  noReaders: {
    vi: 'Chưa thấy đầu đọc thẻ nào. Hãy cắm đầu đọc vào máy (đèn đầu đọc sáng) rồi xem lại.',
    en: 'No card reader found. Plug a reader in (its light comes on) and look again.',
  },
} satisfies Record<string, Bilingual>;

const joinNotes = (list: (Bilingual | null)[]): Bilingual | null => {
  const present = list.filter((n): n is Bilingual => n !== null);
  if (present.length === 0) return null;
  return { vi: present.map((n) => n.vi).join(' '), en: present.map((n) => n.en).join(' ') };
};

/** YYYY-MM-DD → YYMMDD, as the MRZ prints dates. */
const yymmdd = (day: string): string => day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);

/**
 * The MRZ information to try, in order. A card without expiry prints `<<<<<<` with a check digit of `<`
 * on some cards and `0` on others (Doc 9303 leaves it open), so both are tried; any other card has one.
 */
export function accessCandidates(access: NonNullable<ChipReadInput['access']>): string[] {
  const birthDate = yymmdd(access.birthDate);
  if (access.expiryDate !== null)
    return [mrzInformation({ ...access, birthDate, expiryDate: yymmdd(access.expiryDate) })];
  // Document number and birth date with their check digits: everything before the 7 expiry characters.
  const head = mrzInformation({ documentNumber: access.documentNumber, birthDate, expiryDate: '000000' });
  return [`${head.slice(0, -7)}<<<<<<<`, `${head.slice(0, -7)}<<<<<<0`];
}

function percentOf(step: ReadStep, detail?: { done: number; total: number }): number {
  if (step === 'authenticating') return 10;
  if (step === 'reading')
    return detail ? 20 + Math.round((60 * detail.done) / Math.max(1, detail.total)) : 20;
  if (step === 'verifying') return 85;
  return 100;
}

/**
 * The chip service behind `identity.readChip` and `identity.chipStatus`: PC/SC readers (optional module,
 * hot-plug and card events as 'chip.reader'), the demo software card, CSCA files, bounded waits, one read
 * at a time, and the mapping of what the chip said to the contract's `ChipRead`. Nothing personal is logged.
 */
export function createChipService(options: ChipServiceOptions): ChipService {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const timers = options.timers ?? realChipTimers;
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  const loadPcsc = options.loadPcsc ?? (() => loadPcsclite());

  let pcsc: PcscState = options.config.pcsc ? 'loading' : 'disabled';
  let pcscNote: Bilingual | null = options.config.pcsc ? notes.loading : notes.disabled;
  let watcher: PcscWatcher | undefined;
  let csca: CscaSet = { certificates: [], count: 0, unreadable: [] };
  let started: Promise<void> | undefined;
  let stopped = false;
  let retryHandle: unknown;
  let retries = 0;
  let busy = false;
  const changeListeners = new Set<() => void>();

  function currentStatus(): ChipStatus {
    const readers = watcher?.readers() ?? [];
    const cscaNote: Bilingual | null =
      csca.unreadable.length === 0
        ? null
        : {
            vi: `Không dùng được tệp chứng thư CSCA: ${csca.unreadable.join(', ')}.`,
            en: `CSCA certificate file(s) unusable: ${csca.unreadable.join(', ')}.`,
          };
    const readerNote = pcsc === 'ready' && readers.length === 0 ? notes.noReaders : null;
    return {
      pcsc: pcsc === 'ready' ? 'ready' : pcsc === 'disabled' ? 'disabled' : 'unavailable',
      readers,
      note: joinNotes([pcsc === 'ready' ? readerNote : pcscNote, cscaNote]),
      cscaCount: csca.count,
    };
  }

  const emitReader = (): void => {
    if (!stopped) options.emit('chip.reader', currentStatus());
  };
  const progress = (step: ChipProgress['step'], percent: number): void => {
    if (!stopped) options.emit('chip.progress', { step, percent });
  };

  function scheduleRetry(module: PcscLiteModule): void {
    if (stopped) return;
    const delay = backoffMs({ step: retries, baseMs: timeouts.pcscRetryMs, maxMs: MAX_RETRY_MS });
    retries++;
    retryHandle = timers.setTimeout(() => {
      retryHandle = undefined;
      open(module);
    }, delay);
  }

  function lost(module: PcscLiteModule, w: PcscWatcher): void {
    if (watcher !== w) return; // an older context reporting late
    w.close();
    watcher = undefined;
    pcsc = 'unavailable';
    pcscNote = notes.serviceDown;
    for (const listener of changeListeners) listener();
    emitReader();
    scheduleRetry(module);
  }

  function open(module: PcscLiteModule): void {
    if (stopped) return;
    try {
      const w: PcscWatcher = createPcscWatcher(module, {
        onChange: () => {
          retries = 0;
          for (const listener of changeListeners) listener();
          emitReader();
        },
        onError: () => lost(module, w),
        connectTimeoutMs: timeouts.connectMs,
        apduTimeoutMs: timeouts.apduMs,
        timers,
      });
      watcher = w;
      pcsc = 'ready';
      pcscNote = null;
      log.info('PC/SC ready');
    } catch (error) {
      // pcsclite throws here when it cannot reach the PC/SC service (pcscd stopped, no smart-card service).
      log.warn('PC/SC service unreachable', { error: error instanceof Error ? error : String(error) });
      pcsc = 'unavailable';
      pcscNote = notes.serviceDown;
      scheduleRetry(module);
    }
    emitReader();
  }

  async function startPcsc(): Promise<void> {
    let module: PcscLiteModule;
    try {
      module = await withTimeout(
        loadPcsc(),
        timeouts.loadMs,
        () => new PcscUnavailable('load timed out'),
        timers,
      );
    } catch (error) {
      pcsc = 'unavailable';
      pcscNote = notes.notInstalled;
      // Expected on most kiosks: info, not a warning.
      log.info('PC/SC module not available: chip reading only with the demo card', {
        error: error instanceof Error ? error.message : String(error),
      });
      emitReader();
      return;
    }
    open(module);
  }

  function start(): Promise<void> {
    started ??= (async () => {
      csca = loadCscaFiles(options.dataDir, options.config.csca);
      if (options.config.pcsc) await startPcsc();
    })();
    return started;
  }

  /** A reader holding a card, waiting for one to be put down (bounded). */
  async function waitForCard(waitMs: number): Promise<string> {
    const pick = (): string | undefined => {
      if (pcsc !== 'ready' || !watcher) throw new ChipError('no-reader', `PC/SC ${pcsc}`);
      const readers = watcher.readers();
      if (readers.length === 0) throw new ChipError('no-reader', 'no reader attached');
      return readers.find((r) => r.cardPresent)?.name;
    };
    const now = pick();
    if (now !== undefined) return now;
    progress('waiting', 0);
    return new Promise<string>((resolve, reject) => {
      const done = (): void => {
        changeListeners.delete(check);
        timers.clearTimeout(handle);
      };
      const check = (): void => {
        try {
          const name = pick();
          if (name === undefined) return;
          done();
          resolve(name);
        } catch (error) {
          done();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      const handle = timers.setTimeout(() => {
        done();
        reject(new ChipError('no-card', `no card within ${waitMs} ms`));
      }, waitMs);
      changeListeners.add(check);
    });
  }

  async function readWith(
    transport: ApduTransport,
    input: ChipReadInput,
    remaining: () => number,
  ): Promise<ChipReadResult> {
    const candidates = input.access ? accessCandidates(input.access) : [DEMO_MRZ_INFORMATION];
    let lastError: unknown;
    for (const [i, info] of candidates.entries()) {
      try {
        const reading = readCard(transport, {
          mrzInformation: info,
          random,
          readParents: input.readParents === true,
          readEthnicity: input.readEthnicity === true,
          cscaCertificates: csca.certificates,
          now: options.clock.now(),
          onProgress: (step, detail) => {
            if (step !== 'done') progress(step, percentOf(step, detail));
          },
        });
        const limit = Math.min(timeouts.readMs, remaining());
        return await withTimeout(
          reading,
          limit,
          () => new ChipError('timeout', `read took over ${limit} ms`),
          timers,
        );
      } catch (error) {
        lastError = error;
        // Only the no-expiry ambiguity is worth a second try; every other refusal is final.
        if (!isChipError(error, 'access-denied') || i === candidates.length - 1) throw error;
      }
    }
    throw lastError;
  }

  async function readChip(input: ChipReadInput): Promise<ChipRead> {
    if (busy) throw new ChipError('busy');
    busy = true;
    const startedAt = options.clock.now().getTime();
    // Every wait below takes what is left of the call's budget (at least a little, so a step can fail cleanly).
    const remaining = (): number =>
      Math.max(100, timeouts.totalMs - (options.clock.now().getTime() - startedAt));
    const demo = input.demo === true;
    try {
      if (!input.access && !demo) throw new ChipError('mrz-needed');
      await start();
      // Fresh each read: a certificate dropped into the folder counts without a restart.
      csca = loadCscaFiles(options.dataDir, options.config.csca);
      let result: ChipReadResult;
      if (demo) {
        result = await readWith(createDemoCard(), input, remaining);
      } else {
        const name = await waitForCard(Math.min(timeouts.cardWaitMs, remaining()));
        const w = watcher;
        if (!w) throw new ChipError('no-reader', 'PC/SC went away');
        const card = await w.connect(name);
        try {
          result = await readWith(card, input, remaining);
        } finally {
          await card.disconnect();
        }
      }
      const person = chipPerson(result, {
        readParents: input.readParents === true,
        readEthnicity: input.readEthnicity === true,
      });
      const verification = result.passive.status;
      const durationMs = Math.max(0, options.clock.now().getTime() - startedAt);
      progress('done', 100);
      log.info('chip read', { demo, verification, durationMs, reason: result.passive.reason });
      if (!demo) options.evidence?.chip(person.idNumber, verification === 'verified');
      return { person, verification, note: verificationNote(result.passive, demo), demo, durationMs };
    } catch (error) {
      if (error instanceof ChipError) {
        log.info('chip read refused', { demo, reason: error.reason, detail: error.detail });
      }
      throw error;
    } finally {
      busy = false;
    }
  }

  return {
    start,
    async stop() {
      stopped = true;
      if (retryHandle !== undefined) timers.clearTimeout(retryHandle);
      watcher?.close();
      watcher = undefined;
      // A read waiting for a card ends now (no reader), not at its timeout.
      for (const listener of changeListeners) listener();
    },
    async status() {
      await withTimeout(start(), timeouts.loadMs, () => new Error('chip start timed out'), timers).catch(
        (error: unknown) => log.warn('chip status before start finished', { error: String(error) }),
      );
      return currentStatus();
    },
    readChip,
  };
}
