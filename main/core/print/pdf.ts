import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { loadFontkit } from './fontkit';
import { assertNever } from '../errors';
import { type TicketFonts } from './fonts';
import { flowLayout } from './flow';
import { type TicketLayout, mmToPt } from './layout';
import { QR_QUIET_MODULES, qrMatrix, qrRuns } from './qr';

const BLACK = rgb(0, 0, 0);
const WHITE = rgb(1, 1, 1);

export interface TicketPdfOptions {
  /** Fixed creation date for reproducible files (tests); defaults to now. */
  creationDate?: Date;
}

/**
 * A one-page PDF as wide as the paper (80 mm = 226.77 pt) and as tall as the ticket. Fonts are embedded
 * as subsets with a ToUnicode map, so the text stays searchable and extractable (pdftotext); the QR code
 * is vector rectangles, sharp at any driver resolution.
 */
export async function renderTicketPdf(
  layout: TicketLayout,
  fonts: TicketFonts,
  options: TicketPdfOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // Each document parses its own fontkit font. Sharing one parsed font across documents is faster
  // (~2×) but corrupts text extraction: fontkit caches glyph objects with the code points of their first
  // use, so a later document's ToUnicode map lost letters (seen: "đai" extracted as "đa").
  doc.registerFontkit(await loadFontkit());
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const fontOf = (weight: 'regular' | 'bold'): PDFFont => (weight === 'bold' ? bold : regular);

  const flowed = flowLayout(layout, (text, size, weight) => fontOf(weight).widthOfTextAtSize(text, size));
  const pageWidth = mmToPt(layout.paperWidthMm);
  const pageHeight = Math.ceil(flowed.heightPt);
  const left = (pageWidth - layout.contentWidthPt) / 2;
  const page = doc.addPage([pageWidth, pageHeight]);
  // Flow coordinates run down from the top; PDF's run up from the bottom.
  const top = (y: number): number => pageHeight - y;

  for (const p of flowed.placed) {
    switch (p.kind) {
      case 'rect':
        page.drawRectangle({ x: left + p.x, y: top(p.y + p.h), width: p.w, height: p.h, color: BLACK });
        break;
      case 'text':
        page.drawText(p.text, {
          x: left + p.x,
          y: top(p.baseline),
          size: p.sizePt,
          font: fontOf(p.weight),
          color: p.white ? WHITE : BLACK,
        });
        break;
      case 'qr': {
        const matrix = qrMatrix(p.data);
        const module = p.size / (matrix.size + 2 * QR_QUIET_MODULES);
        const x0 = left + p.x + QR_QUIET_MODULES * module;
        const y0 = p.y + QR_QUIET_MODULES * module;
        for (const run of qrRuns(matrix)) {
          page.drawRectangle({
            x: x0 + run.col * module,
            y: top(y0 + (run.row + 1) * module),
            width: run.length * module,
            height: module,
            color: BLACK,
          });
        }
        break;
      }
      default:
        assertNever(p, 'placed item');
    }
  }

  const now = options.creationDate ?? new Date();
  doc.setTitle(layout.title);
  doc.setLanguage(layout.language === 'vi' ? 'vi-VN' : 'en');
  doc.setCreator('Một Cửa Kiosk');
  doc.setProducer('Một Cửa Kiosk (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  // One ticket is a handful of objects: no need to yield to the event loop while writing them.
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}
