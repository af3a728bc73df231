import {
  type PDFDocument,
  type PDFPage,
  concatTransformationMatrix,
  degrees,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingGrayscaleColor,
} from 'pdf-lib';
import { wrapText } from './flow';
import { mmToPt } from './layout';
import { QR_QUIET_MODULES, qrMatrix, qrRuns } from './qr';
import { type EmbeddedFonts } from './receipt-fonts';

/**
 * An A4 page writer for the receipt: styled text that wraps with the embedded fonts' own metrics, a
 * cursor that starts a new page instead of running off the paper, bordered tables whose rows continue on
 * the next page (header repeated), and vector QR codes. Coordinates are points from the top-left corner
 * of the text area; PDF's run up from the bottom of the page, `pdfY` converts.
 */
export const A4_PT = { width: mmToPt(210), height: mmToPt(297) } as const;

/** Nghị định 30/2020/NĐ-CP margins for administrative documents: top, bottom 20–25 mm; left 30–35; right 15–20. */
const MARGIN = { top: mmToPt(20), bottom: mmToPt(18), left: mmToPt(30), right: mmToPt(15) };
/** A landscape register (Mẫu 07) is bound at the top, if at all: its width goes to the table's columns. */
const LANDSCAPE_MARGIN = { top: mmToPt(15), bottom: mmToPt(12), left: mmToPt(15), right: mmToPt(15) };
/** Room kept under the text for the page number line. */
const FOOTER_PT = 16;
/** Line advance per point of font size, and the baseline's depth under the line's top. */
const LEADING = 1.3;
const BASELINE = 1.02;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 2.5;
const BLACK = rgb(0, 0, 0);
const ITALIC = degrees(11);

export type Align = 'left' | 'center';

export interface Run {
  text: string;
  bold?: boolean;
  /** Slanted (the fonts have no italic face): the date line and notes, as on the printed form. */
  italic?: boolean;
}

interface Piece {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Offset from the line's start. */
  x: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

interface Word {
  parts: { text: string; bold: boolean; italic: boolean }[];
  /** True when the word begins after a space; false when it continues the previous run ("sơ:" + "…"). */
  spaced: boolean;
}

export interface TableColumn {
  title: string;
  /** Points; 0 takes what the others leave. */
  width: number;
  align: Align;
}

/** Splits styled runs into words; a word may span runs ("Mã hồ sơ: " regular, then the code bold). */
function toWords(runs: readonly Run[]): Word[] {
  const words: Word[] = [];
  let open: Word | null = null;
  let spaced = false;
  for (const run of runs) {
    const style = { bold: run.bold === true, italic: run.italic === true };
    for (const token of run.text.split(/(\s+)/)) {
      if (token === '') continue;
      if (/^\s/.test(token)) {
        open = null;
        spaced = true;
      } else if (open) {
        open.parts.push({ text: token, ...style });
      } else {
        open = { parts: [{ text: token, ...style }], spaced };
        words.push(open);
        spaced = false;
      }
    }
  }
  return words;
}

/** Portrait for the forms; landscape for the tracking book (Mẫu 07), whose table has twelve columns. */
export type Orientation = 'portrait' | 'landscape';

export class A4Writer {
  readonly width: number;
  private readonly height: number;
  /** The paper in points, [width, height] as the page is read. */
  private readonly paper: [number, number];
  private readonly margin: typeof MARGIN;
  private readonly pages: PDFPage[] = [];
  private page: PDFPage;
  /** The cursor: distance from the top of the text area. */
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: EmbeddedFonts,
    orientation: Orientation = 'portrait',
  ) {
    this.paper = orientation === 'portrait' ? [A4_PT.width, A4_PT.height] : [A4_PT.height, A4_PT.width];
    this.margin = orientation === 'portrait' ? MARGIN : LANDSCAPE_MARGIN;
    this.width = this.paper[0] - this.margin.left - this.margin.right;
    this.height = this.paper[1] - this.margin.top - this.margin.bottom - FOOTER_PT;
    this.page = this.newPage();
  }

