import { EventEmitter } from 'node:events';
import type { ApduTransport, PcscLiteModule } from '../../../main/core/devices/chip';

/**
 * A stand-in for the `pcsclite` npm module that behaves as its README and lib/pcsclite.js document:
 * `pcsclite()` returns an EventEmitter that emits 'reader' on the next tick for each reader; a reader
 * emits 'status' `{ state, atr }` (first from get_status, then on every change), 'end' when unplugged;
 * `connect(options, cb)`, `transmit(buffer, resLen, protocol, cb)`, `disconnect(disposition, cb)` answer
 * through Node-style callbacks, asynchronously. State bits and constants are pcsc-lite's.
 */

export const SCARD = {
  SCARD_SHARE_SHARED: 2,
  SCARD_SHARE_EXCLUSIVE: 1,
  SCARD_SHARE_DIRECT: 3,
  SCARD_PROTOCOL_T0: 1,
  SCARD_PROTOCOL_T1: 2,
  SCARD_PROTOCOL_RAW: 4,
  SCARD_STATE_UNAWARE: 0x0,
  SCARD_STATE_IGNORE: 0x1,
  SCARD_STATE_CHANGED: 0x2,
  SCARD_STATE_UNKNOWN: 0x4,
  SCARD_STATE_UNAVAILABLE: 0x8,
  SCARD_STATE_EMPTY: 0x10,
  SCARD_STATE_PRESENT: 0x20,
  SCARD_STATE_ATRMATCH: 0x40,
  SCARD_STATE_EXCLUSIVE: 0x80,
  SCARD_STATE_INUSE: 0x100,
  SCARD_STATE_MUTE: 0x200,
  SCARD_LEAVE_CARD: 0,
  SCARD_RESET_CARD: 1,
  SCARD_UNPOWER_CARD: 2,
  SCARD_EJECT_CARD: 3,
} as const;

/** A plausible ATR; the adapter never interprets it. */
const ATR = Buffer.from('3B8880014241524355455220', 'hex');

const later = (fn: () => void): void => void setImmediate(fn);

export interface FakeReader extends EventEmitter {
  name: string;
  connected: boolean;
  /** What the adapter asked for. */
  readonly calls: {
    connect: { share_mode?: number; protocol?: number }[];
    disconnect: number[];
    sent: Buffer[];
  };
  /** Put a card on the reader ('status' PRESENT|CHANGED). */
  insert(card: ApduTransport): void;
  /** Take it off ('status' EMPTY|CHANGED); later transmits fail as pcsclite's do. */
  removeCard(): void;
  /** Unplug the reader ('end'). */
  unplug(): void;
  /** transmit never calls back (a hung driver). */
  hang: boolean;
}

export interface FakePcsc {
  module: PcscLiteModule;
  /** Attach a reader (on the next tick, like pcsclite's first enumeration), optionally with a card. */
  attach(name: string, card?: ApduTransport): FakeReader;
  /** The PC/SC service failed (pcscd stopped). */
  fail(message?: string): void;
  /** How many contexts were created (a reconnect makes a new one). */
  readonly contexts: number;
  /** Throw from the factory, as pcsclite does when no PC/SC service is reachable. */
  throwOnCreate: boolean;
  closed: boolean;
}

export function createFakePcsc(): FakePcsc {
  let context: (EventEmitter & { close(): void }) | undefined;
  let contexts = 0;
  const pending: FakeReader[] = [];

  const fake: FakePcsc = {
    throwOnCreate: false,
    closed: false,
    get contexts() {
      return contexts;
    },
    module: () => {
      if (fake.throwOnCreate)
        throw new Error('SCardEstablishContext error: Service not available.(0x8010001d)');
      contexts++;
      const ctx = Object.assign(new EventEmitter(), {
        close() {
          fake.closed = true;
        },
      });
      context = ctx;
      fake.closed = false;
      // Readers already attached are announced again to a new context, as a fresh enumeration would.
      for (const r of pending) later(() => announce(r));
      return ctx;
    },
    attach(name, card) {
      const reader = makeReader(name, card);
      pending.push(reader);
      if (context) later(() => announce(reader));
      return reader;
    },
    fail(message = 'SCardGetStatusChange error: Service was stopped.(0x8010001e)') {
      context?.emit('error', new Error(message));
    },
  };

  function announce(reader: FakeReader): void {
    if (!context || !pending.includes(reader)) return;
    context.emit('reader', reader);
    // lib/pcsclite.js: get_status, then 'status' with the current state.
    later(() => reader.emit('status', currentStatus(reader)));
  }

  const cards = new WeakMap<FakeReader, ApduTransport | undefined>();
  function currentStatus(reader: FakeReader): { state: number; atr?: Buffer } {
    return cards.get(reader)
      ? { state: SCARD.SCARD_STATE_PRESENT | SCARD.SCARD_STATE_CHANGED, atr: ATR }
      : { state: SCARD.SCARD_STATE_EMPTY | SCARD.SCARD_STATE_CHANGED };
  }

  function makeReader(name: string, card?: ApduTransport): FakeReader {
    const reader = Object.assign(new EventEmitter(), SCARD, {
      name,
      connected: false,
      hang: false,
      calls: { connect: [], disconnect: [], sent: [] } as FakeReader['calls'],
      insert(c: ApduTransport) {
        cards.set(reader, c);
        reader.emit('status', currentStatus(reader));
      },
      removeCard() {
        cards.set(reader, undefined);
        reader.connected = false;
        reader.emit('status', currentStatus(reader));
      },
      unplug() {
        const i = pending.indexOf(reader);
        if (i >= 0) pending.splice(i, 1);
        reader.removeAllListeners('status');
        reader.emit('end');
      },
      connect(options: { share_mode?: number; protocol?: number }, cb: (e: unknown, p?: number) => void) {
        reader.calls.connect.push(options);
        later(() => {
          if (!cards.get(reader))
            return cb(new Error('SCardConnect error: No smart card inserted.(0x8010000c)'));
          reader.connected = true;
          cb(null, SCARD.SCARD_PROTOCOL_T1);
        });
      },
      transmit(data: Buffer, _resLen: number, _protocol: number, cb: (e: unknown, r?: Buffer) => void) {
        if (!reader.connected) return cb(new Error('Card Reader not connected'));
        reader.calls.sent.push(Buffer.from(data));
        if (reader.hang) return;
        const c = cards.get(reader);
        if (!c) return later(() => cb(new Error('SCardTransmit error: Card was removed.(0x80100069)')));
        c.transmit(new Uint8Array(data)).then(
          (answer) => later(() => cb(null, Buffer.from(answer))),
          () => later(() => cb(new Error('SCardTransmit error: Card was removed.(0x80100069)'))),
        );
      },
      disconnect(disposition: number, cb: (e: unknown) => void) {
        reader.calls.disconnect.push(disposition);
        reader.connected = false;
        // SCARD_RESET_CARD / UNPOWER: the card starts afresh (a software card models it with reset()).
        const c = cards.get(reader) as (ApduTransport & { reset?: () => void }) | undefined;
        if (disposition !== SCARD.SCARD_LEAVE_CARD) c?.reset?.();
        later(() => cb(null));
      },
      close() {
        reader.removeAllListeners();
      },
    });
    cards.set(reader, card);
    return reader;
  }

  return fake;
}

/** Resolves after pending setImmediate callbacks (the fake's "next tick" events) have run. */
export const settle = async (rounds = 5): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
};
