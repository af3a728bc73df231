/**
 * Pictures (JPEG, PNG) to one A4 PDF page, in the file worker only. libvips (through sharp) reads the
 * header first and refuses a picture over the limits before decoding a pixel; `failOn: 'error'` refuses
 * truncated or corrupt data instead of painting grey. Every accepted picture is re-encoded: turned
 * upright by its EXIF orientation, flattened onto white, converted to sRGB (CMYK scans) or 8-bit grey,
 * scaled down to at most A4 at 300 dpi, and written as a baseline JPEG. pdf-lib only ever embeds that
 * JPEG (it parses a JPEG's header and copies the bytes; its PNG path decodes in JavaScript and is what a
 * truncated PNG hung), so no untrusted picture reaches pdf-lib.
 */
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { DecodeLimits, DecodedDocument, DecodeRefusal } from './protocol';

/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
const A4 = { short: 595.28, long: 841.89 };
const MARGIN = 18; // a quarter inch: printers cannot print to the edge
/** The longest side kept: A4's long side at 300 dpi, the resolution archives scan documents at. */
export const MAX_OUTPUT_SIDE = 3508;
export const JPEG_QUALITY = 85;
export const THUMBNAIL_PX = 160;

export class Refused extends Error {
  constructor(readonly refusal: DecodeRefusal) {
    super(refusal.code);
  }
}

// libvips keeps decoded images in a cache for reuse: a worker handles each file once, so it only holds
// memory. One thread per picture: the kiosk's screen and bridge keep the other core.
sharp.cache(false);
sharp.concurrency(1);

/** EXIF orientations 5–8 turn the picture a quarter: width and height swap once it is upright. */
const turnsQuarter = (orientation: number | undefined): boolean => (orientation ?? 1) >= 5;

function checkSize(width: number, height: number, limits: DecodeLimits): void {
  if (width * height > limits.maxPixels)
    throw new Refused({
      code: 'image-too-large',
      megapixels: Math.round((width * height) / 1e5) / 10,
      maxMegapixels: Math.round(limits.maxPixels / 1e5) / 10,
    });
  if (Math.max(width, height) > limits.maxSide)
    throw new Refused({ code: 'image-too-wide', width, height, maxSide: limits.maxSide });
}

async function upright(bytes: Uint8Array, limits: DecodeLimits): Promise<Buffer> {
  const input = { limitInputPixels: limits.maxPixels, failOn: 'error', sequentialRead: true } as const;
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata();
  } catch {
    throw new Refused({ code: 'image-damaged' });
  }
  if (!meta.width || !meta.height) throw new Refused({ code: 'image-damaged' });
  const [width, height] = turnsQuarter(meta.orientation)
    ? [meta.height, meta.width]
    : [meta.width, meta.height];
  checkSize(width, height, limits);
  const grey = meta.space === 'b-w' || meta.space === 'grey16';
  try {
    const jpeg = await sharp(bytes, input)
      .rotate()
      .resize({ width: MAX_OUTPUT_SIDE, height: MAX_OUTPUT_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace(grey ? 'b-w' : 'srgb')
      .jpeg({ quality: JPEG_QUALITY, progressive: false, mozjpeg: false })
      .toBuffer();
    return jpeg;
  } catch {
    throw new Refused({ code: 'image-damaged' });
  }
}

async function thumbnailOf(jpeg: Buffer): Promise<string> {
  // From the normalised JPEG: libjpeg decodes it at 1/8 scale, so this costs a few milliseconds.
  const png = await sharp(jpeg)
    .resize({ width: THUMBNAIL_PX, height: THUMBNAIL_PX, fit: 'inside' })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * One A4 page holding the picture, fitted inside a margin with its aspect kept; the page turns
 * landscape for a landscape picture so it is not shrunk to a strip.
 */
export async function imageToPdf(bytes: Uint8Array, limits: DecodeLimits): Promise<DecodedDocument> {
  const jpeg = await upright(bytes, limits);
  const thumbnail = await thumbnailOf(jpeg);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const image = await doc.embedJpg(jpeg);
  const landscape = image.width > image.height;
  const pageW = landscape ? A4.long : A4.short;
  const pageH = landscape ? A4.short : A4.long;
  const scale = Math.min((pageW - 2 * MARGIN) / image.width, (pageH - 2 * MARGIN) / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const page = doc.addPage([pageW, pageH]);
  page.drawImage(image, { x: (pageW - w) / 2, y: (pageH - h) / 2, width: w, height: h });
  return { pdf: await doc.save(), pages: 1, thumbnail };
}
