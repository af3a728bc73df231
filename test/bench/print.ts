import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import {
  type RgbaImage,
  encodeRasterJob,
  layoutTicket,
  loadFonts,
  renderTicketPdf,
  renderTicketRgba,
  thresholdRgba,
} from '../../main/core/print';
import { priorityTicket } from '../fixtures/print/tickets';

const RASTER_RUNS = 40;
const PDF_RUNS = 25;
const WARMUP = 5;
const WIDTH = 576;
const HEIGHT = 800;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeRuns(runs: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** A real ticket rendered at 576 dots, cut or padded (white) to exactly 576 × 800 RGBA. */
function ticketImage(): RgbaImage {
  const rendered = renderTicketRgba(layoutTicket(priorityTicket, { widthMm: 80 }), loadFonts(), {
    dots: WIDTH,
  });
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(255);
  data.set(rendered.data.subarray(0, Math.min(rendered.data.length, data.length)));
  return { width: WIDTH, height: HEIGHT, data };
}

/**
 * (a) RGBA ticket → ESC/POS raster bytes (threshold 128, init, bands, partial cut): ours against
 *     @point-of-sale/receipt-printer-encoder's `.image()` from the same RGBA, same run; plus ours from an
 *     already-packed bitmap, which is what the kiosk does after rendering.
 * (b) Ticket PDF generation (layout + pdf-lib with subset fonts), warm.
 * Times are medians in milliseconds.
 */
export async function benchPrint(): Promise<Record<string, number | string>> {
  const image = ticketImage();
  const bitmap = thresholdRgba(image, 128);

  const ours = (): Uint8Array => encodeRasterJob(thresholdRgba(image, 128));
  const oursPacked = (): Uint8Array => encodeRasterJob(bitmap);
  const theirs = (): Uint8Array =>
    new ReceiptPrinterEncoder({ language: 'esc-pos', imageMode: 'raster' })
      .initialize()
      .image(
        { width: WIDTH, height: HEIGHT, data: image.data },
        { width: WIDTH, height: HEIGHT, algorithm: 'threshold', threshold: 128 },
      )
      .cut('partial')
      .encode();

  const oursMs = await timeRuns(RASTER_RUNS, ours);
  const theirsMs = await timeRuns(RASTER_RUNS, theirs);
  const packedMs = await timeRuns(RASTER_RUNS, oursPacked);

  const fonts = loadFonts();
  let pdfBytes = 0;
  const pdfMs = await timeRuns(PDF_RUNS, async () => {
    pdfBytes = (await renderTicketPdf(layoutTicket(priorityTicket, { widthMm: 80 }), fonts)).length;
  });

  return {
    'print.raster.size': `${WIDTH}x${HEIGHT}`,
    'print.raster.runs': RASTER_RUNS,
    'print.raster.ours.ms': round(oursMs),
    'print.raster.ours.packedOnly.ms': round(packedMs),
    'print.raster.receiptPrinterEncoder.ms': round(theirsMs),
    'print.raster.ratio.oursOverTheirs': Math.round((oursMs / theirsMs) * 10_000) / 10_000,
    'print.raster.bytes': ours().length,
    'print.pdf.runs': PDF_RUNS,
    'print.pdf.ms': round(pdfMs),
    'print.pdf.bytes': pdfBytes,
  };
}
