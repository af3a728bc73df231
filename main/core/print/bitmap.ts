/**
 * A 1-bit image as a thermal printer takes it: rows top to bottom, each `width / 8` bytes, MSB = leftmost
 * dot, 1 = black. `width` is a multiple of 8.
 */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

export function createBitmap(width: number, height: number): Bitmap {
  if (!Number.isInteger(width) || width <= 0 || width % 8 !== 0) {
    throw new RangeError(`Bitmap width must be a positive multiple of 8, got ${width}`);
  }
  if (!Number.isInteger(height) || height < 0) throw new RangeError(`Bad bitmap height ${height}`);
  return { width, height, data: new Uint8Array((width / 8) * height) };
}

export function getDot(bitmap: Bitmap, x: number, y: number): boolean {
  const byte = bitmap.data[y * (bitmap.width >> 3) + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

export function setDot(bitmap: Bitmap, x: number, y: number): void {
  const i = y * (bitmap.width >> 3) + (x >> 3);
  bitmap.data[i] = (bitmap.data[i] ?? 0) | (0x80 >> (x & 7));
}

/**
 * Black where luminance (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B) is below `threshold`, in integer
 * arithmetic; transparent pixels count as white paper. A thermal head has no greys, and dithering text
 * would fray its edges, so a plain threshold keeps letters crisp. Width is padded to a multiple of 8.
 */
export function thresholdRgba(image: RgbaImage, threshold = 128): Bitmap {
  const { width, height, data } = image;
  if (data.length < width * height * 4) throw new RangeError('RGBA data is shorter than width × height × 4');
  const out = createBitmap(Math.ceil(width / 8) * 8, height);
  const rowBytes = out.width >> 3;
  const limit = threshold * 1000;
  const bits = out.data;
  for (let y = 0; y < height; y++) {
    let src = y * width * 4;
    let dst = y * rowBytes;
    let acc = 0;
    let mask = 0x80;
    for (let x = 0; x < width; x++, src += 4) {
      const a = data[src + 3] ?? 255;
      let lum = 299 * (data[src] ?? 255) + 587 * (data[src + 1] ?? 255) + 114 * (data[src + 2] ?? 255);
      // Composite over white paper: lum·α/255 + 1000·(255 − α).
      if (a !== 255) lum = (lum * a + 255_000 * (255 - a)) / 255;
      if (lum < limit) acc |= mask;
      mask >>= 1;
      if (mask === 0) {
        bits[dst++] = acc;
        acc = 0;
        mask = 0x80;
      }
    }
    if (mask !== 0x80) bits[dst] = acc;
  }
  return out;
}

export function bitmapsEqual(a: Bitmap, b: Bitmap): boolean {
  if (a.width !== b.width || a.height !== b.height || a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}
