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
