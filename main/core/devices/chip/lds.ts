import { decodeUtf8 } from './bytes';
import { ChipError } from './errors';
import { parseMrzText, type ParsedMrz } from './mrz';
import { children, find, parseOne, TlvError, type Tlv } from './tlv';

/** The Logical Data Structure (Doc 9303 Part 10 §4): file identifiers, file tags and the simple files. */

export const FID = {
  COM: 0x011e,
  SOD: 0x011d,
  /** DG n lives in file 01 0n. */
  dg: (n: number): number => 0x0100 + n,
} as const;

/** EF tag → data-group number (Part 10 Table 33). EF.COM is 60, EF.SOD 77. */
const DG_BY_TAG: Record<number, number> = {
  0x61: 1,
  0x75: 2,
  0x63: 3,
  0x76: 4,
  0x65: 5,
  0x66: 6,
  0x67: 7,
  0x68: 8,
  0x69: 9,
  0x6a: 10,
  0x6b: 11,
  0x6c: 12,
  0x6d: 13,
  0x6e: 14,
  0x6f: 15,
  0x70: 16,
};
export const TAG_BY_DG: Record<number, number> = Object.fromEntries(
  Object.entries(DG_BY_TAG).map(([tag, dg]) => [dg, Number(tag)]),
);

/** Parses a whole file as one TLV with the expected tag; a wrong tag or truncated file is a protocol error. */
export function fileTlv(bytes: Uint8Array, tag: number, name: string): Tlv {
  try {
    const tlv = parseOne(bytes);
    if (tlv.tag !== tag) throw new ChipError('protocol', `${name}: tag ${tlv.tag.toString(16)}`);
    return tlv;
  } catch (e) {
    if (e instanceof TlvError) throw new ChipError('protocol', `${name}: ${e.message}`);
    throw e;
  }
}

export interface Com {
  /** e.g. "0107" for LDS 1.7 */
  ldsVersion?: string;
  unicodeVersion?: string;
  /** The data groups the chip says it holds, by number. */
  dataGroups: number[];
}

export function parseCom(bytes: Uint8Array): Com {
  const com = fileTlv(bytes, 0x60, 'EF.COM');
  let list: Tlv[];
  try {
    list = children(com);
  } catch (e) {
    if (e instanceof TlvError) throw new ChipError('protocol', `EF.COM: ${e.message}`);
    throw e;
  }
  const text = (tag: number): string | undefined => {
    const t = find(list, tag);
    return t ? decodeUtf8(t.value) : undefined;
  };
  const tags = find(list, 0x5c)?.value ?? new Uint8Array(0);
  const dataGroups = [...tags].map((t) => DG_BY_TAG[t]).filter((n): n is number => n !== undefined);
  const out: Com = { dataGroups };
  const lds = text(0x5f01);
  const uni = text(0x5f36);
  if (lds !== undefined) out.ldsVersion = lds;
  if (uni !== undefined) out.unicodeVersion = uni;
  return out;
}

/** DG1: 61 { 5F1F MRZ }. */
export function parseDg1(bytes: Uint8Array, now = new Date()): ParsedMrz & { mrz: string } {
  const dg1 = fileTlv(bytes, 0x61, 'DG1');
  let mrzTlv: Tlv | undefined;
  try {
    mrzTlv = find(children(dg1), 0x5f1f);
  } catch (e) {
    if (!(e instanceof TlvError)) throw e;
  }
  const mrz = mrzTlv ? decodeUtf8(mrzTlv.value) : undefined;
  const parsed = mrz === undefined ? undefined : parseMrzText(mrz, now);
  if (!parsed || mrz === undefined) throw new ChipError('protocol', 'DG1: no readable MRZ');
  return { ...parsed, mrz };
}
