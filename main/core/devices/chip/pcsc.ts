import { createLogger } from '../../log';
import { ChipError } from './errors';
import type { ApduTransport } from './reader';
import { realChipTimers, withTimeout, type ChipTimers } from './timeout';

const log = createLogger('chip.pcsc');

/**
 * PC/SC card readers through the optional native module `pcsclite` (npm; github.com/santigimeno/node-pcsclite).
 * It is NOT a dependency of the kiosk: a machine without it (or without libpcsclite / pcscd) still runs,
 * reads the demo card, and tells staff why there is no reader. Only its documented API is used:
 *
 *   const pcsc = require('pcsclite')();          // an EventEmitter
 *   pcsc.on('reader', reader => …)               // a reader appeared (also for those present at start)
 *   pcsc.on('error', err => …)                   // the PC/SC service failed (e.g. pcscd not running)
 *   reader.on('status', ({ state, atr }) => …)   // state bits: SCARD_STATE_PRESENT, _EMPTY, _MUTE …
 *   reader.on('end', () => …)                    // the reader was unplugged
 *   reader.connect({ share_mode, protocol }, (err, protocol) => …)
 *   reader.transmit(buffer, maxResponseLength, protocol, (err, response) => …)
 *   reader.disconnect(disposition, err => …); reader.close(); pcsc.close()
 *
 * The interfaces below are that slice, so tests replay a documented event sequence with a fake module.
 */

export interface PcscLiteStatus {
  state: number;
  atr?: Uint8Array;
}

type Callback<T> = (error: unknown, value: T) => void;

/** node-pcsclite's `CardReader` (an EventEmitter with the SCARD_* constants as properties). */
export interface PcscLiteReader {
  name: string;
  SCARD_SHARE_EXCLUSIVE?: number;
  SCARD_PROTOCOL_T0?: number;
  SCARD_PROTOCOL_T1?: number;
  SCARD_STATE_PRESENT?: number;
  SCARD_STATE_MUTE?: number;
  SCARD_RESET_CARD?: number;
  on(event: 'status' | 'end' | 'error', listener: (...args: unknown[]) => void): unknown;
  connect(options: { share_mode?: number; protocol?: number }, callback: Callback<number>): void;
  transmit(data: Buffer, responseLength: number, protocol: number, callback: Callback<Buffer>): void;
  disconnect(disposition: number, callback: (error: unknown) => void): void;
  close(): void;
}

/** node-pcsclite's `PCSCLite` context. */
export interface PcscLiteContext {
  on(event: 'reader' | 'error', listener: (...args: unknown[]) => void): unknown;
  close(): void;
}

/** What `require('pcsclite')` is: a factory of contexts. */
export type PcscLiteModule = () => PcscLiteContext;

/** Why no PC/SC module could be loaded (not installed, native part or libpcsclite missing). */
export class PcscUnavailable extends Error {
  override name = 'PcscUnavailable';
}

// Held in a variable so neither the bundler nor the type checker looks for a package that is not installed.
const PCSCLITE = 'pcsclite';

/** Loads the optional `pcsclite` module lazily; any failure becomes `PcscUnavailable`. */
export async function loadPcsclite(moduleName: string = PCSCLITE): Promise<PcscLiteModule> {
  try {
    const imported: unknown = await import(/* @vite-ignore */ moduleName);
    const factory =
      typeof imported === 'function' ? imported : (imported as { default?: unknown } | null)?.default;
    if (typeof factory !== 'function') throw new Error(`${moduleName} exports no factory function`);
    return factory as PcscLiteModule;
  } catch (error) {
    throw new PcscUnavailable(error instanceof Error ? error.message : String(error));
  }
}

