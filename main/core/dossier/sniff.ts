import { KioskFailure, kioskError } from '../errors';

/**
 * What an attachment really is, from its first bytes, never from its name: a `.pdf` that starts with
 * "MZ" is a Windows program. Only PDF, JPEG and PNG are accepted (images become PDF pages later).
 */

export type FileKind = 'pdf' | 'jpeg' | 'png';

export interface SniffedFile {
  kind: FileKind;
  mime: string;
  extension: string;
}

/** Bytes to read from the start of a file before calling `sniffFileType`. */
export const SNIFF_BYTES = 8;
/** Default per-file limit; the procedure catalogue or kiosk configuration may set another. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: readonly { kind: FileKind; mime: string; extension: string; magic: readonly number[] }[] = [
  { kind: 'pdf', mime: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'jpeg', mime: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  {
    kind: 'png',
    mime: 'image/png',
    extension: 'png',
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
];

const KIND_NAMES: Record<FileKind, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' };

export const fileErrors = {
  empty: () => kioskError('file-empty', 'Tệp trống, không có nội dung.', 'The file is empty.', 'file'),
  program: () =>
    kioskError(
      'file-type-refused',
      'Tệp này là một chương trình máy tính (dù tên có đuôi khác), không phải tài liệu. Ki-ốt không nhận tệp này. Hãy chọn bản PDF hoặc ảnh JPEG, PNG của giấy tờ.',
      'This file is a computer program (whatever its name says), not a document. The kiosk will not take it. Choose a PDF, or a JPEG or PNG picture of the paper.',
      'file',
    ),
  unsupported: () =>
    kioskError(
      'file-type-refused',
      'Ki-ốt chỉ nhận tệp PDF, JPEG hoặc PNG. Tệp này không thuộc các loại đó (đổi đuôi tên tệp không làm thay đổi loại tệp).',
      'The kiosk accepts only PDF, JPEG or PNG files. This file is none of these (renaming a file does not change its type).',
      'file',
    ),
  notAllowed: (kind: FileKind, allowed: readonly FileKind[]) =>
    kioskError(
      'file-type-not-allowed',
      `Giấy tờ này chỉ nhận tệp ${allowed.map((k) => KIND_NAMES[k]).join(', ')}; tệp Quý vị chọn là ${KIND_NAMES[kind]}.`,
      `This document accepts only ${allowed.map((k) => KIND_NAMES[k]).join(', ')}; the chosen file is ${KIND_NAMES[kind]}.`,
      'file',
    ),
  tooLarge: (size: number, max: number) =>
    kioskError(
      'file-too-large',
      `Tệp quá lớn (${megabytes(size, 'vi')}). Mỗi tệp tối đa ${megabytes(max, 'vi')}. Hãy quét lại ở độ phân giải thấp hơn hoặc chia nhỏ tệp.`,
      `The file is too large (${megabytes(size, 'en')}). Each file may be at most ${megabytes(max, 'en')}. Scan again at a lower resolution or split the file.`,
      'file',
    ),
  unsafeName: () =>
    kioskError(
      'file-name-unsafe',
      'Tên tệp chứa đường dẫn, ký tự điều khiển, tên dành riêng của hệ thống (như "../", "\\", "CON") hoặc quá dài. Hãy đổi tên tệp rồi chọn lại.',
      'The file name holds a path, control characters, a name reserved by the system (such as "../", "\\", "CON") or is too long. Rename the file and choose it again.',
      'fileName',
    ),
} as const;

function megabytes(bytes: number, lang: 'vi' | 'en'): string {
  const mb = bytes / (1024 * 1024);
  const text = mb >= 10 || Number.isInteger(mb) ? String(Math.round(mb)) : mb.toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text} MB`;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * The file's kind from its first bytes (`SNIFF_BYTES` are enough), or a KioskFailure. PDF must start
 * with "%PDF-" at byte 0: readers tolerate junk before it, which is how polyglot files get in.
 */
export function sniffFileType(head: Uint8Array, allowed?: readonly FileKind[]): SniffedFile {
  if (head.length === 0) throw new KioskFailure(fileErrors.empty());
  const hit = SIGNATURES.find((s) => startsWith(head, s.magic));
  if (!hit)
    throw new KioskFailure(startsWith(head, [0x4d, 0x5a]) ? fileErrors.program() : fileErrors.unsupported());
  if (allowed && !allowed.includes(hit.kind))
    throw new KioskFailure(fileErrors.notAllowed(hit.kind, allowed));
  return { kind: hit.kind, mime: hit.mime, extension: hit.extension };
}

/** Refuses an empty file or one over `maxBytes` (checked from the size before reading it all). */
export function checkFileSize(size: number, maxBytes = DEFAULT_MAX_FILE_BYTES): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new Error(`invalid file size ${size}`);
  if (size === 0) throw new KioskFailure(fileErrors.empty());
  if (size > maxBytes) throw new KioskFailure(fileErrors.tooLarge(size, maxBytes));
}

/** Size first (cheap, from stat), then type: what an attachment import does before storing anything. */
export function checkAttachment(input: {
  size: number;
  head: Uint8Array;
  maxBytes?: number;
  allowed?: readonly FileKind[];
}): SniffedFile {
  checkFileSize(input.size, input.maxBytes);
  return sniffFileType(input.head, input.allowed);
}

// Control characters (C0, DEL, C1) and invisible format characters such as U+202E RIGHT-TO-LEFT
// OVERRIDE, which makes "hoso\u202Efdp.exe" display as "hosoexe.pdf".
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Forbidden in Windows names (the kiosk may copy files to a Windows share or USB drive).
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;
const MAX_NAME_BYTES = 255;

/**
 * A name safe to show, store and write on any file system, keeping Vietnamese letters: the last path
 * component only; no control or format characters; no Windows-forbidden characters; no leading dots
 * (hidden files, "..") or trailing dots and spaces; reserved device names (CON, NUL, COM1 …) prefixed
 * with "_"; at most 255 UTF-8 bytes with the extension kept. `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'tep-dinh-kem'): string {
  const last = String(name).normalize('NFC').split(/[/\\]/).pop() ?? '';
  let clean = last
    .replace(INVISIBLE, '')
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const stem = clean.split('.')[0] ?? '';
  if (RESERVED.test(stem.trim())) clean = `_${clean}`;
  clean = truncateUtf8(clean, MAX_NAME_BYTES);
  return clean === '' ? fallback : clean;
}

function truncateUtf8(name: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(name).length <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  let stem = ext ? name.slice(0, dot) : name;
  while (stem.length > 0 && encoder.encode(stem + ext).length > maxBytes)
    stem = [...stem].slice(0, -1).join('');
  return stem + ext;
}

/**
 * For a name that arrives from outside (renderer, bridge, USB listing): refuses it, rather than quietly
 * changing it, when it carries a path, a traversal, control characters or a reserved name. Returns the
 * NFC form of an acceptable name.
 */
export function checkFileName(name: unknown): string {
  if (typeof name !== 'string') throw new KioskFailure(fileErrors.unsafeName());
  const nfc = name.normalize('NFC');
  if (nfc.trim() === '' || safeFileName(nfc, '') !== nfc) throw new KioskFailure(fileErrors.unsafeName());
  return nfc;
}
