import { deflateSync } from 'node:zlib';
import { PDFArray, PDFContentStream, type PDFDocument, PDFRawStream, PDFRef } from 'pdf-lib';

/**
 * pdf-lib compresses streams with pako, a JavaScript port of zlib: on the receipt it was a third to a
 * half of the generation time (the two font subsets and the page contents, ~70 KB). Node's zlib is the
 * same algorithm in native code and several times faster, with the same output format, so the receipt's
 * streams are compressed with it instead. pdf-lib 1.17 is the final release; the two hooks used here
 * (`PDFContext.flateStream`, and replacing page content objects before `save`) are its public classes.
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
