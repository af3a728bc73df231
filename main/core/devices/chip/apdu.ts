import { byteAt, concat, wordAt } from './bytes';
import { encode } from './tlv';

/**
 * ISO/IEC 7816-4 command and response APDUs: the four cases, short and extended lengths. `le` is the number
 * of bytes expected (1–65536); a short Le byte 00 means 256 and an extended 0000 means 65536.
 */

export interface Command {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  le?: number;
}

export interface Response {
  data: Uint8Array;
  sw: number;
}

export const SW = {
  OK: 0x9000,
  END_OF_FILE: 0x6282,
  AUTH_FAILED: 0x6300,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  SM_MISSING: 0x6987,
  SM_INCORRECT: 0x6988,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

export const swHex = (sw: number): string => sw.toString(16).toUpperCase().padStart(4, '0');

export function encodeCommand(cmd: Command): Uint8Array {
  const header = Uint8Array.of(cmd.cla, cmd.ins, cmd.p1, cmd.p2);
  const data = cmd.data ?? new Uint8Array(0);
  if (data.length > 65535) throw new Error('APDU data longer than 65535 bytes');
  if (cmd.le !== undefined && (cmd.le < 1 || cmd.le > 65536))
    throw new Error(`APDU Le out of range: ${cmd.le}`);
  const extended = data.length > 255 || (cmd.le !== undefined && cmd.le > 256);
  if (!extended) {
    const lc = data.length > 0 ? concat(Uint8Array.of(data.length), data) : new Uint8Array(0);
    const le = cmd.le === undefined ? new Uint8Array(0) : Uint8Array.of(cmd.le & 0xff);
    return concat(header, lc, le);
  }
  const lc =
    data.length > 0
      ? concat(Uint8Array.of(0, data.length >> 8, data.length & 0xff), data)
      : new Uint8Array(0);
  const leBytes = cmd.le === undefined ? [] : [(cmd.le >> 8) & 0xff, cmd.le & 0xff];
  const le =
    data.length > 0 || leBytes.length === 0 ? Uint8Array.from(leBytes) : Uint8Array.from([0, ...leBytes]);
  return concat(header, lc, le);
}

/** Parses a command APDU; throws on a length that matches none of the seven encodings. */
export function decodeCommand(apdu: Uint8Array): Command & { extended: boolean } {
  if (apdu.length < 4) throw new Error('APDU shorter than its header');
  const [cla, ins, p1, p2] = [byteAt(apdu, 0), byteAt(apdu, 1), byteAt(apdu, 2), byteAt(apdu, 3)];
  const base = { cla, ins, p1, p2 };
  const n = apdu.length;
  if (n === 4) return { ...base, extended: false };
  const b4 = byteAt(apdu, 4);
  if (n === 5) return { ...base, le: b4 === 0 ? 256 : b4, extended: false };
  if (b4 !== 0) {
    if (n === 5 + b4) return { ...base, data: apdu.slice(5), extended: false };
    if (n === 6 + b4) {
      const le = byteAt(apdu, n - 1);
      return { ...base, data: apdu.slice(5, 5 + b4), le: le === 0 ? 256 : le, extended: false };
    }
    throw new Error('APDU length does not match Lc');
  }
  const word = (i: number): number => wordAt(apdu, i);
  if (n === 7) return { ...base, le: word(5) === 0 ? 65536 : word(5), extended: true };
  const lc = word(5);
  if (lc > 0 && n === 7 + lc) return { ...base, data: apdu.slice(7), extended: true };
  if (lc > 0 && n === 9 + lc) {
    const le = word(n - 2);
    return { ...base, data: apdu.slice(7, 7 + lc), le: le === 0 ? 65536 : le, extended: true };
  }
  throw new Error('APDU length does not match extended Lc');
}

export function decodeResponse(bytes: Uint8Array): Response {
  if (bytes.length < 2) throw new Error('Response shorter than its status word');
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: wordAt(bytes, n - 2) };
}

export const encodeResponse = (r: Response): Uint8Array =>
  concat(r.data, Uint8Array.of(r.sw >> 8, r.sw & 0xff));

/** The eMRTD application (Doc 9303 Part 10 §3.6.2). */
export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

/** Largest chunk per READ BINARY under BAC: 0xDF plain bytes keep the protected response within 256 bytes. */
export const MAX_READ = 0xdf;
/** P1P2 offsets are 15 bits (bit 8 of P1 set would mean a short file identifier). */
export const MAX_SHORT_OFFSET = 0x7fff;

export const selectApplication = (aid: Uint8Array): Command => ({
  cla: 0,
  ins: 0xa4,
  p1: 0x04,
  p2: 0x0c,
  data: aid,
});
export const selectFile = (fid: number): Command => ({
  cla: 0,
  ins: 0xa4,
  p1: 0x02,
  p2: 0x0c,
  data: Uint8Array.of(fid >> 8, fid & 0xff),
});
export const getChallenge = (): Command => ({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 });
export const externalAuthenticate = (data: Uint8Array): Command => ({
  cla: 0,
  ins: 0x82,
  p1: 0,
  p2: 0,
  data,
  le: 0x28,
});

/**
 * READ BINARY. Up to offset 0x7FFF the offset goes in P1P2 (INS B0); beyond it, INS B1 carries the offset in
 * a DO54 and the card answers inside a DO53 (ISO 7816-4 §11.3.3).
 */
export function readBinary(offset: number, le: number): Command {
  if (offset <= MAX_SHORT_OFFSET) return { cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le };
  const off = Uint8Array.of((offset >> 16) & 0xff, (offset >> 8) & 0xff, offset & 0xff);
  // Le must also cover the DO53 header the card wraps the data in.
  return { cla: 0, ins: 0xb1, p1: 0, p2: 0, data: encode(0x54, off), le: le + 4 };
}
