/**
 * A PDF attachment, in the file worker. Readers (Acrobat, pdf.js, poppler) find objects through the
 * cross-reference table; pdf-lib reads the file front to back. A file built so that the two disagree (an
 * object defined twice, an object hidden inside another's stream data, a trailer inside a stream) would
 * be checked as pdf-lib sees it and opened as the reader sees it. So the kiosk stores what it checked:
 * 1. load strictly (an object pdf-lib cannot parse refuses the file instead of being skipped);
 * 2. walk the page tree once, refusing a cycle, a shared subtree (2^40 pages from 40 objects) or more
 *    than MAX_PAGES pages, before anything else counts pages;
 * 3. refuse encryption, and active content in any object: JavaScript (or an XFA form, which runs
 *    script), launch actions, embedded files and file attachments, and actions that reach out of the
 *    document (GoToR, ImportData, SubmitForm: a UNC path there leaks a Windows PC's credentials);
 * 4. copy the pages into a new document (pdf-lib's own objects only: the catalog's actions, name trees
 *    and forms stay behind), check that one again, and store *its* bytes.
 * A digitally signed PDF loses its signature by step 4; the portal receives the pages, not the signature.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import type { DecodedDocument } from './protocol';
import { Refused } from './image';

/** More pages than a citizen's paper has: a book is filed at the counter, not through the kiosk. */
export const MAX_PAGES = 500;

type Active = 'javascript' | 'launch' | 'embedded-file' | 'external-action';

/** Name keys and values that mark active content. `#xx` escapes are decoded before comparing. */
const KEYS: Record<string, Active> = {
  JS: 'javascript',
  JavaScript: 'javascript',
  XFA: 'javascript',
  EmbeddedFiles: 'embedded-file',
  EmbeddedFile: 'embedded-file',
  EF: 'embedded-file',
  RichMedia: 'embedded-file',
  Launch: 'launch',
};
const VALUES: Record<string, Active> = {
  JavaScript: 'javascript',
  Launch: 'launch',
  EmbeddedFile: 'embedded-file',
  FileAttachment: 'embedded-file',
  GoToE: 'embedded-file',
  RichMedia: 'embedded-file',
  GoToR: 'external-action',
  ImportData: 'external-action',
  SubmitForm: 'external-action',
};

/** pdf-lib decodes upper-case `#4A` escapes only; a name written `/#4aavaScript` must still match. */
const nameText = (name: PDFName): string =>
  name.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Objects nested deeper than this inside one indirect object are a construction, not a document. */
const MAX_DEPTH = 64;

/** A value as a reader sees it: `/S 12 0 R` with `12 0 obj /Launch` is a launch action. */
function resolved(context: PDFContext, value: PDFObject): PDFObject | undefined {
  return value instanceof PDFRef ? context.lookup(value) : value;
}

function activeIn(context: PDFContext, root: PDFObject): Active | null {
  const stack: { object: PDFObject; depth: number }[] = [{ object: root, depth: 0 }];
  while (stack.length > 0) {
    const { object, depth } = stack.pop() as { object: PDFObject; depth: number };
    if (depth > MAX_DEPTH) throw new Refused({ code: 'pdf-damaged' });
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const k = KEYS[nameText(key)];
        if (k) return k;
        const target = resolved(context, value);
        if (target instanceof PDFName) {
          const v = VALUES[nameText(target)];
          if (v) return v;
        }
        // References are not followed: every indirect object is walked on its own.
        if (!(value instanceof PDFRef)) stack.push({ object: value, depth: depth + 1 });
      }
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) stack.push({ object: item, depth: depth + 1 });
    }
  }
  return null;
}

function refuseActive(doc: PDFDocument): void {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const active = activeIn(doc.context, object);
    if (active) throw new Refused({ code: 'pdf-active-content', what: active });
  }
  const trailer = doc.context.trailerInfo;
  for (const value of [trailer.Root, trailer.Info]) {
    const active = value ? activeIn(doc.context, value) : null;
    if (active) throw new Refused({ code: 'pdf-active-content', what: active });
  }
}

/**
 * Counts the leaves of the page tree, each node visited once: a node reached twice (a cycle, or a
 * subtree listed twice to multiply the pages) is a damaged file; more than MAX_PAGES is refused.
 */
function countPages(doc: PDFDocument): number {
  const context = doc.context;
  const seen = new Set<string>();
  const root = doc.catalog.get(PDFName.of('Pages'));
  if (!(root instanceof PDFRef)) throw new Refused({ code: 'pdf-damaged' });
  const stack: PDFRef[] = [root];
  let pages = 0;
  while (stack.length > 0) {
    const ref = stack.pop() as PDFRef;
    const key = ref.toString();
    if (seen.has(key)) throw new Refused({ code: 'pdf-damaged' });
    seen.add(key);
    const node = context.lookup(ref);
    if (!(node instanceof PDFDict)) throw new Refused({ code: 'pdf-damaged' });
    const kids = node.get(PDFName.of('Kids'));
    if (kids === undefined) {
      pages += 1;
      if (pages > MAX_PAGES) throw new Refused({ code: 'pdf-too-many-pages', maxPages: MAX_PAGES });
      continue;
    }
    const list = resolved(context, kids);
    if (!(list instanceof PDFArray)) throw new Refused({ code: 'pdf-damaged' });
    for (const kid of list.asArray()) {
      if (!(kid instanceof PDFRef)) throw new Refused({ code: 'pdf-damaged' });
      stack.push(kid);
    }
    if (seen.size > MAX_PAGES * 4) throw new Refused({ code: 'pdf-damaged' });
  }
  return pages;
}

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    // pdf-lib's EncryptedPDFError is an ES5 class, so `instanceof` fails on it: load with
    // ignoreEncryption and ask `isEncrypted` instead (the document is only inspected, never decrypted).
    return await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: true,
    });
  } catch {
    throw new Refused({ code: 'pdf-damaged' });
  }
}

export async function checkPdf(bytes: Uint8Array): Promise<DecodedDocument> {
  const doc = await load(bytes);
  if (doc.isEncrypted) throw new Refused({ code: 'pdf-encrypted' });
  const pages = countPages(doc);
  if (pages < 1) throw new Refused({ code: 'pdf-damaged' });
  refuseActive(doc);

  let clean: PDFDocument;
  try {
    clean = await PDFDocument.create({ updateMetadata: false });
    for (const page of await clean.copyPages(doc, doc.getPageIndices())) clean.addPage(page);
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused({ code: 'pdf-damaged' });
  }
  refuseActive(clean);
  return { pdf: await clean.save({ updateFieldAppearances: false }), pages, thumbnail: null };
}
