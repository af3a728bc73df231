import { constants } from 'node:fs';
import { type FileHandle, lstat, open, opendir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { KioskConfig } from '../config/schema';
import { KioskFailure } from '../errors';
import { createLogger } from '../log';
import { dossierErrors } from './messages';
import { SNIFF_BYTES, checkFileName, checkFileSize, fileErrors, sniffFileType, type FileKind } from './sniff';

const log = createLogger('dossier.sources');

/**
 * Where attachment bytes come from: a file in a configured import folder (USB drive, scanner output)
 * or a camera capture. Every refusal happens before anything is stored, in this order:
 *   1. the name (no path, traversal, control characters, hidden or reserved names);
 *   2. the real path stays directly inside the folder (a symlink out is refused);
 *   3. the size, from fstat of the opened file, before reading it (a 200 MB file is never read);
 *   4. the magic bytes (a program renamed .pdf is refused);
 *   5. the kinds the required paper accepts.
 */

export type ImportFolder = KioskConfig['dossier']['importFolders'][number];

/** A listing shows at most this many files, newest first. */
export const MAX_LISTED_FILES = 200;
/** And looks at no more entries than this (a scanner folder with years of scans stays fast). */
const MAX_SCANNED_ENTRIES = 5000;

export interface ImportListing {
  id: string;
  label: { vi: string; en: string };
  available: boolean;
  files: { name: string; bytes: number; modifiedAt: string }[];
}

/** Relative folder paths in the configuration are relative to the data folder. */
export const folderPath = (folder: ImportFolder, dataDir: string): string =>
  isAbsolute(folder.path) ? folder.path : resolve(dataDir, folder.path);

/** The files offered for attaching: non-recursive, regular files only, no hidden files, newest first. */
export async function listImportFolder(folder: ImportFolder, dataDir: string): Promise<ImportListing> {
  const base = { id: folder.id, label: folder.label };
  const path = folderPath(folder, dataDir);
  try {
    if (!(await stat(path)).isDirectory()) return { ...base, available: false, files: [] };
  } catch {
    return { ...base, available: false, files: [] };
  }
  const files: ImportListing['files'] = [];
  let scanned = 0;
  try {
    for await (const entry of await opendir(path)) {
      if (++scanned > MAX_SCANNED_ENTRIES) break;
      // Symlinks are not listed (a Dirent for a link is not isFile()): the attach check would refuse
      // one pointing out of the folder anyway.
      if (!entry.isFile() || entry.name.startsWith('.')) continue;
      try {
        checkFileName(entry.name);
      } catch {
        continue;
      }
      try {
        const s = await stat(join(path, entry.name));
        files.push({ name: entry.name, bytes: s.size, modifiedAt: s.mtime.toISOString() });
      } catch {
        // removed while listing (a scanner rotating files): skip it
      }
    }
  } catch (error) {
    log.warn('import folder could not be read', { folder: folder.id, error });
    return { ...base, available: false, files: [] };
  }
  files.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : 0));
  return { ...base, available: true, files: files.slice(0, MAX_LISTED_FILES) };
}

export interface SourceFile {
  name: string;
  kind: FileKind;
  bytes: Uint8Array;
}

async function readExactly(handle: FileHandle, size: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
    if (bytesRead === 0) break;
    offset += bytesRead;
  }
  if (offset !== size) throw dossierErrors.fileNotFound(); // shrank while reading: the drive was pulled
  return buffer;
}

/**
 * The entry of `root` that `name` (NFC, from checkFileName) refers to. Names are compared in NFC, but a
 * Linux file system stores bytes: a file written by macOS (which decomposes, NFD) or typed on a keyboard
 * that sends combining marks is listed under its decomposed name and would not be found under the NFC
 * one. So when the NFC name is not there, the folder is scanned (as far as the listing looks) for the one
 * entry whose NFC form is `name`; two such entries (the same name stored twice, differently) are not
 * guessed between. The entry found goes through the same checks as a name found directly.
 */
