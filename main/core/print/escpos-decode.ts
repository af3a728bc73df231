import { type Bitmap } from './bitmap';
import { DLE, ESC, GS } from './escpos';

/**
 * Reads ESC/POS bytes back into commands: the tests' oracle for the encoder, and a diagnostic for
 * captured jobs. Knows the commands this kiosk sends; anything else comes back as `bytes` runs.
 */
export type EscPosCommand =
  | { op: 'init' }
  | { op: 'raster'; mode: number; widthBytes: number; height: number; data: Uint8Array }
  | { op: 'cut'; partial: boolean; feed: number | null }
  | { op: 'status-request'; n: number }
  | { op: 'feed-lines'; n: number }
  | { op: 'bytes'; data: Uint8Array };

export class EscPosDecodeError extends Error {
  override name = 'EscPosDecodeError';
}

export function decodeEscPos(bytes: Uint8Array): EscPosCommand[] {
  const out: EscPosCommand[] = [];
  let i = 0;
  let rawStart = -1;
  const need = (count: number, what: string): void => {
    if (i + count > bytes.length) throw new EscPosDecodeError(`Truncated ${what} at offset ${i}`);
  };
  const flushRaw = (): void => {
    if (rawStart >= 0) out.push({ op: 'bytes', data: bytes.slice(rawStart, i) });
    rawStart = -1;
  };
  const at = (k: number): number => bytes[i + k] ?? -1;

  while (i < bytes.length) {
    const b0 = at(0);
    const b1 = at(1);
    if (b0 === ESC && b1 === 0x40) {
      flushRaw();
      out.push({ op: 'init' });
      i += 2;
    } else if (b0 === ESC && b1 === 0x64) {
      flushRaw();
      need(3, 'ESC d');
      out.push({ op: 'feed-lines', n: at(2) });
      i += 3;
    } else if (b0 === GS && b1 === 0x76 && at(2) === 0x30) {
      flushRaw();
      need(8, 'GS v 0 header');
      const mode = at(3);
      const widthBytes = at(4) | (at(5) << 8);
      const height = at(6) | (at(7) << 8);
      const size = widthBytes * height;
      need(8 + size, 'GS v 0 data');
      out.push({ op: 'raster', mode, widthBytes, height, data: bytes.slice(i + 8, i + 8 + size) });
      i += 8 + size;
    } else if (b0 === GS && b1 === 0x56) {
      flushRaw();
      need(3, 'GS V');
      const m = at(2);
      if (m === 0 || m === 48 || m === 1 || m === 49) {
        out.push({ op: 'cut', partial: m === 1 || m === 49, feed: null });
        i += 3;
      } else if (m === 65 || m === 66) {
        need(4, 'GS V m n');
        out.push({ op: 'cut', partial: m === 66, feed: at(3) });
        i += 4;
      } else {
        throw new EscPosDecodeError(`Unsupported GS V function ${m} at offset ${i}`);
      }
    } else if (b0 === DLE && b1 === 0x04) {
      flushRaw();
      need(3, 'DLE EOT');
      out.push({ op: 'status-request', n: at(2) });
      i += 3;
    } else {
      if (rawStart < 0) rawStart = i;
      i += 1;
    }
  }
  flushRaw();
  return out;
}

/** Joins the raster bands of a decoded job into one bitmap; all bands must share width and mode 0. */
export function reassembleRaster(commands: readonly EscPosCommand[]): Bitmap {
  const bands = commands.filter((c): c is Extract<EscPosCommand, { op: 'raster' }> => c.op === 'raster');
  const first = bands[0];
  if (!first) throw new EscPosDecodeError('No raster image in the job');
  const height = bands.reduce((sum, b) => sum + b.height, 0);
  const data = new Uint8Array(first.widthBytes * height);
  let at = 0;
  for (const band of bands) {
    if (band.widthBytes !== first.widthBytes) throw new EscPosDecodeError('Raster bands differ in width');
    if (band.mode !== 0) throw new EscPosDecodeError(`Raster mode ${band.mode} is scaled, not 1:1`);
    data.set(band.data, at);
    at += band.data.length;
  }
  return { width: first.widthBytes * 8, height, data };
}
