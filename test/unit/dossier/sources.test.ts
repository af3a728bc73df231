import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportFolder, listImportFolder, readFolderFile } from '../../../main/core/dossier/sources';
import { tempDir } from '../helpers';
import { asyncFailure } from '../failures';

/** Enough of a PDF for the type check, which reads only the magic bytes. */
const PDF = Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

function folder(): { dir: string; source: ImportFolder } {
  const dir = tempDir();
  return { dir, source: { id: 'usb', label: { vi: 'Ổ USB', en: 'USB drive' }, path: dir } };
}

const read = (source: ImportFolder, name: string) =>
  readFolderFile(source, name, { dataDir: '/nonexistent', maxBytes: 1_000_000, accept: ['pdf'] });

// "giấy khai sinh.pdf" as macOS writes it: every accented letter decomposed into base + combining marks.
const NFC_NAME = 'giấy khai sinh.pdf';
const NFD_NAME = NFC_NAME.normalize('NFD');

describe('a file whose name is stored decomposed (NFD)', () => {
  it('is listed, and can then be read under the listed name or its NFC form', async () => {
    expect(NFD_NAME).not.toBe(NFC_NAME);
    const { dir, source } = folder();
    writeFileSync(join(dir, NFD_NAME), PDF);
    const listing = await listImportFolder(source, dir);
    expect(listing.files.map((f) => f.name)).toEqual([NFD_NAME]);

    for (const name of [NFD_NAME, NFC_NAME]) {
      const file = await read(source, name);
      expect(file.kind).toBe('pdf');
      expect(Buffer.from(file.bytes).equals(PDF)).toBe(true);
      // Stored and shown in NFC, whichever form the disk holds.
      expect(file.name).toBe(NFC_NAME);
    }
  });

  it('still refuses a decomposed name that is a link out of the folder, or a folder', async () => {
    const { dir, source } = folder();
    const outside = join(tempDir(), 'secret.pdf');
    writeFileSync(outside, PDF);
    symlinkSync(outside, join(dir, NFD_NAME));
    expect((await asyncFailure(read(source, NFC_NAME))).code).toBe('file-outside-folder');

    const other = folder();
    mkdirSync(join(other.dir, NFD_NAME));
    expect((await asyncFailure(read(other.source, NFC_NAME))).code).toBe('file-not-found');
  });

  it('does not guess between two entries that are the same name stored differently', async () => {
    const { dir, source } = folder();
    // "hệ.pdf": ệ is e + dot below + circumflex, in either order, or ê + dot below; all are ệ in NFC.
    const a = 'he\u0323\u0302.pdf';
    const b = 'h\u00ea\u0323.pdf';
    expect(a.normalize('NFC')).toBe(b.normalize('NFC'));
    writeFileSync(join(dir, a), PDF);
    writeFileSync(join(dir, b), PDF);
    expect((await asyncFailure(read(source, 'hệ.pdf'))).code).toBe('file-not-found');
    // Names are compared in NFC, so asking by either exact form is just as ambiguous.
    expect((await asyncFailure(read(source, a))).code).toBe('file-not-found');
  });

  it('finds a name that is not there in any form: file-not-found', async () => {
    const { dir, source } = folder();
    writeFileSync(join(dir, NFD_NAME), PDF);
    expect((await asyncFailure(read(source, 'giấy chứng tử.pdf'))).code).toBe('file-not-found');
  });
});