async function nameOnDisk(root: string, name: string): Promise<string> {
  try {
    await lstat(join(root, name));
    return name;
  } catch {
    // not under its NFC name: look for another form of it
  }
  const found: string[] = [];
  let scanned = 0;
  for await (const entry of await opendir(root)) {
    if (++scanned > MAX_SCANNED_ENTRIES) break;
    if (entry.name !== name && entry.name.normalize('NFC') === name) found.push(entry.name);
  }
  const [only, ...more] = found;
  if (only === undefined || more.length > 0) throw dossierErrors.fileNotFound();
  return only;
}

/** Reads one file of an import folder through the checks above. */
export async function readFolderFile(
  folder: ImportFolder,
  name: string,
  options: { dataDir: string; maxBytes: number; accept: readonly FileKind[] },
): Promise<SourceFile> {
  const clean = checkFileName(name);
  if (clean.startsWith('.')) throw new KioskFailure(fileErrors.unsafeName());
  let root: string;
  try {
    root = await realpath(folderPath(folder, options.dataDir));
  } catch {
    throw dossierErrors.sourceUnavailable();
  }
  let real: string;
  try {
    real = await realpath(join(root, await nameOnDisk(root, clean)));
  } catch (error) {
    throw error instanceof KioskFailure ? error : dossierErrors.fileNotFound();
  }
  if (dirname(real) !== root) throw dossierErrors.fileOutside();
  try {
    if (!(await stat(real)).isFile()) throw dossierErrors.fileNotFound(); // a folder, a device, a FIFO
  } catch (error) {
    throw error instanceof KioskFailure ? error : dossierErrors.fileNotFound();
  }
  // O_NOFOLLOW: had the name been swapped for a link since realpath, opening it fails. O_NONBLOCK: had
  // it been swapped for a FIFO, opening does not hang. Both are 0 where the platform lacks them.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let handle: FileHandle;
  try {
    handle = await open(real, flags);
  } catch {
    throw dossierErrors.fileNotFound();
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw dossierErrors.fileNotFound();
    checkFileSize(info.size, options.maxBytes);
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    const sniffed = sniffFileType(head, options.accept);
    return { name: clean, kind: sniffed.kind, bytes: await readExactly(handle, info.size) };
  } finally {
    await handle.close();
  }
}

const DATA_URL = /^data:image\/(?:jpeg|png);base64,/;

/**
 * A camera capture: base64 JPEG or PNG (a `data:` URL prefix is accepted, as canvas.toDataURL gives).
 * The decoded size is worked out from the text length before decoding. A capture can be 13 MB of text,
 * and this runs on the kiosk's event loop: no regular expression walks all of it (one did, for 60–170 ms).
 * Node's decoder skips characters outside the alphabet, so a text that decodes to fewer bytes than its
 * length promises held some: refused.
 */
export function readCapture(
  dataBase64: string,
  options: { maxBytes: number; accept: readonly FileKind[]; name: string },
): SourceFile {
  let text = dataBase64.replace(DATA_URL, '');
  // Line-wrapped base64 (MIME style) is read too; the common case, one line, skips the copy.
  if (text.includes('\n') || text.includes('\r') || text.includes(' ')) text = text.replace(/[\r\n ]+/g, '');
  if (text.length === 0 || text.length % 4 !== 0) throw dossierErrors.captureInvalid();
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const expected = (text.length / 4) * 3 - padding;
  checkFileSize(expected, options.maxBytes);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== expected) throw dossierErrors.captureInvalid();
  const sniffed = sniffFileType(bytes.subarray(0, SNIFF_BYTES));
  // A camera gives pictures; a PDF arriving this way did not come from the camera.
  if (sniffed.kind === 'pdf') throw new KioskFailure(fileErrors.unsupported());
  if (!options.accept.includes(sniffed.kind))
    throw new KioskFailure(fileErrors.notAllowed(sniffed.kind, options.accept));
  return { name: `${options.name}.${sniffed.extension}`, kind: sniffed.kind, bytes };
}
