import { type CsvValue, csvDocument } from '../../csv';
import { nfc } from '../layout';
import { type TrackingData } from './data';
import { bookColumns, bookRow, handovers } from './tracking';
import { FORM_WORDS, type FormWords } from './words';

/**
 * Mẫu 06 and Mẫu 07 as CSV for a spreadsheet (main/core/csv.ts: BOM, formulas neutralised), with the
 * same facts and column titles as their PDFs.
 */

/** Mẫu 06: one row per handover (event), each with its dossier's code, procedure and applicant. */
export function controlCsv(data: TrackingData, words: FormWords = FORM_WORDS): string {
  const c = words.control.columns;
  const b = words.book.columns;
  const rows: CsvValue[][] = [[b.code, b.procedure, b.applicant, c.from, c.to, c.at, c.result, c.note]];
  for (const d of data.dossiers) {
    const code = d.portalCode?.trim() ? `${nfc(d.code)} (${nfc(d.portalCode.trim())})` : nfc(d.code);
    for (const h of handovers(d, data.unit, words)) {
      rows.push([
        code,
        nfc(d.procedure.name),
        nfc(d.applicant.fullName),
        h.from,
        h.to,
        h.at,
        h.result,
        h.note,
      ]);
    }
  }
  return csvDocument(rows);
}

/** Mẫu 07: one row per dossier, the book's twelve columns. */
export function bookCsv(data: TrackingData, words: FormWords = FORM_WORDS): string {
  return csvDocument([
    bookColumns(words),
    ...data.dossiers.map((d, i) => bookRow(d, i + 1, data.unit, words)),
  ]);
}
