import { byteAt, concat, equalBytes, must, wordAt } from './bytes';
import { decodeCommand, decodeResponse, encodeCommand, encodeResponse, type Command } from './apdu';
import { pad, retailMac, tdesDecrypt, tdesEncrypt, unpad } from './crypto';
import { ChipError } from './errors';
import { encode, parseAll, TlvError, type Tlv } from './tlv';

/**
 * Secure messaging with 3DES session keys (Doc 9303 Part 11 §9.8; ISO 7816-4 §10). Commands carry DO87
 * (padding indicator 01 + encrypted data; DO85 for odd INS, whose data is BER-TLV), DO97 (Le) and DO8E (the
 * retail MAC over SSC ‖ padded header ‖ DO87 ‖ DO97). Responses carry DO87, DO99 (status) and DO8E.
 * The send-sequence counter is incremented before every command is MACed and before every response is
 * checked, on both sides, so a replayed or reordered APDU never verifies.
 */

export interface SessionKeys {
  ksEnc: Uint8Array;
  ksMac: Uint8Array;
  ssc: Uint8Array;
}

export interface SecureMessaging {
  /** Protects a plain command APDU. */
  wrap(apdu: Uint8Array): Uint8Array;
  /** Verifies and decrypts a protected response APDU; returns the plain response (data ‖ SW1 SW2). */
  unwrap(response: Uint8Array): Uint8Array;
  /** A copy of the current send-sequence counter. */
  readonly ssc: Uint8Array;
}

function increment(ssc: Uint8Array): void {
  for (let i = ssc.length - 1; i >= 0; i--) {
    ssc[i] = ((ssc[i] ?? 0) + 1) & 0xff;
    if (ssc[i] !== 0) return;
  }
}

function checkKeys({ ksEnc, ksMac, ssc }: SessionKeys): void {
  if (ksEnc.length !== 16 || ksMac.length !== 16)
    throw new Error('Session keys must be 16 bytes (two-key 3DES)');
  if (ssc.length !== 8) throw new Error('SSC must be 8 bytes');
}

const mac = (ksMac: Uint8Array, ssc: Uint8Array, ...parts: Uint8Array[]): Uint8Array =>
  retailMac(ksMac, pad(concat(ssc, ...parts)));

function encryptData(ksEnc: Uint8Array, ins: number, data: Uint8Array): Uint8Array {
  const cryptogram = tdesEncrypt(ksEnc, pad(data));
  return ins % 2 === 1 ? encode(0x85, cryptogram) : encode(0x87, Uint8Array.of(0x01), cryptogram);
}

/** Decrypts a DO87/DO85; throws a protocol error on a malformed object (only reached after the MAC passed). */
function decryptData(ksEnc: Uint8Array, tlv: Tlv): Uint8Array {
  let cryptogram = tlv.value;
  if (tlv.tag === 0x87) {
    if (cryptogram[0] !== 0x01) throw new ChipError('protocol', 'DO87 padding indicator is not 01');
    cryptogram = cryptogram.subarray(1);
  }
  if (cryptogram.length === 0 || cryptogram.length % 8 !== 0)
    throw new ChipError('protocol', 'cryptogram length');
  const plain = unpad(tdesDecrypt(ksEnc, cryptogram));
  if (plain === undefined) throw new ChipError('protocol', 'bad padding in cryptogram');
  return plain;
}

function encodeLe(le: number, extended: boolean): Uint8Array {
  if (!extended) return Uint8Array.of(le === 256 ? 0 : le);
  return Uint8Array.of((le >> 8) & 0xff, le & 0xff);
}

function decodeLe(bytes: Uint8Array): number {
  if (bytes.length === 1) return byteAt(bytes, 0) || 256;
  if (bytes.length === 2) return wordAt(bytes, 0) || 65536;
  throw new ChipError('protocol', 'DO97 length');
}

/**
 * Splits protected data objects into the MAC input (every object before DO8E, as sent) and the MAC.
 * Objects after DO8E or a missing DO8E mean the APDU is not protected as required.
 */
function splitMac(dos: Tlv[]): { input: Uint8Array; mac: Uint8Array; objects: Tlv[] } | undefined {
  const at = dos.findIndex((t) => t.tag === 0x8e);
  if (at < 0 || at !== dos.length - 1) return undefined;
  const objects = dos.slice(0, at);
  return { input: concat(...objects.map((t) => t.raw)), mac: must(dos[at], 'DO8E').value, objects };
}

function parseObjects(data: Uint8Array): Tlv[] | undefined {
  try {
    return parseAll(data);
  } catch (e) {
    if (e instanceof TlvError) return undefined;
    throw e;
  }
}

