import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  bookCsv,
  bookPdf,
  controlCsv,
  controlPdf,
  loadFonts,
  refusalPdf,
  supplementPdf,
} from '../../../main/core/print';
import { dossier, readBack, refusal, supplement, tracking } from './fixtures';

const fonts = loadFonts();
const pages = async (bytes: Uint8Array) => {
  const doc = await PDFDocument.load(bytes);
  return { count: doc.getPageCount(), ...doc.getPage(0).getSize() };
};

const pending = dossier(3, {
  channel: 'kiosk',
  reception: 'pending',
  receivedAt: null,
  receivedBy: null,
  dueEstimated: true,
  events: [{ status: 'submitted', at: '2026-11-23T02:10:00.000Z', note: null, source: 'kiosk' }],
});
const refused = dossier(4, {
  reception: 'refused',
  refusalReason: 'Không thuộc thẩm quyền',
  events: [{ status: 'refused', at: '2026-11-23T02:30:00.000Z', note: null, source: 'kiosk' }],
});

describe('Mẫu 02: phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', () => {
  it('lists every item to complete with what is wrong, the legal basis, the portal note and where to ask', async () => {
    const data = supplement();
    const out = readBack(await supplementPdf(data, { fonts }), 'supplement');
    expect(out).toContain('Mẫu số 02');
    expect(out).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(out).toContain('Thông tư số 03/2025/TT-VPCP');
    expect(out).toContain('Kính gửi: Nguyễn Thị Hương Giang');
    expect(out).toContain('Mã hồ sơ: 000.00.12.H29-261123-0042');
    expect(out).toContain(
      'Căn cứ quy định tại: - Luật Hộ tịch số 60/2014/QH13 - Nghị định số 123/2015/NĐ-CP',
    );
    expect(out).toContain('1. Tờ khai đăng ký khai sinh: Thiếu chữ ký của người đi đăng ký');
    expect(out).toContain('2. Giấy chứng sinh: Bản chụp mờ, cần bản chính');
    expect(out).toContain('3. Giấy tờ chứng minh nơi cư trú: Chưa nộp');
    expect(out).toContain('Bổ sung trong 05 ngày làm việc');
    expect(out).toContain('số điện thoại 024 3734 5678');
    expect(out).toContain('NGƯỜI HƯỚNG DẪN');
    expect(out).toContain('Trần Văn Bình');
  });

  it('prints a counter draft without a code, and refuses a request with nothing to bring', async () => {
    const out = readBack(
      await supplementPdf(supplement({ code: null, portalNote: null }), { fonts }),
      'draft',
    );
    expect(out).toContain('nhận được đề nghị tiếp nhận hồ sơ của ông/bà Nguyễn Thị Hương Giang');
    expect(out).not.toContain('Mã hồ sơ');
    expect(out).not.toContain('Ghi chú');
    await expect(supplementPdf(supplement({ items: [] }), { fonts })).rejects.toThrow(RangeError);
  });
});

describe('Mẫu 03: phiếu từ chối tiếp nhận giải quyết hồ sơ', () => {
  it('prints the code, procedure, applicant and the reason verbatim', async () => {
    const reason =
      'Hồ sơ đề nghị cấp lại; theo quy định phải nộp tại nơi đã đăng ký lần đầu.\nĐề nghị liên hệ UBND xã Tây Hồ.';
    const out = readBack(await refusalPdf(refusal({ reason }), { fonts }), 'refusal');
    expect(out).toContain('Mẫu số 03');
    expect(out).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(out).toContain('Kính gửi: Nguyễn Thị Hương Giang');
    expect(out).toContain('Mã hồ sơ: 000.00.12.H29-261123-0043');
    expect(out).toContain('Đăng ký khai sinh');
    expect(out).toContain(reason.replace(/\s+/g, ' '));
    expect(out).toContain('Xin thông báo để ông/bà được biết và thực hiện.');
    await expect(refusalPdf(refusal({ reason: '  ' }), { fonts })).rejects.toThrow(RangeError);
  });
});

