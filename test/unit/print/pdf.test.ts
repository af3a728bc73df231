import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutTicket, loadFonts, renderTicketPdf } from '../../../main/core/print';
import { ISSUED_AT, plainTicket, priorityTicket } from '../../fixtures/print/tickets';
import { which } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'ticket-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fonts = loadFonts();
const zbarimg = which('zbarimg');
const pdftotext = which('pdftotext') ?? '/usr/bin/pdftotext';
const pdftoppm = which('pdftoppm') ?? '/usr/bin/pdftoppm';

async function pdfFile(name: string, data: typeof priorityTicket, widthMm: 80 | 58 = 80): Promise<string> {
  const bytes = await renderTicketPdf(layoutTicket(data, { widthMm }), fonts, { creationDate: ISSUED_AT });
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

const text = (path: string): string =>
  execFileSync(pdftotext, ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });

describe('renderTicketPdf', () => {
  it('has extractable Vietnamese text (pdftotext)', async () => {
    const out = text(await pdfFile('priority', priorityTicket));
    expect(out).toContain('A015');
    expect(out).toContain('Tư pháp – Hộ tịch');
    expect(out).toContain('ƯU TIÊN');
    expect(out).toContain('SỐ THỨ TỰ');
    expect(out).toContain('Số người đang chờ trước Quý vị: 3');
    expect(out).toContain('Thời gian chờ dự kiến: khoảng 15 phút');
    expect(out).toContain('23/11/2026 09:15');
    expect(out).toContain('Vui lòng chờ gọi số trên màn hình.');
    expect(out).toContain('Xin cảm ơn!');
    expect(out).not.toContain('\uFFFD');
  });

  it('prints no badge and no wait line on a plain ticket without estimate', async () => {
    const out = text(await pdfFile('plain', plainTicket));
    expect(out).toContain('B102');
    expect(out).toContain('Đất đai – Xây dựng');
    expect(out).not.toContain('ƯU TIÊN');
    expect(out).not.toContain('Thời gian chờ');
  });

  it('keeps every line extractable across consecutive documents (fontkit glyph cache regression)', async () => {
    const tickets = [
      priorityTicket,
      plainTicket,
      { ...plainTicket, language: 'en' as const },
      priorityTicket,
    ];
    for (const [i, ticket] of tickets.entries()) {
      const out = text(await pdfFile(`seq-${i}`, ticket)).replace(/\s+/g, ' ');
      const layout = layoutTicket(ticket, { widthMm: 80 });
      for (const item of layout.items) {
        if (item.kind === 'text' || item.kind === 'bigNumber') expect(out).toContain(item.text);
      }
    }
  });

  it('is one 80 mm page fitted to its content, fonts embedded as subsets', async () => {
    const bytes = await renderTicketPdf(layoutTicket(priorityTicket, { widthMm: 80 }), fonts);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(226.77, 2);
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThan(600);
    expect(doc.getTitle()).toBe('Phiếu số thứ tự A015');
    // The two full fonts are ~1 MB; subsets of a few dozen glyphs are a few KB each.
    expect(fonts.regular.length + fonts.bold.length).toBeGreaterThan(1_000_000);
    expect(bytes.length).toBeLessThan(60_000);
  });

  it('is 58 mm wide for 58 mm paper', async () => {
    const bytes = await renderTicketPdf(layoutTicket(priorityTicket, { widthMm: 58 }), fonts);
    const { width } = (await PDFDocument.load(bytes)).getPage(0).getSize();
    expect(width).toBeCloseTo((58 * 72) / 25.4, 2);
  });

  it.skipIf(!zbarimg)('has a QR code that decodes to the ticket code (zbarimg)', async () => {
    const path = await pdfFile('qr', priorityTicket);
    execFileSync(pdftoppm, ['-png', '-r', '200', '-singlefile', path, join(work, 'qr')]);
    const decoded = execFileSync(zbarimg!, ['--raw', '-q', join(work, 'qr.png')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'], // zbarimg complains about D-Bus on stderr in containers
    });
    expect(decoded.trim()).toBe(priorityTicket.ticketCode);
  });

  it.runIf(!zbarimg)('QR decoding check skipped: zbarimg not installed (apt install zbar-tools)', () => {
    expect(zbarimg).toBeNull();
  });
});
