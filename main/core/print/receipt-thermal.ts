import { encodeRasterJob } from './escpos';
import { type TicketFonts, loadFonts } from './fonts';
import { type LayoutItem, type PaperWidthMm, type TicketLayout, PRINTABLE_MM, mmToPt } from './layout';
import { type TicketPdfOptions, renderTicketPdf } from './pdf';
import { type RasterDots, renderTicketRaster } from './raster';
import { type ReceiptData } from './receipt-data';
import { receiptFonts } from './receipt-fonts';
import { FORM_WORDS, type FormWords, fill } from './forms/words';
import { agencyOf } from './forms/header';
import { receiptFacts } from './receipt-text';

/**
 * The receipt on a roll: the same facts as the A4 form (receipt-text.ts), condensed into one column and
 * laid out with the ticket's primitives, so it goes through the ticket's proven paths: flow → 1-bit
 * raster → ESC/POS for thermal printers, or flow → PDF one roll wide for a thermal printer behind CUPS.
 */
export function layoutReceiptThermal(
  data: ReceiptData,
  widthMm: PaperWidthMm = 80,
  words: FormWords = FORM_WORDS,
): TicketLayout {
  const T = words.receipt;
  const R = T.roll;
  const f = receiptFacts(data, words);
  const agency = agencyOf(data.centre.agency, data.centre.receivingUnit, data.centre.name);
  const k = widthMm === 80 ? 1 : 0.85;
  const items: LayoutItem[] = [];
  const space = (pt: number): void => void items.push({ kind: 'spacing', heightPt: pt * k });
  const text = (
    s: string,
    sizePt: number,
    weight: 'regular' | 'bold' = 'regular',
    align: 'left' | 'center' = 'left',
  ) => void items.push({ kind: 'text', text: s, sizePt: sizePt * k, weight, align });
  const rule = (style: 'solid' | 'dashed'): void =>
    void items.push({ kind: 'rule', thicknessPt: 0.9, style });

  space(6);
  if (f.formNumber !== null)
    text(fill(words.common.formNumber, { number: f.formNumber }), 7.5, 'regular', 'center');
  if (agency) text(agency, 8.5, 'regular', 'center');
  text(f.receivingUnit, 10, 'bold', 'center');
  space(4);
  rule('solid');
  space(8);
  text(f.title, 11, 'bold', 'center');
  if (f.formNumber !== null) text(words.common.basis, 7, 'regular', 'center');
  space(6);
  text(T.code.trim(), 9, 'regular', 'center');
  space(3);
  // One line, shrunk to fit if needed: a code broken across lines is easy to misread.
  items.push({ kind: 'bigNumber', text: f.code, sizePt: 12 * k });
  space(5);
  if (data.provisional) text(T.provisional, 9, 'regular', 'center');
  if (data.portalCode?.trim()) text(`${T.portalCode}${data.portalCode.trim()}`, 8.5, 'regular', 'center');
  if (f.secret) {
    space(3);
    text(T.secret.trim(), 9, 'regular', 'center');
    space(3);
    items.push({ kind: 'bigNumber', text: f.secret, sizePt: 12 * k });
    space(3);
    text(T.secretHint, 8, 'regular', 'center');
  }
  space(2);
  items.push({ kind: 'qr', data: f.qr, sizePt: 104 * k });
  space(4);
  rule('dashed');
  space(6);
  text(fill(R.applicant, { name: f.applicantName }), 9.5, 'bold');
  for (const { label, value, note } of f.applicant)
    text(note ? `(${label}${value})` : `${label}${value}`, note ? 8.5 : 9);
  text(fill(R.procedure, { name: f.procedure }), 9.5, 'bold');
  space(4);
  text(R.documents, 9);
  for (const d of f.documents) {
    const files = d.files === '—' ? '' : `; ${d.files}`;
    text(`${d.index}. ${d.name} (${d.form}, ${d.copies}${files})`, 8.5);
  }
  if (f.documents.length === 0) text(T.noDocuments, 8.5);
  space(4);
  text(fill(R.sets, { sets: f.sets }), 9);
  text(fill(R.processing, { processing: f.processing }), 9);
  text(f.roll.received, 9);
  text(f.roll.due, 10, 'bold');
  text(fill(R.delivery, { place: f.delivery }), 9);
  text(fill(R.fee, { fee: f.fee }), 9);
  if (f.payment) {
    text(f.payment.state, 9.5, 'bold');
    if (f.payment.payload) {
      text(T.payHint, 8.5);
      space(2);
      items.push({ kind: 'qr', data: f.payment.payload, sizePt: 120 * k });
    }
  }
  // The slip has no receiving officer yet: it says what happens next instead.
  if (f.slipNote === null) text(fill(R.receiver, { name: f.receiver }), 9);
  else {
    space(3);
    text(f.slipNote, 8.5);
  }
  space(6);
  rule('dashed');
  space(6);
  text(T.lookup, 8.5, 'regular', 'center');
  if (data.provisional) text(T.provisionalNote, 8, 'regular', 'center');
  // The printer feeds to the cutter after the image: this is the white under the last line.
  space(14);

  return {
    paperWidthMm: widthMm,
    contentWidthPt: mmToPt(PRINTABLE_MM[widthMm]),
    title: f.documentTitle,
    language: 'vi',
    items,
  };
}

/** 58 mm heads have 384 dots; the wider ones take 80 mm paper. */
export const paperFor = (dots: RasterDots): PaperWidthMm => (dots === 384 ? 58 : 80);

export interface ReceiptThermalOptions {
  dots: RasterDots;
  fonts?: TicketFonts;
  words?: FormWords;
}

/** ESC/POS bytes of the receipt for a thermal printer `dots` wide: init, raster bands, partial cut. */
export function receiptThermal(data: ReceiptData, options: ReceiptThermalOptions): Uint8Array {
  const layout = layoutReceiptThermal(data, paperFor(options.dots), options.words);
  return encodeRasterJob(renderTicketRaster(layout, options.fonts ?? loadFonts(), { dots: options.dots }));
}

/**
 * The 80 mm receipt as a PDF one roll wide, for a thermal printer driven through CUPS. It uses the fonts
 * without layout tables, like the A4 receipt (receipt-fonts.ts): the receipt has many more distinct
 * letters than a ticket, and shaping them cost more than the rest of the document.
 */
export function receiptThermalPdf(
  data: ReceiptData,
  options: TicketPdfOptions & { fonts?: TicketFonts; words?: FormWords } = {},
): Promise<Uint8Array> {
  const { fonts } = receiptFonts(options.fonts ?? loadFonts());
  return renderTicketPdf(layoutReceiptThermal(data, 80, options.words), fonts, options);
}
