import { nfc } from '../layout';
import { type A4Writer } from '../receipt-page';
import { type FormApplicant, type FormProcedure, type FormUnit } from './data';
import { BODY, agencyOf, formHeader, formTitle, placeDate } from './header';
import { type FormWords, fill } from './words';

/**
 * What Mẫu 02 and Mẫu 03 share: they are letters to the applicant. The 2025 header and title, then
 * "Kính gửi" the applicant, centred under the title.
 */
export function letterHead(
  w: A4Writer,
  words: FormWords,
  f: { formNumber: string; title: string; unit: FormUnit; at: string; applicant: FormApplicant },
): void {
  formHeader(w, words, {
    formNumber: f.formNumber,
    agency: agencyOf(f.unit.agency, f.unit.receivingUnit, f.unit.centreName),
    receivingUnit: f.unit.receivingUnit,
    placeDate: placeDate(words, f.unit.address, f.at, f.unit.timeZone),
  });
  w.space(12);
  formTitle(w, words, f.title, true);
  w.space(8);
  w.paragraph(
    [{ text: fill(words.common.dear, { name: nfc(f.applicant.fullName) }), bold: true }],
    BODY,
    'center',
  );
  w.space(6);
}

/** The applicant's address, phone and e-mail lines, those known, with the given templates. */
export function contactLines(
  w: A4Writer,
  applicant: FormApplicant,
  templates: { address: string; phone: string; email: string },
): void {
  const lines = [
    applicant.address?.trim() ? fill(templates.address, { address: nfc(applicant.address) }) : null,
    applicant.phone?.trim() ? fill(templates.phone, { phone: applicant.phone.trim() }) : null,
    applicant.email?.trim() ? fill(templates.email, { email: applicant.email.trim() }) : null,
  ];
  for (const line of lines) if (line) w.paragraph([{ text: line }], BODY);
}

export const procedureName = (p: FormProcedure): string => nfc(p.name);
