import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bitmapsEqual,
  decodeEscPos,
  encodeRasterJob,
  getDot,
  layoutTicket,
  loadFonts,
  reassembleRaster,
  renderTicketRaster,
  renderTicketRgba,
  thresholdRgba,
} from '../../../main/core/print';
import { plainTicket, priorityTicket } from '../../fixtures/print/tickets';
import { bitmapToPng, which } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'ticket-raster-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fonts = loadFonts();
const zbarimg = which('zbarimg');

const blackRatio = (b: { width: number; height: number; data: Uint8Array }): number => {
  let ones = 0;
  for (const byte of b.data) for (let v = byte; v; v &= v - 1) ones++;
  return ones / (b.width * b.height);
};

describe('thresholdRgba', () => {
  it('packs MSB first, 1 = black, pads the width to a multiple of 8', () => {
    const width = 10;
    const rgba = new Uint8Array(width * 4).fill(255);
    for (const x of [0, 7, 9]) rgba.fill(0, x * 4, x * 4 + 3);
    const bitmap = thresholdRgba({ width, height: 1, data: rgba });
    expect(bitmap.width).toBe(16);
    expect([...bitmap.data]).toEqual([0b1000_0001, 0b0100_0000]);
  });

  it('uses luminance and treats transparency as white paper', () => {
    const px = (r: number, g: number, b: number, a = 255): number[] => [r, g, b, a];
    const rgba = Uint8Array.from([
      ...px(127, 127, 127),
      ...px(128, 128, 128),
      ...px(255, 0, 0), // luminance 76: black
      ...px(0, 255, 0), // luminance 150: white
      ...px(0, 0, 0, 0), // transparent: white
      ...px(0, 0, 0, 200), // mostly opaque black: black
      ...px(0, 0, 0, 60), // faint: white
      ...px(0, 0, 0),
    ]);
    const bitmap = thresholdRgba({ width: 8, height: 1, data: rgba });
    expect(bitmap.data[0]!.toString(2).padStart(8, '0')).toBe('10100101');
  });
});

describe('renderTicketRaster', () => {
  const layout = layoutTicket(priorityTicket, { widthMm: 80 });

  it.each([576, 512] as const)('is %i dots wide, packed rows, with ink on it', (dots) => {
    const bitmap = renderTicketRaster(layout, fonts, { dots });
    expect(bitmap.width).toBe(dots);
    expect(bitmap.data.length).toBe((dots / 8) * bitmap.height);
    expect(bitmap.height).toBeGreaterThan(dots * 1.5);
    const ratio = blackRatio(bitmap);
    expect(ratio).toBeGreaterThan(0.05);
    expect(ratio).toBeLessThan(0.4);
  });

  it('scales the height with the resolution', () => {
    const a = renderTicketRaster(layout, fonts, { dots: 576 });
    const b = renderTicketRaster(layout, fonts, { dots: 512 });
    expect(b.height / a.height).toBeCloseTo(512 / 576, 1);
  });

  it('is deterministic and survives the ESC/POS round trip', () => {
    const a = renderTicketRaster(layout, fonts, { dots: 576 });
    const b = renderTicketRaster(layout, fonts, { dots: 576 });
    expect(bitmapsEqual(a, b)).toBe(true);
    expect(bitmapsEqual(reassembleRaster(decodeEscPos(encodeRasterJob(a))), a)).toBe(true);
  });

  it('leaves white margins at the sides (nothing printed on the very edge dots)', () => {
    const bitmap = renderTicketRaster(layoutTicket(plainTicket, { widthMm: 80 }), fonts, { dots: 576 });
    // The solid rules span the width; text and the big number do not touch the edges elsewhere.
    let edgeInk = 0;
    for (let y = 0; y < bitmap.height; y++) if (getDot(bitmap, 0, y) || getDot(bitmap, 575, y)) edgeInk++;
    expect(edgeInk).toBeLessThan(20);
  });

  it('prints greys only as black or white: the RGBA stage has anti-aliased edges, the bitmap none', () => {
    const rgba = renderTicketRgba(layout, fonts, { dots: 576 });
    const greys = new Set<number>();
    for (let i = 0; i < rgba.data.length; i += 4) greys.add(rgba.data[i]!);
    expect(greys.size).toBeGreaterThan(2);
    const bitmap = thresholdRgba(rgba);
    expect(bitmapsEqual(bitmap, renderTicketRaster(layout, fonts, { dots: 576 }))).toBe(true);
  });

  it.skipIf(!zbarimg).each([576, 512, 384] as const)(
    'its QR code decodes to the ticket code at %i dots (zbarimg)',
    async (dots) => {
      const bitmap = renderTicketRaster(
        layoutTicket(priorityTicket, { widthMm: dots === 384 ? 58 : 80 }),
        fonts,
        {
          dots,
        },
      );
      const path = join(work, `ticket-${dots}.png`);
      writeFileSync(path, await bitmapToPng(bitmap));
      const decoded = execFileSync(zbarimg!, ['--raw', '-q', path], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      expect(decoded.trim()).toBe(priorityTicket.ticketCode);
    },
  );
});
