import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import type { FileKind } from './sniff';
import { MAX_IMAGE_PIXELS, imageSize } from './image-size';
import { dossierErrors } from './messages';

/**
 * Every attachment is stored as a PDF (the portal and the receipt count pages of PDFs only):
 * - a PDF is kept byte for byte after pdf-lib proves it opens (not encrypted, not damaged, ≥ 1 page);
 * - a JPEG or PNG becomes one A4 page holding the image, fitted inside a margin with its aspect kept.
 *   The page turns landscape for a landscape image so it is not shrunk to a strip. JPEG bytes are
 *   embedded as they are (no re-compression).
 * Thumbnails (~160 px PNG data URLs) are made for images only; the screen shows a PDF's page count.
 */

/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
const A4 = { short: 595.28, long: 841.89 };
const MARGIN = 18; // a quarter inch: printers cannot print to the edge
export const THUMBNAIL_PX = 160;

export interface StoredDocument {
  pdf: Uint8Array;
  pages: number;
  thumbnail: string | null;
}

async function checkPdf(bytes: Uint8Array): Promise<StoredDocument> {
  let doc: PDFDocument;
  try {
    // pdf-lib's EncryptedPDFError is an ES5 class, so `instanceof` fails on it: load with
    // ignoreEncryption and ask `isEncrypted` instead (the document is only inspected, never decrypted).
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw dossierErrors.pdfDamaged();
  }
  if (doc.isEncrypted) throw dossierErrors.pdfEncrypted();
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw dossierErrors.pdfDamaged();
  }
  if (pages < 1) throw dossierErrors.pdfDamaged();
  return { pdf: bytes, pages, thumbnail: null };
}

async function thumbnail(bytes: Uint8Array): Promise<string> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const scale = Math.min(1, THUMBNAIL_PX / Math.max(image.width, image.height));
  const w = Math.max(1, Math.round(image.width * scale));
  const h = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff'; // transparent PNG scans would show as black on some screens
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(image, 0, 0, w, h);
  return canvas.toDataURL('image/png');
}

async function imageToPdf(bytes: Uint8Array, kind: 'jpeg' | 'png'): Promise<StoredDocument> {
  const size = imageSize(bytes, kind);
  if (!size) throw dossierErrors.imageDamaged();
  if (size.width * size.height > MAX_IMAGE_PIXELS)
    throw dossierErrors.imageTooLarge(
      Math.round((size.width * size.height) / 1e6),
      Math.round(MAX_IMAGE_PIXELS / 1e6),
    );
  let thumb: string;
  try {
    thumb = await thumbnail(bytes);
  } catch {
    throw dossierErrors.imageDamaged();
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  let image;
  try {
    image = kind === 'jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
  } catch {
    throw dossierErrors.imageDamaged();
  }
  const landscape = image.width > image.height;
  const pageW = landscape ? A4.long : A4.short;
  const pageH = landscape ? A4.short : A4.long;
  const scale = Math.min((pageW - 2 * MARGIN) / image.width, (pageH - 2 * MARGIN) / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const page = doc.addPage([pageW, pageH]);
  page.drawImage(image, { x: (pageW - w) / 2, y: (pageH - h) / 2, width: w, height: h });
  return { pdf: await doc.save(), pages: 1, thumbnail: thumb };
}

/** The document as it will be stored, or a KioskFailure a person can act on. */
export function toStoredDocument(bytes: Uint8Array, kind: FileKind): Promise<StoredDocument> {
  return kind === 'pdf' ? checkPdf(bytes) : imageToPdf(bytes, kind);
}
