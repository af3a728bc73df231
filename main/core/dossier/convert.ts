import type { FileKind } from './sniff';
import { DecodeFailed, type DecodeFailure, type FileDecoder } from './decode/pool';
import type { DecodedDocument } from './decode/protocol';
import { dossierErrors } from './messages';
import type { KioskFailure } from '../errors';

/**
 * Every attachment is stored as a PDF (the portal and the receipt count pages of PDFs only), made by the
 * file worker (decode/): a PDF's pages are copied into a new document once the original and the copy are
 * proved plain (opens strictly, not encrypted, no script, launch, embedded file or outside action, a sane
 * page tree); a JPEG or PNG is re-encoded upright, in sRGB or grey, at most A4 at 300 dpi, and becomes one
 * A4 page. Thumbnails (~160 px PNG data URLs) are made for pictures.
 */
export type StoredDocument = DecodedDocument;

/** The words for a file the worker refused or could not finish. */
export function decodeError(failure: DecodeFailure): KioskFailure {
  switch (failure.code) {
    case 'image-damaged':
      return dossierErrors.imageDamaged();
    case 'image-too-large':
      return dossierErrors.imageTooLarge(failure.megapixels, failure.maxMegapixels);
    case 'image-too-wide':
      return dossierErrors.imageTooWide(failure.width, failure.height, failure.maxSide);
    case 'pdf-damaged':
      return dossierErrors.pdfDamaged();
    case 'pdf-encrypted':
      return dossierErrors.pdfEncrypted();
    case 'pdf-too-many-pages':
      return dossierErrors.pdfTooManyPages(failure.maxPages);
    case 'pdf-active-content':
      return dossierErrors.pdfActiveContent(failure.what);
    case 'file-too-slow':
      return dossierErrors.fileTooSlow();
    case 'file-busy':
      return dossierErrors.fileBusy();
    case 'file-check-failed':
      return dossierErrors.fileCheckFailed();
    case 'file-too-complex':
      return dossierErrors.fileTooComplex();
  }
}

/** The document as it will be stored, or a KioskFailure a person can act on. */
export async function toStoredDocument(
  decoder: FileDecoder,
  bytes: Uint8Array,
  kind: FileKind,
): Promise<StoredDocument> {
  try {
    return await decoder.decode(bytes, kind);
  } catch (error) {
    throw error instanceof DecodeFailed ? decodeError(error.failure) : error;
  }
}