describe('Mẫu 06: phiếu kiểm soát quá trình giải quyết hồ sơ', () => {
  it('gives each dossier its own page with its handovers in order, on time or late where a result is dated', async () => {
    const late = dossier(5, { dueDate: '2026-11-24' });
    const bytes = await controlPdf(tracking([dossier(1), pending, late]), { fonts });
    expect((await pages(bytes)).count).toBe(3);
    const first = readBack(bytes, 'control', 1);
    expect(first).toContain('Mẫu số 06');
    expect(first).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(first).toContain('Mã hồ sơ: 000.00.12.H29-261123-0001');
    expect(first).not.toContain('261123-0003');
    for (const column of ['Bên giao', 'Bên nhận', 'Thời gian giao, nhận', 'Kết quả', 'Ghi chú']) {
      expect(first).toContain(column);
    }
    const order = [
      'Đã tiếp nhận',
      'Đã gửi lên Cổng',
      'Cơ quan đã tiếp nhận',
      'Đã có kết quả',
      'Đã trả kết quả',
    ];
    const at = order.map((s) => first.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(first).toContain('Trần Văn Bình');
    expect(first).toContain('Trước hạn');
    const second = readBack(bytes, 'control', 2);
    expect(second).toContain('261123-0003');
    expect(second).toContain('Chưa tiếp nhận');
    expect(second).toContain('Đã nộp, chờ tiếp nhận');
    expect(second).toContain('26/11/2026 (dự kiến)');
    expect(readBack(bytes, 'control', 3)).toContain('Quá hạn');
  });
});

describe('Mẫu 07: sổ theo dõi hồ sơ', () => {
  it('is A4 landscape, one row per dossier, the range under the title, notes for refused and pending', async () => {
    const bytes = await bookPdf(tracking([dossier(1), dossier(2), pending, refused]), { fonts });
    const size = await pages(bytes);
    expect(size.count).toBe(1);
    expect(size.width).toBeGreaterThan(size.height);
    expect(size.width).toBeCloseTo(841.89, 1);
    const out = readBack(bytes, 'book');
    expect(out).toContain('Mẫu số 07');
    expect(out).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(out).toContain('Từ ngày 23/11/2026 đến ngày 23/11/2026');
    for (const seq of ['0001', '0002', '0003', '0004']) expect(out).toContain(`000.00.12.H29-261123-${seq}`);
    expect(out).toContain('Chờ tiếp nhận');
    expect(out).toContain('Từ chối tiếp nhận: Không thuộc thẩm quyền');
  });

  it('repeats the header row on each page of a 40-dossier book', async () => {
    const bytes = await bookPdf(tracking(Array.from({ length: 40 }, (_, i) => dossier(i + 1))), { fonts });
    const count = (await pages(bytes)).count;
    expect(count).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= count; page++) {
      const out = readBack(bytes, 'book40', page);
      // pdftotext reads a table's cells in its own order: each title once per page is the header.
      for (const title of ['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Ngày hẹn trả kết quả', 'Ghi chú']) {
        expect(out.split(title).length - 1).toBe(1);
      }
      expect(out).toContain(`Trang ${page}/${count}`);
    }
    const all = readBack(bytes, 'book40');
    for (let i = 1; i <= 40; i++) expect(all).toContain(`261123-${String(i).padStart(4, '0')}`);
  });
});

describe('Mẫu 06 and 07 as CSV', () => {
  const hostile = dossier(6, {
    applicant: { fullName: '=HYPERLINK("http://x.example","Bấm")', address: null, phone: '+84912345678' },
  });
  const data = tracking([dossier(1), pending, refused, hostile]);

  it('writes the book with a BOM, one row per dossier, and neutralises formula-looking cells', () => {
    const csv = bookCsv(data);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'STT',
      'Mã hồ sơ',
      'Tên thủ tục hành chính',
      'Số lượng hồ sơ (bộ)',
      'Tên cá nhân, tổ chức',
      'Địa chỉ, số điện thoại',
      'Ngày nhận hồ sơ',
      'Ngày hẹn trả kết quả',
      'Ngày chuyển hồ sơ',
      'Ngày có kết quả/ yêu cầu bổ sung',
      'Ngày trả kết quả',
      'Ghi chú',
    ]);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual([
      '1',
      '000.00.12.H29-261123-0001',
      'Đăng ký khai sinh',
      '1',
      'Người nộp số 1',
      'Phường Ba Đình, Hà Nội, 0912345678',
      '23/11/2026',
      '26/11/2026',
      '23/11/2026',
      '25/11/2026',
      '26/11/2026',
      '',
    ]);
    expect(rows[2]?.[11]).toBe('Chờ tiếp nhận');
    expect(rows[3]?.[11]).toBe('Từ chối tiếp nhận: Không thuộc thẩm quyền');
    expect(rows[4]?.[4]).toBe(`'=HYPERLINK("http://x.example","Bấm")`);
    expect(rows[4]?.[5]).toBe(`'+84912345678`);
  });

  it('writes the control slips as one row per handover, each with its dossier’s code', () => {
    const rows = parse(controlCsv(data), { bom: true }) as string[][];
    const [header, ...body] = rows;
    expect(header).toEqual([
      'Mã hồ sơ',
      'Tên thủ tục hành chính',
      'Tên cá nhân, tổ chức',
      'Bên giao',
      'Bên nhận',
      'Thời gian giao, nhận',
      'Kết quả',
      'Ghi chú',
    ]);
    const events = data.dossiers.reduce((n, d) => n + d.events.length, 0);
    expect(body).toHaveLength(events);
    expect(body.filter((r) => r[0] === '000.00.12.H29-261123-0001').map((r) => r[7])).toEqual([
      'Đã tiếp nhận',
      'Đã gửi lên Cổng',
      'Cơ quan đã tiếp nhận',
      'Đã có kết quả: Đã ký giấy khai sinh',
      'Đã trả kết quả',
    ]);
    expect(body.find((r) => r[7] === 'Đã có kết quả: Đã ký giấy khai sinh')?.[6]).toBe('Trước hạn');
    // Who handed the dossier to whom: in at the unit (by the officer), out through the portal, back to the citizen.
    const first = body.filter((r) => r[0] === '000.00.12.H29-261123-0001').map((r) => [r[3], r[4]]);
    const centre = 'Trung tâm Phục vụ hành chính công phường Ba Đình';
    expect(first).toEqual([
      ['Người nộp hồ sơ', `${centre} (Trần Văn Bình)`],
      [centre, 'Cổng Dịch vụ công'],
      ['Cổng Dịch vụ công', 'Cơ quan giải quyết'],
      ['Cơ quan giải quyết', centre],
      [centre, 'Người nộp hồ sơ'],
    ]);
    expect(body.find((r) => r[0]?.startsWith('000.00.12.H29-261123-0006'))?.[2]).toMatch(/^'=/);
  });
});
