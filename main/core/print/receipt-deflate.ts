import { deflateSync } from 'node:zlib';
import { PDFArray, PDFContentStream, type PDFDocument, PDFRawStream, PDFRef } from 'pdf-lib';

/**
 * pdf-lib compresses streams with pako, a JavaScript port of zlib. For a typical receipt's streams (page
 * contents, two font subsets, their ToUnicode maps: ~45 KB) pako took ~4 ms and Node's zlib, the same
 * algorithm and format in native code, ~1.4 ms: a tenth of the receipt's budget. pdf-lib 1.17 is the
 * final release; the two hooks used here (`PDFContext.flateStream`, and replacing page content objects
 * before `save`) go through its exported classes.
 */
const LEVEL = 6;

/** Font files, ToUnicode maps and other streams pdf-lib builds with `flateStream` go through zlib. */
export function useNativeDeflate(doc: PDFDocument): void {
  const context = doc.context;
  context.flateStream = (contents, dict = {}) => {
    const bytes =
      typeof contents === 'string' ? Uint8Array.from(contents, (c) => c.charCodeAt(0) & 0xff) : contents;
    return context.stream(deflateSync(bytes, { level: LEVEL }), { ...dict, Filter: 'FlateDecode' });
  };
}

/**
 * Swaps each page's content streams (which pdf-lib would deflate with pako during `save`) for the same
 * operators already deflated by zlib. Call once all drawing is done, just before `save`.
 */
export function deflatePageContents(doc: PDFDocument): void {
  const context = doc.context;
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = context.lookup(ref);
      if (!(stream instanceof PDFContentStream)) continue;
      const bytes = deflateSync(stream.getUnencodedContents(), { level: LEVEL });
      context.assign(ref, PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), bytes));
    }
  }
}
