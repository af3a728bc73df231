import { PDFDocument } from 'pdf-lib';
import { type TicketFonts, loadFonts } from './fonts';
import { type ReceiptData } from './receipt-data';
import { deflatePageContents, useNativeDeflate } from './receipt-deflate';
import { embedReceiptFonts } from './receipt-fonts';
import { A4Writer, type Run } from './receipt-page';
import { RECEIPT_TEXT as T, type ReceiptFacts, receiptFacts } from './receipt-text';

export interface ReceiptPdfOptions {
  /** Defaults to the bundled Noto Sans (fonts.ts). */
  fonts?: TicketFonts;
  /** Fixed creation date for reproducible files (tests); defaults to now. */
  creationDate?: Date;
}

const BODY = 11;
const HEADER = 10.5;
const SMALL = 9;
const CODE_QR = 78;
const PAY_QR = 92;
const GUTTER = 14;

/**
 * The dossier receipt as an A4 PDF, laid out after Mẫu 01 of Thông tư 01/2018/TT-VPCP: agency and
 * national motto side by side, place and date, title, dossier code beside its QR, applicant, the numbered
 * list of papers, the six numbered facts of the form plus the fee, both signatures and how to look the
 * dossier up. Text is real text in subset-embedded fonts (searchable, extractable); long content wraps
 * and continues on further pages, each numbered.
 */
