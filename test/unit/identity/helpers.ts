import { expect } from 'vitest';
import { KioskFailure } from '../../../main/core/errors';
import { parseScan, type ParsedScan } from '../../../main/core/identity';

export const NOW = new Date('2026-11-23T02:00:00.000Z');

export const parse = (text: string, now = NOW): ParsedScan => parseScan(text, { now });

/** The refusal a scan gets: its code and field, with both languages present. */
export function refusal(text: string, now = NOW): { code: string; field?: string; vi: string; en: string } {
  try {
    parse(text, now);
  } catch (error) {
    expect(error).toBeInstanceOf(KioskFailure);
    const e = (error as KioskFailure).error;
    expect(e.vi.length).toBeGreaterThan(10);
    expect(e.en.length).toBeGreaterThan(10);
    return e;
  }
  throw new Error(`expected a refusal for ${JSON.stringify(text.slice(0, 80))}`);
}

export interface QrFields {
  id: string;
  old: string;
  name: string;
  dob: string;
  sex: string;
  address: string;
  issued: string;
}

export const femaleCard: QrFields = {
  id: '079300001234',
  old: '025123456',
  name: 'Lê Thị Ngọc Ánh',
  dob: '29022000',
  sex: 'Nữ',
  address: 'Số 12 đường Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh',
  issued: '15082021',
};

export const maleCard: QrFields = {
  id: '001090001234',
  old: '',
  name: 'Trần Văn Bình',
  dob: '01011990',
  sex: 'Nam',
  address: 'Thôn Đông, Xã Yên Thường, Huyện Gia Lâm, Hà Nội',
  issued: '10052021',
};

export const qr = (card: QrFields, patch: Partial<QrFields> = {}, extra: string[] = []): string => {
  const c = { ...card, ...patch };
  return [c.id, c.old, c.name, c.dob, c.sex, c.address, c.issued, ...extra].join('|');
};
