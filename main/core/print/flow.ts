import { assertNever } from '../errors';
import { type Align, type TicketLayout, type Weight } from './layout';

/**
 * Positions the layout's primitives top to bottom, wrapping text with the renderer's own font metrics.
 * Coordinates are points from the top-left corner of the printable area. Both renderers share this, so
 * the PDF and the thermal print break lines in the same places.
 */
export type Measure = (text: string, sizePt: number, weight: Weight) => number;

export type Placed =
  | {
      kind: 'text';
      text: string;
      x: number;
      baseline: number;
      sizePt: number;
      weight: Weight;
      white: boolean;
    }
  | { kind: 'rect'; x: number; y: number; w: number; h: number }
  | { kind: 'qr'; data: string; x: number; y: number; size: number };

export interface Flowed {
  heightPt: number;
  placed: Placed[];
}

// Noto Sans vertical metrics (per em): stacked Vietnamese marks on capitals (Ễ) reach 1.05, descenders
// (g, ự) 0.24; digits and capitals stand 0.714 tall.
const ASCENT = 1.06;
const DESCENT = 0.26;
const LINE_ADVANCE = 1.3;
const CAP_HEIGHT = 0.714;
const BADGE_PAD_X = 0.6;
const BADGE_PAD_Y = 0.15;
const DASH_PT = 3;
/** Keeps wrapped text and the big number off the very edge of the printable area. */
const TEXT_INSET = 3;
const BIG_NUMBER_FILL = 0.94;

/** Greedy word wrap; a word wider than the line is broken between characters. */
export function wrapText(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    if (width(word) > maxWidth) {
      let piece = '';
      for (const ch of word) {
        if (piece && width(piece + ch) > maxWidth) {
          lines.push(piece);
          piece = '';
        }
        piece += ch;
      }
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wraps into as few lines as greedy wrapping needs, but as evenly as possible, so centred text does not
 * end with a one-word orphan ("Xin cảm / ơn!"). Binary search on the width: about 12 greedy passes.
 */
export function wrapBalanced(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const greedy = wrapText(text, maxWidth, width);
  if (greedy.length < 2) return greedy;
  let lo = maxWidth / greedy.length;
  let hi = maxWidth;
  let best = greedy;
  for (let i = 0; i < 12 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    const lines = wrapText(text, mid, width);
    if (lines.length <= greedy.length && lines.every((l) => width(l) <= mid)) {
      best = lines;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

function alignX(align: Align, lineWidth: number, contentWidth: number): number {
  if (align === 'left') return 0;
  if (align === 'right') return contentWidth - lineWidth;
  return (contentWidth - lineWidth) / 2;
}

export function flowLayout(layout: TicketLayout, rawMeasure: Measure): Flowed {
  const W = layout.contentWidthPt;
  // Wrapping measures the same words many times (balanced wrapping is a binary search) and each
  // measurement shapes the text; widths scale linearly with size, so keep one width per text and weight.
  const perPoint = new Map<string, number>();
  const measure: Measure = (text, sizePt, weight) => {
    const key = `${weight}\u0000${text}`;
    let w = perPoint.get(key);
    if (w === undefined) {
      w = rawMeasure(text, 100, weight) / 100;
      perPoint.set(key, w);
    }
    return w * sizePt;
  };
  const placed: Placed[] = [];
  let y = 0;
  for (const item of layout.items) {
    switch (item.kind) {
      case 'spacing':
        y += item.heightPt;
        break;
      case 'rule':
        if (item.style === 'solid') {
          placed.push({ kind: 'rect', x: 0, y, w: W, h: item.thicknessPt });
        } else {
          for (let x = 0; x < W; x += DASH_PT * 2) {
            placed.push({ kind: 'rect', x, y, w: Math.min(DASH_PT, W - x), h: item.thicknessPt });
          }
        }
        y += item.thicknessPt;
        break;
      case 'bigNumber': {
        const natural = measure(item.text, item.sizePt, 'bold');
        const room = W * BIG_NUMBER_FILL;
        const size = natural > room ? (item.sizePt * room) / natural : item.sizePt;
        const width = measure(item.text, size, 'bold');
        const baseline = y + CAP_HEIGHT * size;
        placed.push({
          kind: 'text',
          text: item.text,
          x: (W - width) / 2,
          baseline,
          sizePt: size,
          weight: 'bold',
          white: false,
        });
        y = baseline;
        break;
      }
      case 'qr':
        placed.push({ kind: 'qr', data: item.data, x: (W - item.sizePt) / 2, y, size: item.sizePt });
        y += item.sizePt;
        break;
      case 'text': {
        const size = item.sizePt;
        const inverted = item.inverted === true;
        const padX = inverted ? BADGE_PAD_X * size : 0;
        const padY = inverted ? BADGE_PAD_Y * size : 0;
        const widthOf = (s: string): number => measure(s, size, item.weight);
        const wrap = item.align === 'center' ? wrapBalanced : wrapText;
        const lines = wrap(item.text, W - 2 * padX - 2 * TEXT_INSET, widthOf);
        if (lines.length === 0) break;
        const height = ASCENT * size + (lines.length - 1) * LINE_ADVANCE * size + DESCENT * size + 2 * padY;
        if (inverted) {
          const widest = Math.max(...lines.map(widthOf)) + 2 * padX;
          placed.push({ kind: 'rect', x: alignX(item.align, widest, W), y, w: widest, h: height });
        }
        lines.forEach((line, i) => {
          const lineWidth = widthOf(line);
          placed.push({
            kind: 'text',
            text: line,
            x: alignX(item.align, lineWidth, W),
            baseline: y + padY + ASCENT * size + i * LINE_ADVANCE * size,
            sizePt: size,
            weight: item.weight,
            white: inverted,
          });
        });
        y += height;
        break;
      }
      default:
        assertNever(item, 'layout item');
    }
  }
  return { heightPt: y, placed };
}
