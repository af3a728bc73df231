import { decodeUtf8, wordAt } from './bytes';
import { parseOne, readHeader, TlvError, type Tlv } from './tlv';

/**
 * DG13 of the Vietnamese CCCD: "optional details", a national format with no published byte layout.
 *
 * ASSUMED LAYOUT (from public reverse-engineering reports of 2021/2024 cards, not from a specification):
 *
 *   6D L                                   DG13
 *     [anything, e.g. 02 01 00 / 06 OID]   leading objects are skipped
 *     30 L { 02 01 nn  <value(s)> }        one SEQUENCE per field: INTEGER field number, then values
 *     ...
 *
 * Values are UTF-8 strings (UTF8String 0C, or PrintableString 13 / IA5String 16 / OCTET STRING 04 holding
 * UTF-8); BMPString 1E is UTF-16BE. Field 13 holds two names (father, mother), either as two strings or as
 * nested SEQUENCEs; every string found under a field, depth first, is one value. Field numbers:
 *
 *    1 ID number       2 full name        3 birth date (dd/mm/yyyy)   4 sex (Nam / Nữ)
 *    5 nationality     6 ethnicity**      7 religion*                 8 place of origin (quê quán)
 *    9 residence      10 identifying marks*                          11 issue date   12 expiry date
 *   13 parents (father, mother; returned only when asked)            14 spouse* (reported)
 *   16 old ID number (CMND)
 *
 * (*) Sensitive or not needed by any procedure: dropped while parsing, never returned (DOMAIN.md, Decree
 * 13/2023). (**) Ethnicity is sensitive too, but some forms ask for it (dân tộc): it is decoded and returned
 * only when the caller asks (`readEthnicity`, for that form's fill), like the parents; otherwise dropped
 * undecoded like the others. Other field numbers are kept in `unknown` so a new card generation shows up in diagnostics
 * rather than vanishing. The parser never throws: a malformed subtree ends with a warning and whatever was
 * read before it is kept. Lengths use BER long form freely (addresses exceed 127 bytes).
 */

export interface VnPersonalData {
  idNumber?: string;
  /** With diacritics, NFC. */
  fullName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  sex?: 'male' | 'female';
  nationality?: string;
  placeOfOrigin?: string;
  residence?: string;
  /** YYYY-MM-DD */
  issueDate?: string;
  /** YYYY-MM-DD; absent with `expiryText` when the card says e.g. "Không thời hạn". */
  expiryDate?: string;
  expiryText?: string;
  oldIdNumber?: string;
  parents?: { father?: string; mother?: string };
  /** Dân tộc: only with `readEthnicity`. */
  ethnicity?: string;
  unknown: { field: number; values: string[] }[];
  warnings: string[];
}

export const DG13_FIELD = {
  idNumber: 1,
  fullName: 2,
  birthDate: 3,
  sex: 4,
  nationality: 5,
  ethnicity: 6,
  religion: 7,
  placeOfOrigin: 8,
  residence: 9,
  identifyingMarks: 10,
  issueDate: 11,
  expiryDate: 12,
  parents: 13,
  spouse: 14,
  oldIdNumber: 16,
} as const;

const DROPPED = new Set<number>([
  DG13_FIELD.ethnicity,
  DG13_FIELD.religion,
  DG13_FIELD.identifyingMarks,
  DG13_FIELD.spouse,
]);
const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14, 0x04, 0x1a]);

function safeHeader(bytes: Uint8Array): ReturnType<typeof readHeader> | undefined {
  try {
    return readHeader(bytes);
  } catch {
    return undefined;
  }
}

/** Parses as many TLVs as possible; the error, if any, becomes a warning. */
function lenient(bytes: Uint8Array, warnings: string[], where: string): Tlv[] {
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] === 0x00 || bytes[at] === 0xff) {
      at++;
      continue;
    }
    try {
      const { next, ...tlv } = parseOne(bytes, at);
      out.push(tlv);
      at = next;
    } catch (e) {
      if (!(e instanceof TlvError)) throw e;
      warnings.push(`${where}: ${e.message}`);
      break;
    }
  }
  return out;
}

function text(tlv: Tlv): string | undefined {
  if (tlv.tag === 0x1e) {
    if (tlv.value.length % 2 !== 0) return undefined;
    let s = '';
    for (let i = 0; i < tlv.value.length; i += 2) s += String.fromCharCode(wordAt(tlv.value, i));
    return s.normalize('NFC');
  }
  if (!STRING_TAGS.has(tlv.tag)) return undefined;
  return decodeUtf8(tlv.value)?.normalize('NFC').trim();
}

function strings(list: Tlv[], warnings: string[], depth: number): string[] {
  const out: string[] = [];
  for (const t of list) {
    if (t.constructed && depth < 4)
      out.push(...strings(lenient(t.value, warnings, 'DG13 value'), warnings, depth + 1));
    else {
      const s = text(t);
      if (s !== undefined) out.push(s);
    }
  }
  return out;
}

