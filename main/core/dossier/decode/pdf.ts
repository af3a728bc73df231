/**
 * A PDF attachment is kept byte for byte once the file worker has proved it is a plain document:
 * pdf-lib opens it (not damaged, at least one page), it is not encrypted, and no object in it carries
 * JavaScript (or an XFA form, which runs script), a launch action (runs a program), or an embedded
 * file (a document inside the document). Staff open these files on their PCs and the portal passes
 * them on; a citizen's paper needs none of these, so they are refused rather than stripped.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import type { DecodedDocument } from './protocol';
import { Refused } from './image';

type Active = 'javascript' | 'launch' | 'embedded-file';

/** Name keys and values that mark active content. `#xx` escapes are decoded before comparing. */
const KEYS: Record<string, Active> = {
  JS: 'javascript',
  JavaScript: 'javascript',
  XFA: 'javascript',
  EmbeddedFiles: 'embedded-file',
  EmbeddedFile: 'embedded-file',
  RichMedia: 'embedded-file',
  Launch: 'launch',
};
const VALUES: Record<string, Active> = {
  JavaScript: 'javascript',
  Launch: 'launch',
  EmbeddedFile: 'embedded-file',
  GoToE: 'embedded-file',
  RichMedia: 'embedded-file',
};

/** pdf-lib decodes upper-case `#4A` escapes only; a name written `/J#61vaScript` must still match. */
const nameText = (name: PDFName): string =>
  name.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Objects nested deeper than this inside one indirect object are a construction, not a document. */
const MAX_DEPTH = 64;

function activeIn(root: PDFObject): Active | null {
  const stack: { object: PDFObject; depth: number }[] = [{ object: root, depth: 0 }];
  while (stack.length > 0) {
    const { object, depth } = stack.pop() as { object: PDFObject; depth: number };
    if (depth > MAX_DEPTH) throw new Refused({ code: 'pdf-damaged' });
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const k = KEYS[nameText(key)];
        if (k) return k;
        if (value instanceof PDFName) {
          const v = VALUES[nameText(value)];
          if (v) return v;
        }
        stack.push({ object: value, depth: depth + 1 });
      }
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) stack.push({ object: item, depth: depth + 1 });
    }
  }
  return null;
}

export async function checkPdf(bytes: Uint8Array): Promise<DecodedDocument> {
  let doc: PDFDocument;
  try {
    // pdf-lib's EncryptedPDFError is an ES5 class, so `instanceof` fails on it: load with
    // ignoreEncryption and ask `isEncrypted` instead (the document is only inspected, never decrypted).
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw new Refused({ code: 'pdf-damaged' });
  }
  if (doc.isEncrypted) throw new Refused({ code: 'pdf-encrypted' });
  // Every indirect object, those packed in object streams included (pdf-lib unpacks them while
  // loading); a stream's dictionary is checked, its data is not parsed.
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const active = activeIn(object);
    if (active) throw new Refused({ code: 'pdf-active-content', what: active });
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw new Refused({ code: 'pdf-damaged' });
  }
  if (pages < 1) throw new Refused({ code: 'pdf-damaged' });
  return { pdf: bytes, pages, thumbnail: null };
}
