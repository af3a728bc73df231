import { PDFDocument } from 'pdf-lib';
import { type TicketFonts, loadFonts } from '../fonts';
import { nfc } from '../layout';
import { deflatePageContents, useNativeDeflate } from '../receipt-deflate';
import { embedReceiptFonts } from '../receipt-fonts';
import { A4Writer, type Line, type Orientation, type Run } from '../receipt-page';
import { placeDate } from '../receipt-text';
import { type FormWords, fill } from './words';

export { placeDate };

/**
 * What every A4 form shares (Thông tư 03/2025/TT-VPCP, Phụ lục I): the form's number at the top right,
 * the agency and receiving unit beside the national motto, place and date, the title with the circular's
 * basis under it, and the signature blocks. The receipt (Mẫu 01) and the annex forms draw them alike.
 */

export const BODY = 11;
export const HEADER = 10.5;
export const SMALL = 9;

export interface FormPdfOptions {
  /** Defaults to the bundled Noto Sans (fonts.ts). */
  fonts?: TicketFonts;
  /** Fixed creation date for reproducible files (tests); defaults to now. */
  creationDate?: Date;
  /** Defaults to FORM_WORDS (or what `loadFormWords` gave). */
  words?: FormWords;
}

/** A new document with the receipts' lean fonts (receipt-fonts.ts) and a writer on its first page. */
export async function startForm(
  fonts: TicketFonts | undefined,
  orientation: Orientation = 'portrait',
): Promise<{ doc: PDFDocument; w: A4Writer }> {
  const doc = await PDFDocument.create();
  useNativeDeflate(doc);
  const w = new A4Writer(doc, await embedReceiptFonts(doc, fonts ?? loadFonts()), orientation);
  return { doc, w };
}

/** Metadata, deflated page streams, bytes. */
export function finishForm(
  doc: PDFDocument,
  meta: { title: string; subject: string; creationDate?: Date | undefined },
): Promise<Uint8Array> {
  const now = meta.creationDate ?? new Date();
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setLanguage('vi-VN');
  doc.setCreator('Một Cửa Kiosk');
  doc.setProducer('Một Cửa Kiosk (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  deflatePageContents(doc);
  // Object streams would be deflated by pako again (receipt-deflate.ts) for a few hundred bytes saved.
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY, useObjectStreams: false });
}

/**
 * The header's upper line: the agency when configured; otherwise the centre's name where the receiving
 * unit does not already say it (a job queued before units were configured names "Bộ phận Tiếp nhận và
 * Trả kết quả" alone, and its receipt named the centre above it).
 */
export function agencyOf(agency: string | null, receivingUnit: string, centreName: string): string | null {
  if (agency?.trim()) return nfc(agency);
  const same = (a: string, b: string): boolean =>
    nfc(a).toLocaleLowerCase('vi') === nfc(b).toLocaleLowerCase('vi');
  return same(receivingUnit, centreName) ? null : nfc(centreName);
}

export interface HeaderFacts {
  /** "01", or null for a paper that is not an annex form (the self-service slip). */
  formNumber: string | null;
  agency: string | null;
  receivingUnit: string;
  placeDate: string;
}

/**
 * "Mẫu số 0N" at the top right; the agency above the receiving unit (bold) on the left, the motto
 * (underlined) with the place and date in italics under it on the right, each centred in its column.
 */
