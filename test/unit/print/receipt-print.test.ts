import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createAlerts } from '../../../main/core/alerts';
import { createAudit } from '../../../main/core/audit';
import { systemClock } from '../../../main/core/clock';
import { parseConfig } from '../../../main/core/config/load';
import { openDatabase } from '../../../main/core/db/open';
import { createEventBus } from '../../../main/core/events';
import {
  type Bitmap,
  type ReceiptJobPayload,
  createDeliver,
  createReceipts,
  decodeEscPos,
  layoutReceiptThermal,
  loadFonts,
  reassembleRaster,
  receiptThermal,
  receiptThermalPdf,
  sampleReceipt,
} from '../../../main/core/print';
import { createPrintJobs, type PrintJob } from '../../../main/core/print/jobs';
import { lanDevice, makeCore, tempDir } from '../helpers';
import { queueConfig } from '../queue/fixtures';
import { bitmapToPng, which } from './helpers';
import { fakeTransports } from './transports';

const work = mkdtempSync(join(tmpdir(), 'receipt-print-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fonts = loadFonts();
const zbarimg = which('zbarimg');
const pdftotext = which('pdftotext') ?? '/usr/bin/pdftotext';

const VIETQR =
  '00020101021238570010A00000072701270006970422011300000000000010208QRIBFTTA5303704540450005802VN6304A1B2';

/** The one raster image an ESC/POS job carries, after checking the job starts with ESC @ and ends with a cut. */
function rasterOf(bytes: Uint8Array): Bitmap {
  const commands = decodeEscPos(bytes);
  expect(commands[0]).toEqual({ op: 'init' });
  expect(commands.at(-1)).toMatchObject({ op: 'cut', partial: true });
  const bitmap = reassembleRaster(commands);
  if (!bitmap) throw new Error('no raster in the job');
  return bitmap;
}

async function qrsIn(bitmap: Bitmap, name: string): Promise<string[]> {
  const png = join(work, `${name}.png`);
  writeFileSync(png, await bitmapToPng(bitmap));
  return execFileSync(zbarimg!, ['--raw', '-q', png], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .split('\n')
    .filter(Boolean)
    .sort();
}

function pdfText(bytes: Uint8Array, name: string): string {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync(pdftotext, ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const pageSize = async (bytes: Uint8Array) => {
  const doc = await PDFDocument.load(bytes);
  return { pages: doc.getPageCount(), ...doc.getPage(0).getSize() };
};

describe('receiptThermal (80 mm / 58 mm roll)', () => {
  it.each([576, 512, 384] as const)('is one ESC/POS raster job %i dots wide', (dots) => {
    const bitmap = rasterOf(receiptThermal(sampleReceipt(), { dots, fonts }));
    expect(bitmap.width).toBe(dots);
    expect(bitmap.height).toBeGreaterThan(dots * 2);
  });

  it.skipIf(!zbarimg)('carries a QR of the code and lookup secret, and the VietQR while unpaid', async () => {
    const plain = sampleReceipt();
    expect(await qrsIn(rasterOf(receiptThermal(plain, { dots: 576, fonts })), 'thermal')).toEqual([
      `${plain.code}#K7Q2XF`,
    ]);
    const unpaid = sampleReceipt({
      fee: { amount: 50000, text: '' },
      payment: { payload: VIETQR, paid: false },
    });
    const bitmap = rasterOf(receiptThermal(unpaid, { dots: 384, fonts }));
    expect(await qrsIn(bitmap, 'thermal-pay')).toEqual([`${unpaid.code}#K7Q2XF`, VIETQR].sort());
  });

  it('says the same facts as the A4 form, condensed', async () => {
    const data = sampleReceipt({ dueEstimated: true, receivedBy: 'Trần Văn Bình' });
    const out = pdfText(await receiptThermalPdf(data, { fonts }), 'thermal-text');
    for (const fact of [
      data.code,
      'mã hồ sơ tạm',
      'Mã tra cứu',
      'K7Q2XF',
      data.applicant.fullName,
      data.procedure.name,
      ...data.documents.map((d) => d.name),
      'Hẹn trả kết quả: ngày 26/11/2026 (dự kiến)',
      '09:15 ngày 23/11/2026',
      'Người tiếp nhận: Trần Văn Bình',
    ]) {
      expect(out).toContain(fact);
    }
    expect(out).not.toContain('\uFFFD');
  });

  it('reads as the submission slip on the roll while the dossier waits to be received', async () => {
    const data = sampleReceipt({ stage: 'submitted' });
    const out = pdfText(await receiptThermalPdf(data, { fonts }), 'thermal-slip');
    for (const fact of [
      'PHIẾU XÁC NHẬN NỘP HỒ SƠ',
      data.code,
      'K7Q2XF',
      ...data.documents.map((d) => d.name),
      'Nộp hồ sơ lúc: 09:15 ngày 23/11/2026',
      'Ngày hẹn trả kết quả (dự kiến): ngày 26/11/2026',
      'đang chờ cán bộ tiếp nhận',
      '(Mẫu 01) được cấp khi hồ sơ được tiếp nhận',
    ]) {
      expect(out).toContain(fact);
    }
    expect(out).not.toContain('Người tiếp nhận');
    expect(out).not.toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(out).not.toContain('Mẫu số 01');
    const received = pdfText(await receiptThermalPdf(sampleReceipt(), { fonts }), 'thermal-01');
    expect(received).toContain('Mẫu số 01');
    expect(received).toContain('03/2025/TT-VPCP');
    expect(received).toContain('Trung tâm Phục vụ hành chính công phường Ba Đình');
  });

  it('is laid out for the paper: 72 mm printable on 80 mm, 48 mm on 58 mm', () => {
    expect(layoutReceiptThermal(sampleReceipt(), 80).contentWidthPt).toBeCloseTo((72 * 72) / 25.4, 2);
    expect(layoutReceiptThermal(sampleReceipt(), 58).contentWidthPt).toBeCloseTo((48 * 72) / 25.4, 2);
  });
});

const config = parseConfig({
  centre: { name: 'UBND phường Ba Đình', unitCode: '000.00.12.H29' },
  printers: [
    { id: 'a4', kind: 'system', queue: 'Office_A4' },
    { id: 'roll', kind: 'escpos-tcp', host: '127.0.0.1', port: 9100 },
    { id: 'usb58', kind: 'escpos-device', path: '/dev/usb/lp0', dots: 384 },
  ],
});

const receiptJob = (printerId: string, format: 'a4' | '80mm'): PrintJob => ({
  id: 1,
  printerId,
  kind: 'receipt',
  ref: `receipt:${sampleReceipt().code}`,
  payload: { data: sampleReceipt(), format } satisfies ReceiptJobPayload,
  attempts: 1,
});

describe("print job kind 'receipt'", () => {
  it('sends Mẫu 01 on A4 to a system printer', async () => {
    const { sent, transports } = fakeTransports();
    await createDeliver(config, transports)(receiptJob('a4', 'a4'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ via: 'cups', to: 'Office_A4', title: `receipt:${sampleReceipt().code}` });
    const size = await pageSize(sent[0]!.bytes);
    expect(size.width).toBeCloseTo(595.28, 1);
    expect(size.height).toBeCloseTo(841.89, 1);
    expect(pdfText(sent[0]!.bytes, 'routed-a4')).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  });

  it('sends the roll PDF to a system printer set up for 80 mm', async () => {
    const { sent, transports } = fakeTransports();
    await createDeliver(config, transports)(receiptJob('a4', '80mm'));
    expect(sent[0]?.via).toBe('cups');
    const size = await pageSize(sent[0]!.bytes);
    expect(size.pages).toBe(1);
    expect(size.width).toBeCloseTo((80 * 72) / 25.4, 1);
  });

  it.each([
    ['roll', 'tcp', '127.0.0.1:9100', 576],
    ['usb58', 'device', '/dev/usb/lp0', 384],
  ] as const)(
    'sends ESC/POS raster to thermal printer %s, whatever the format',
    async (id, via, to, dots) => {
      for (const format of ['a4', '80mm'] as const) {
        const { sent, transports } = fakeTransports();
        await createDeliver(config, transports)(receiptJob(id, format));
        expect(sent).toHaveLength(1);
        expect(sent[0]).toMatchObject({ via, to });
        expect(rasterOf(sent[0]!.bytes).width).toBe(dots);
      }
    },
  );

  it('still prints the queue’s tickets', async () => {
    // A ticket job exactly as the queue writes it, captured instead of printed.
    const jobs: PrintJob[] = [];
    const { core } = await makeCore({
      config: {
        ...queueConfig,
        printers: [{ id: 'roll', kind: 'escpos-tcp', host: '127.0.0.1' }],
        ticketPrinter: 'roll',
      },
      deliver: async (job) => void jobs.push(job),
    });
    const kiosk = await lanDevice(core, 'kiosk');
    expect((await core.call('queue.issueTicket', { serviceId: 'ho-tich' }, kiosk)).ok).toBe(true);
    for (let i = 0; i < 300 && jobs.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(jobs.map((j) => j.kind)).toEqual(['ticket']);
    const { sent, transports } = fakeTransports();
    await createDeliver(config, transports)(jobs[0]!);
    expect(sent.map((s) => [s.via, rasterOf(s.bytes).width])).toEqual([['tcp', 576]]);
  });

  it('refuses an unknown kind or a damaged receipt payload, sending nothing', async () => {
    const { sent, transports } = fakeTransports();
    const deliver = createDeliver(config, transports);
    await expect(deliver({ ...receiptJob('roll', '80mm'), kind: 'poster' })).rejects.toThrow(/poster/);
    await expect(
      deliver({ ...receiptJob('roll', '80mm'), payload: { data: {}, format: 'a4' } }),
    ).rejects.toThrow(TypeError);
    await expect(
      deliver({ ...receiptJob('roll', '80mm'), payload: { data: sampleReceipt(), format: 'a5' } }),
    ).rejects.toThrow(TypeError);
    expect(sent).toEqual([]);
  });
});

describe('createReceipts', () => {
  function setup(format: 'a4' | '80mm') {
    const { db } = openDatabase(tempDir(), new Date());
    const bus = createEventBus();
    const { sent, transports } = fakeTransports();
    const alerts = createAlerts(db, { clock: systemClock, bus, audit: createAudit(db, systemClock) });
    const printJobs = createPrintJobs(db, {
      clock: systemClock,
      bus,
      alerts,
      deliver: createDeliver(config, transports),
    });
    return { db, printJobs, sent, receipts: createReceipts({ printJobs, printerId: 'a4', format, fonts }) };
  }

  it('queues one job per copy, each printed once, all with ref receipt:<code>', async () => {
    const { db, printJobs, sent, receipts } = setup('a4');
    const data = sampleReceipt();
    const ids = receipts.enqueue(data, 2);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(printJobs.pending().map((j) => [j.jobId, j.ref, j.printerId])).toEqual(
      ids.map((id) => [id, `receipt:${data.code}`, 'a4']).reverse(),
    );
    await printJobs.runDue();
    expect(ids.map((id) => printJobs.status(id))).toEqual(['done', 'done']);
    expect(sent.map((s) => [s.via, s.title])).toEqual([
      ['cups', `receipt:${data.code}`],
      ['cups', `receipt:${data.code}`],
    ]);
    db.close();
  });

  it('refuses a number of copies no one configured', () => {
    const { db, receipts } = setup('a4');
    for (const copies of [0, -1, 1.5, 11])
      expect(() => receipts.enqueue(sampleReceipt(), copies)).toThrow(RangeError);
    db.close();
  });

  it('gives the PDF of what is printed: A4 or one roll wide', async () => {
    const a4 = setup('a4');
    expect((await pageSize(await a4.receipts.pdf(sampleReceipt()))).width).toBeCloseTo(595.28, 1);
    a4.db.close();
    const roll = setup('80mm');
    expect((await pageSize(await roll.receipts.pdf(sampleReceipt()))).width).toBeCloseTo((80 * 72) / 25.4, 1);
    roll.db.close();
  });
});
