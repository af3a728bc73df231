import { type Bitmap } from './bitmap';

/**
 * ESC/POS bytes for a raster ticket. Text is never sent as characters: Vietnamese code pages (TCVN-3,
 * WPC1258) differ by model, so the ticket is an image (DOMAIN.md "ESC/POS thermal printers").
 * Command references: Epson ESC/POS Application Programming Guide / Command Reference.
 */
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

/** ESC @: clears the buffer and resets modes left over from a previous job. */
export const INIT: Uint8Array = Uint8Array.of(ESC, 0x40);

/** Epson's limit for one GS v 0 image is 1 ≤ y ≤ 2303 on the most restrictive models (yH ≤ 8). */
export const MAX_BAND_ROWS = 2303;
export const DEFAULT_BAND_ROWS = 256;

/** GS v 0 m xL xH yL yH: the 8-byte header of one raster band (m = 0, normal density). */
export function rasterHeader(widthBytes: number, rows: number, mode = 0): Uint8Array {
  return Uint8Array.of(GS, 0x76, 0x30, mode, widthBytes & 0xff, widthBytes >> 8, rows & 0xff, rows >> 8);
}

/** GS V 66 n: feed to the cutting position plus n motion units, then cut partially (one point uncut). */
export function partialCut(feed = 0): Uint8Array {
  if (!Number.isInteger(feed) || feed < 0 || feed > 255)
    throw new RangeError(`Cut feed must be 0–255, got ${feed}`);
  return Uint8Array.of(GS, 0x56, 66, feed);
}

export interface RasterJobOptions {
  /**
   * Rows per GS v 0 command. Printers with small receive buffers (many 58 mm models) drop data from one
   * tall image; bands of 256 rows or fewer are safe. 1–2303.
   */
  bandRows?: number;
  /** Send ESC @ first (default true). */
  init?: boolean;
  /** Partial cut after the image (default true). */
  cut?: boolean;
  /** Extra feed before the cut, in the printer's vertical motion units (default 0). */
  cutFeed?: number;
}

/** ESC @, the bitmap as GS v 0 bands, then GS V 66 n. */
export function encodeRasterJob(bitmap: Bitmap, options: RasterJobOptions = {}): Uint8Array {
  const bandRows = options.bandRows ?? DEFAULT_BAND_ROWS;
  if (!Number.isInteger(bandRows) || bandRows < 1 || bandRows > MAX_BAND_ROWS) {
    throw new RangeError(`bandRows must be 1–${MAX_BAND_ROWS}, got ${bandRows}`);
  }
  if (bitmap.width % 8 !== 0 || bitmap.width <= 0)
    throw new RangeError('Bitmap width must be a multiple of 8');
  const widthBytes = bitmap.width / 8;
  if (widthBytes > 0xffff) throw new RangeError('Bitmap too wide for GS v 0');
  if (bitmap.data.length !== widthBytes * bitmap.height) throw new RangeError('Bitmap data length mismatch');

  const init = options.init ?? true;
  const cut = (options.cut ?? true) ? partialCut(options.cutFeed ?? 0) : new Uint8Array(0);
  const bands = Math.ceil(bitmap.height / bandRows);
  const out = new Uint8Array((init ? INIT.length : 0) + bands * 8 + bitmap.data.length + cut.length);
  let at = 0;
  if (init) {
    out.set(INIT, at);
    at += INIT.length;
  }
  for (let row = 0; row < bitmap.height; row += bandRows) {
    const rows = Math.min(bandRows, bitmap.height - row);
    out.set(rasterHeader(widthBytes, rows), at);
    at += 8;
    out.set(bitmap.data.subarray(row * widthBytes, (row + rows) * widthBytes), at);
    at += rows * widthBytes;
  }
  out.set(cut, at);
  return out;
}

/** DLE EOT n: real-time status. Printers answer one byte, even mid-job, if they answer at all. */
export type StatusKind = 1 | 2 | 3 | 4;
export function statusRequest(n: StatusKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

export type PrinterStatus =
  | {
      kind: 'printer';
      /** Bit 2: drawer kick-out connector pin 3 is high. */
      drawerPin3High: boolean;
      /** Bit 3: the printer is off-line. */
      offline: boolean;
      /** Bit 5: waiting for on-line recovery (model-dependent; undefined on some). */
      waitingForRecovery: boolean;
      /** Bit 6: the paper feed button is being pressed. */
      feedButtonPressed: boolean;
    }
  | {
      kind: 'offline-cause';
      /** Bit 2: the cover is open. */
      coverOpen: boolean;
      /** Bit 3: paper is being fed with the feed button. */
      feedingByButton: boolean;
      /** Bit 5: printing stopped because the paper ran out. */
      paperEndStop: boolean;
      /** Bit 6: an error occurred (ask n = 3 for which). */
      error: boolean;
    }
  | {
      kind: 'error-cause';
      /** Bit 2: mechanical error (e.g. home-position error). */
      mechanical: boolean;
      /** Bit 3: autocutter error (jam). */
      autocutter: boolean;
      /** Bit 5: unrecoverable error (needs a power cycle or service). */
      unrecoverable: boolean;
      /** Bit 6: automatically recoverable error (e.g. head too hot). */
      autoRecoverable: boolean;
    }
  | {
      kind: 'paper';
      /** Bits 2 and 3 (0x0C): roll paper near-end sensor says the roll is nearly used up. */
      nearEnd: boolean;
      /** Bits 5 and 6 (0x60): roll paper end sensor says there is no paper. */
      end: boolean;
    };

/**
 * Every DLE EOT answer has bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0 (mask 0x93 → 0x12). A byte that does
 * not is not a status answer (a stray Automatic Status Back byte, garbage): returns null.
 * Epson defines the two-bit fields of n = 4 as both-on or both-off; some models have only one of the
 * sensors wired, so either bit counts.
 */
export function parseStatus(n: StatusKind, byte: number): PrinterStatus | null {
  if ((byte & 0x93) !== 0x12) return null;
  const bit = (i: number): boolean => (byte & (1 << i)) !== 0;
  switch (n) {
    case 1:
      return {
        kind: 'printer',
        drawerPin3High: bit(2),
        offline: bit(3),
        waitingForRecovery: bit(5),
        feedButtonPressed: bit(6),
      };
    case 2:
      return {
        kind: 'offline-cause',
        coverOpen: bit(2),
        feedingByButton: bit(3),
        paperEndStop: bit(5),
        error: bit(6),
      };
    case 3:
      return {
        kind: 'error-cause',
        mechanical: bit(2),
        autocutter: bit(3),
        unrecoverable: bit(5),
        autoRecoverable: bit(6),
      };
    case 4:
      return { kind: 'paper', nearEnd: (byte & 0x0c) !== 0, end: (byte & 0x60) !== 0 };
  }
}