export function formHeader(w: A4Writer, words: FormWords, f: HeaderFacts): void {
  if (f.formNumber !== null) {
    const line = w.lines(
      [{ text: fill(words.common.formNumber, { number: f.formNumber }), bold: true }],
      SMALL,
      w.width,
    );
    w.drawLines(line, SMALL, w.width - (line[0]?.width ?? 0), w.y, w.width, 'left');
    w.space(w.lineHeight(SMALL) + 4);
  }
  const leftWidth = w.width * 0.44;
  const rightWidth = w.width - leftWidth;
  const lh = w.lineHeight(HEADER);
  const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi');
  const left = [
    ...(f.agency ? w.lines([{ text: upper(f.agency) }], HEADER, leftWidth - 8) : []),
    ...w.lines([{ text: upper(f.receivingUnit), bold: true }], HEADER, leftWidth - 8),
  ];
  const motto = [
    ...w.lines([{ text: words.common.motto, bold: true }], HEADER, rightWidth),
    ...w.lines([{ text: words.common.mottoLine, bold: true }], HEADER, rightWidth),
  ];
  const top = w.y;
  const leftHeight = w.drawLines(left, HEADER, 0, top, leftWidth, 'center');
  w.rule(leftWidth / 2 - 30, top + leftHeight + 3, 60);
  const mottoHeight = w.drawLines(motto, HEADER, leftWidth, top, rightWidth, 'center');
  const underline = motto.at(-1)?.width ?? 0;
  w.rule(leftWidth + (rightWidth - underline) / 2, top + mottoHeight + 1, underline);
  const date = w.lines([{ text: f.placeDate, italic: true }], HEADER, rightWidth);
  const dateHeight = w.drawLines(date, HEADER, leftWidth, top + mottoHeight + lh * 0.6, rightWidth, 'center');
  w.space(Math.max(leftHeight + 4, mottoHeight + lh * 0.6 + dateHeight));
}

/** The title, and under it in small italics the circular the form is annexed to (annex forms only). */
export function formTitle(w: A4Writer, words: FormWords, title: string, basis: boolean): void {
  w.paragraph([{ text: title, bold: true }], 14, 'center');
  if (basis) w.paragraph([{ text: words.common.basis, italic: true }], 8.5, 'center');
}

/** A signature block (title, hint, room to sign, name), or words in its place (the slip's note). */
export type SignBlock = { title: string; hint: string; name: string } | { note: string };

/** Signature blocks side by side, each in an equal column; one block stands in the right half. */
export function signatures(w: A4Writer, blocks: readonly SignBlock[]): void {
  const columns = Math.max(2, blocks.length);
  const colWidth = w.width / columns;
  const signSpace = 46;
  type Laid = { kind: 'note'; note: Line[] } | { kind: 'sign'; title: Line[]; hint: Line[]; name: Line[] };
  const laid = blocks.map((b): Laid =>
    'note' in b
      ? { kind: 'note', note: w.lines([{ text: b.note, italic: true }], SMALL, colWidth - 10) }
      : {
          kind: 'sign',
          title: w.lines([{ text: b.title, bold: true }], BODY, colWidth - 10),
          hint: w.lines([{ text: b.hint, italic: true }], SMALL, colWidth - 10),
          name: w.lines([{ text: b.name, bold: true }], BODY, colWidth - 10),
        },
  );
  const heightOf = (b: Laid): number =>
    b.kind === 'note'
      ? b.note.length * w.lineHeight(SMALL)
      : (b.title.length + b.name.length) * w.lineHeight(BODY) +
        b.hint.length * w.lineHeight(SMALL) +
        signSpace;
  const height = Math.max(...laid.map(heightOf));
  w.ensure(height);
  const top = w.y;
  const first = columns - laid.length;
  laid.forEach((b, i) => {
    const x = (first + i) * colWidth;
    if (b.kind === 'note') {
      w.drawLines(b.note, SMALL, x + 5, top, colWidth - 10, 'left');
      return;
    }
    let y = top + w.drawLines(b.title, BODY, x, top, colWidth, 'center');
    y += w.drawLines(b.hint, SMALL, x, y, colWidth, 'center') + signSpace;
    w.drawLines(b.name, BODY, x, y, colWidth, 'center');
  });
  w.space(height);
}

/** A label and its value, the value bold, wrapped as one paragraph. */
export function labelled(w: A4Writer, label: string, value: string, size = BODY): void {
  const runs: Run[] = [{ text: label }, { text: value, bold: true }];
  w.paragraph(runs, size);
}
