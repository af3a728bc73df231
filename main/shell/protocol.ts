/**
 * The `app://kiosk` scheme: the renderer is served from here rather than from file://, so it has a real
 * origin (CSP `'self'`, storage, fetch all behave as on the web) and a file:// page can never read other
 * files. Which file a URL maps to is decided by `resolveAppPath` (pure, unit-tested).
 */
import { readFile, stat } from 'node:fs/promises';
import { protocol } from 'electron';
import { createLogger } from '../core/log';
import { APP_SCHEME, contentTypeFor, resolveAppPath, securityHeaders } from '../core/policy';

const log = createLogger('shell.protocol');

/**
 * Must run before `app` is ready. `standard` gives the scheme an origin and relative-URL resolution;
 * `secure` makes it a secure context; `supportFetchAPI` lets the page fetch its own assets. Deliberately
 * not `bypassCSP`, `corsEnabled` or `allowServiceWorkers`: same-origin loads need none of them.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function respond(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
  const file = resolveAppPath(request.url, rendererDir);
  if (file === null) {
    log.warn('refused app:// request', { url: request.url.slice(0, 200) });
    return plain(404, 'Not Found');
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) return plain(404, 'Not Found');
    const headers = {
      ...securityHeaders(),
      'Content-Type': contentTypeFor(file),
      'Cache-Control': 'no-cache',
    };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    // Whole-file reads: the renderer's files are a few hundred KB. Large media would want a stream and
    // Range support; add them with the first video.
    return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (file.endsWith('index.html')) log.error('renderer not built: run `npm run build`', { rendererDir });
      return plain(404, 'Not Found');
    }
    log.error('app:// read failed', { error });
    return plain(500, 'Internal Error');
  }
}

/** Serves dist/renderer on app://kiosk. Call once the app is ready. */
export function serveApp(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(request, rendererDir));
}
