import { describe, expect, it } from 'vitest';
import {
  createBootKeyboardDecoder,
  decodeBootKeyboard,
  decodeHidPos,
  splitKeyboardScans,
} from '../../../main/core/devices';
import { readReports } from './fixtures';

const QR_FEMALE =
  '079300001234|025123456|Lê Thị Ngọc Ánh|29022000|Nữ|Số 12 đường Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh|15082021';
const QR_MALE =
  '001090001234||Trần Văn Bình|01011990|Nam|Thôn Đông, Xã Yên Thường, Huyện Gia Lâm, Hà Nội|10052021';

/** A boot keyboard report: modifiers, then up to six usages. */
const kb = (mods: number, ...keys: number[]) => {
  const r = new Uint8Array(8);
  r[0] = mods;
  keys.forEach((k, i) => (r[2 + i] = k));
  return r;
};

describe('decodeHidPos', () => {
  it('joins a long QR across three reports with the length byte, keeping UTF-8 split mid-character', () => {
    const reports = readReports('hidpos-long-qr-length.hex');
    expect(reports).toHaveLength(3);
    for (const r of reports) expect(r).toHaveLength(64);
    // The capture really splits "ữ" (e1 | bb af) across reports 1 and 2.
    expect(reports[0]![60]).toBe(0xe1);
    expect(reports[1]![5]).toBe(0xbb);
    expect(decodeHidPos(reports)).toEqual([{ symbology: ']Q1', text: QR_FEMALE }]);
  });

  it('reads reports without the length byte by finding the AIM id, and several scans in one list', () => {
    const reports = readReports('hidpos-no-length.hex');
    expect(decodeHidPos(reports)).toEqual([
      { symbology: ']Q1', text: QR_MALE },
      { symbology: ']C0', text: '000.00.12.H29-240815-0007' },
    ]);
  });

  it('drops a scan whose last report still says more follows, and ignores other report ids', () => {
    const reports = readReports('hidpos-long-qr-length.hex');
    expect(decodeHidPos(reports.slice(0, 2))).toEqual([]);
    const foreign = Uint8Array.from(reports[2]!);
    foreign[0] = 0x03;
    expect(decodeHidPos([...reports.slice(0, 2), foreign])).toEqual([]);
  });

  it('honours the length byte over the padding (bytes after the length are not data)', () => {
    const r = new Uint8Array(64);
    r.set([0x02, 3, 0x5d, 0x45, 0x30, 0x41, 0x42, 0x43, 0x44, 0x45]); // length 3, then "ABCDE"
    expect(decodeHidPos([r])).toEqual([{ symbology: ']E0', text: 'ABC' }]);
  });

  it('keeps invalid UTF-8 visible as U+FFFD (parseScan then refuses it) rather than guessing', () => {
    const r = new Uint8Array(64);
    r.set([0x02, 0x5d, 0x51, 0x31, 0x41, 0xc3, 0x28]);
    expect(decodeHidPos([r])[0]!.text).toBe('A\uFFFD(');
  });
});

describe('decodeBootKeyboard', () => {
  it('types the rollover capture: held keys once, both shifts, ErrorRollOver ignored, Enter as \\n', () => {
    const typed = decodeBootKeyboard(readReports('keyboard-rollover.hex'));
    expect(typed).toBe('Ab1!-_\n000.00.12.H29-K01-240815-0007\n');
    expect(splitKeyboardScans(typed)).toEqual(['Ab1!-_', '000.00.12.H29-K01-240815-0007']);
  });

  it('types a key only when it appears, not while it is held', () => {
    expect(decodeBootKeyboard([kb(0, 0x04), kb(0, 0x04), kb(0, 0x04)])).toBe('a');
    expect(decodeBootKeyboard([kb(0, 0x04), kb(0), kb(0, 0x04)])).toBe('aa');
  });

  it('types each key of a rollover once, in slot order', () => {
    // x down, then x and y, then y alone, then y and z: "xyz"
    expect(decodeBootKeyboard([kb(0, 0x1b), kb(0, 0x1b, 0x1c), kb(0, 0x1c), kb(0, 0x1c, 0x1d)])).toBe('xyz');
  });

  it('skips ErrorRollOver reports without forgetting which keys were held', () => {
    const err = kb(0, 1, 1, 1, 1, 1, 1);
    expect(decodeBootKeyboard([kb(0, 0x04), err, kb(0, 0x04)])).toBe('a');
    expect(decodeBootKeyboard([err, err])).toBe('');
  });

  it('maps US shifted symbols with either shift key', () => {
    const shifted = [0x1e, 0x1f, 0x2d, 0x2e, 0x36, 0x37, 0x38, 0x33, 0x34].flatMap((k) => [
      kb(0x20, k),
      kb(0),
    ]);
    expect(decodeBootKeyboard(shifted)).toBe('!@_+<>?:"');
    const plain = [0x2c, 0x2d, 0x2e, 0x38, 0x27].flatMap((k) => [kb(0, k), kb(0)]);
    expect(decodeBootKeyboard(plain)).toBe(' -=/0');
  });

  it('types nothing for Ctrl or Alt combinations, applies Backspace, and ignores odd-sized reports', () => {
    expect(decodeBootKeyboard([kb(0x01, 0x06), kb(0), kb(0x04, 0x06), kb(0)])).toBe('');
    expect(decodeBootKeyboard([kb(0, 0x04), kb(0, 0x05), kb(0, 0x2a), kb(0)])).toBe('a');
    expect(decodeBootKeyboard([new Uint8Array(5)])).toBe('');
  });

  it('streams: a live decoder returns a scan when Enter ends it, not before', () => {
    const decoder = createBootKeyboardDecoder();
    expect(decoder.push(kb(0, 0x04))).toEqual([]);
    expect(decoder.pending).toBe(true);
    expect(decoder.push(kb(0, 0x28))).toEqual(['a']);
    expect(decoder.push(kb(0))).toEqual([]);
    expect(decoder.push(kb(0, 0x28))).toEqual([]); // an empty line is no scan
    expect(splitKeyboardScans('abc')).toEqual([]);
  });
});
