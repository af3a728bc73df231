import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import {
  INIT,
  bitmapsEqual,
  decodeEscPos,
  encodeRasterJob,
  parseStatus,
  partialCut,
  rasterHeader,
  reassembleRaster,
  statusRequest,
} from '../../../main/core/print';
import { hex, randomBitmap, readHexFixture } from './helpers';

describe('ESC/POS exact bytes', () => {
  it('ESC @ initialises', () => {
    expect(hex(INIT)).toBe('1b40');
  });

  it('GS v 0 header carries width in bytes and rows, little-endian', () => {
    expect(hex(rasterHeader(72, 256))).toBe('1d7630004800' + '0001');
    expect(hex(rasterHeader(64, 37))).toBe('1d7630004000' + '2500');
    expect(hex(rasterHeader(0x1234, 0x0506))).toBe('1d763000' + '3412' + '0605');
  });

  it('GS V 66 n feeds to the cutter and cuts partially', () => {
    expect(hex(partialCut())).toBe('1d564200');
    expect(hex(partialCut(24))).toBe('1d564218');
    expect(() => partialCut(256)).toThrow(RangeError);
  });

  it('DLE EOT n asks for status', () => {
    expect(hex(statusRequest(1))).toBe('100401');
    expect(hex(statusRequest(4))).toBe('100404');
  });

  it('matches the byte-exact fixture for a small banded job', () => {
    const bitmap = { width: 16, height: 3, data: Uint8Array.of(0xaa, 0x55, 0xff, 0x00, 0x01, 0x80) };
    expect(hex(encodeRasterJob(bitmap, { bandRows: 2 }))).toBe(hex(readHexFixture('small-job.hex')));
  });

  it('can leave out init and cut', () => {
    const bitmap = { width: 8, height: 1, data: Uint8Array.of(0xf0) };
    expect(hex(encodeRasterJob(bitmap, { init: false, cut: false }))).toBe('1d76300001000100f0');
  });

  it('rejects bad band sizes and bitmaps', () => {
    const bitmap = randomBitmap(576, 10);
    expect(() => encodeRasterJob(bitmap, { bandRows: 0 })).toThrow(RangeError);
    expect(() => encodeRasterJob(bitmap, { bandRows: 2304 })).toThrow(RangeError);
    expect(() => encodeRasterJob({ width: 12, height: 1, data: new Uint8Array(2) })).toThrow(RangeError);
    expect(() => encodeRasterJob({ width: 8, height: 2, data: new Uint8Array(1) })).toThrow(RangeError);
  });
});

describe('banding and round trip', () => {
  it.each([
    [576, 800, 256],
    [576, 1, 256],
    [512, 257, 256],
    [384, 1000, 100],
    [576, 256, 256],
    [8, 5, 1],
  ])('%i × %i in bands of %i: bitmap → bytes → bitmap is exact', (width, height, bandRows) => {
    const source = randomBitmap(width, height, width * 31 + height);
    const bytes = encodeRasterJob(source, { bandRows });
    const commands = decodeEscPos(bytes);
    const bands = commands.filter((c) => c.op === 'raster');
    expect(bands).toHaveLength(Math.ceil(height / bandRows));
    for (const band of bands) expect(band.height).toBeLessThanOrEqual(bandRows);
    expect(commands[0]).toEqual({ op: 'init' });
    expect(commands.at(-1)).toEqual({ op: 'cut', partial: true, feed: 0 });
    expect(commands.some((c) => c.op === 'bytes')).toBe(false);
    expect(bitmapsEqual(reassembleRaster(commands), source)).toBe(true);
  });

  it('default bands are at most 256 rows', () => {
    const commands = decodeEscPos(encodeRasterJob(randomBitmap(576, 1000)));
    expect(commands.filter((c) => c.op === 'raster').map((c) => (c.op === 'raster' ? c.height : 0))).toEqual([
      256, 256, 256, 232,
    ]);
  });

  it('decoder reports truncated jobs instead of guessing', () => {
    const bytes = encodeRasterJob(randomBitmap(64, 10));
    expect(() => decodeEscPos(bytes.subarray(0, 20))).toThrow(/Truncated GS v 0 data/);
  });

  it('produces the same raster payload as @point-of-sale/receipt-printer-encoder (bands of 255)', () => {
    // Same RGBA in, same threshold: the two encoders must agree dot for dot.
    const width = 576;
    const height = 600;
    const rgba = new Uint8ClampedArray(width * height * 4);
    const bits = randomBitmap(width, height, 7);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const black = ((bits.data[y * 72 + (x >> 3)]! >> (7 - (x & 7))) & 1) === 1;
        rgba.fill(black ? 20 : 230, (y * width + x) * 4, (y * width + x) * 4 + 3);
        rgba[(y * width + x) * 4 + 3] = 255;
      }
    }
    const theirs = new ReceiptPrinterEncoder({ language: 'esc-pos', imageMode: 'raster' })
      .image({ width, height, data: rgba }, { width, height, algorithm: 'threshold', threshold: 128 })
      .encode();
    const ours = encodeRasterJob(bits, { bandRows: 255, init: false, cut: false });
    const theirBands = decodeEscPos(theirs).filter((c) => c.op === 'raster');
    const ourBands = decodeEscPos(ours).filter((c) => c.op === 'raster');
    expect(theirBands.length).toBe(ourBands.length);
    expect(bitmapsEqual(reassembleRaster(theirBands), reassembleRaster(ourBands))).toBe(true);
  });
});

describe('status parsing (Epson DLE EOT)', () => {
  it('rejects bytes without the fixed bits (0x12 under mask 0x93)', () => {
    expect(parseStatus(4, 0x00)).toBeNull();
    expect(parseStatus(4, 0xff)).toBeNull();
    expect(parseStatus(1, 0x13)).toBeNull();
  });

  it('n = 1: on-line, off-line, drawer, feed button', () => {
    expect(parseStatus(1, 0x12)).toEqual({
      kind: 'printer',
      drawerPin3High: false,
      offline: false,
      waitingForRecovery: false,
      feedButtonPressed: false,
    });
    expect(parseStatus(1, 0x1e)).toMatchObject({ offline: true, drawerPin3High: true });
    expect(parseStatus(1, 0x52)).toMatchObject({ feedButtonPressed: true, offline: false });
  });

  it('n = 2: cover open, paper-end stop, error', () => {
    expect(parseStatus(2, 0x16)).toMatchObject({
      kind: 'offline-cause',
      coverOpen: true,
      paperEndStop: false,
    });
    expect(parseStatus(2, 0x32)).toMatchObject({ coverOpen: false, paperEndStop: true });
    expect(parseStatus(2, 0x52)).toMatchObject({ error: true });
  });

  it('n = 3: error causes', () => {
    expect(parseStatus(3, 0x1a)).toMatchObject({
      kind: 'error-cause',
      autocutter: true,
      unrecoverable: false,
    });
    expect(parseStatus(3, 0x72)).toMatchObject({ unrecoverable: true, autoRecoverable: true });
  });

  it.each([
    [0x12, false, false],
    [0x1e, true, false],
    [0x72, false, true],
    [0x7e, true, true],
    [0x16, true, false], // only one near-end bit wired
    [0x32, false, true], // only one end bit wired
  ])('n = 4: byte %i → near-end %s, end %s', (byte, nearEnd, end) => {
    expect(parseStatus(4, byte)).toEqual({ kind: 'paper', nearEnd, end });
  });
});
