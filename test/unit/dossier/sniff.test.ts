import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FILE_BYTES,
  checkAttachment,
  checkFileName,
  checkFileSize,
  safeFileName,
  sniffFileType,
} from '../../../main/core/dossier/sniff';
import { failure } from '../failures';

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffFileType', () => {
  it.each([
    [ascii('%PDF-1.7\n'), 'pdf', 'application/pdf'],
    [ascii('%PDF-2.0'), 'pdf', 'application/pdf'],
    [bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), 'jpeg', 'image/jpeg'],
    [bytes(0xff, 0xd8, 0xff, 0xe1), 'jpeg', 'image/jpeg'], // Exif, as phone cameras write
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'png', 'image/png'],
  ])('%s → %s', (head, kind, mime) => {
    expect(sniffFileType(head)).toMatchObject({ kind, mime });
  });

  it('refuses a Windows program renamed .pdf, saying it is a program', () => {
    const error = failure(() => sniffFileType(bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0)));
    expect(error.code).toBe('file-type-refused');
    expect(error.vi).toContain('chương trình máy tính');
    expect(error.en).toContain('computer program');
  });

  it.each([
    [ascii('GIF89a'), 'GIF'],
    [bytes(0x50, 0x4b, 3, 4), 'ZIP / DOCX'],
    [ascii('<html><script>'), 'HTML'],
    [ascii(' %PDF-1.7'), 'PDF header not at byte 0'],
    [ascii('%PDF'), 'PDF header cut short'],
    [bytes(0x89, 0x50, 0x4e, 0x47), 'PNG signature cut short'],
    [bytes(0xff, 0xd8), 'JPEG signature cut short'],
    [ascii('#!/bin/sh'), 'script'],
  ])('refuses %s (%s)', (head) => {
    const error = failure(() => sniffFileType(head));
    expect(error.code).toBe('file-type-refused');
    expect(error.vi).toContain('PDF, JPEG hoặc PNG');
  });

  it('refuses an empty file', () => {
    expect(failure(() => sniffFileType(new Uint8Array())).code).toBe('file-empty');
  });

  it('refuses a kind the component does not accept', () => {
    const error = failure(() => sniffFileType(ascii('%PDF-1.4'), ['jpeg', 'png']));
    expect(error.code).toBe('file-type-not-allowed');
    expect(error.vi).toContain('JPEG, PNG');
  });
});

describe('size limits', () => {
  it.each([1, 1024, DEFAULT_MAX_FILE_BYTES])('accepts %i bytes', (size) => {
    expect(() => checkFileSize(size)).not.toThrow();
  });

  it('refuses a 200 MB file, saying the size and the limit', () => {
    const error = failure(() => checkFileSize(200 * 1024 * 1024));
    expect(error.code).toBe('file-too-large');
    expect(error.vi).toContain('200 MB');
    expect(error.vi).toContain('10 MB');
  });

  it('refuses one byte over a custom limit and an empty file', () => {
    expect(failure(() => checkFileSize(1_572_865, 1_572_864)).vi).toContain('1,5 MB');
    expect(failure(() => checkFileSize(0)).code).toBe('file-empty');
  });

  it('checks the size before the type', () => {
    const error = failure(() => checkAttachment({ size: 300 * 1024 * 1024, head: bytes(0x4d, 0x5a) }));
    expect(error.code).toBe('file-too-large');
    expect(checkAttachment({ size: 2048, head: ascii('%PDF-1.7') }).kind).toBe('pdf');
  });
});

describe('safeFileName', () => {
  it.each([
    ['Giấy khai sinh.pdf', 'Giấy khai sinh.pdf'],
    ['Nguyễn Văn Ánh - CCCD mặt trước.jpg', 'Nguyễn Văn Ánh - CCCD mặt trước.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\cmd.exe', 'cmd.exe'],
    ['C:\\Users\\dan\\Desktop\\hồ sơ.pdf', 'hồ sơ.pdf'],
    ['..', 'tep-dinh-kem'],
    ['.', 'tep-dinh-kem'],
    ['', 'tep-dinh-kem'],
    ['.bashrc', 'bashrc'],
    ['ảnh\u0000.png', 'ảnh.png'],
    ['bad\nname\r.pdf', 'badname.pdf'],
    ['hoso\u202Efdp.exe', 'hosofdp.exe'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1.pdf', '_com1.pdf'],
    ['LPT9', '_LPT9'],
    ['console.pdf', 'console.pdf'],
    ['a<b>c:d"e|f?g*.pdf', 'a_b_c_d_e_f_g_.pdf'],
    ['trailing dots...', 'trailing dots'],
    ['  spaced   out  .pdf  ', 'spaced out .pdf'],
    ['Nguye\u0302\u0303n.pdf', 'Nguyễn.pdf'], // decomposed (macOS) → composed
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('cuts a long name to 255 UTF-8 bytes and keeps the extension', () => {
    const name = safeFileName(`${'Đăng ký '.repeat(60)}.pdf`);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name.startsWith('Đăng ký')).toBe(true);
  });
});

describe('checkFileName', () => {
  it.each(['Giấy khai sinh.pdf', 'CCCD_mat_truoc.jpg', 'Nguye\u0302\u0303n.png'])('accepts %j', (name) => {
    expect(checkFileName(name)).toBe(name.normalize('NFC'));
  });

  it.each([
    '../hoso.pdf',
    '..',
    'a/b.pdf',
    'a\\b.pdf',
    'CON.pdf',
    'x\u0000.pdf',
    'x\u202E.pdf',
    '',
    '   ',
    42,
  ])('refuses %j', (name) => {
    const error = failure(() => checkFileName(name));
    expect(error.code).toBe('file-name-unsafe');
  });
});
