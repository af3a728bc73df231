import { nfc } from '../layout';
import { type RefusalData } from './data';
import { BODY, type FormPdfOptions, finishForm, signatures, startForm } from './header';
import { letterHead, procedureName } from './letters';
import { FORM_WORDS, fill } from './words';

/**
 * Mẫu 03, "Phiếu từ chối tiếp nhận giải quyết hồ sơ": the dossier's code, the procedure, the applicant and
 * the reason, printed as the officer wrote it, line for line. A refusal without a reason is not printed.
 */
export async function refusalPdf(data: RefusalData, options: FormPdfOptions = {}): Promise<Uint8Array> {
  if (!data.reason.trim()) throw new RangeError('A refusal needs its reason');
  const words = options.words ?? FORM_WORDS;
  const T = words.refusal;
  const { doc, w } = await startForm(options.fonts);
  const unit = nfc(data.unit.receivingUnit);
  const code = nfc(data.code);

  letterHead(w, words, {
    formNumber: '03',
    title: T.title,
    unit: data.unit,
    at: data.at,
    applicant: data.applicant,
  });
  w.paragraph([{ text: fill(T.intro, { unit, name: nfc(data.applicant.fullName) }) }], BODY);
  w.paragraph([{ text: fill(T.code, { code }), bold: true }], BODY);
  w.paragraph([{ text: fill(T.procedure, { procedure: procedureName(data.procedure) }) }], BODY);
  w.space(4);
  w.paragraph([{ text: fill(T.reason, { unit }) }], BODY);
  for (const line of nfc(data.reason).trim().split(/\r?\n/)) {
    if (line.trim()) w.paragraph([{ text: line, bold: true }], BODY);
  }
  w.space(4);
  w.paragraph([{ text: T.closing }], BODY);
  w.space(12);
  signatures(w, [{ title: T.sign, hint: words.common.signHint, name: nfc(data.officer ?? '') }]);
  if (w.pageCount > 1) {
    w.footer((page, pages) => fill(words.common.pageOf, { code, page, pages }), 8.5);
  }
  return finishForm(doc, {
    title: fill(T.documentTitle, { code }),
    subject: procedureName(data.procedure),
    creationDate: options.creationDate,
  });
}
