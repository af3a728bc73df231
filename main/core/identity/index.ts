import { LOOKUP_SECRET_ALPHABET, LOOKUP_SECRET_LENGTH } from '../../../preload/api';
import { parseDossierCode } from '../dossier/code';
import { localDay } from '../time';
import { parseCccdQr, type CccdScan } from './cccd';
import { MAX_SCAN_BYTES, identityErrors } from './errors';
import { looksLikeMrz, parseMrz, type MrzScan } from './mrz';
import { looksMangled, utf8Length } from './text';

export type { CccdPerson, CccdScan } from './cccd';
export type { MrzPerson, MrzScan } from './mrz';
export { mrzCheckDigit, mrzLines, td1DocumentNumber } from './mrz';
export { checkIdNumber, readIdNumber } from './id-number';
export { PROVINCE_CODES, provinceName } from './provinces';
export { MAX_SCAN_BYTES } from './errors';

export interface DossierCodeScan {
  kind: 'dossier-code';
  /** Upper case, as printed: official `000.00.12.H29-240815-0007` or provisional `…-K01-240815-0007`. */
  code: string;
  provisional: boolean;
  /** The receipt's "Mã tra cứu" when its QR carries one; absent on receipts printed before it existed. */
  secret?: string;
}

export type ParsedScan = CccdScan | MrzScan | DossierCodeScan;

export interface ParseScanOptions {
  now: Date;
  /** The centre's time zone: "born in the future" is judged on the local calendar. */
  timeZone?: string;
}

// Our receipt codes start with a QCVN 102 unit id; parseDossierCode (dossier/) owns the full format.
const DOSSIER_PREFIX = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-/i;
const LOOKUP_SECRET = new RegExp(`^[${LOOKUP_SECRET_ALPHABET}]{${LOOKUP_SECRET_LENGTH}}$`);

/**
 * Recognises what a scanner (or a person) sent: the QR of a chip ID card, the MRZ on its back, or one
 * of our receipt codes. Throws a `KioskFailure` (codes in README.md of this folder) rather than return
 * anything partly read: a person is filled in whole or not at all.
 */
export function parseScan(input: string, options: ParseScanOptions): ParsedScan {
  const bytes = utf8Length(input);
  if (bytes > MAX_SCAN_BYTES) throw identityErrors.tooLarge(bytes);
  // NFC first: a decomposed "Nữ" (u + combining hook + dot) must compare and store like a composed one.
  const text = input.normalize('NFC').replace(/^[\s\uFEFF]+|[\s]+$/g, '');
  if (text === '') throw identityErrors.empty();
  if (looksMangled(text)) throw identityErrors.mangled();
  const today = localDay(options.now, options.timeZone ?? 'Asia/Ho_Chi_Minh');

  if (text.includes('|')) return parseCccdQr(text, today);
  if (DOSSIER_PREFIX.test(text)) {
    // A receipt's QR is `<code>#<secret>` since lookups ask for a second factor; older ones hold the code.
    const [code = '', secret, ...rest] = text.split('#');
    const parsed = parseDossierCode(code);
    if (rest.length > 0 || (secret !== undefined && !LOOKUP_SECRET.test(secret.toUpperCase())))
      throw identityErrors.unrecognised();
    const scan: DossierCodeScan = {
      kind: 'dossier-code',
      code: parsed.code,
      provisional: parsed.provisional,
    };
    return secret === undefined ? scan : { ...scan, secret: secret.toUpperCase() };
  }
  if (looksLikeMrz(text)) return parseMrz(text, today);
  throw identityErrors.unrecognised();
}

/**
 * An ID number as screens and prints other than the citizen's own receipt show it (waiting-room
 * display, staff lists, logs shown to people, receipts of someone else): every character but the last
 * four replaced by "•", length kept so the shape stays familiar. `maskId('001090001234')` is
 * `'••••••••1234'`. Four characters or fewer are masked entirely: there is nothing safe to show.
 */
export function maskId(id: string): string {
  const clean = typeof id === 'string' ? id.replace(/\s+/g, '') : '';
  const chars = Array.from(clean);
  if (chars.length <= 4) return '•'.repeat(chars.length);
  return '•'.repeat(chars.length - 4) + chars.slice(-4).join('');
}

/**
 * A name as public screens show it: the family name whole, the other words as initials
 * (`maskName('Nguyễn Văn An')` is `'Nguyễn V. A.'`). Enough for a person to recognise their own dossier
 * on a lookup, too little for someone walking receipt codes to learn who filed what.
 */
export function maskName(name: string): string {
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ? `${Array.from(words[0])[0] ?? ''}.` : '';
  const [family, ...rest] = words;
  return [family, ...rest.map((w) => `${(Array.from(w)[0] ?? '').toUpperCase()}.`)].join(' ');
}