/** The terminal side (the kiosk). */
export function createSecureMessaging({ ksEnc, ksMac, ssc }: SessionKeys): SecureMessaging {
  checkKeys({ ksEnc, ksMac, ssc });
  const counter = Uint8Array.from(ssc);
  // After a MAC failure the channel is compromised: every later call fails too (the card will have
  // aborted secure messaging anyway).
  let broken = false;

  function wrap(apdu: Uint8Array): Uint8Array {
    if (broken) throw new ChipError('bad-mac', 'secure messaging aborted');
    const cmd = decodeCommand(apdu);
    if ((cmd.cla & 0x0c) !== 0) throw new Error('wrap: the command is already protected');
    const header = Uint8Array.of(cmd.cla | 0x0c, cmd.ins, cmd.p1, cmd.p2);
    const do87 = cmd.data && cmd.data.length > 0 ? encryptData(ksEnc, cmd.ins, cmd.data) : new Uint8Array(0);
    const do97 = cmd.le === undefined ? new Uint8Array(0) : encode(0x97, encodeLe(cmd.le, cmd.le > 256));
    increment(counter);
    const do8e = encode(0x8e, mac(ksMac, counter, pad(header), do87, do97));
    const body = concat(do87, do97, do8e);
    const extended = cmd.extended || body.length > 255 || (cmd.le ?? 0) > 256;
    return encodeCommand({
      cla: cmd.cla | 0x0c,
      ins: cmd.ins,
      p1: cmd.p1,
      p2: cmd.p2,
      data: body,
      le: extended ? 65536 : 256,
    });
  }

  function unwrap(response: Uint8Array): Uint8Array {
    if (broken) throw new ChipError('bad-mac', 'secure messaging aborted');
    increment(counter);
    const r = decodeResponse(response);
    if (r.data.length === 0) {
      // A bare status word is how a card reports an error it could not (or chose not to) protect, such as
      // 6987/6988 (SM objects missing/incorrect). A bare 9000 is never acceptable under SM.
      if (r.sw === 0x9000) {
        broken = true;
        throw new ChipError('bad-mac', 'unprotected 9000 under secure messaging');
      }
      return response.slice();
    }
    const split = splitMac(parseObjects(r.data) ?? []);
    if (!split || !equalBytes(split.mac, mac(ksMac, counter, split.input))) {
      broken = true;
      throw new ChipError('bad-mac', 'response MAC does not verify');
    }
    const enc = split.objects.find((t) => t.tag === 0x87 || t.tag === 0x85);
    const do99 = split.objects.find((t) => t.tag === 0x99);
    if (do99 && do99.value.length !== 2) throw new ChipError('protocol', 'DO99 length');
    const data = enc ? decryptData(ksEnc, enc) : new Uint8Array(0);
    const sw = do99 ? wordAt(do99.value, 0) : r.sw;
    return encodeResponse({ data, sw });
  }

  return {
    wrap,
    unwrap,
    get ssc() {
      return counter.slice();
    },
  };
}

/**
 * The card side, for the software card: verifies and decrypts a protected command, protects a response.
 * `unwrapCommand` returns undefined when the command is not correctly protected; the card then answers
 * 6987/6988 in plain and drops the session (Doc 9303 Part 11 §9.8.6).
 */
export function createCardSecureMessaging({ ksEnc, ksMac, ssc }: SessionKeys): {
  unwrapCommand(apdu: Uint8Array): Command | undefined;
  wrapResponse(data: Uint8Array, sw: number, options?: { corruptMac?: boolean }): Uint8Array;
} {
  checkKeys({ ksEnc, ksMac, ssc });
  const counter = Uint8Array.from(ssc);
  return {
    unwrapCommand(apdu) {
      increment(counter);
      let cmd: ReturnType<typeof decodeCommand>;
      try {
        cmd = decodeCommand(apdu);
      } catch {
        return undefined;
      }
      if ((cmd.cla & 0x0c) !== 0x0c || !cmd.data) return undefined;
      const split = splitMac(parseObjects(cmd.data) ?? []);
      if (!split) return undefined;
      const header = Uint8Array.of(cmd.cla, cmd.ins, cmd.p1, cmd.p2);
      if (!equalBytes(split.mac, mac(ksMac, counter, pad(header), split.input))) return undefined;
      const enc = split.objects.find((t) => t.tag === 0x87 || t.tag === 0x85);
      const do97 = split.objects.find((t) => t.tag === 0x97);
      try {
        const plain: Command = { cla: cmd.cla & ~0x0c, ins: cmd.ins, p1: cmd.p1, p2: cmd.p2 };
        if (enc) plain.data = decryptData(ksEnc, enc);
        if (do97) plain.le = decodeLe(do97.value);
        return plain;
      } catch {
        return undefined;
      }
    },
    wrapResponse(data, sw, options) {
      increment(counter);
      const do87 =
        data.length > 0
          ? encode(0x87, Uint8Array.of(0x01), tdesEncrypt(ksEnc, pad(data)))
          : new Uint8Array(0);
      const do99 = encode(0x99, Uint8Array.of(sw >> 8, sw & 0xff));
      const cc = mac(ksMac, counter, do87, do99);
      if (options?.corruptMac) cc[0] = byteAt(cc, 0) ^ 0x01;
      return encodeResponse({ data: concat(do87, do99, encode(0x8e, cc)), sw });
    },
  };
}