// pcsc-lite's values (Windows' winscard.h agrees for these); used when a module does not expose them.
const DEFAULTS = {
  SCARD_SHARE_EXCLUSIVE: 1,
  SCARD_PROTOCOL_T0: 1,
  SCARD_PROTOCOL_T1: 2,
  SCARD_STATE_PRESENT: 0x20,
  SCARD_STATE_MUTE: 0x200,
  SCARD_RESET_CARD: 1,
} as const;
const constant = (reader: PcscLiteReader, name: keyof typeof DEFAULTS): number =>
  typeof reader[name] === 'number' ? reader[name] : DEFAULTS[name];

/** Big enough for any short-APDU answer under secure messaging (≤ 0xDF data + DOs + SW) and then some. */
const MAX_RESPONSE = 4096;
/** T=0 cards answer a case-4 command with 61xx: fetch the rest with GET RESPONSE, a bounded number of times. */
const MAX_GET_RESPONSE = 32;

export interface PcscReaderState {
  name: string;
  cardPresent: boolean;
}

/** A connected card: APDUs go straight to it; `disconnect` resets it so no BAC session outlives the read. */
export interface PcscCard extends ApduTransport {
  disconnect(): Promise<void>;
}

export interface PcscWatcher {
  readers(): PcscReaderState[];
  connect(readerName: string): Promise<PcscCard>;
  close(): void;
}

export interface PcscWatcherOptions {
  /** A reader appeared or went, or a card was put on or taken off. */
  onChange(): void;
  /** The PC/SC service failed (pcscd stopped, context lost): the caller decides whether to retry. */
  onError(error: Error): void;
  connectTimeoutMs?: number;
  apduTimeoutMs?: number;
  timers?: ChipTimers;
}

