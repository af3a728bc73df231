import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../main/core/devices/chip/bytes';
import { encodeLength } from '../../../main/core/devices/chip/tlv';
import { encodeTlv, parseAll, parseOne, readHeader, TlvError } from '../../../main/core/devices/chip';

describe('BER-TLV', () => {
  it('reads one- and two-byte tags, constructed and primitive', () => {
    const [com] = parseAll(fromHex('60145F0104303130365F36063034303030305C026175'));
    expect(com!.tag).toBe(0x60);
    expect(com!.constructed).toBe(true);
    const inner = parseAll(com!.value);
    expect(inner.map((t) => t.tag)).toEqual([0x5f01, 0x5f36, 0x5c]);
    expect(inner[0]!.constructed).toBe(false);
    expect(toHex(inner[2]!.value)).toBe('6175');
  });

  it('reads three-byte tags (7F6182 …) and rejects tags longer than four bytes', () => {
    expect(parseOne(fromHex('7F8102020102')).tag).toBe(0x7f8102);
    expect(() => parseOne(fromHex('1F8080808001020000'))).toThrow(TlvError);
  });

  it('reads long-form lengths 0x81, 0x82 and 0x83', () => {
    const v200 = new Uint8Array(200).fill(7);
    const v300 = new Uint8Array(300).fill(8);
    const v70000 = new Uint8Array(70000).fill(9);
    expect(toHex(encodeLength(200))).toBe('81C8');
    expect(toHex(encodeLength(300))).toBe('82012C');
    expect(toHex(encodeLength(70000))).toBe('83011170');
    expect(parseOne(encodeTlv(0x04, v200)).value).toEqual(v200);
    expect(parseOne(encodeTlv(0x04, v300)).value).toEqual(v300);
    expect(parseOne(encodeTlv(0x04, v70000)).value.length).toBe(70000);
    // A non-minimal long form (81 05) is still a valid BER length.
    expect(toHex(parseOne(fromHex('0C81056162636465')).value)).toBe('6162636465');
  });

  it('gives a file size from its first bytes', () => {
    expect(readHeader(fromHex('6D82012C'))).toEqual({ tag: 0x6d, length: 300, headerLength: 4 });
    expect(readHeader(fromHex('6014'))).toEqual({ tag: 0x60, length: 20, headerLength: 2 });
  });

  it('refuses truncated values, truncated lengths, indefinite and oversized lengths', () => {
    expect(() => parseOne(fromHex('0C05616263'))).toThrow(/wants 5 bytes/);
    expect(() => parseOne(fromHex('0C8201'))).toThrow(/length truncated/);
    expect(() => parseOne(fromHex('3080020100 0000'))).toThrow(/indefinite/);
    expect(() => parseOne(fromHex('0C8500000000010000'))).toThrow(/5-byte length/);
    expect(() => parseOne(fromHex('5F'))).toThrow(/tag truncated/);
    expect(() => parseOne(new Uint8Array(0))).toThrow(/no tag/);
  });

  it('skips 00/FF padding between objects and parses an empty value', () => {
    const list = parseAll(fromHex('0000 0400 FF 0C0141 00'));
    expect(list.map((t) => [t.tag, t.value.length])).toEqual([
      [0x04, 0],
      [0x0c, 1],
    ]);
  });

  it('never reads out of range on random input', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 40) }, next);
      try {
        for (const t of parseAll(bytes)) expect(t.raw.length).toBeLessThanOrEqual(bytes.length);
      } catch (e) {
        expect(e).toBeInstanceOf(TlvError);
      }
    }
  });
});