export async function receiptPdf(data: ReceiptData, options: ReceiptPdfOptions = {}): Promise<Uint8Array> {
  const facts = receiptFacts(data);
  const doc = await PDFDocument.create();
  useNativeDeflate(doc);
  const w = new A4Writer(doc, await embedReceiptFonts(doc, options.fonts ?? loadFonts()));

  header(w, facts);
  w.space(16);
  w.paragraph([{ text: T.title, bold: true }], 14, 'center');
  w.space(8);
  codeBlock(w, data, facts);
  w.space(8);
  w.paragraph([{ text: T.applicant }, { text: facts.applicantName, bold: true }], BODY);
  applicantLines(w, facts);
  w.paragraph([{ text: T.procedure }, { text: facts.procedure, bold: true }], BODY);
  w.space(4);
  documents(w, facts);
  w.space(4);
  w.paragraph([{ text: T.sets }, { text: facts.sets }], BODY);
  w.paragraph([{ text: T.processing }, { text: facts.processing }], BODY);
  w.paragraph([{ text: T.received }, { text: facts.received }], BODY);
  w.paragraph([{ text: T.due }, { text: facts.due, bold: true }], BODY);
  w.paragraph([{ text: T.delivery }, { text: facts.delivery }], BODY);
  feeAndPayment(w, facts);
  w.space(12);
  signatures(w, facts);
  w.space(8);
  w.paragraph([{ text: T.lookup, italic: true }], SMALL);
  if (data.provisional) w.paragraph([{ text: T.provisionalNote, italic: true }], SMALL);
  if (w.pageCount > 1) w.footer((i, n) => `${T.code}${facts.code} · ${T.page(i, n)}`, 8.5);

  const now = options.creationDate ?? new Date();
  doc.setTitle(facts.documentTitle);
  doc.setSubject(facts.procedure);
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
 * The applicant's ID, address, phone and e-mail. The card's old address, where it differs, goes under
 * the new one in small italics; phone and e-mail then share a line, so the line it takes is given back
 * and the receipt with a fee's VietQR still fits one page.
 */
function applicantLines(w: A4Writer, f: ReceiptFacts): void {
  const onCard = f.applicant.some((a) => a.note);
  let joined: Run[] = [];
  for (const { label, value, note } of f.applicant) {
    if (note) w.paragraph([{ text: `(${label}${value})`, italic: true }], SMALL);
    else if (onCard && (label === T.phone || label === T.email)) {
      joined = [
        ...joined,
        ...(joined.length > 0 ? [{ text: '    ' }] : []),
        { text: label },
        { text: value },
      ];
    } else w.paragraph([{ text: label }, { text: value }], BODY);
  }
  if (joined.length > 0) w.paragraph(joined, BODY);
}

/** Agency on the left, national motto with place and date on the right, each centred in its column. */
function header(w: A4Writer, f: ReceiptFacts): void {
  const leftWidth = w.width * 0.44;
  const rightWidth = w.width - leftWidth;
  const lh = w.lineHeight(HEADER);
  const left = [
    ...w.lines([{ text: f.centreName.toLocaleUpperCase('vi') }], HEADER, leftWidth - 8),
    ...w.lines([{ text: T.unit, bold: true }], HEADER, leftWidth - 8),
  ];
  const motto = [
    ...w.lines([{ text: T.motto, bold: true }], HEADER, rightWidth),
    ...w.lines([{ text: T.mottoLine, bold: true }], HEADER, rightWidth),
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

/**
 * "Mã hồ sơ: …" (provisional or not), the portal's code when known, "Mã tra cứu: …" below them, and at
 * the right the QR of both (`<code>#<secret>`), so a scanned receipt opens the whole dossier.
 */
function codeBlock(w: A4Writer, data: ReceiptData, f: ReceiptFacts): void {
  const textWidth = w.width - CODE_QR - GUTTER;
  const codeRuns: Run[] = [{ text: T.code }, { text: f.code, bold: true }];
  if (data.provisional) codeRuns.push({ text: ` ${T.provisional}` });
  const lines = w.lines(codeRuns, 12, textWidth);
  const portal = data.portalCode?.trim()
    ? w.lines([{ text: T.portalCode }, { text: data.portalCode.trim(), bold: true }], BODY, textWidth)
    : [];
  // The second factor of a lookup, in the code's size: a citizen types it after the code.
  const secret = f.secret
    ? [
        ...w.lines([{ text: T.secret }, { text: f.secret, bold: true }], 12, textWidth),
        ...w.lines([{ text: T.secretHint, italic: true }], 8.5, textWidth),
      ]
    : [];
  const secretHeight = f.secret ? w.lineHeight(12) + (secret.length - 1) * w.lineHeight(8.5) : 0;
  const caption = w.lines([{ text: 'Quét mã để tra cứu hồ sơ', italic: true }], 7.5, CODE_QR);
  const textHeight = lines.length * w.lineHeight(12) + portal.length * w.lineHeight(BODY) + secretHeight;
  const height = Math.max(textHeight, CODE_QR + caption.length * w.lineHeight(7.5));
  w.ensure(height);
  const top = w.y;
  const textTop = top + Math.max(0, (CODE_QR - textHeight) / 2);
  const codeHeight = w.drawLines(lines, 12, 0, textTop, textWidth, 'left');
  const portalHeight = w.drawLines(portal, BODY, 0, textTop + codeHeight, textWidth, 'left');
  if (secret.length > 0) {
    const [secretLine, ...hint] = secret;
    const secretTop = textTop + codeHeight + portalHeight;
    const lineHeight = secretLine ? w.drawLines([secretLine], 12, 0, secretTop, textWidth, 'left') : 0;
    w.drawLines(hint, 8.5, 0, secretTop + lineHeight, textWidth, 'left');
  }
  w.qr(f.qr, w.width - CODE_QR, top, CODE_QR);
  w.drawLines(caption, 7.5, w.width - CODE_QR, top + CODE_QR - 4, CODE_QR, 'center');
  w.space(height);
}

function documents(w: A4Writer, f: ReceiptFacts): void {
  // Keep the heading with the table's header and first row.
  w.ensure(w.lineHeight(BODY) * 4);
  w.paragraph([{ text: T.documents }], BODY);
  w.space(3);
  if (f.documents.length === 0) {
    w.paragraph([{ text: T.noDocuments, italic: true }], BODY);
    return;
  }
  const c = T.columns;
  w.table(
    [
      { title: c.index, width: 28, align: 'center' },
      { title: c.name, width: 0, align: 'left' },
      { title: c.form, width: 92, align: 'center' },
      { title: c.copies, width: 54, align: 'center' },
      { title: c.files, width: 80, align: 'center' },
    ],
    f.documents.map((d) => [String(d.index), d.name, d.form, d.copies, d.files]),
    10,
  );
}

/** The fee, the payment state when known, and the VietQR to pay with while it is unpaid (at the right). */
function feeAndPayment(w: A4Writer, f: ReceiptFacts): void {
  const fee: Run[] = [{ text: T.fee }, { text: f.fee }];
  if (!f.payment?.payload) {
    w.paragraph(fee, BODY);
    if (f.payment) w.paragraph([{ text: f.payment.state, bold: true }], BODY);
    return;
  }
  const textWidth = w.width - PAY_QR - GUTTER;
  const lines = [
    ...w.lines(fee, BODY, textWidth),
    ...w.lines([{ text: f.payment.state, bold: true }], BODY, textWidth),
    ...w.lines([{ text: T.payHint }], BODY, textWidth),
  ];
  const height = Math.max(PAY_QR, lines.length * w.lineHeight(BODY));
  w.ensure(height);
  w.drawLines(lines, BODY, 0, w.y, textWidth, 'left');
  w.qr(f.payment.payload, w.width - PAY_QR, w.y - 6, PAY_QR);
  w.space(height - 6);
}

/** The two signature blocks of the form, side by side, names under the space for a signature. */
function signatures(w: A4Writer, f: ReceiptFacts): void {
  const half = w.width / 2;
  const signSpace = 46;
  const blocks = [
    { title: T.applicantSign, hint: T.signHint, name: f.applicantName },
    { title: T.receiverSign, hint: f.receiverHint, name: f.receiver },
  ].map((b) => ({
    title: w.lines([{ text: b.title, bold: true }], BODY, half - 10),
    hint: w.lines([{ text: b.hint, italic: true }], SMALL, half - 10),
    name: w.lines([{ text: b.name, bold: true }], BODY, half - 10),
  }));
  const heightOf = (b: (typeof blocks)[number]): number =>
    (b.title.length + b.name.length) * w.lineHeight(BODY) + b.hint.length * w.lineHeight(SMALL) + signSpace;
  const height = Math.max(...blocks.map(heightOf));
  w.ensure(height);
  const top = w.y;
  blocks.forEach((b, i) => {
    const x = i * half;
    let y = top + w.drawLines(b.title, BODY, x, top, half, 'center');
    y += w.drawLines(b.hint, SMALL, x, y, half, 'center') + signSpace;
    w.drawLines(b.name, BODY, x, y, half, 'center');
  });
  w.space(height);
}
