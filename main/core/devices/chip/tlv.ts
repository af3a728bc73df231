import { concat } from './bytes';

/**
 * A BER-TLV reader and DER-style writer (ISO/IEC 8825-1 as profiled by ISO 7816-4 and Doc 9303 Part 10).
 * Tags of up to 4 bytes (e.g. 5F1F, 7F61) are returned as one number; lengths in short form or in long form
 * with 1–4 length bytes (0x81, 0x82 …). The indefinite length (0x80) is refused: LDS files are DER.
 * Every read is bounds-checked: a truncated or hostile file is a `TlvError`, never an out-of-range read.
 */

export class TlvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlvError';
  }
}

export interface Tlv {
  tag: number;
  /** Bit 6 of the first tag byte: the value is itself a sequence of TLVs. */
  constructed: boolean;
  value: Uint8Array;
  /** The whole encoding (tag, length and value), e.g. for hashing or for a MAC input. */
  raw: Uint8Array;
}

function readTag(bytes: Uint8Array, at: number): { tag: number; next: number } {
  const first = bytes[at];
  if (first === undefined) throw new TlvError(`TLV: no tag at offset ${at}`);
  let tag = first;
  let i = at + 1;
  if ((first & 0x1f) === 0x1f) {
    // Subsequent bytes carry 7 bits each while bit 8 is set.
    for (;;) {
      const b = bytes[i];
      if (b === undefined) throw new TlvError(`TLV: tag truncated at offset ${i}`);
      if (i - at >= 4) throw new TlvError(`TLV: tag longer than 4 bytes at offset ${at}`);
      tag = tag * 256 + b;
      i++;
      if ((b & 0x80) === 0) break;
    }
  }
  return { tag, next: i };
}

function readLength(bytes: Uint8Array, at: number): { length: number; next: number } {
  const first = bytes[at];
  if (first === undefined) throw new TlvError(`TLV: length missing at offset ${at}`);
  if (first < 0x80) return { length: first, next: at + 1 };
  if (first === 0x80) throw new TlvError(`TLV: indefinite length at offset ${at}`);
  const count = first & 0x7f;
  if (count > 4) throw new TlvError(`TLV: ${count}-byte length at offset ${at}`);
  if (at + 1 + count > bytes.length) throw new TlvError(`TLV: length truncated at offset ${at}`);
  let length = 0;
  for (let k = 0; k < count; k++) length = length * 256 + (bytes[at + 1 + k] ?? 0);
  return { length, next: at + 1 + count };
}

/** Reads the tag and length only: enough to know a file's total size from its first bytes. */
export function readHeader(bytes: Uint8Array, at = 0): { tag: number; length: number; headerLength: number } {
  const t = readTag(bytes, at);
  const l = readLength(bytes, t.next);
  return { tag: t.tag, length: l.length, headerLength: l.next - at };
}

/** Parses one TLV at `at`. */
export function parseOne(bytes: Uint8Array, at = 0): Tlv & { next: number } {
  const t = readTag(bytes, at);
  const firstByte = bytes[at] ?? 0;
  const l = readLength(bytes, t.next);
  const end = l.next + l.length;
  if (end > bytes.length) {
    throw new TlvError(
      `TLV: tag ${t.tag.toString(16)} wants ${l.length} bytes, ${bytes.length - l.next} left`,
    );
  }
  return {
    tag: t.tag,
    constructed: (firstByte & 0x20) !== 0,
    value: bytes.subarray(l.next, end),
    raw: bytes.subarray(at, end),
    next: end,
  };
}

/** Parses consecutive TLVs filling `bytes` exactly. 0x00/0xFF padding between objects is skipped (ISO 7816-4). */
export function parseAll(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] === 0x00 || bytes[at] === 0xff) {
      at++;
      continue;
    }
    const { next, ...tlv } = parseOne(bytes, at);
    out.push(tlv);
    at = next;
  }
  return out;
}

/** The children of a constructed TLV. */
export const children = (tlv: Tlv): Tlv[] => parseAll(tlv.value);

export const find = (list: readonly Tlv[], tag: number): Tlv | undefined => list.find((t) => t.tag === tag);

export function encodeTag(tag: number): Uint8Array {
  const out: number[] = [];
  let t = tag;
  do {
    out.unshift(t & 0xff);
    t = Math.floor(t / 256);
  } while (t > 0);
  return Uint8Array.from(out);
}

/** DER length: the shortest form. */
export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const out: number[] = [];
  for (let l = length; l > 0; l = Math.floor(l / 256)) out.unshift(l & 0xff);
  return Uint8Array.from([0x80 | out.length, ...out]);
}

export function encode(tag: number, ...values: Uint8Array[]): Uint8Array {
  const value = concat(...values);
  return concat(encodeTag(tag), encodeLength(value.length), value);
}
