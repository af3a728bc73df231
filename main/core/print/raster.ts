import { type SKRSContext2D, GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { assertNever } from '../errors';
import { type Bitmap, thresholdRgba } from './bitmap';
import { type TicketFonts } from './fonts';
import { flowLayout } from './flow';
import { type TicketLayout, type Weight } from './layout';
import { QR_QUIET_MODULES, qrMatrix } from './qr';

/** Printable dots per line: 576 on 80 mm 203-dpi heads, 512 on 180-dpi Epson TM-T88, 384 on 58 mm. */
export type RasterDots = 576 | 512 | 384;

export interface RasterOptions {
  dots: RasterDots;
  /** Luminance below this prints black (0–255). */
  threshold?: number;
}

export interface RgbaRender {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

// Skia's font registry is process-wide: give each distinct pair of font files its own family name, so a
// different font set registered later cannot silently replace the one a ticket was laid out with.
const families = new WeakMap<Uint8Array, string>();
let familyCount = 0;

function familyFor(fonts: TicketFonts): string {
  const known = families.get(fonts.regular);
  if (known && families.get(fonts.bold) === known) return known;
  const family = `MotCuaTicket${++familyCount}`;
  for (const bytes of [fonts.regular, fonts.bold]) {
    const key = GlobalFonts.register(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), family);
    if (key === null) throw new Error('The ticket font could not be registered with the canvas');
  }
  families.set(fonts.regular, family);
  families.set(fonts.bold, family);
  return family;
}

/** The ticket drawn in greys on white, before thresholding (the benchmark and previews use it too). */
export function renderTicketRgba(
  layout: TicketLayout,
  fonts: TicketFonts,
  options: RasterOptions,
): RgbaRender {
  const family = familyFor(fonts);
  const scale = options.dots / layout.contentWidthPt;
  const measureCanvas = createCanvas(8, 8).getContext('2d');
  const setFont = (ctx: SKRSContext2D, sizePt: number, weight: Weight): void => {
    ctx.font = `${weight === 'bold' ? 'bold ' : ''}${(sizePt * scale).toFixed(2)}px "${family}"`;
  };
  measureCanvas.lang = 'vi';
  const flowed = flowLayout(layout, (text, sizePt, weight) => {
    setFont(measureCanvas, sizePt, weight);
    return measureCanvas.measureText(text).width / scale;
  });

  const width = options.dots;
  const height = Math.ceil(flowed.heightPt * scale);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'vi';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const px = (pt: number): number => Math.round(pt * scale);

  for (const p of flowed.placed) {
    switch (p.kind) {
      case 'rect':
        // Snapped to whole dots: a half-covered dot would threshold to a ragged edge.
        ctx.fillStyle = '#000';
        ctx.fillRect(
          px(p.x),
          px(p.y),
          Math.max(1, px(p.x + p.w) - px(p.x)),
          Math.max(1, px(p.y + p.h) - px(p.y)),
        );
        break;
      case 'text':
        ctx.fillStyle = p.white ? '#fff' : '#000';
        setFont(ctx, p.sizePt, p.weight);
        ctx.fillText(p.text, p.x * scale, p.baseline * scale);
        break;
      case 'qr': {
        // Whole dots per module, so every module prints the same size and scanners lock on.
        const matrix = qrMatrix(p.data);
        const side = matrix.size + 2 * QR_QUIET_MODULES;
        const module = Math.max(2, Math.floor((p.size * scale) / side));
        const x0 = px(p.x) + Math.floor((px(p.size) - module * side) / 2) + QR_QUIET_MODULES * module;
        const y0 = px(p.y) + Math.floor((px(p.size) - module * side) / 2) + QR_QUIET_MODULES * module;
        ctx.fillStyle = '#000';
        for (let row = 0; row < matrix.size; row++) {
          for (let col = 0; col < matrix.size; col++) {
            if (matrix.dark[row * matrix.size + col] === 1) {
              ctx.fillRect(x0 + col * module, y0 + row * module, module, module);
            }
          }
        }
        break;
      }
      default:
        assertNever(p, 'placed item');
    }
  }
  const image = ctx.getImageData(0, 0, width, height);
  return { width, height, data: image.data };
}

/** The ticket as a 1-bit bitmap for `GS v 0`, `dots` wide. */
export function renderTicketRaster(layout: TicketLayout, fonts: TicketFonts, options: RasterOptions): Bitmap {
  return thresholdRgba(renderTicketRgba(layout, fonts, options), options.threshold ?? 128);
}
