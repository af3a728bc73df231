// Filling a person from a card: what a QR, an MRZ or a chip gives, what goes into which field, and that
// nothing the person typed is overwritten without asking.
import { describe, expect, it } from 'vitest';
import type { ChipRead, ParsedScan } from '../../../../preload/api';
import {
  applyFill,
  fieldId,
  formAsksEthnicity,
  localiseSchema,
  planFill,
  readingFromChip,
  readingFromScan,
  resolveRef,
  slotSchema,
  undoFill,
  type CardReading,
} from '../../../../renderer/src/screens/dossier/lib/persons';
import { birthRegistration } from './fixtures';

const root = birthRegistration.form.schema;

const qr: ParsedScan = {
  kind: 'cccd-qr',
  person: {
    idNumber: '001190001234',
    fullName: 'Trần Thị Bình',
    birthDate: '1990-01-01',
    sex: 'female',
    address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
    issueDate: '2021-08-15',
  },
  extra: [],
};

const reading = readingFromScan(qr) as CardReading;

describe('what a card gives', () => {
  it('a CCCD QR gives the five person fields, with diacritics, and Vietnamese nationality', () => {
    expect(reading).toEqual({
      person: {
        fullName: 'Trần Thị Bình',
        idNumber: '001190001234',
        birthDate: '1990-01-01',
        sex: 'female',
        address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
        nationality: 'Việt Nam',
      },
      via: 'cccd-qr',
      noDiacritics: false,
      verified: false,
    });
  });

  it('an MRZ gives a name without diacritics (flagged), no address, and the ID when the card holds it', () => {
    const mrz = readingFromScan({
      kind: 'mrz',
      person: {
        documentNumber: '090000123',
        birthDate: '1990-01-01',
        expiryDate: '2030-01-01',
        sex: 'male',
        nationality: 'VNM',
        surname: 'NGUYEN',
        givenNames: 'VAN A',
        idNumber: '001090000123',
      },
    });
    expect(mrz?.person).toEqual({
      fullName: 'NGUYEN VAN A',
      birthDate: '1990-01-01',
      idNumber: '001090000123',
      sex: 'male',
      nationality: 'Việt Nam',
    });
    expect(mrz?.noDiacritics).toBe(true);
  });

  it('a receipt code is not a person', () => {
    expect(
      readingFromScan({ kind: 'dossier-code', code: '000.00.12.H29-260101-0001', provisional: false }),
    ).toBeNull();
  });

  it('a chip is marked verified only when its verification passed', () => {
    const chip = (verification: ChipRead['verification']): ChipRead => ({
      person: {
        idNumber: '001190001234',
        fullName: 'Trần Thị Bình',
        birthDate: '1990-01-01',
        sex: 'female',
        nationality: 'Việt Nam',
        placeOfOrigin: 'Hà Nội',
        address: 'Hà Nội',
      },
      verification,
      note: { vi: '', en: '' },
      demo: false,
      durationMs: 10,
    });
    expect(readingFromChip(chip('verified')).verified).toBe(true);
    expect(readingFromChip(chip('not-checked')).verified).toBe(false);
    expect(readingFromChip(chip('failed')).verified).toBe(false);
  });
});

describe('planning a fill', () => {
  const mother = slotSchema(root, 'me')!;

  it('fills an empty person completely, sex as the form spells it', () => {
    const plan = planFill(mother, undefined, reading);
    expect(plan.conflicts).toEqual([]);
    expect(plan.values).toEqual({
      fullName: 'Trần Thị Bình',
      idNumber: '001190001234',
      birthDate: '1990-01-01',
      sex: 'female',
      address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
    });
  });

  it('asks before replacing what the person typed, and fills the rest', () => {
    const plan = planFill(mother, { fullName: 'Tran Thi Binh', address: '' }, reading);
    expect(plan.conflicts).toEqual([
      { key: 'fullName', current: 'Tran Thi Binh', incoming: 'Trần Thị Bình' },
    ]);
    expect(plan.values.fullName).toBeUndefined();
    expect(plan.values.address).toBe('Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội');
  });

  it('replaces without asking what an earlier card put there and nobody changed', () => {
    const plan = planFill(mother, { fullName: 'Lê Văn C' }, reading, { fullName: 'Lê Văn C' });
    expect(plan.conflicts).toEqual([]);
    expect(plan.values.fullName).toBe('Trần Thị Bình');
  });

  it('a value equal to the card is no conflict', () => {
    expect(planFill(mother, { fullName: 'Trần Thị Bình' }, reading).conflicts).toEqual([]);
  });

  it('fills only the fields the form has (the child has no ID or address)', () => {
    const child = slotSchema(root, 'tre')!;
    expect(Object.keys(planFill(child, undefined, reading).values).sort()).toEqual(['birthDate', 'fullName']);
  });

  it('follows a $ref to the person definition', () => {
    const applicant = slotSchema(root, 'nguoiYeuCau');
    expect(applicant?.properties).toBeDefined();
    expect(resolveRef({ $ref: '#/definitions/missing' }, root)).toBeNull();
  });

  it('maps sex to a form that uses the Vietnamese words', () => {
    const schema = { properties: { sex: { type: 'string', enum: ['Nam', 'Nữ'] } } };
    expect(planFill(schema, undefined, reading).values.sex).toBe('Nữ');
    const none = { properties: { sex: { type: 'string', enum: ['X'] } } };
    expect(planFill(none, undefined, reading).values.sex).toBeUndefined();
  });

  it('writes into one person and leaves the rest of the form alone', () => {
    const data = { tre: { fullName: 'Con' }, me: { ethnicity: 'Kinh' } };
    expect(applyFill(data, 'me', { fullName: 'Trần Thị Bình' })).toEqual({
      tre: { fullName: 'Con' },
      me: { ethnicity: 'Kinh', fullName: 'Trần Thị Bình' },
    });
  });
});

