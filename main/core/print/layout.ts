/**
 * The device-independent ticket layout: a column of primitives, sized in PostScript points (1/72 inch)
 * over the printable width. The PDF renderer draws points as points; the raster renderer scales them to
 * the printer's dots. Text is not wrapped here (that needs font metrics): see flow.ts.
 */
export type PaperWidthMm = 80 | 58;
export type Align = 'left' | 'center' | 'right';
export type Weight = 'regular' | 'bold';

export type LayoutItem =
  | {
      kind: 'text';
      text: string;
      sizePt: number;
      weight: Weight;
      align: Align;
      /** White on a black band: the priority badge. */
      inverted?: boolean;
    }
  /** One line, bold, centred, shrunk to fit the width if needed. */
  | { kind: 'bigNumber'; text: string; sizePt: number }
  | { kind: 'rule'; thicknessPt: number; style: 'solid' | 'dashed' }
  /** `sizePt` is the whole square including the 4-module quiet zone the QR specification asks for. */
  | { kind: 'qr'; data: string; sizePt: number }
  | { kind: 'spacing'; heightPt: number };

export interface TicketLayout {
  paperWidthMm: PaperWidthMm;
  /** The width a thermal head covers: 72 mm on 80 mm paper, 48 mm on 58 mm paper. */
  contentWidthPt: number;
  /** Document title and language, for the PDF's metadata. */
  title: string;
  language: 'vi' | 'en';
  items: readonly LayoutItem[];
}

export const PT_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;

/** Printable width per paper width (203 dpi: 576 dots = 72 mm, 384 dots = 48 mm). */
export const PRINTABLE_MM: Record<PaperWidthMm, number> = { 80: 72, 58: 48 };

/**
 * Text as the printer should get it: input may arrive decomposed (NFD, e.g. typed on a Mac); the fonts
 * map precomposed Vietnamese letters, and text extraction and search expect NFC. No stray spaces.
 */
export const nfc = (s: string): string => s.normalize('NFC').trim();

/**
 * A thermal slip (queue ticket, park slip) being laid out: the ticket's sizes, scaled to 0.8 on 58 mm
 * paper, opened by the centre's name over a rule and closed by a dashed rule and the footer lines.
 */
export function createSlip(widthMm: PaperWidthMm) {
  const k = widthMm === 80 ? 1 : 0.8;
  const items: LayoutItem[] = [];
  const space = (heightPt: number): void => void items.push({ kind: 'spacing', heightPt: heightPt * k });
  const text = (s: string, sizePt: number, weight: Weight, inverted = false): void => {
    items.push({
      kind: 'text',
      text: nfc(s),
      sizePt: sizePt * k,
      weight,
      align: 'center',
      ...(inverted ? { inverted } : {}),
    });
  };
  return {
    /** 1 on 80 mm paper, 0.8 on 58 mm: for sizes set outside `space` and `text`. */
    k,
    items,
    space,
    text,
    head(centreName: string): void {
      space(6);
      text(centreName, 11, 'bold');
      space(5);
      items.push({ kind: 'rule', thicknessPt: 0.9, style: 'solid' });
      space(10);
    },
    foot(lines: readonly string[]): void {
      space(8);
      items.push({ kind: 'rule', thicknessPt: 0.9, style: 'dashed' });
      space(6);
      for (const line of lines) text(line, 9.5, 'regular');
      // Bottom margin: the printer feeds to the cutter after the image, so this is the white below the footer.
      space(14);
    },
  };
}
