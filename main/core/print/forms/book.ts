import { nfc } from '../layout';
import { formatDay } from '../receipt-text';
import { type TrackingData } from './data';
import {
  type FormPdfOptions,
  agencyOf,
  finishForm,
  formHeader,
  formTitle,
  placeDate,
  startForm,
} from './header';
import { bookColumns, bookRow } from './tracking';
import { FORM_WORDS, fill } from './words';

const TABLE = 7.5;
/** Points per column in bookRow's order; 0 (the procedure's name) takes what is left of the landscape width. */
const WIDTHS = [22, 108, 0, 36, 72, 84, 52, 56, 52, 60, 52, 72];

/**
 * Mẫu 07, "Sổ theo dõi hồ sơ", on A4 landscape: the range under the title, then one row per dossier in
 * twelve columns; the header row is repeated on every page (A4Writer.table), pages are numbered.
 */
export async function bookPdf(data: TrackingData, options: FormPdfOptions = {}): Promise<Uint8Array> {
  const words = options.words ?? FORM_WORDS;
  const B = words.book;
  const { unit } = data;
  const { doc, w } = await startForm(options.fonts, 'landscape');
  formHeader(w, words, {
    formNumber: '07',
    agency: agencyOf(unit.agency, unit.receivingUnit, unit.centreName),
    receivingUnit: unit.receivingUnit,
    placeDate: placeDate(words, unit.address, data.printedAt, unit.timeZone),
  });
  w.space(8);
  formTitle(w, words, B.title, true);
  const range = { from: formatDay(data.from), to: formatDay(data.to) };
  w.paragraph([{ text: fill(B.range, range), italic: true }], 10, 'center');
  w.space(8);
  w.table(
    bookColumns(words).map((title, i) => ({
      title,
      width: WIDTHS[i] ?? 0,
      align: i === 0 || i === 3 || (i >= 6 && i <= 10) ? ('center' as const) : ('left' as const),
    })),
    data.dossiers.map((d, i) => bookRow(d, i + 1, unit, words)),
    TABLE,
  );
  if (w.pageCount > 1) w.footer((page, pages) => fill(words.common.page, { page, pages }), 8.5);
  return finishForm(doc, {
    title: fill(B.documentTitle, range),
    subject: nfc(unit.receivingUnit),
    creationDate: options.creationDate,
  });
}
