import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_ORIGIN, contentTypeFor, resolveAppPath, securityHeaders } from '../core/policy';
import { httpErrors, sendError } from './replies';

/**
 * Serves the built renderer. Paths are resolved by the same pure function as Electron's app:// handler,
 * so both transports refuse the same traversal tricks. A refusal is JSON, as every error of the bridge.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, httpErrors.methodNotAllowed('GET, HEAD'), { Allow: 'GET, HEAD' });
    return;
  }
  const pathname = new URL(req.url ?? '/', 'http://bridge').pathname;
  const file = resolveAppPath(APP_ORIGIN + pathname, rendererDir);
  let size = -1;
  if (file) {
    try {
      const stat = statSync(file);
      if (stat.isFile()) size = stat.size;
    } catch {
      size = -1;
    }
  }
  if (!file || size < 0) {
    sendError(res, httpErrors.notFound());
    return;
  }
  const hashed = pathname.startsWith('/assets/');
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(size),
    // Vite puts a content hash in asset names; index.html must always be fresh after an update.
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
