/**
 * An image's width and height from its header, before anything decodes it. A 2 MB PNG can declare
 * 40,000 × 40,000 pixels and decode to gigabytes (a "decompression bomb"), so the size is checked first.
 * Hand-written because it is two small header formats and no such library is among the dependencies.
 */

export interface ImageSize {
  width: number;
  height: number;
}

/** Enough pixels for an A4 page scanned at 600 dpi (4960 × 7016) and a 48 MP phone photo. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** PNG: the IHDR chunk must come first (PNG spec § 5.6): width and height at bytes 16–23. */
function pngSize(b: Uint8Array): ImageSize | null {
  if (b.length < 24) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (new TextDecoder('latin1').decode(b.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

// Start-of-frame markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: walk the marker segments up to the first start-of-frame (ITU T.81 § B.2.2). */
function jpegSize(b: Uint8Array): ImageSize | null {
  const at = (i: number): number => b[i] ?? 0;
  const u16 = (i: number): number => (at(i) << 8) | at(i + 1);
  let i = 2;
  while (i + 1 < b.length) {
    if (at(i) !== 0xff) return null;
    let marker = at(i + 1);
    while (marker === 0xff && i + 2 < b.length) marker = at(++i + 1); // fill bytes
    i += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0xd9 || marker === 0xda || i + 1 >= b.length) return null; // image data before a frame
    const length = u16(i);
    if (length < 2) return null;
    if (SOF.has(marker)) {
      if (i + 7 > b.length) return null;
      return { height: u16(i + 3), width: u16(i + 5) };
    }
    i += length;
  }
  return null;
}

export function imageSize(bytes: Uint8Array, kind: 'jpeg' | 'png'): ImageSize | null {
  const size = kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}
