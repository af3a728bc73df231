import { timingSafeEqual } from 'node:crypto';

/** Byte helpers shared by the chip code. Everything is a plain `Uint8Array`; nothing here allocates Buffers. */

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`Not hex: ${hex}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s.toUpperCase();
}

/** Constant time for equal lengths: a MAC comparison must not leak how many bytes matched. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new Error('xor: lengths differ');
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  return out;
}

export const u8 = (...values: number[]): Uint8Array => Uint8Array.from(values);

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Strict UTF-8: a card that sends invalid bytes gets U+FFFD-free failure, not silent mojibake. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A bounds-checked byte read: the compiler cannot see the length checks that precede most reads. */
export function byteAt(bytes: Uint8Array, i: number): number {
  const v = bytes[i];
  if (v === undefined) throw new RangeError(`byte ${i} of ${bytes.length}`);
  return v;
}

/** Big-endian 16-bit word at `i`. */
export const wordAt = (bytes: Uint8Array, i: number): number =>
  (byteAt(bytes, i) << 8) | byteAt(bytes, i + 1);

/** Big-endian unsigned integer (up to 6 bytes stay exact). */
export const uint = (bytes: Uint8Array): number => bytes.reduce((n, b) => n * 256 + b, 0);

/** A structural element that must be there; its absence is a malformed input, not a bug. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new RangeError(`${what} missing`);
  return value;
}
