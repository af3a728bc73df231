import { describe, expect, it } from 'vitest';
import type { KioskFailure } from '../../../main/core/errors';
import { identityErrors } from '../../../main/core/identity/errors';
import { maleCard, refusal } from './helpers';

/**
 * A citizen at the kiosk reads these refusals (issue 23): they must say what to do with the card, not
 * speak of fields, digits, formats or circulars the citizen cannot act on.
 */
const TECHNICAL_VI = /trường|chữ số|ddmmyyyy|ký tự|Thông tư|3 dòng|mã kiểm tra|dạng/i;
const TECHNICAL_EN = /field|digit|ddmmyyyy|character|Circular|3 lines|check digit|composite|form\b/i;

const errorOf = (make: () => KioskFailure) => make().error;

const refusals = {
  fieldCount: errorOf(() => identityErrors.fieldCount(2)),
  idFormat: errorOf(() => identityErrors.idFormat()),
  oldIdFormat: errorOf(() => identityErrors.oldIdFormat()),
  dateInvalid: errorOf(() => identityErrors.dateInvalid('birthDate', '31021990')),
  dateInFuture: errorOf(() => identityErrors.dateInFuture('issueDate')),
  issueBeforeBirth: errorOf(() => identityErrors.issueBeforeBirth()),
  sexInvalid: errorOf(() => identityErrors.sexInvalid('X')),
  textInvalid: errorOf(() => identityErrors.textInvalid('fullName')),
  provinceUnknown: errorOf(() => identityErrors.provinceUnknown('099')),
  sexMismatch: errorOf(() => identityErrors.sexMismatch()),
  centuryMismatch: errorOf(() => identityErrors.centuryMismatch()),
  birthYearMismatch: errorOf(() => identityErrors.birthYearMismatch()),
  mrzFormat: errorOf(() => identityErrors.mrzFormat()),
  mrzCheckDigit: errorOf(() => identityErrors.mrzCheckDigit('composite')),
  mrzDateInvalid: errorOf(() => identityErrors.mrzDateInvalid('expiryDate', '991399')),
  mrzIdMismatch: errorOf(() => identityErrors.mrzIdMismatch()),
};

describe('identity refusals speak to the citizen', () => {
  it('the QR with too few parts asks for the front of the card again, held flat and still', () => {
    const six = [maleCard.id, '', maleCard.name, maleCard.dob, maleCard.sex, maleCard.address].join('|');
    const e = refusal(six);
    expect(e.code).toBe('cccd-field-count');
    expect(e.vi).toContain('Vui lòng quét lại mặt trước thẻ, giữ thẻ phẳng và yên');
    expect(e.en).toContain('Please scan the front of the card again, holding it flat and still');
  });

  it.each(Object.entries(refusals))('%s says what to do, in plain words', (_name, e) => {
    expect(e.vi).not.toMatch(TECHNICAL_VI);
    expect(e.en).not.toMatch(TECHNICAL_EN);
    expect(e.vi).toMatch(/Vui lòng quét lại mặt (trước|sau) thẻ, giữ thẻ phẳng và yên/);
    expect(e.en).toMatch(/Please scan the (front|back) of the card again, holding it flat and still/);
  });

  it('keeps the codes and fields the screens and logs rely on', () => {
    expect(refusals.fieldCount.code).toBe('cccd-field-count');
    expect(refusals.dateInvalid).toMatchObject({ code: 'cccd-date-invalid', field: 'birthDate' });
    expect(refusals.mrzCheckDigit).toMatchObject({ code: 'mrz-check-digit', field: 'composite' });
    expect(refusals.mrzFormat.code).toBe('mrz-format');
  });
});