  get pageCount(): number {
    return this.pages.length;
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  /** Width in points: the sum of the characters' advances (receipt-fonts.ts: the fonts have no kerning). */
  measure(text: string, size: number, bold: boolean): number {
    const cache = bold ? this.fonts.advances.bold : this.fonts.advances.regular;
    const font = bold ? this.fonts.bold : this.fonts.regular;
    let em = 0;
    for (const ch of text) {
      let advance = cache.get(ch);
      if (advance === undefined) {
        advance = font.widthOfTextAtSize(ch, 1000) / 1000;
        cache.set(ch, advance);
      }
      em += advance;
    }
    return em * size;
  }

  /** Greedy word wrap of styled runs into lines no wider than `width`; a too-long word is broken. */
  lines(runs: readonly Run[], size: number, width: number): Line[] {
    const words = toWords(runs);
    const space = this.measure(' ', size, false);
    const out: Line[] = [];
    let line: Line = { pieces: [], width: 0 };
    const breakLine = (): void => {
      out.push(line);
      line = { pieces: [], width: 0 };
    };
    const place = (word: Word): void => {
      const spaced = word.spaced && line.pieces.length > 0;
      let x = line.width + (spaced ? space : 0);
      word.parts.forEach((part, i) => {
        const last = line.pieces.at(-1);
        const gap = spaced && i === 0 ? ' ' : '';
        // The space is written out (not only left as a gap) so extracted text keeps its words apart.
        if (last && last.bold === part.bold && last.italic === part.italic) last.text += gap + part.text;
        else {
          if (last) last.text += gap;
          line.pieces.push({ ...part, x });
        }
        x += this.measure(part.text, size, part.bold);
      });
      line.width = x;
    };
    for (const word of words) {
      const ww = word.parts.reduce((s, p) => s + this.measure(p.text, size, p.bold), 0);
      if (line.pieces.length > 0 && line.width + (word.spaced ? space : 0) + ww > width) breakLine();
      if (ww <= width) {
        place(word);
        continue;
      }
      // Wider than a whole line (a long e-mail address, a name without spaces): break between letters.
      for (const part of word.parts) {
        for (const chunk of wrapText(part.text, width, (s) => this.measure(s, size, part.bold))) {
          if (line.pieces.length > 0 && line.width + this.measure(chunk, size, part.bold) > width)
            breakLine();
          place({ parts: [{ ...part, text: chunk }], spaced: false });
        }
      }
    }
    if (line.pieces.length > 0) out.push(line);
    return out;
  }

  /** Starts a page only when `height` does not fit under the cursor (never on a page still empty). */
  ensure(height: number): void {
    if (this.y > 0 && this.y + height > this.height) this.newPage();
  }

  /** Starts a new page unless the current one is still empty (one form per page: Mẫu 06). */
  pageBreak(): void {
    if (this.y > 0) this.newPage();
  }

  space(height: number): void {
    this.y += height;
  }

  /** Wrapped text at the cursor, continuing on a new page line by line. */
  paragraph(runs: readonly Run[], size: number, align: Align = 'left'): void {
    const lh = this.lineHeight(size);
    for (const line of this.lines(runs, size, this.width)) {
      this.ensure(lh);
      this.drawLine(line, align === 'center' ? (this.width - line.width) / 2 : 0, this.y, size);
      this.y += lh;
    }
  }

  /** Lines at a fixed place on the current page, each centred in `width` or left-aligned; returns the height. */
  drawLines(
    lines: readonly Line[],
    size: number,
    x: number,
    top: number,
    width: number,
    align: Align,
  ): number {
    const lh = this.lineHeight(size);
    lines.forEach((line, i) => {
      this.drawLine(line, x + (align === 'center' ? (width - line.width) / 2 : 0), top + i * lh, size);
    });
    return lines.length * lh;
  }

  drawLine(line: Line, x: number, top: number, size: number): void {
    for (const p of line.pieces) {
      this.page.drawText(p.text, {
        x: this.margin.left + x + p.x,
        y: this.pdfY(top + BASELINE * size),
        size,
        font: p.bold ? this.fonts.bold : this.fonts.regular,
        color: BLACK,
        ...(p.italic ? { ySkew: ITALIC } : {}),
      });
    }
  }

  rule(x: number, top: number, width: number, thickness = 0.6): void {
    this.page.drawRectangle({
      x: this.margin.left + x,
      y: this.pdfY(top + thickness),
      width,
      height: thickness,
      color: BLACK,
    });
  }

  /**
   * A QR code `size` points square (quiet zone included) with its top-left corner at (x, top). Drawn in
   * module units under one transformation, each run of dark modules one `re`, filled once: no hairline
   * seams between modules, small integers in the stream, and far less work than an SVG path.
   */
  qr(data: string, x: number, top: number, size: number): void {
    const matrix = qrMatrix(data);
    const module = size / (matrix.size + 2 * QR_QUIET_MODULES);
    const quiet = QR_QUIET_MODULES * module;
    this.page.pushOperators(
      pushGraphicsState(),
      // y runs down in module units: rows are counted from the top like the matrix.
      concatTransformationMatrix(module, 0, 0, -module, this.margin.left + x + quiet, this.pdfY(top + quiet)),
      setFillingGrayscaleColor(0),
      ...qrRuns(matrix).map((r) => rectangle(r.col, r.row, r.length, 1)),
      fill(),
      popGraphicsState(),
    );
  }

  /** A bordered table at the cursor. Rows too tall for what is left of a page go on, header repeated. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], size: number): void {
    const fixed = columns.reduce((s, c) => s + c.width, 0);
    const cols = columns.map((c) => ({ ...c, width: c.width || this.width - fixed }));
    const lh = this.lineHeight(size);
    const inner = (c: TableColumn): number => c.width - 2 * CELL_PAD_X;
    const header = cols.map((c) => this.lines([{ text: c.title, bold: true }], size, inner(c)));
    const headerRows = Math.max(...header.map((l) => l.length));
    const headerHeight = headerRows * lh + 2 * CELL_PAD_Y;
    let fresh = false;

    const drawRow = (cells: readonly (readonly Line[])[], count: number, bold: boolean): void => {
      const height = count * lh + 2 * CELL_PAD_Y;
      let x = 0;
      cols.forEach((col, c) => {
        this.page.drawRectangle({
          x: this.margin.left + x,
          y: this.pdfY(this.y + height),
          width: col.width,
          height,
          borderColor: BLACK,
          borderWidth: 0.6,
        });
        const lines = cells[c] ?? [];
        this.drawLines(
          lines,
          size,
          x + CELL_PAD_X,
          this.y + CELL_PAD_Y,
          inner(col),
          bold ? 'center' : col.align,
        );
        x += col.width;
      });
      this.y += height;
    };
    const drawHeader = (): void => drawRow(header, headerRows, true);

    const laid = rows.map((row) =>
      cols.map((col, c) => this.lines([{ text: row[c] ?? '' }], size, inner(col))),
    );
    const linesOf = (cells: readonly (readonly Line[])[]): number =>
      Math.max(1, ...cells.map((l) => l.length));
    // The header goes where its first row fits too (unless that row is taller than a page).
    const first = laid[0] ? linesOf(laid[0]) * lh + 2 * CELL_PAD_Y : 0;
    this.ensure(Math.min(headerHeight + first, this.height));
    fresh = this.y === 0;
    drawHeader();
    for (const cells of laid) {
      const total = linesOf(cells);
      let from = 0;
      while (from < total) {
        const rest = total - from;
        const fits = Math.floor((this.height - this.y - 2 * CELL_PAD_Y) / lh + 1e-6);
        const wholeOnNewPage = from === 0 && rest * lh + 2 * CELL_PAD_Y <= this.height - headerHeight;
        if (!fresh && (fits < 1 || (fits < rest && wholeOnNewPage))) {
          this.newPage();
          drawHeader();
          fresh = true;
          continue;
        }
        // A fresh page always takes at least one line, so the loop ends even for an absurd cell.
        const count = Math.max(1, Math.min(fits, rest));
        drawRow(
          cells.map((l) => l.slice(from, from + count)),
          count,
          false,
        );
        from += count;
        fresh = false;
      }
    }
  }

  /** Writes `text(i, n)` under the text area of every page (page numbers), once all pages exist. */
  footer(text: (page: number, pages: number) => string, size: number): void {
    this.pages.forEach((page, i) => {
      const line = text(i + 1, this.pages.length);
      const width = this.measure(line, size, false);
      page.drawText(line, {
        x: this.margin.left + (this.width - width) / 2,
        y: this.margin.bottom,
        size,
        font: this.fonts.regular,
        color: BLACK,
      });
    });
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage(this.paper);
    this.pages.push(this.page);
    this.y = 0;
    return this.page;
  }

  private pdfY(top: number): number {
    return this.paper[1] - this.margin.top - top;
  }
}
