import { nfc } from '../layout';
import { type SupplementData } from './data';
import { BODY, type FormPdfOptions, SMALL, finishForm, signatures, startForm } from './header';
import { contactLines, letterHead, procedureName } from './letters';
import { FORM_WORDS, fill } from './words';

/**
 * Mẫu 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ": the papers the applicant must bring or correct, every
 * one of them in one request (the rule allows asking once, completely), with what is wrong with each, the
 * procedure's legal basis from the catalogue, the portal's note when the request came from there, and
 * where to ask. Signed by the officer who guided the applicant.
 */
export async function supplementPdf(data: SupplementData, options: FormPdfOptions = {}): Promise<Uint8Array> {
  if (data.items.length === 0) throw new RangeError('A supplement request needs at least one item');
  const words = options.words ?? FORM_WORDS;
  const T = words.supplement;
  const { doc, w } = await startForm(options.fonts);
  const unit = nfc(data.unit.receivingUnit);
  const name = nfc(data.applicant.fullName);

  letterHead(w, words, {
    formNumber: '02',
    title: T.title,
    unit: data.unit,
    at: data.at,
    applicant: data.applicant,
  });
  w.paragraph([{ text: fill(data.code === null ? T.introDraft : T.intro, { unit, name }) }], BODY);
  if (data.code !== null) w.paragraph([{ text: fill(T.code, { code: nfc(data.code) }), bold: true }], BODY);
  contactLines(w, data.applicant, T);
  w.paragraph([{ text: fill(T.procedure, { procedure: procedureName(data.procedure) }) }], BODY);
  const basis = data.procedure.legalBasis.map((b) => nfc(b).trim()).filter(Boolean);
  if (basis.length > 0) {
    w.space(4);
    w.paragraph([{ text: T.basis, bold: true }], BODY);
    for (const act of basis) w.paragraph([{ text: `- ${act}` }], BODY);
  }
  w.space(4);
  w.paragraph([{ text: T.request, bold: true }], BODY);
  data.items.forEach((item, i) => {
    w.paragraph(
      [{ text: fill(T.item, { index: i + 1, paper: nfc(item.paper), request: nfc(item.request) }) }],
      BODY,
    );
  });
  w.paragraph([{ text: T.once, italic: true }], SMALL);
  if (data.portalNote?.trim()) {
    w.space(4);
    w.paragraph([{ text: fill(T.portalNote, { note: nfc(data.portalNote.trim()) }) }], BODY);
  }
  w.space(4);
  const phone = data.unit.phone?.trim() ? fill(T.askPhone, { phone: data.unit.phone.trim() }) : '';
  w.paragraph([{ text: `${fill(T.ask, { unit })}${phone}.` }], BODY);
  w.space(12);
  signatures(w, [{ title: T.sign, hint: words.common.signHint, name: nfc(data.officer ?? '') }]);
  if (w.pageCount > 1) {
    w.footer((page, pages) => fill(words.common.page, { page, pages }), 8.5);
  }
  return finishForm(doc, {
    title: fill(T.documentTitle, { code: data.code === null ? '' : nfc(data.code) }).trim(),
    subject: procedureName(data.procedure),
    creationDate: options.creationDate,
  });
}