function smallInteger(tlv: Tlv | undefined): number | undefined {
  if (!tlv || tlv.tag !== 0x02 || tlv.value.length < 1 || tlv.value.length > 2) return undefined;
  return tlv.value.reduce((n, b) => n * 256 + b, 0);
}

/** Collects field → values from every SEQUENCE that starts with an INTEGER, at any depth. */
function collect(
  list: Tlv[],
  fields: Map<number, string[]>,
  warnings: string[],
  depth: number,
  dropped: ReadonlySet<number>,
): void {
  for (const t of list) {
    if (!t.constructed || depth > 4) continue;
    const inner = lenient(t.value, warnings, 'DG13');
    const field = t.tag === 0x30 ? smallInteger(inner[0]) : undefined;
    if (field === undefined) {
      collect(inner, fields, warnings, depth + 1, dropped);
      continue;
    }
    if (fields.has(field)) {
      warnings.push(`DG13: field ${field} repeated; the first is kept`);
      continue;
    }
    // Sensitive fields are dropped before their text is even decoded.
    fields.set(field, dropped.has(field) ? [] : strings(inner.slice(1), warnings, 0));
  }
}

/** dd/mm/yyyy (also dd-mm-yyyy, ddmmyyyy, yyyy-mm-dd) → YYYY-MM-DD; undefined if not a real date. */
export function vnDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  let m = /^(\d{2})[/.-]?(\d{2})[/.-]?(\d{4})$/.exec(t);
  let [y, mo, d] = m ? [m[3] ?? '', m[2] ?? '', m[1] ?? ''] : ['', '', ''];
  if (!m) {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (!m) return undefined;
    [y, mo, d] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
  }
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d)
  ) {
    return undefined;
  }
  return `${y}-${mo}-${d}`;
}

function sexOf(s: string | undefined): VnPersonalData['sex'] {
  const t = s?.normalize('NFC').trim().toLowerCase();
  if (t === 'nam' || t === 'male' || t === 'm') return 'male';
  if (t === 'nữ' || t === 'nu' || t === 'female' || t === 'f') return 'female';
  return undefined;
}

/** Every sensitive field but ethnicity, for a read whose form asks for the ethnicity. */
const DROPPED_BUT_ETHNICITY = new Set([...DROPPED].filter((f) => f !== DG13_FIELD.ethnicity));

export function parseDg13(
  bytes: Uint8Array,
  options: { readParents?: boolean; readEthnicity?: boolean } = {},
): VnPersonalData {
  const warnings: string[] = [];
  let body: Tlv[];
  const header = safeHeader(bytes);
  if (header?.tag === 0x6d) {
    // A file cut short still yields its complete fields; the cut field itself is dropped, not half-read.
    const end = header.headerLength + header.length;
    if (end > bytes.length) warnings.push(`DG13: file truncated (${bytes.length} of ${end} bytes)`);
    body = lenient(bytes.subarray(header.headerLength, Math.min(end, bytes.length)), warnings, 'DG13');
  } else {
    if (header) warnings.push(`DG13: file tag ${header.tag.toString(16)}, expected 6d`);
    body = lenient(bytes, warnings, 'DG13 file');
  }
  const fields = new Map<number, string[]>();
  collect(body, fields, warnings, 0, options.readEthnicity === true ? DROPPED_BUT_ETHNICITY : DROPPED);

  const first = (n: number): string | undefined => {
    const v = fields.get(n)?.[0];
    return v === undefined || v === '' ? undefined : v;
  };
  const out: VnPersonalData = { unknown: [], warnings };
  const set = <K extends keyof VnPersonalData>(key: K, value: VnPersonalData[K] | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  set('idNumber', first(DG13_FIELD.idNumber));
  set('fullName', first(DG13_FIELD.fullName));
  set('birthDate', vnDate(first(DG13_FIELD.birthDate)));
  set('sex', sexOf(first(DG13_FIELD.sex)));
  set('nationality', first(DG13_FIELD.nationality));
  set('placeOfOrigin', first(DG13_FIELD.placeOfOrigin));
  set('residence', first(DG13_FIELD.residence));
  set('issueDate', vnDate(first(DG13_FIELD.issueDate)));
  const expiry = first(DG13_FIELD.expiryDate);
  set('expiryDate', vnDate(expiry));
  if (expiry !== undefined && out.expiryDate === undefined) out.expiryText = expiry;
  set('oldIdNumber', first(DG13_FIELD.oldIdNumber));
  if (options.readParents) {
    const [father, mother] = fields.get(DG13_FIELD.parents) ?? [];
    const parents: NonNullable<VnPersonalData['parents']> = {};
    if (father) parents.father = father;
    if (mother) parents.mother = mother;
    out.parents = parents;
  }
  if (options.readEthnicity === true) set('ethnicity', first(DG13_FIELD.ethnicity));
  for (const [field, values] of fields) {
    if (!DROPPED.has(field) && !(Object.values(DG13_FIELD) as number[]).includes(field))
      out.unknown.push({ field, values });
  }
  if (first(DG13_FIELD.birthDate) !== undefined && out.birthDate === undefined)
    warnings.push('DG13: birth date unreadable');
  return out;
}
