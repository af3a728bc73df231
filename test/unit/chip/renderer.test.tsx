// The chip screens' pure parts (MRZ fields, next steps) and their server-rendered text. Behaviour in a
// browser (scan, progress, errors, the summary) is covered by test/e2e/chip.spec.ts.
import { describe, expect, it } from 'vitest';
import type { ChipRead } from '../../../preload/api';
import {
  accessFromMrz,
  documentNumberFrom,
  nextStepFor,
  parseDayText,
  showDay,
} from '../../../renderer/src/screens/chip/access';
import { ChipReadDialog } from '../../../renderer/src/screens/chip/ChipReadDialog';
import { ChipSummary } from '../../../renderer/src/screens/chip/ChipSummary';
import { ChipDiagnostics } from '../../../renderer/src/screens/staff/ChipDiagnostics';
import { render } from '../renderer/render';

const read = (verification: ChipRead['verification'], demo = false): ChipRead => ({
  person: {
    idNumber: '001090000123',
    fullName: 'Nguyễn Văn A',
    birthDate: '1990-01-01',
    sex: 'male',
    nationality: 'Việt Nam',
    placeOfOrigin: 'Hà Nội',
    address: 'Số 1 Phố Tràng Tiền',
    expiryDate: '2030-01-01',
  },
  verification,
  note: { vi: 'ghi chú', en: 'note' },
  demo,
  durationMs: 12,
});

describe('MRZ fields typed by staff', () => {
  it('dates: day/month/year in the usual spellings, real dates only', () => {
    expect(parseDayText('01/01/1990')).toBe('1990-01-01');
    expect(parseDayText('1/2/1990')).toBe('1990-02-01');
    expect(parseDayText('31.12.2030')).toBe('2030-12-31');
    expect(parseDayText('01011990')).toBe('1990-01-01');
    expect(parseDayText('30/02/1990')).toBeUndefined();
    expect(parseDayText('1990-01-01')).toBeUndefined();
    expect(parseDayText('')).toBeUndefined();
    expect(showDay('1990-01-31')).toBe('31/01/1990');
  });

  it('document number: 9 characters, or the last 9 of a typed 12-digit ID number', () => {
    expect(documentNumberFrom('090000123')).toBe('090000123');
    expect(documentNumberFrom('001 090 000 123')).toBe('090000123');
    expect(documentNumberFrom('c0123456')).toBe('C0123456');
    expect(documentNumberFrom('0900001234')).toBeUndefined();
    expect(documentNumberFrom('')).toBeUndefined();
  });

  it('a scanned MRZ becomes the access fields, a card without expiry included', () => {
    const person = {
      documentNumber: '090000123',
      birthDate: '1990-01-01',
      expiryDate: null,
      sex: 'male' as const,
      nationality: 'VNM',
      surname: 'NGUYEN',
      givenNames: 'VAN A',
    };
    expect(accessFromMrz(person)).toEqual({
      documentNumber: '090000123',
      birthDate: '1990-01-01',
      expiryDate: null,
    });
    expect(accessFromMrz({ ...person, documentNumber: 'AB1234567890' })).toBeUndefined();
  });

  it('the next step after a refusal', () => {
    expect(nextStepFor('chip-access-denied')).toBe('rescan');
    expect(nextStepFor('chip-card-removed')).toBe('retry');
    expect(nextStepFor('chip-no-card')).toBe('retry');
    expect(nextStepFor('chip-no-reader')).toBe('none');
    expect(nextStepFor('chip-mismatch')).toBe('none');
  });
});

describe('chip screens render', () => {
  it('"Đã xác thực chip" only for a verified read; otherwise it says plainly what was not checked', () => {
    const verified = render(<ChipSummary result={read('verified')} />);
    expect(verified).toContain('Đã xác thực chip');
    expect(verified).toContain('••••••••0123');
    expect(verified).not.toContain('001090000123');

    const unchecked = render(<ChipSummary result={read('not-checked')} />);
    expect(unchecked).toContain('Chưa kiểm tra chữ ký số của chip');
    expect(unchecked).not.toContain('Đã xác thực chip');

    const failed = render(<ChipSummary result={read('failed', true)} />, 'en');
    expect(failed).toContain('digital signature is not valid');
    expect(failed).toContain('Sample card');
    expect(failed).not.toContain('Chip verified');
  });

  it('the dialog opens on the MRZ step', () => {
    const html = render(<ChipReadDialog onRead={() => undefined} onClose={() => undefined} />);
    expect(html).toContain('data-testid="chip-dialog"');
    expect(html).toContain('Đọc chip thẻ căn cước');
    expect(html).toContain('Quét mặt sau thẻ (mã MRZ)');
    expect(html).toContain('Nhân viên nhập tay');
    // The sample card is not offered to a citizen by default.
    expect(html).not.toContain('chip-demo-read');
  });

  it('staff diagnostics: one h2 and the two tries', () => {
    const html = render(<ChipDiagnostics />);
    expect(html.split('<h2').length - 1).toBe(1);
    expect(html).toContain('Đọc thẻ mẫu');
    expect(html).toContain('Thử hộp thoại đọc thẻ');
  });
});
