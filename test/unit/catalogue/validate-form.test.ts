import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../preload/api';
import { exampleData } from '../../../main/core/catalogue/examples';
import { SEED_PROCEDURES } from '../../../main/core/catalogue/seed';
import { validateForm } from '../../../main/core/catalogue/validate-form';

const now = new Date('2026-11-23T02:00:00Z'); // 09:00 on 23/11/2026 in Hà Nội
const seed = (id: string): Procedure => {
  const p = SEED_PROCEDURES.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};
const khaiSinh = seed('dang-ky-khai-sinh');
const check = (p: Procedure, data: unknown) => validateForm(p, data, { now });
const fields = (p: Procedure, data: unknown) => check(p, data).map((x) => x.field);

describe('validateForm', () => {
  it('reports every missing required field at once, in form order, with the field named', () => {
    const problems = check(khaiSinh, { nguoiYeuCau: {}, tre: {}, me: {} });
    // The kiosk's order: the parents (their cards), the applicant, the child (seed ho-tich.ts).
    expect(problems.map((p) => p.field)).toEqual([
      'me.fullName',
      'me.birthDate',
      'me.ethnicity',
      'me.nationality',
      'me.address',
      'nguoiYeuCau.fullName',
      'nguoiYeuCau.idNumber',
      'nguoiYeuCau.address',
      'nguoiYeuCau.quanHe',
      'tre.fullName',
      'tre.birthDate',
      'tre.sex',
      'tre.ethnicity',
      'tre.nationality',
      'tre.birthPlace',
    ]);
    const name = problems.find((p) => p.field === 'tre.fullName');
    expect(name).toEqual({
      code: 'form-required',
      vi: 'Trẻ được khai sinh – Họ, chữ đệm và tên: chưa điền',
      en: 'Child – Full name: missing',
      field: 'tre.fullName',
    });
  });

  it('names a missing top-level block by its title', () => {
    const problems = check(khaiSinh, {});
    expect(problems.map((p) => p.vi)).toEqual([
      'Mẹ: chưa điền',
      'Người yêu cầu: chưa điền',
      'Trẻ được khai sinh: chưa điền',
    ]);
    expect(problems.map((p) => p.field)).toEqual(['me', 'nguoiYeuCau', 'tre']);
  });

  it('explains a wrong ID number in plain words', () => {
    const data = exampleData('dang-ky-khai-sinh');
    (data.me as Record<string, unknown>).idNumber = '0011900123';
    const problems = check(khaiSinh, data);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('me.idNumber');
    expect(problems[0]?.vi).toBe(
      'Mẹ – Số định danh cá nhân: chưa đúng – Số định danh cá nhân gồm đúng 12 chữ số',
    );
    expect(problems[0]?.en).toContain('exactly 12 digits');
  });

  it('maps format, choice, length and type errors, each once', () => {
    const data = exampleData('dang-ky-khai-sinh');
    const tre = data.tre as Record<string, unknown>;
    tre.birthDate = '2025-02-30';
    tre.sex = 'other';
    tre.fullName = 'A'.repeat(101);
    data.soBanSao = 'hai';
    const problems = check(khaiSinh, data);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['tre.fullName', 'form-too-long'],
      ['tre.birthDate', 'form-format'],
      ['tre.sex', 'form-choice'],
      ['soBanSao', 'form-type'],
    ]);
    expect(problems[0]?.vi).toBe('Trẻ được khai sinh – Họ, chữ đệm và tên: dài quá 100 ký tự');
    expect(problems[1]?.vi).toBe('Trẻ được khai sinh – Ngày, tháng, năm sinh: ngày không hợp lệ');
    expect(problems[2]?.vi).toBe('Trẻ được khai sinh – Giới tính: chưa chọn một giá trị trong danh sách');
    expect(problems[3]?.vi).toBe('Số bản sao trích lục đề nghị cấp thêm: phải là một số');
  });

  it('treats an empty string as missing, not as a format error', () => {
    const data = exampleData('dang-ky-khai-sinh');
    (data.tre as Record<string, unknown>).fullName = '';
    expect(check(khaiSinh, data)).toEqual([
      expect.objectContaining({
        field: 'tre.fullName',
        code: 'form-required',
        vi: expect.stringMatching(/chưa điền$/),
      }),
    ]);
  });

  it('refuses a birth date after today (in Vietnam time) but accepts today', () => {
    const data = exampleData('dang-ky-khai-sinh');
    (data.tre as Record<string, unknown>).birthDate = '2026-11-24';
    expect(check(khaiSinh, data)).toEqual([
      {
        code: 'form-future-date',
        vi: 'Trẻ được khai sinh – Ngày, tháng, năm sinh: không được sau ngày hôm nay',
        en: 'Child – Date of birth: cannot be later than today',
        field: 'tre.birthDate',
      },
    ]);
    (data.tre as Record<string, unknown>).birthDate = '2026-11-23';
    expect(check(khaiSinh, data)).toEqual([]);
    // 23:30 UTC on the 23rd is already the 24th in Hà Nội.
    (data.tre as Record<string, unknown>).birthDate = '2026-11-24';
    expect(validateForm(khaiSinh, data, { now: new Date('2026-11-23T23:30:00Z') })).toEqual([]);
  });

  it('refuses a date of death in the future, but not a future end of a temporary stay', () => {
    const khaiTu = seed('dang-ky-khai-tu');
    const data = exampleData('dang-ky-khai-tu');
    (data.nguoiMat as Record<string, unknown>).deathDate = '2027-01-01';
    expect(fields(khaiTu, data)).toEqual(['nguoiMat.deathDate']);
    expect(check(seed('dang-ky-tam-tru'), exampleData('dang-ky-tam-tru'))).toEqual([]);
  });

  it('refuses markup and control characters in any string, naming the field', () => {
    const data = exampleData('dang-ky-khai-sinh');
    (data.me as Record<string, unknown>).fullName = '<script>alert(1)</script>';
    (data.tre as Record<string, unknown>).birthPlace = 'Bệnh viện\u0007 A';
    const cha = data.cha as Record<string, Record<string, unknown>>;
    cha.address = { ...cha.address, text: 'Số 1 &#x3C;b&#x3E;' };
    const problems = check(khaiSinh, data);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['me.fullName', 'form-markup'],
      ['cha.address.text', 'form-markup'],
      ['tre.birthPlace', 'form-control-chars'],
    ]);
    expect(problems[0]?.vi).toBe(
      'Mẹ – Họ, chữ đệm và tên: không được chứa mã hoặc thẻ HTML (ký tự < >), chỉ nhập chữ và số',
    );
  });

  it('allows ordinary punctuation, line breaks and Vietnamese in text', () => {
    const p = seed('thay-doi-cai-chinh-ho-tich');
    const data = exampleData(p.id);
    data.noiDung = 'Tên từ "Tí" thành "Tý";\nquê quán: Long An (theo học bạ) – 1 < 2 là đúng';
    expect(check(p, data)).toEqual([]);
  });

  it('asks for the whole father once any of his fields is filled, and not at all when left empty', () => {
    const data = exampleData('dang-ky-khai-sinh');
    data.cha = {};
    expect(check(khaiSinh, data)).toEqual([]);
    delete data.cha;
    expect(check(khaiSinh, data)).toEqual([]);
    data.cha = { idNumber: '001088054321' };
    expect(fields(khaiSinh, data)).toEqual([
      'cha.fullName',
      'cha.birthDate',
      'cha.ethnicity',
      'cha.nationality',
      'cha.address',
    ]);
    expect(check(khaiSinh, data)[0]?.vi).toBe('Cha – Họ, chữ đệm và tên: chưa điền');
  });

  it('numbers rows of a list so the person can find them', () => {
    const p = seed('dang-ky-thanh-lap-ho-kinh-doanh');
    const data = exampleData(p.id);
    data.thanhVien = [{ fullName: 'Lê Văn Tâm', idNumber: '079065002222' }, { fullName: 'Lê Văn Tú' }];
    expect(check(p, data)).toEqual([
      {
        code: 'form-required',
        vi: 'Thành viên hộ gia đình (2) – Số định danh cá nhân: chưa điền',
        en: 'Household member (2) – Personal ID number: missing',
        field: 'thanhVien.1.idNumber',
      },
    ]);
  });

  it('refuses data that is not an object', () => {
    expect(check(khaiSinh, 'hello').map((p) => p.code)).toEqual(['form-type']);
    expect(check(khaiSinh, null)[0]?.vi).toBe('Tờ khai: chưa điền');
  });

  it('works on a portal schema without titles, naming fields by key', () => {
    const bare: Procedure = {
      ...khaiSinh,
      form: {
        schema: {
          type: 'object',
          properties: { a: { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] } },
        },
        uiSchema: {},
        persons: [],
      },
    };
    expect(check(bare, { a: {} })).toEqual([
      { code: 'form-required', vi: 'b: chưa điền', en: 'b: missing', field: 'a.b' },
    ]);
  });
});
