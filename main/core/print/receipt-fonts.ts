import { type Fontkit, loadFontkit } from './fontkit';
import { type PDFDocument, type PDFFont } from 'pdf-lib';
import { type TicketFonts } from './fonts';
import { leanFont } from './receipt-sfnt';

/**
 * The receipt's fonts, made lean for pdf-lib, which parses, shapes and subsets with fontkit.
 *
 * Why: the first shaping call on a freshly parsed font builds fontkit's OpenType layout engine from the
 * GSUB/GPOS/GDEF tables: 40–150 ms per font, per document (measured on Noto Sans), which alone broke the
 * receipt's 60 ms budget; re-encoding the hinting programs into every subset cost most of the rest.
 * `leanFont` (receipt-sfnt.ts) drops both. What is lost: kerning and mark positioning, which NFC
 * Vietnamese in Noto Sans does not need (every letter, ệ ử Ỗ …, has a precomposed glyph, and pdf-lib
 * draws no kerning anyway), and grid-fitting at small screen sizes.
 */

/**
 * Advance widths per character, in ems, shared by every document made from one font set. Without
 * kerning or substitutions a string's width is the sum of its characters' (and pdf-lib draws each glyph
 * at its advance width anyway), so each character is laid out once per process instead of every word
 * once per document.
 */
export interface Advances {
  regular: Map<string, number>;
  bold: Map<string, number>;
}

interface LeanFonts {
  fonts: TicketFonts;
  advances: Advances;
}

const lean = new WeakMap<TicketFonts, LeanFonts>();

/** The lean fonts, made once per font set (~1 ms) and kept while the set is. */
export function receiptFonts(fonts: TicketFonts): LeanFonts {
  let out = lean.get(fonts);
  if (!out) {
    out = {
      fonts: { regular: leanFont(fonts.regular), bold: leanFont(fonts.bold) },
      advances: { regular: new Map(), bold: new Map() },
    };
    lean.set(fonts, out);
  }
  return out;
}

type Font = ReturnType<typeof Fontkit.create>;

const parsed = new WeakMap<Uint8Array, Font>();

/**
 * fontkit with one parsed font per lean font, shared by every receipt: parsing, decoding `loca`, `fpgm`
 * and each glyph's metrics again for every document was most of what was left of its cost.
 *
 * Sharing is what pdf.ts warns against, for the full fonts: fontkit caches glyph objects with the code
 * points of their first use, and a glyph first met without one — made by a substitution, or as a
 * component of a composite while a subset is written (the "e" inside "ệ") — kept none, so a later
 * document's ToUnicode map lost that letter. The lean fonts make no substitutions, and here every glyph
 * the cmap reaches is created from its code point before any document uses the font (as pdf-lib itself
 * does for fonts it embeds whole; Noto Sans gives each code point its own glyph), so a glyph that is
 * drawn always maps back to its letter. The regression test renders receipts in an order that would
 * expose it.
 */
const sharing = (fontkit: typeof Fontkit): typeof Fontkit => ({
  ...fontkit,
  create: (data, postscriptName) => {
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data, postscriptName);
      for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
      parsed.set(data, font);
    }
    return font;
  },
});
let sharedFontkit: typeof Fontkit | null = null;

export interface EmbeddedFonts {
  regular: PDFFont;
  bold: PDFFont;
  advances: Advances;
}

/** Embeds both fonts as subsets (only the glyphs drawn are written, with a ToUnicode map). */
export async function embedReceiptFonts(doc: PDFDocument, fonts: TicketFonts): Promise<EmbeddedFonts> {
  const { fonts: bytes, advances } = receiptFonts(fonts);
  sharedFontkit ??= sharing(await loadFontkit());
  doc.registerFontkit(sharedFontkit);
  return {
    regular: await doc.embedFont(bytes.regular, { subset: true }),
    bold: await doc.embedFont(bytes.bold, { subset: true }),
    advances,
  };
}
