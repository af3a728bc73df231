import { nfc } from '../layout';
import { type TrackingData } from './data';
import {
  BODY,
  type FormPdfOptions,
  agencyOf,
  finishForm,
  formHeader,
  formTitle,
  placeDate,
  startForm,
} from './header';
import { dueOf, handovers, timeOf } from './tracking';
import { FORM_WORDS, fill } from './words';

const TABLE = 9.5;

/**
 * Mẫu 06, "Phiếu kiểm soát quá trình giải quyết hồ sơ", one per dossier, each on its own page(s): the
 * dossier's code (and the portal's), applicant, procedure, when it was received and is due, and a table
 * of its handovers read from its timeline (tracking.ts), with on time or late where a result is dated.
 */
export async function controlPdf(data: TrackingData, options: FormPdfOptions = {}): Promise<Uint8Array> {
  const words = options.words ?? FORM_WORDS;
  const T = words.control;
  const { unit } = data;
  const { doc, w } = await startForm(options.fonts);
  const head = (): void => {
    formHeader(w, words, {
      formNumber: '06',
      agency: agencyOf(unit.agency, unit.receivingUnit, unit.centreName),
      receivingUnit: unit.receivingUnit,
      placeDate: placeDate(words, unit.address, data.printedAt, unit.timeZone),
    });
    w.space(12);
    formTitle(w, words, T.title, true);
    w.space(8);
  };
  if (data.dossiers.length === 0) {
    head();
    w.paragraph([{ text: T.none, italic: true }], BODY);
  }
  data.dossiers.forEach((d) => {
    w.pageBreak();
    head();
    w.paragraph([{ text: fill(T.code, { code: nfc(d.code) }), bold: true }], 12);
    if (d.portalCode?.trim())
      w.paragraph([{ text: fill(T.portalCode, { code: nfc(d.portalCode.trim()) }) }], BODY);
    w.paragraph([{ text: fill(T.applicant, { name: nfc(d.applicant.fullName) }) }], BODY);
    w.paragraph([{ text: fill(T.procedure, { procedure: nfc(d.procedure.name) }) }], BODY);
    const received = d.receivedAt
      ? fill(T.received, { at: timeOf(d.receivedAt, unit.timeZone) })
      : fill(T.received, { at: fill(T.pending, { at: timeOf(d.submittedAt, unit.timeZone) }) });
    w.paragraph([{ text: received }], BODY);
    w.paragraph([{ text: fill(T.due, { date: dueOf(d, words) }) }], BODY);
    w.space(6);
    const rows = handovers(d, unit, words);
    if (rows.length === 0) {
      w.paragraph([{ text: T.noEvents, italic: true }], BODY);
      return;
    }
    const c = T.columns;
    w.table(
      [
        { title: c.from, width: 96, align: 'left' },
        { title: c.to, width: 110, align: 'left' },
        { title: c.at, width: 72, align: 'center' },
        { title: c.result, width: 56, align: 'center' },
        { title: c.note, width: 0, align: 'left' },
      ],
      rows.map((r) => [r.from, r.to, r.at, r.result, r.note]),
      TABLE,
    );
  });
  if (w.pageCount > 1) w.footer((page, pages) => fill(words.common.page, { page, pages }), 8.5);
  const range = { from: data.from, to: data.to };
  return finishForm(doc, {
    title: fill(T.documentTitle, range),
    subject: nfc(unit.receivingUnit),
    creationDate: options.creationDate,
  });
}