describe('form ids and languages', () => {
  it('names fields as rjsf does', () => {
    expect(fieldId('me.fullName')).toBe('root_me_fullName');
    expect(fieldId('me')).toBe('root_me');
  });
  it('uses English titles on the English screen only', () => {
    const en = localiseSchema(root, 'en') as { properties: { me: { title: string } } };
    expect(en.properties.me.title).toBe('Mother');
    expect(localiseSchema(root, 'vi')).toBe(root);
  });
});

describe('nationality and ethnicity from a card', () => {
  const mrz = (nationality: string): ParsedScan => ({
    kind: 'mrz',
    person: {
      documentNumber: '090000123',
      birthDate: '1990-01-01',
      expiryDate: '2030-01-01',
      sex: 'male',
      nationality,
      surname: 'NGUYEN',
      givenNames: 'VAN A',
    },
  });
  const chip = (ethnicity?: string): ChipRead => ({
    person: {
      idNumber: '001190001234',
      fullName: 'Trần Thị Bình',
      birthDate: '1990-01-01',
      sex: 'female',
      nationality: 'Việt Nam',
      placeOfOrigin: 'Hà Nội',
      address: 'Hà Nội',
      ...(ethnicity ? { ethnicity } : {}),
    },
    verification: 'verified',
    note: { vi: '', en: '' },
    demo: false,
    durationMs: 10,
  });
  // A parent as the 2025 birth registration asks for them: nationality and ethnicity included.
  const parent = {
    type: 'object',
    properties: {
      fullName: { type: 'string' },
      idNumber: { type: 'string' },
      ethnicity: { type: 'string' },
      nationality: { type: 'string' },
    },
  };
  const applicant = { type: 'object', properties: { fullName: { type: 'string' } } };

  it('an MRZ gives a nationality only when it says VNM (a certificate holder may not be a citizen)', () => {
    expect(readingFromScan(mrz('VNM'))?.person.nationality).toBe('Việt Nam');
    expect(readingFromScan(mrz('XXA'))?.person.nationality).toBeUndefined();
    expect(readingFromScan(mrz('FRA'))?.person.nationality).toBeUndefined();
  });

  it('a scan never gives an ethnicity; the chip gives its own nationality text and, when read, the ethnicity', () => {
    expect(reading.person.ethnicity).toBeUndefined();
    expect(readingFromScan(mrz('VNM'))?.person.ethnicity).toBeUndefined();
    expect(readingFromChip(chip()).person).toMatchObject({ nationality: 'Việt Nam' });
    expect(readingFromChip(chip()).person.ethnicity).toBeUndefined();
    expect(readingFromChip(chip('Tày')).person.ethnicity).toBe('Tày');
  });

  it('both fill a form that has them, and only the fields it has', () => {
    const plan = planFill(parent, undefined, readingFromChip(chip('Kinh')));
    expect(plan.values).toEqual({
      fullName: 'Trần Thị Bình',
      idNumber: '001190001234',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
    });
    expect(planFill(parent, undefined, reading).values.nationality).toBe('Việt Nam');
    expect(planFill(applicant, undefined, readingFromChip(chip('Kinh'))).values).toEqual({
      fullName: 'Trần Thị Bình',
    });
  });

  it('the chip is asked for the ethnicity only by a form whose persons have the field', () => {
    const form = (person: typeof parent | typeof applicant) => ({
      schema: { type: 'object', properties: { nguoiYeuCau: applicant, me: person } },
      persons: [
        { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
        { path: 'me', label: { vi: 'Mẹ', en: 'Mother' } },
      ],
    });
    expect(formAsksEthnicity(form(parent))).toBe(true);
    expect(formAsksEthnicity(form(applicant))).toBe(false);
    // The child's ethnicity is no person's: no card is read for it.
    expect(formAsksEthnicity(birthRegistration.form)).toBe(false);
  });
});

describe('taking a fill back ("Không phải người nộp")', () => {
  it('the card’s values leave, what was there before and what was edited since stay', () => {
    const before = { quanHe: 'Cha' };
    const filled = { fullName: 'Trần Thị Bình', idNumber: '001190001234' };
    const data = {
      nguoiYeuCau: { quanHe: 'Cha', fullName: 'Trần Thị Bình', idNumber: '001190009999' },
      tre: { fullName: 'An' },
    };
    expect(undoFill(data, 'nguoiYeuCau', filled, before)).toEqual({
      nguoiYeuCau: { quanHe: 'Cha', idNumber: '001190009999' },
      tre: { fullName: 'An' },
    });
  });
});
