import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/core/config/load';
import {
  type Bitmap,
  type ParkSlipJobPayload,
  PARK_SLIP_JOB_KIND,
  bitmapsEqual,
  createDeliver,
  decodeEscPos,
  layoutParkSlip,
  loadFonts,
  parkSlipData,
  reassembleRaster,
  renderTicketRaster,
} from '../../../main/core/print';
import type { PrintJob } from '../../../main/core/print/jobs';
import { which } from './helpers';
import { fakeTransports } from './transports';

const work = mkdtempSync(join(tmpdir(), 'park-slip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fonts = loadFonts();
const pdftotext = which('pdftotext') ?? '/usr/bin/pdftotext';

/** A slip as the dossier service writes it. Times in UTC; the centre is in Hà Nội time (UTC+7). */
const payload: ParkSlipJobPayload = {
  centreName: 'UBND phường Bến Nghé',
  parkCode: 'H7K2QD',
  procedureName: 'Chứng thực bản sao từ bản chính',
  // 20:00 UTC on the 29th is 03:00 on the 30th in Hà Nội: the printed day must be the centre's.
  keptUntil: '2026-11-29T20:00:00.000Z',
  parkedBy: 'Nguyễn Thị Lan',
  printedAt: '2026-11-23T02:15:00.000Z',
  language: 'vi',
};

const textsOf = (items: ReturnType<typeof layoutParkSlip>['items']): string[] =>
  items.flatMap((item) => (item.kind === 'text' || item.kind === 'bigNumber' ? [item.text] : []));

describe('layoutParkSlip', () => {
  it('prints the centre, the title, the code big, the procedure, the kept-until day, who and when', () => {
    const layout = layoutParkSlip(parkSlipData(payload), { widthMm: 80, timeZone: 'Asia/Ho_Chi_Minh' });
    const texts = textsOf(layout.items);
    expect(texts).toEqual([
      'UBND phường Bến Nghé',
      'PHIẾU GIỮ CHỖ HỒ SƠ',
      'Mã giữ chỗ',
      'H7K2QD',
      'Chứng thực bản sao từ bản chính',
      'Hồ sơ được giữ đến 30/11/2026',
      'Nhân viên giữ hồ sơ: Nguyễn Thị Lan',
      'In lúc: 23/11/2026 09:15',
      'Khi quay lại, xin đưa phiếu này cho nhân viên tại quầy.',
      'Mang theo giấy tờ còn thiếu.',
    ]);
    expect(layout.items.find((i) => i.kind === 'bigNumber')).toMatchObject({ text: 'H7K2QD' });
    // Resuming is by typing the code: no QR until scanning into the resume box is wired.
    expect(layout.items.some((i) => i.kind === 'qr')).toBe(false);
    expect(layout.title).toBe('Phiếu giữ chỗ hồ sơ H7K2QD');
  });

  it('leaves the "who" line out when no one is on record, rather than guess', () => {
    const layout = layoutParkSlip(parkSlipData({ ...payload, parkedBy: null }), { widthMm: 80 });
    expect(textsOf(layout.items).some((t) => t.startsWith('Nhân viên giữ hồ sơ'))).toBe(false);
  });

  it('tells a citizen who saved the draft at the kiosk to bring the code and their birth date', () => {
    const saved = { ...payload, parkedBy: null, resumeWith: 'code-and-birth-date' };
    const texts = textsOf(layoutParkSlip(parkSlipData(saved), { widthMm: 80 }).items);
    expect(texts).toContain('Mang theo mã này và ngày sinh để làm tiếp.');
    expect(texts.some((t) => t.startsWith('Khi quay lại, xin đưa phiếu này'))).toBe(false);
    const en = textsOf(layoutParkSlip(parkSlipData({ ...saved, language: 'en' }), { widthMm: 58 }).items);
    expect(en).toContain('Bring this code and your date of birth to continue.');
    // A value this version does not know prints the staff's wording rather than no slip.
    expect(parkSlipData({ ...payload, resumeWith: 'retina' }).resumeWith).toBeUndefined();
  });

  it('has an English version and fits 58 mm paper', () => {
    const en = layoutParkSlip(parkSlipData({ ...payload, language: 'en' }), { widthMm: 58 });
    expect(textsOf(en.items)).toContain('DOSSIER PARK SLIP');
    expect(textsOf(en.items)).toContain('The dossier is kept until 30/11/2026');
    expect(en.contentWidthPt).toBeCloseTo((48 * 72) / 25.4, 2);
  });

  it('refuses a damaged stored payload instead of printing a slip with holes', () => {
    expect(() => parkSlipData({ ...payload, parkCode: undefined })).toThrow(TypeError);
    expect(() => parkSlipData(null)).toThrow(TypeError);
    expect(() => layoutParkSlip(parkSlipData({ ...payload, keptUntil: 'soon' }), { widthMm: 80 })).toThrow(
      RangeError,
    );
  });
});

const config = parseConfig({
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
  printers: [
    { id: 'roll', kind: 'escpos-tcp', host: '127.0.0.1', port: 9100 },
    { id: 'usb58', kind: 'escpos-device', path: '/dev/usb/lp0', dots: 384 },
    { id: 'cups', kind: 'system', queue: 'Quay_80mm' },
  ],
});

const job = (printerId: string): PrintJob => ({
  id: 7,
  printerId,
  kind: PARK_SLIP_JOB_KIND,
  ref: `park-slip:${payload.parkCode}`,
  payload,
  attempts: 1,
});

function rasterOf(bytes: Uint8Array): Bitmap {
  const bitmap = reassembleRaster(decodeEscPos(bytes));
  if (!bitmap) throw new Error('no raster in the job');
  return bitmap;
}

describe("createDeliver: a 'park-slip' job", () => {
  it('goes to a thermal printer as the raster of the slip layout (58 mm layout on a 384-dot head)', async () => {
    const { sent, transports } = fakeTransports();
    const deliver = createDeliver(config, transports);
    await deliver(job('roll'));
    await deliver(job('usb58'));
    expect(sent.map((s) => s.via)).toEqual(['tcp', 'device']);
    const data = parkSlipData(payload);
    const expected80 = renderTicketRaster(
      layoutParkSlip(data, { widthMm: 80, timeZone: config.timeZone }),
      fonts,
      { dots: 576 },
    );
    const expected58 = renderTicketRaster(
      layoutParkSlip(data, { widthMm: 58, timeZone: config.timeZone }),
      fonts,
      { dots: 384 },
    );
    expect(bitmapsEqual(rasterOf(sent[0]!.bytes), expected80)).toBe(true);
    expect(bitmapsEqual(rasterOf(sent[1]!.bytes), expected58)).toBe(true);
  });

  it('goes to a CUPS printer as a PDF whose text is the slip', async () => {
    const { sent, transports } = fakeTransports();
    await createDeliver(config, transports)(job('cups'));
    expect(sent[0]).toMatchObject({ via: 'cups', title: 'park-slip:H7K2QD' });
    const path = join(work, 'slip.pdf');
    writeFileSync(path, sent[0]!.bytes);
    const text = execFileSync(pdftotext, ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const fact of [
      'PHIẾU GIỮ CHỖ HỒ SƠ',
      'H7K2QD',
      'Hồ sơ được giữ đến 30/11/2026',
      'Mang theo giấy tờ còn thiếu.',
    ])
      expect(text).toContain(fact);
  });
});
