import {
  BODY,
  type FormPdfOptions,
  SMALL,
  agencyOf,
  finishForm,
  formHeader,
  formTitle,
  signatures,
  startForm,
} from './forms/header';
import { FORM_WORDS, type FormWords, fill } from './forms/words';
import { type ReceiptData } from './receipt-data';
import { type A4Writer, type Run } from './receipt-page';
import { type ReceiptFacts, receiptFacts } from './receipt-text';

export type ReceiptPdfOptions = FormPdfOptions;

const CODE_QR = 78;
const PAY_QR = 92;
const GUTTER = 14;

/**
 * The dossier receipt as an A4 PDF: Mẫu 01 of Thông tư 03/2025/TT-VPCP once the dossier is received, or
 * the self-service submission slip while it waits for an officer (`data.stage`). Agency and national
 * motto side by side (forms/header.ts), place and date, title, dossier code beside its QR, applicant, the
 * numbered list of papers, the six numbered facts of the form plus the fee, the signatures (the slip's
 * note in the officer's place) and how to look the dossier up. Text is real text in subset-embedded fonts
 * (searchable, extractable); long content wraps and continues on further pages, each numbered.
 */
export async function receiptPdf(data: ReceiptData, options: ReceiptPdfOptions = {}): Promise<Uint8Array> {
  const words = options.words ?? FORM_WORDS;
  const T = words.receipt;
  const facts = receiptFacts(data, words);
  const { doc, w } = await startForm(options.fonts);

  formHeader(w, words, {
    formNumber: facts.formNumber,
    agency: agencyOf(data.centre.agency, data.centre.receivingUnit, data.centre.name),
    receivingUnit: facts.receivingUnit,
    placeDate: facts.placeDate,
  });
  w.space(12);
  formTitle(w, words, facts.title, facts.formNumber !== null);
  w.space(6);
  codeBlock(w, data, facts, words);
  w.space(6);
  w.paragraph([{ text: facts.applicantLabel }, { text: facts.applicantName, bold: true }], BODY);
  applicantLines(w, facts, words);
  w.paragraph([{ text: T.procedure }, { text: facts.procedure, bold: true }], BODY);
  w.space(4);
  documents(w, facts, words);
  w.space(4);
  w.paragraph([{ text: T.sets }, { text: facts.sets }], BODY);
  w.paragraph([{ text: T.processing }, { text: facts.processing }], BODY);
  w.paragraph([{ text: facts.receivedLabel }, { text: facts.received }], BODY);
  w.paragraph([{ text: facts.dueLabel }, { text: facts.due, bold: true }], BODY);
  w.paragraph([{ text: T.delivery }, { text: facts.delivery }], BODY);
  feeAndPayment(w, facts, words);
  w.space(10);
  const applicantSign = { title: T.applicantSign, hint: words.common.signHint, name: facts.applicantName };
  signatures(
    w,
    facts.slipNote === null
      ? [applicantSign, { title: T.receiverSign, hint: facts.receiverHint, name: facts.receiver }]
      : [applicantSign, { note: facts.slipNote }],
  );
  w.space(8);
  w.paragraph([{ text: T.lookup, italic: true }], SMALL);
  if (data.provisional) w.paragraph([{ text: T.provisionalNote, italic: true }], SMALL);
  if (w.pageCount > 1) {
    w.footer((page, pages) => fill(words.common.pageOf, { code: facts.code, page, pages }), 8.5);
  }
  return finishForm(doc, {
    title: facts.documentTitle,
    subject: facts.procedure,
    creationDate: options.creationDate,
  });
}

/**
 * The applicant's ID, address, phone and e-mail. The card's old address, where it differs, goes under
 * the new one in small italics; phone and e-mail then share a line, so the line it takes is given back
 * and the receipt with a fee's VietQR still fits one page.
 */
function applicantLines(w: A4Writer, f: ReceiptFacts, words: FormWords): void {
  const T = words.receipt;
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

/**
 * "Mã hồ sơ: …" (provisional or not), the portal's code when known, "Mã tra cứu: …" below them, and at
 * the right the QR of both (`<code>#<secret>`), so a scanned receipt opens the whole dossier.
 */
function codeBlock(w: A4Writer, data: ReceiptData, f: ReceiptFacts, words: FormWords): void {
  const T = words.receipt;
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
  const caption = w.lines([{ text: T.qrCaption, italic: true }], 7.5, CODE_QR);
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

function documents(w: A4Writer, f: ReceiptFacts, words: FormWords): void {
  const T = words.receipt;
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
function feeAndPayment(w: A4Writer, f: ReceiptFacts, words: FormWords): void {
  const T = words.receipt;
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
