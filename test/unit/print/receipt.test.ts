import fontkit from '@pdf-lib/fontkit';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ReceiptData,
  loadFonts,
  receiptFacts,
  receiptPdf,
  sampleReceipt,
} from '../../../main/core/print';
import { leanFont } from '../../../main/core/print/receipt-sfnt';
import { formatDay, placeOf } from '../../../main/core/print/receipt-text';
import { which } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'receipt-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fonts = loadFonts();
const pdftotext = which('pdftotext') ?? '/usr/bin/pdftotext';
const pdffonts = which('pdffonts') ?? '/usr/bin/pdffonts';
const rasterise = which('pdftocairo') ?? which('pdftoppm') ?? '/usr/bin/pdftoppm';
const zbarimg = which('zbarimg');

const VIETQR =
  '00020101021238570010A000000727012700069704220113VQRQ000000000102' +
  '08QRIBFTTA53037045406500005802VN62330829000.00.12.H29-K01-261123-00076304B0D1';

async function pdfFile(name: string, data: ReceiptData): Promise<string> {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, await receiptPdf(data, { fonts, creationDate: new Date(data.receivedAt) }));
  return path;
}

/** What pdftotext reads (pages `first`–`last`), whitespace collapsed so wrapped lines read as one. */
function text(path: string, first?: number, last = first): string {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last)];
  return execFileSync(pdftotext, ['-enc', 'UTF-8', ...range, path, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word boxes (points, origin top-left) of every page, from `pdftotext -bbox`. */
function words(path: string): { page: number; width: number; height: number; x1: number; y1: number }[] {
  const html = execFileSync(pdftotext, ['-bbox', path, '-'], { encoding: 'utf8' });
  const out: ReturnType<typeof words> = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((chunk, i) => {
      const [, width = '0', height = '0'] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk) ?? [];
      for (const m of chunk.matchAll(/xMax="([\d.]+)" yMax="([\d.]+)"/g)) {
        out.push({ page: i + 1, width: +width, height: +height, x1: +m[1]!, y1: +m[2]! });
      }
    });
  return out;
}

const pageCount = async (path: string): Promise<number> =>
  (await PDFDocument.load(readFileSync(path))).getPageCount();

describe('receiptPdf (Mẫu 01, A4)', () => {
  it('reads as the form: code, provisional mark, applicant, procedure, papers, dates, signatures', async () => {
    const data = sampleReceipt({ dueEstimated: true });
    const out = text(await pdfFile('sample', data));
    expect(out).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(out).toContain('Độc lập - Tự do - Hạnh phúc');
    // The 2025 header: the form's number, the agency above the unit the centre configured, the 2025 basis.
    expect(out).toContain(
      'Mẫu số 01 ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH',
    );
    expect(out).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(out).toContain('Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ');
    expect(out).not.toContain('01/2018');
    expect(out).toContain('Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công phường Ba Đình');
    expect(out).toContain(`Mã hồ sơ: ${data.code} (mã hồ sơ tạm)`);
    expect(out).toContain('Mã tra cứu: K7Q2XF');
    expect(out).toContain(data.applicant.fullName);
    expect(out).toContain(data.applicant.idNumber!);
    expect(out).toContain(data.applicant.address!);
    expect(out).toContain(data.applicant.phone!);
    expect(out).toContain(data.applicant.email!);
    expect(out).toContain(data.procedure.name);
    for (const d of data.documents) expect(out).toContain(d.name);
    expect(out).toContain('3 ngày làm việc');
    expect(out).toContain('Hà Nội, ngày 23 tháng 11 năm 2026');
    expect(out).toContain('Thời gian nhận hồ sơ: 09:15 ngày 23/11/2026');
    expect(out).toContain('ngày 26/11/2026 (dự kiến)');
    expect(out).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(out).toContain('NGƯỜI TIẾP NHẬN');
    expect(out).toContain('Ki-ốt tự phục vụ K01');
    expect(out).toContain('quét mã QR');
    expect(out).not.toContain('\uFFFD');
  });

  it('reads as the submission slip while the dossier waits to be received: dự kiến, no officer, Mẫu 01 to follow', async () => {
    const data = sampleReceipt({ stage: 'submitted' });
    const path = await pdfFile('slip', data);
    const out = text(path);
    expect(out).toContain('PHIẾU XÁC NHẬN NỘP HỒ SƠ');
    expect(out).not.toContain('TRỰC TUYẾN');
    expect(out).not.toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    // Not an annex form: no number, no basis line.
    expect(out).not.toContain('Mẫu số');
    expect(out).not.toContain('Ban hành kèm theo');
    expect(out).toContain(`Mã hồ sơ: ${data.code} (mã hồ sơ tạm)`);
    expect(out).toContain('Mã tra cứu: K7Q2XF');
    for (const d of data.documents) expect(out).toContain(d.name);
    expect(out).toContain('Thời gian nộp hồ sơ: 09:15 ngày 23/11/2026');
    expect(out).toContain('Ngày hẹn trả kết quả (dự kiến): ngày 26/11/2026');
    expect(out).not.toContain('NGƯỜI TIẾP NHẬN');
    expect(out).not.toContain('Ki-ốt tự phục vụ K01');
    expect(out).toContain('đang chờ cán bộ tiếp nhận');
    expect(out).toContain('(Mẫu 01) được cấp khi hồ sơ được tiếp nhận');
    expect(out).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(await pageCount(path)).toBe(1);
    const doc = await PDFDocument.load(readFileSync(path));
    expect(doc.getTitle()).toBe(`Phiếu xác nhận nộp hồ sơ ${data.code}`);
  });

  it('names the agency above the receiving unit the centre configured, or the centre for an old job', async () => {
    const centre = { ...sampleReceipt().centre, agency: null, receivingUnit: 'Bộ phận Một cửa' };
    const out = text(await pdfFile('unit', sampleReceipt({ centre })));
    expect(out).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH BỘ PHẬN MỘT CỬA');
    expect(out).toContain(
      'Đăng ký nhận kết quả tại: Bộ phận Một cửa, Trung tâm Phục vụ hành chính công phường Ba Đình',
    );
    expect(out).not.toContain('ỦY BAN NHÂN DÂN');
  });

  it('prints the card’s old address under the new one where they differ, and no such line otherwise', async () => {
    const data = sampleReceipt();
    const onCard = data.applicant.addressOnCard!;
    const out = text(await pdfFile('on-card', data));
    expect(out).toContain(`Địa chỉ: ${data.applicant.address!}`);
    expect(out).toContain(`(Địa chỉ trên thẻ: ${onCard})`);
    expect(receiptFacts(data).applicant.map((a) => a.label)).toEqual([
      'Số định danh cá nhân: ',
      'Địa chỉ: ',
      'Địa chỉ trên thẻ: ',
      'Số điện thoại: ',
      'Email: ',
    ]);
    const plain = sampleReceipt({ applicant: { ...data.applicant, addressOnCard: null } });
    const plainOut = text(await pdfFile('no-card', plain));
    expect(plainOut).toContain(`Địa chỉ: ${data.applicant.address!}`);
    expect(plainOut).not.toContain('trên thẻ');
  });

  it('prints an official code plainly, the portal code, the staff member, post delivery and a paid fee', async () => {
    const data = sampleReceipt({
      provisional: false,
      code: '000.00.12.H29-261123-0042',
      portalCode: 'H29.12-261123-000123',
      receivedBy: 'Trần Văn Bình',
      delivery: {
        method: 'post',
        address: {
          recipient: 'Lê Văn Cường',
          street: '12 Lý Thường Kiệt',
          ward: 'phường Cửa Nam',
          province: 'Hà Nội',
          phone: '0987654321',
        },
      },
      fee: { amount: 8000, text: '' },
      payment: { payload: VIETQR, paid: true },
    });
    const out = text(await pdfFile('official', data));
    expect(out).toContain(`Mã hồ sơ: ${data.code}`);
    expect(out).not.toContain('mã hồ sơ tạm');
    expect(out).toContain('Mã hồ sơ trên Cổng Dịch vụ công: H29.12-261123-000123');
    expect(out).toContain('Trần Văn Bình');
    expect(out).not.toContain('Ki-ốt tự phục vụ');
    expect(out).toContain('bưu chính: Lê Văn Cường, 12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội');
    expect(out).toContain('8.000 đồng');
    expect(out).toContain('Đã thanh toán');
    expect(out).not.toContain('(dự kiến)');
  });

  it('counts the day in the centre’s time zone, not the machine’s', async () => {
    // 18:30 UTC on the 22nd is 01:30 on the 23rd in Hà Nội.
    const out = text(await pdfFile('tz', sampleReceipt({ receivedAt: '2026-11-22T18:30:00.000Z' })));
    expect(out).toContain('ngày 23 tháng 11 năm 2026');
    expect(out).toContain('01:30 ngày 23/11/2026');
  });

  it('reads typed-on-a-Mac (NFD) names as ordinary Vietnamese', async () => {
    const name = 'Phạm Thị Ngọc Ánh';
    const data = sampleReceipt({
      applicant: { ...sampleReceipt().applicant, fullName: name.normalize('NFD') },
    });
    expect(text(await pdfFile('nfd', data))).toContain(name);
  });

  it('is one A4 portrait page, under 80 KB, with subset fonts that map back to Unicode', async () => {
    const data = sampleReceipt({
      fee: { amount: 50000, text: '' },
      payment: { payload: VIETQR, paid: false },
    });
    const bytes = await receiptPdf(data, { fonts });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    expect(doc.getTitle()).toBe(`Giấy tiếp nhận hồ sơ ${data.code}`);
    expect(bytes.length).toBeLessThan(80 * 1024);
    const path = join(work, 'fonts.pdf');
    writeFileSync(path, bytes);
    // pdffonts columns: name type encoding emb sub uni object ID. pdf-lib names its subsets without the
    // "ABCDEF+" tag pdffonts looks for, so "sub" says no; the size above (the fonts are 1 MB) says subset.
    const rows = execFileSync(pdffonts, [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+yes\b/);
  });

  it('shows "Chưa thanh toán" while the fee is unpaid', async () => {
    const data = sampleReceipt({
      fee: { amount: 50000, text: '' },
      payment: { payload: VIETQR, paid: false },
    });
    expect(text(await pdfFile('unpaid', data))).toContain('Chưa thanh toán');
  });

  it.skipIf(!zbarimg)(
    'has a QR of the dossier code and its lookup secret (pdftocairo + zbarimg)',
    async () => {
      const data = sampleReceipt();
      expect(qrs(await pdfFile('qr', data), 'qr')).toEqual([`${data.code}#K7Q2XF`]);
      // A dossier filed before receipts carried a secret: the code alone, and no "Mã tra cứu" line.
      const old = sampleReceipt({ lookupSecret: null });
      const path = await pdfFile('qr-old', old);
      expect(qrs(path, 'qr-old')).toEqual([old.code]);
      expect(text(path)).not.toContain('Mã tra cứu');
    },
  );

  it.skipIf(!zbarimg)('adds a VietQR that decodes to the payment payload while unpaid', async () => {
    const data = sampleReceipt({
      fee: { amount: 50000, text: '' },
      payment: { payload: VIETQR, paid: false },
    });
    expect(qrs(await pdfFile('vietqr', data), 'vietqr')).toEqual([`${data.code}#K7Q2XF`, VIETQR].sort());
  });

  it.runIf(!zbarimg)('QR decoding checks skipped: zbarimg not installed (apt install zbar-tools)', () => {
    expect(zbarimg).toBeNull();
  });

  it('flows a 40-paper list onto a second page, header repeated, pages numbered', async () => {
    const documents = Array.from({ length: 40 }, (_, i) => ({
      name: `Giấy tờ kèm theo số ${i + 1} của hồ sơ`,
      form: 'copy' as const,
      copies: 1,
      files: 1,
      pages: 2,
    }));
    const path = await pdfFile('forty', sampleReceipt({ documents }));
    expect(await pageCount(path)).toBe(2);
    const all = text(path);
    for (const d of documents) expect(all).toContain(d.name);
    expect(text(path, 1)).toContain('Trang 1/2');
    const second = text(path, 2);
    expect(second).toContain('Tên giấy tờ');
    expect(second).toContain('Trang 2/2');
    expect(second).toContain('NGƯỜI TIẾP NHẬN');
  });

  it('wraps absurdly long names, addresses and unbroken words inside the text column, never off the page', async () => {
    const long = 'Nguyễn Hoàng Thị Minh Phương '.repeat(12).trim();
    const email = `${'a'.repeat(120)}@example.vn`;
    const data = sampleReceipt({
      applicant: { ...sampleReceipt().applicant, fullName: long, email, address: 'Xóm Bãi, '.repeat(60) },
      documents: [
        { name: 'Bản tự khai rất dài '.repeat(300).trim(), form: 'original', copies: 1, files: 1, pages: 1 },
      ],
    });
    const path = await pdfFile('absurd', data);
    const boxes = words(path);
    expect(boxes.length).toBeGreaterThan(500);
    const mm = 72 / 25.4;
    const footerLine = Math.max(...boxes.map((b) => b.y1));
    for (const b of boxes) {
      // 15 mm right margin; the text stops 16 pt above the 18 mm bottom margin, where the page number
      // line sits. 1 pt of rounding.
      expect(b.x1).toBeLessThanOrEqual(b.width - 15 * mm + 1);
      if (Math.abs(b.y1 - footerLine) > 1) expect(b.y1).toBeLessThanOrEqual(b.height - 18 * mm - 16 + 1);
    }
    const pages = await pageCount(path);
    expect(pages).toBeGreaterThan(1);
    // "Mã hồ sơ: <code> · Trang i/n": seven words on the page number line of each page, nothing else.
    expect(boxes.filter((b) => Math.abs(b.y1 - footerLine) <= 1)).toHaveLength(7 * pages);
    expect(text(path).replace(/\s/g, '')).toContain(email);
    expect(text(path)).toContain(long);
  });

  it('keeps letters extractable in later receipts after they were met only inside accented letters', async () => {
    // A font set of its own, so its parsed font is new. "Ŵ" and "Ź" are drawn from the glyphs of W and
    // Z: writing the first receipt's subset meets those glyphs without their letters; fontkit must not
    // keep them that way for the receipts that draw W and Z themselves (see receipt-fonts.ts).
    const own = { regular: fonts.regular.slice(), bold: fonts.bold.slice() };
    const named = (fullName: string) =>
      sampleReceipt({ applicant: { ...sampleReceipt().applicant, fullName } });
    for (const [i, name] of ['Ŵŷ Źa', 'Wy Za', 'Ŵŷ Źa Wy Za'].entries()) {
      const path = join(work, `order-${i}.pdf`);
      writeFileSync(path, await receiptPdf(named(name), { fonts: own }));
      expect(text(path)).toContain(`Tiếp nhận hồ sơ của: ${name}`);
    }
  });

  it('refuses a receipt that would mislead: no code, zero sets, a bad date', async () => {
    await expect(receiptPdf(sampleReceipt({ code: ' ' }), { fonts })).rejects.toThrow(RangeError);
    await expect(receiptPdf(sampleReceipt({ sets: 0 }), { fonts })).rejects.toThrow(RangeError);
    await expect(receiptPdf(sampleReceipt({ dueDate: '26/11/2026' }), { fonts })).rejects.toThrow(RangeError);
    await expect(receiptPdf(sampleReceipt({ receivedAt: 'yesterday' }), { fonts })).rejects.toThrow(
      RangeError,
    );
  });
});

function qrs(pdf: string, name: string): string[] {
  const base = join(work, `${name}-page`);
  execFileSync(rasterise, ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  return execFileSync(zbarimg!, ['--raw', '-q', `${base}.png`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'], // zbarimg complains about D-Bus on stderr in containers
  })
    .split('\n')
    .filter(Boolean)
    .sort();
}

describe('receipt wording', () => {
  it('takes the place name from the last part of the centre’s address', () => {
    expect(placeOf('Số 10 Đội Cấn, phường Ba Đình, thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeOf('12 Lê Lợi, phường Bến Nghé, TP. Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(placeOf('Xã Tân Hiệp, tỉnh Kiên Giang')).toBe('Kiên Giang');
    expect(placeOf(null)).toBeNull();
    expect(
      receiptFacts(sampleReceipt({ centre: { ...sampleReceipt().centre, address: null } })).placeDate,
    ).toBe('Ngày 23 tháng 11 năm 2026');
  });

  it('writes calendar days day-first without shifting them', () => {
    expect(formatDay('2027-01-04')).toBe('04/01/2027');
  });

  it('says "free" only when no fee is due, and the amount in đồng otherwise', () => {
    expect(receiptFacts(sampleReceipt({ fee: { amount: 0, text: '' } })).fee).toBe('Không thu phí, lệ phí');
    expect(receiptFacts(sampleReceipt({ fee: { amount: 1500000, text: '' } })).fee).toBe('1.500.000 đồng');
    const sameDay = sampleReceipt({
      procedure: { code: '2.000908', name: 'Chứng thực bản sao', processingDays: 0 },
    });
    expect(receiptFacts(sameDay).processing).toBe('trong ngày làm việc');
  });
});

describe('leanFont: the receipt fonts without shaping, hinting or glyph names', () => {
  const lean = fontkit.create(Buffer.from(leanFont(fonts.regular)));
  const full = fontkit.create(Buffer.from(fonts.regular));

  it('maps the same characters to the same glyphs with the same widths', () => {
    expect(lean.availableFeatures).toEqual([]);
    expect(lean.numGlyphs).toBe(full.numGlyphs);
    expect(lean.characterSet).toEqual(full.characterSet);
    for (const s of ['Nguyễn Thị Hương', 'ĐĂNG KÝ KHAI SINH', 'ướp, Ỗ, ự, 0123456789']) {
      const a = lean.layout(s);
      const b = full.layout(s);
      expect(a.glyphs.map((g) => g.id)).toEqual(b.glyphs.map((g) => g.id));
      // Noto Sans kerns a few pairs; the receipt ignores kerning (pdf-lib would not draw it anyway).
      expect(Math.abs(a.advanceWidth - b.advanceWidth)).toBeLessThan(b.advanceWidth * 0.02);
    }
  });

  it('keeps every outline, plain and composite, exactly', () => {
    for (const ch of 'aeĐđệỮửỗ0@') {
      const cp = ch.codePointAt(0)!;
      expect(lean.glyphForCodePoint(cp).path.toSVG(), ch).toBe(full.glyphForCodePoint(cp).path.toSVG());
    }
  });

  it('drops the hinting programs, the glyph instructions and the glyph names', () => {
    const tags = (f: typeof lean) =>
      Object.keys((f as unknown as { directory: { tables: object } }).directory.tables);
    expect(tags(full)).toEqual(expect.arrayContaining(['fpgm', 'prep', 'GPOS', 'GSUB']));
    for (const tag of ['fpgm', 'prep', 'cvt ', 'GPOS', 'GSUB', 'GDEF']) expect(tags(lean)).not.toContain(tag);
    expect((lean.post as unknown as { version: number }).version).toBe(3);
    expect(leanFont(fonts.regular).length).toBeLessThan(fonts.regular.length * 0.7);
  });
});
