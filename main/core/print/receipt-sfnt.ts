/**
 * A TrueType font reduced to what a printed PDF needs (see receipt-fonts.ts for why): the same glyphs,
 * outlines, metrics and character map, without
 * - the OpenType layout tables GSUB, GPOS, GDEF (shaping; Vietnamese NFC text needs none in Noto Sans),
 * - hinting: the fpgm/prep/cvt programs and every glyph's instructions (40 % of Noto Sans' outlines;
 *   grid-fitting is for small sizes on screens, and PDF viewers and printers render unhinted TrueType),
 * - the glyph names of `post` (format 3 says "none"), and the DSIG signature the changes would void.
 * Each step is a plain rewrite of the OpenType tables ("Table directory", "glyf", "loca", "post" in the
 * OpenType specification); checksums go stale, which neither fontkit nor PDF readers check.
 */
const DROP = new Set(['GSUB', 'GPOS', 'GDEF', 'DSIG', 'fpgm', 'prep', 'cvt ', 'hdmx', 'LTSH', 'VDMX']);

type Tables = Map<string, Uint8Array>;

const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const i16 = (b: Uint8Array, at: number): number => (u16(b, at) << 16) >> 16;
const u32 = (b: Uint8Array, at: number): number => u16(b, at) * 0x1_0000 + u16(b, at + 2);

function readTables(font: Uint8Array): { version: number; tables: Tables } {
  const tables: Tables = new Map();
  const count = u16(font, 4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = u32(font, at + 8);
    tables.set(tag, font.subarray(offset, offset + u32(font, at + 12)));
  }
  return { version: u32(font, 0), tables };
}

function writeFont(version: number, tables: Tables): Uint8Array {
  const entries = [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let size = 12 + 16 * entries.length;
  const offsets = entries.map(([, data]) => {
    const at = size;
    size += (data.length + 3) & ~3; // tables start on 4-byte boundaries
    return at;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(entries.length));
  view.setUint32(0, version);
  view.setUint16(4, entries.length);
  view.setUint16(6, 16 * 2 ** log2); // searchRange
  view.setUint16(8, log2); // entrySelector
  view.setUint16(10, 16 * entries.length - 16 * 2 ** log2); // rangeShift
  entries.forEach(([tag, data], i) => {
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[record + k] = tag.charCodeAt(k);
    view.setUint32(record + 4, 0); // checksum: stale anyway, not checked
    view.setUint32(record + 8, offsets[i] ?? 0);
    view.setUint32(record + 12, data.length);
    out.set(data, offsets[i] ?? 0);
  });
  return out;
}

// Composite glyph flags (OpenType "glyf").
const ARG_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_2X2 = 0x0080;
const HAS_INSTRUCTIONS = 0x0100;

/** One glyph's outline without its instructions. */
function withoutInstructions(glyph: Uint8Array): Uint8Array {
  if (glyph.length === 0) return glyph;
  const contours = i16(glyph, 0);
  if (contours >= 0) {
    const at = 10 + 2 * contours; // instructionLength follows endPtsOfContours
    const length = u16(glyph, at);
    const out = new Uint8Array(glyph.length - length);
    out.set(glyph.subarray(0, at));
    out.set(glyph.subarray(at + 2 + length), at + 2); // instructionLength stays, as zero
    return out;
  }
  // Instructions of a composite follow its last component; WE_HAVE_INSTRUCTIONS announces them.
  let at = 10;
  let flags: number;
  let instructions = false;
  const flagPositions: number[] = [];
  do {
    flagPositions.push(at);
    flags = u16(glyph, at);
    instructions ||= (flags & HAS_INSTRUCTIONS) !== 0;
    at += 4 + (flags & ARG_WORDS ? 4 : 2);
    at += flags & HAS_SCALE ? 2 : flags & HAS_XY_SCALE ? 4 : flags & HAS_2X2 ? 8 : 0;
  } while (flags & MORE_COMPONENTS && at < glyph.length);
  if (!instructions) return glyph;
  const out = glyph.slice(0, at);
  const view = new DataView(out.buffer);
  for (const p of flagPositions) view.setUint16(p, view.getUint16(p) & ~HAS_INSTRUCTIONS);
  return out;
}

/** glyf without instructions, and its loca (long offsets, glyphs 4-byte aligned). */
function unhinted(tables: Tables): void {
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return; // not TrueType outlines: nothing to strip
  const glyphs = u16(maxp, 4);
  const long = i16(head, 50) === 1;
  const offset = (i: number): number => (long ? u32(loca, 4 * i) : 2 * u16(loca, 2 * i));
  const parts: Uint8Array[] = [];
  const newLoca = new Uint8Array(4 * (glyphs + 1));
  const locaView = new DataView(newLoca.buffer);
  let size = 0;
  for (let i = 0; i < glyphs; i++) {
    const glyph = withoutInstructions(glyf.subarray(offset(i), offset(i + 1)));
    locaView.setUint32(4 * i, size);
    parts.push(glyph);
    size += (glyph.length + 3) & ~3;
  }
  locaView.setUint32(4 * glyphs, size);
  const newGlyf = new Uint8Array(size);
  parts.forEach((glyph, i) => newGlyf.set(glyph, locaView.getUint32(4 * i)));
  const newHead = head.slice();
  new DataView(newHead.buffer).setInt16(50, 1); // indexToLocFormat: long offsets
  tables.set('head', newHead);
  tables.set('loca', newLoca);
  tables.set('glyf', newGlyf);
}

/** `post` version 3.0: the same 32-byte header (italic angle, underline), no glyph names. */
function postWithoutNames(tables: Tables): void {
  const post = tables.get('post');
  if (!post || post.length < 32) return;
  const out = post.slice(0, 32);
  new DataView(out.buffer).setUint32(0, 0x0003_0000);
  tables.set('post', out);
}

export function leanFont(font: Uint8Array): Uint8Array {
  const { version, tables } = readTables(font);
  for (const tag of DROP) tables.delete(tag);
  unhinted(tables);
  postWithoutNames(tables);
  return writeFont(version, tables);
}
