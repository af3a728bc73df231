import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Bitmap, type TicketJobPayload } from '../../../main/core/print';

export const fixturesDir = join(import.meta.dirname, '../../fixtures/print');

/** Reads a hex fixture: whitespace-separated bytes, `#` comments. */
export function readHexFixture(name: string): Uint8Array {
  const text = readFileSync(join(fixturesDir, name), 'utf8');
  const hex = text
    .split('\n')
    .map((line) => line.replace(/#.*/, ''))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
  return Uint8Array.from(hex, (h) => Number.parseInt(h, 16));
}

/** Deterministic pseudo-random bitmap (xorshift32), so failures reproduce. */
export function randomBitmap(width: number, height: number, seed = 0x9e3779b9): Bitmap {
  const data = new Uint8Array((width / 8) * height);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    data[i] = x & 0xff;
  }
  return { width, height, data };
}

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A 1-bit bitmap as an 8-bit greyscale PNG (for zbarimg and for looking at). */
export async function bitmapToPng(bitmap: Bitmap): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(bitmap.width, bitmap.height);
  const rowBytes = bitmap.width >> 3;
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const black = (bitmap.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
      const i = (y * bitmap.width + x) * 4;
      image.data.fill(black ? 0 : 255, i, i + 3);
      image.data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

export function which(tool: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const path = join(dir, tool);
    if (existsSync(path)) return path;
  }
  return null;
}

/** A ticket print job's payload as the queue writes it (print/sinks.ts), for tests of the job queue. */
export function ticketPayload(number = 'A001'): TicketJobPayload {
  return {
    ticket: {
      id: 1,
      number,
      serviceId: 'ho-tich',
      serviceName: 'Tư pháp – Hộ tịch',
      serviceNames: { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' },
      priority: false,
      priorityCategory: null,
      status: 'waiting',
      issuedAt: '2026-11-23T02:00:00.000Z',
      day: '2026-11-23',
      counterId: null,
      peopleAhead: 0,
      estimatedWaitMinutes: null,
      code: `T-${number}`,
      print: { jobId: null, status: 'none' },
      dossier: null,
    },
    centreName: 'UBND phường Thử Nghiệm',
  };
}
