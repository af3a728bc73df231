import { KioskFailure, kioskError } from '../errors';

/**
 * Dossier codes (DOMAIN.md "Receipts and codes").
 *
 *   Official:     <unit id>-YYMMDD-XXXX        000.00.12.H29-240815-0007
 *   Provisional:  <unit id>-K<kk>-YYMMDD-XXXX  000.00.12.H29-K01-240815-0007
 *
 * - unit id: the receiving unit's electronic id per QCVN 102:2016/BTTTT, usually `NNN.NN.NN.ANN` (three
 *   groups of digits and a letter with two digits, e.g. H29 for a province-level tree); any shape the
 *   configuration accepts (four dot-separated groups of capitals and digits) is taken.
 * - YYMMDD: the local date the dossier was received, 2000–2099.
 * - XXXX: the sequence of that day, 0001–9999.
 * - K<kk>: the kiosk number, 01–99, set per kiosk in its configuration.
 *
 * Only the unit's one-stop system issues official codes. A kiosk issues provisional codes, and the `K`
 * segment is what keeps them apart: an official code has six digits after the unit id, a provisional one
 * has `K`, so the two sets cannot meet, and two kiosks of one unit cannot meet either because their
 * kiosk numbers differ. The sequence is then per kiosk and per day (the submit transaction allocates it).
 */

export interface DossierCodeParts {
  unitCode: string;
  /** Present only on a provisional code, two digits, "01"–"99". */
  kioskId?: string;
  /** The day of receipt, YYYY-MM-DD. */
  date: string;
  seq: number;
}

export interface ParsedDossierCode extends DossierCodeParts {
  provisional: boolean;
  /** The code as it should be printed and stored (upper case). */
  code: string;
}

// The same shape the configuration accepts for `centre.unitCode` (config/schema.ts): a unit code the
// kiosk starts with must never make every submit fail. QCVN 102:2016 ids such as 000.00.12.H29 fit it.
const UNIT_PATTERN = '[0-9A-Z]{3}(?:\\.[0-9A-Z]{2,3}){3}';
const UNIT = new RegExp(`^${UNIT_PATTERN}$`);
const KIOSK = /^(?:0[1-9]|[1-9]\d)$/;
const CODE = new RegExp(`^(${UNIT_PATTERN})-(?:K(\\d{2})-)?(\\d{2})(\\d{2})(\\d{2})-(\\d{4})$`);
export const MAX_SEQ = 9999;

const invalid = (field?: string) =>
  new KioskFailure(
    kioskError(
      'invalid-dossier-code',
      'Mã hồ sơ không đúng. Mã có dạng 000.00.12.H29-240815-0007 (hoặc mã tạm 000.00.12.H29-K01-240815-0007).',
      'That dossier code is not valid. Codes look like 000.00.12.H29-240815-0007 (provisional: 000.00.12.H29-K01-240815-0007).',
      field,
    ),
  );

const sequenceFull = () =>
  new KioskFailure(
    kioskError(
      'dossier-sequence-full',
      'Ki-ốt đã dùng hết số thứ tự hồ sơ của ngày hôm nay (9999). Vui lòng nộp hồ sơ tại quầy.',
      "The kiosk has used all of today's dossier numbers (9999). Please file at the counter.",
      'seq',
    ),
  );

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Builds the code; with a `kioskId` it is provisional. Throws on any part out of range. */
export function formatDossierCode(parts: DossierCodeParts): string {
  const { unitCode, kioskId, date, seq } = parts;
  if (typeof unitCode !== 'string' || !UNIT.test(unitCode)) throw invalid('unitCode');
  if (kioskId !== undefined && (typeof kioskId !== 'string' || !KIOSK.test(kioskId)))
    throw invalid('kioskId');
  const m = typeof date === 'string' ? /^20(\d{2})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m || !realDate(2000 + Number(m[1]), Number(m[2]), Number(m[3]))) throw invalid('date');
  if (!Number.isInteger(seq) || seq < 1) throw invalid('seq');
  if (seq > MAX_SEQ) throw sequenceFull();
  const kiosk = kioskId === undefined ? '' : `K${kioskId}-`;
  return `${unitCode}-${kiosk}${m[1]}${m[2]}${m[3]}-${String(seq).padStart(4, '0')}`;
}

/**
 * Reads an official or a provisional code (what lookup accepts). Spaces around it and lower case, as
 * typed on a keyboard, are forgiven; anything else is refused.
 */
export function parseDossierCode(input: string): ParsedDossierCode {
  const code = typeof input === 'string' ? input.trim().toUpperCase() : '';
  const m = CODE.exec(code);
  if (!m) throw invalid('code');
  const [, unitCode = '', kioskId, yy = '', mm = '', dd = '', seqText = ''] = m;
  const year = 2000 + Number(yy);
  const seq = Number(seqText);
  if (!realDate(year, Number(mm), Number(dd)) || seq < 1) throw invalid('code');
  if (kioskId !== undefined && !KIOSK.test(kioskId)) throw invalid('code');
  const date = `${year}-${mm}-${dd}`;
  return kioskId === undefined
    ? { code, unitCode, date, seq, provisional: false }
    : { code, unitCode, kioskId, date, seq, provisional: true };
}