interface Tracked {
  reader: PcscLiteReader;
  state: number;
  /** Set while a card is connected; rejected transmits follow a removal at once. */
  connected?: { removed: boolean };
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
const gone = (what: string) => new ChipError('card-removed', what);

/**
 * Adapts a pcsclite-shaped module: keeps the list of readers and whether each holds a card (from the
 * `status` state bits), and opens card channels with bounded connect and transmit.
 */
export function createPcscWatcher(module: PcscLiteModule, options: PcscWatcherOptions): PcscWatcher {
  const timers = options.timers ?? realChipTimers;
  const connectMs = options.connectTimeoutMs ?? 5_000;
  const apduMs = options.apduTimeoutMs ?? 5_000;
  const tracked = new Map<string, Tracked>();
  let closed = false;

  const present = (t: Tracked): boolean => (t.state & constant(t.reader, 'SCARD_STATE_PRESENT')) !== 0;

  const context = module();
  context.on('error', ((error: unknown) => {
    if (closed) return;
    log.warn('PC/SC service error', { error: asError(error) });
    options.onError(asError(error));
  }) as (...args: unknown[]) => void);
  context.on('reader', ((reader: PcscLiteReader) => {
    if (closed) return;
    const entry: Tracked = { reader, state: 0 };
    tracked.set(reader.name, entry);
    log.info('card reader attached', { reader: reader.name });
    reader.on('status', ((status: PcscLiteStatus) => {
      const wasPresent = present(entry);
      entry.state = status.state;
      const isPresent = present(entry);
      if (wasPresent && !isPresent && entry.connected) entry.connected.removed = true;
      if ((status.state & constant(reader, 'SCARD_STATE_MUTE')) !== 0)
        log.warn('card does not answer (mute)', { reader: reader.name });
      if (wasPresent !== isPresent) {
        log.info(isPresent ? 'card placed' : 'card removed', { reader: reader.name });
        options.onChange();
      }
    }) as (...args: unknown[]) => void);
    reader.on('error', ((error: unknown) => {
      log.warn('card reader error', { reader: reader.name, error: asError(error) });
    }) as (...args: unknown[]) => void);
    reader.on('end', (() => {
      if (entry.connected) entry.connected.removed = true;
      if (tracked.get(reader.name) === entry) tracked.delete(reader.name);
      log.info('card reader removed', { reader: reader.name });
      options.onChange();
    }) as (...args: unknown[]) => void);
    options.onChange();
  }) as (...args: unknown[]) => void);

  function rawTransmit(entry: Tracked, protocol: number, apdu: Uint8Array): Promise<Uint8Array> {
    const sent = new Promise<Uint8Array>((resolve, reject) => {
      entry.reader.transmit(Buffer.from(apdu), MAX_RESPONSE, protocol, (error, response) => {
        if (error) reject(gone(`transmit: ${asError(error).message}`));
        else resolve(new Uint8Array(response));
      });
    });
    return withTimeout(sent, apduMs, () => new ChipError('timeout', `no answer in ${apduMs} ms`), timers);
  }

  async function connect(readerName: string): Promise<PcscCard> {
    const entry = tracked.get(readerName);
    if (!entry) throw new ChipError('no-reader', `reader ${readerName} is gone`);
    if (!present(entry)) throw new ChipError('no-card', `no card on ${readerName}`);
    const { reader } = entry;
    const protocols = constant(reader, 'SCARD_PROTOCOL_T0') | constant(reader, 'SCARD_PROTOCOL_T1');
    // Exclusive: another program's APDU in the middle of a BAC session would break the send-sequence counter.
    const connecting = new Promise<number>((resolve, reject) => {
      reader.connect(
        { share_mode: constant(reader, 'SCARD_SHARE_EXCLUSIVE'), protocol: protocols },
        (e, p) => {
          if (e) reject(new ChipError('unsupported-card', `connect: ${asError(e).message}`));
          else resolve(p);
        },
      );
    });
    const protocol = await withTimeout(
      connecting,
      connectMs,
      () => new ChipError('timeout', `connect took over ${connectMs} ms`),
      timers,
    );
    const channel = { removed: false };
    entry.connected = channel;
    return {
      async transmit(apdu) {
        if (channel.removed || closed) throw gone('card left the reader');
        let answer = await rawTransmit(entry, protocol, apdu);
        // T=0: 61xx says xx more bytes wait; ask for them with GET RESPONSE and join the parts.
        const parts: Uint8Array[] = [];
        for (let i = 0; answer.length === 2 && answer[0] === 0x61 && i < MAX_GET_RESPONSE; i++) {
          answer = await rawTransmit(entry, protocol, Uint8Array.of(0x00, 0xc0, 0x00, 0x00, answer[1] ?? 0));
          parts.push(answer.subarray(0, answer.length - 2));
        }
        if (parts.length === 0) return answer;
        const body = parts.reduce((n, p) => n + p.length, 0);
        const joined = new Uint8Array(body + 2);
        let at = 0;
        for (const p of parts) {
          joined.set(p, at);
          at += p.length;
        }
        joined.set(answer.subarray(answer.length - 2), at);
        return joined;
      },
      async disconnect() {
        if (entry.connected === channel) delete entry.connected;
        const done = new Promise<void>((resolve) => {
          reader.disconnect(constant(reader, 'SCARD_RESET_CARD'), (error) => {
            if (error) log.debug('disconnect failed (card already gone?)', { error: asError(error) });
            resolve();
          });
        });
        // A disconnect that hangs must not hold the next read: give up waiting, not the reader.
        await withTimeout(done, connectMs, () => new Error('disconnect timed out'), timers).catch(
          (error: unknown) => log.warn('disconnect did not finish', { error: asError(error) }),
        );
      },
    };
  }

  return {
    readers: () => [...tracked.values()].map((t) => ({ name: t.reader.name, cardPresent: present(t) })),
    connect,
    close() {
      if (closed) return;
      closed = true;
      for (const t of tracked.values()) {
        try {
          t.reader.close();
        } catch (error) {
          log.debug('reader close failed', { error: asError(error) });
        }
      }
      tracked.clear();
      try {
        context.close();
      } catch (error) {
        log.debug('context close failed', { error: asError(error) });
      }
    },
  };
}
