import { describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES } from '../../../main/core/identity';
import { femaleCard, maleCard, parse, qr, refusal } from './helpers';

describe('identity.parseScan: CCCD QR', () => {
  it('reads a 2000s female card born on 29/02/2000 with an old CMND number', () => {
    expect(parse(qr(femaleCard) + '\r\n')).toEqual({
      kind: 'cccd-qr',
      person: {
        idNumber: '079300001234',
        oldIdNumber: '025123456',
        fullName: 'Lê Thị Ngọc Ánh',
        birthDate: '2000-02-29',
        sex: 'female',
        address: 'Số 12 đường Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh',
        issueDate: '2021-08-15',
      },
      extra: [],
    });
  });

  it('reads a 1900s male card with an empty old-ID field (kept as a field, not dropped)', () => {
    const r = parse(qr(maleCard));
    expect(r.kind).toBe('cccd-qr');
    if (r.kind !== 'cccd-qr') return;
    expect(r.person).toEqual({
      idNumber: '001090001234',
      fullName: 'Trần Văn Bình',
      birthDate: '1990-01-01',
      sex: 'male',
      address: 'Thôn Đông, Xã Yên Thường, Huyện Gia Lâm, Hà Nội',
      issueDate: '2021-05-10',
    });
    expect('oldIdNumber' in r.person).toBe(false);
  });

  it('reads both sexes in both centuries: the 4th digit follows sex and century', () => {
    const cases = [
      { id: '001085001111', dob: '12031985', sex: 'Nam', want: ['male', '1985-03-12'] },
      { id: '001185001111', dob: '12031985', sex: 'Nữ', want: ['female', '1985-03-12'] },
      { id: '001205001111', dob: '12032005', sex: 'Nam', want: ['male', '2005-03-12'] },
      { id: '001305001111', dob: '12032005', sex: 'Nữ', want: ['female', '2005-03-12'] },
    ];
    for (const c of cases) {
      const r = parse(qr(maleCard, { id: c.id, dob: c.dob, sex: c.sex, issued: '01012024' }));
      if (r.kind !== 'cccd-qr') throw new Error('not a card');
      expect([r.person.sex, r.person.birthDate], c.id).toEqual(c.want);
    }
  });

  it('reads a synthetic 2100s card once its holder can have been born (and refuses it before)', () => {
    const text = qr(maleCard, { id: '001501001234', dob: '05062101', sex: 'Nữ', issued: '01012120' });
    const r = parse(text, new Date('2125-01-01T00:00:00Z'));
    expect(r.kind === 'cccd-qr' && [r.person.birthDate, r.person.sex]).toEqual(['2101-06-05', 'female']);
    expect(refusal(text)).toMatchObject({ code: 'cccd-date-in-future', field: 'birthDate' });
  });

  it('keeps the extra trailing fields of newer cards, unparsed', () => {
    const r = parse(qr(maleCard, {}, ['Trần Văn An', 'Nguyễn Thị Bé', '']));
    expect(r.kind === 'cccd-qr' && r.extra).toEqual(['Trần Văn An', 'Nguyễn Thị Bé', '']);
  });

  it('normalises to NFC: decomposed input comes out composed', () => {
    const nfd = qr(femaleCard).normalize('NFD');
    expect(nfd).not.toBe(qr(femaleCard));
    const r = parse(nfd);
    expect(r.kind === 'cccd-qr' && r.person.fullName).toBe('Lê Thị Ngọc Ánh');
    expect(r.kind === 'cccd-qr' && r.person.sex).toBe('female');
  });

  it('refuses a wrong number of fields', () => {
    const six = [maleCard.id, '', maleCard.name, maleCard.dob, maleCard.sex, maleCard.address].join('|');
    expect(refusal(six)).toMatchObject({ code: 'cccd-field-count' });
    expect(refusal(six).en).toContain('6 parts');
  });

  it('refuses impossible dates: 29/02 of a common year, 31/02, month 13', () => {
    expect(refusal(qr(femaleCard, { id: '079301001234', dob: '29022001' }))).toMatchObject({
      code: 'cccd-date-invalid',
      field: 'birthDate',
    });
    expect(refusal(qr(maleCard, { dob: '31021990' }))).toMatchObject({ code: 'cccd-date-invalid' });
    expect(refusal(qr(maleCard, { issued: '01132021' }))).toMatchObject({
      code: 'cccd-date-invalid',
      field: 'issueDate',
    });
    expect(refusal(qr(maleCard, { dob: '1990-01-01' }))).toMatchObject({ code: 'cccd-date-invalid' });
  });

  it('refuses a birth or an issue in the future, and an issue before birth', () => {
    expect(refusal(qr(maleCard, { id: '001227001234', dob: '01012027', issued: '01012027' }))).toMatchObject({
      code: 'cccd-date-in-future',
      field: 'birthDate',
    });
    expect(refusal(qr(maleCard, { issued: '24112026' }))).toMatchObject({
      code: 'cccd-date-in-future',
      field: 'issueDate',
    });
    expect(refusal(qr(maleCard, { issued: '31121989' }))).toMatchObject({ code: 'cccd-issue-before-birth' });
    // Today (centre time) is not the future.
    expect(parse(qr(maleCard, { issued: '23112026' })).kind).toBe('cccd-qr');
  });

  it('refuses an ID number that contradicts the card', () => {
    expect(refusal(qr(maleCard, { id: '003090001234' }))).toMatchObject({
      code: 'id-province-unknown',
      field: 'idNumber',
    });
    expect(refusal(qr(maleCard, { id: '001190001234' }))).toMatchObject({ code: 'id-sex-mismatch' });
    expect(refusal(qr(maleCard, { id: '001290001234' }))).toMatchObject({ code: 'id-century-mismatch' });
    expect(refusal(qr(maleCard, { id: '001091001234' }))).toMatchObject({ code: 'id-birth-year-mismatch' });
    expect(refusal(qr(maleCard, { id: '00109000123' }))).toMatchObject({ code: 'cccd-id-format' });
    expect(refusal(qr(maleCard, { old: '12345' }))).toMatchObject({ code: 'cccd-old-id-format' });
    expect(refusal(qr(maleCard, { sex: 'Male' }))).toMatchObject({ code: 'cccd-sex-invalid' });
  });

  it('refuses text mangled by a keyboard-wedge scanner and says to switch to HID-POS', () => {
    const mangled = [
      qr(maleCard, { name: 'Tr\uFFFDn V\uFFFDn B\uFFFDnh' }),
      qr(maleCard, { name: 'Nguyá»…n VÄƒn An' }),
      qr(maleCard, { address: 'ThÃ´n ÄÃ´ng, HÃ  Ná»™i' }),
      qr(maleCard, { name: 'Tráº§n VÄƒn BÃ¬nh' }),
      qr(maleCard, { address: 'Ä‘Æ°á»ng' }),
    ];
    for (const text of mangled) {
      const e = refusal(text);
      expect(e.code, text).toBe('scan-mangled');
      expect(e.vi).toContain('HID-POS');
      expect(e.en).toContain('HID-POS');
    }
    // Vietnamese letters that live in Latin-1 are not mojibake.
    const caps = parse(qr(maleCard, { name: 'NGÃ VĂN À', address: 'Ấp Mỹ Hòa, Cà Mau' }));
    expect(caps.kind === 'cccd-qr' && caps.person.fullName).toBe('NGÃ VĂN À');
  });

  it('refuses markup and control characters in names and other fields', () => {
    expect(refusal(qr(maleCard, { name: '<b>Trần</b> Văn Bình' }))).toMatchObject({
      code: 'cccd-text-invalid',
      field: 'fullName',
    });
    expect(refusal(qr(maleCard, { name: 'Trần\u0007Văn Bình' }))).toMatchObject({ field: 'fullName' });
    expect(refusal(qr(maleCard, { name: 'Trần \u202EVăn Bình' }))).toMatchObject({ field: 'fullName' });
    expect(refusal(qr(maleCard, { name: '   ' }))).toMatchObject({ field: 'fullName' });
    expect(refusal(qr(maleCard, { address: 'Thôn <Đông>' }))).toMatchObject({ field: 'address' });
    expect(refusal(qr(maleCard, {}, ['ok', 'bad\u0000']))).toMatchObject({ field: 'extra.1' });
  });

  it('refuses input over 2 KB, and says so', () => {
    const big = qr(maleCard, { address: 'x'.repeat(MAX_SCAN_BYTES) });
    const e = refusal(big);
    expect(e.code).toBe('scan-too-large');
    expect(e.en).toContain('2 KB');
    // Bytes, not characters: 700 three-byte letters are over 2 KB.
    expect(refusal(qr(maleCard, { address: 'ữ'.repeat(700) })).code).toBe('scan-too-large');
    expect(parse(qr(maleCard, { address: 'Đ'.repeat(900) })).kind).toBe('cccd-qr');
  });

  it('refuses empty and unrecognised scans', () => {
    expect(refusal(' \r\n').code).toBe('scan-empty');
    expect(refusal('https://example.com/').code).toBe('scan-unrecognised');
    expect(refusal('8934567890123').code).toBe('scan-unrecognised');
  });
});

describe('identity.parseScan: receipt codes', () => {
  it('reads official and provisional dossier codes, forgiving case and spaces', () => {
    expect(parse('000.00.12.H29-240815-0007')).toEqual({
      kind: 'dossier-code',
      code: '000.00.12.H29-240815-0007',
      provisional: false,
    });
    expect(parse(' 000.00.12.h29-k01-240815-0007\r\n')).toEqual({
      kind: 'dossier-code',
      code: '000.00.12.H29-K01-240815-0007',
      provisional: true,
    });
  });

  it('refuses a code with an impossible date or a bad shape', () => {
    expect(refusal('000.00.12.H29-240231-0007').code).toBe('invalid-dossier-code');
    expect(refusal('000.00.12.H29-240815-7').code).toBe('invalid-dossier-code');
  });
});
