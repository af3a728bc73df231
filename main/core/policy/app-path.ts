/**
 * Maps `app://kiosk/<path>` to a file of the built renderer, and never to anything outside it.
 *
 * The URL parser already folds `..`, `%2e%2e` and `.%2e` segments, so those cannot climb out. What it does
 * not fold is an encoded separator (`%2f`, `%5c`), a backslash (a separator on Windows), NUL, or a drive or
 * stream colon (`C:`, `index.html::$DATA`): those are refused outright, and the joined result is checked
 * once more to lie inside the root. Dotfiles are refused too; nothing in the renderer build needs one.
 */
import nodePath from 'node:path';
import { isAllowedNavigation } from './origin';

/** The slice of `node:path` used here, so tests can run the Windows rules on Linux (`path.win32`). */
export type PathApi = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'resolve'>;

export const SPA_ENTRY = 'index.html';

/** `nul.js` opens the NUL device on Windows, whatever folder it is "in". */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;

/**
 * The file to serve for `url`, or null to answer 404. Extension-less paths (`/`, `/staff`, `/display/3`) are
 * client-side routes and get `index.html`. Does not touch the disk: the caller still handles a missing file.
 */
export function resolveAppPath(url: string, rootDir: string, pathApi: PathApi = nodePath): string | null {
  if (!isAllowedNavigation(url)) return null;
  const rawPath = new URL(url).pathname;
  if (/%(2f|5c|00)/i.test(rawPath)) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null; // malformed percent-encoding
  }
  // A `%` left after one decode means double encoding, which our build never produces.
  if (/[\\\0:%]/.test(decoded)) return null;

  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.') || WINDOWS_DEVICE.test(segment))) return null;

  const last = segments.at(-1);
  const relative = last === undefined || !last.includes('.') ? [SPA_ENTRY] : segments;

  const root = pathApi.resolve(rootDir);
  const file = pathApi.join(root, ...relative);
  const fromRoot = pathApi.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || pathApi.isAbsolute(fromRoot)) return null;
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  // Module scripts are refused by Chromium unless served with a JavaScript MIME type.
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a served file; unknown kinds are opaque bytes (and `nosniff` keeps them so). */
export function contentTypeFor(filePath: string): string {
  const base = filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot === -1 ? '' : base.slice(dot).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
