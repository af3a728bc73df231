import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

/** Small HTTP helpers for the reference portal: JSON replies, bounded bodies, bearer tokens. */

/** A refusal with the protocol's JSON error body `{ error, reasons? }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reasons?: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${error}`);
    this.name = 'HttpError';
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, e: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, e.status, e.reasons ? { error: e.error, reasons: e.reasons } : { error: e.error }, e.headers);
}

/**
 * Reads a request body up to `limit` bytes; beyond it, 413. Listeners rather than `for await`: breaking
 * out of an async iterator destroys the socket, and then the 413 could not be sent.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

export const tooLarge = (limit: number): HttpError =>
  new HttpError(413, `Nội dung gửi lên vượt quá giới hạn ${limit} byte của cổng.`, undefined, {
    Connection: 'close',
  });

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const raw = await readBody(req, limit);
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'Nội dung gửi lên không phải JSON hợp lệ.');
  }
}

export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Compares digests, so the time taken says nothing about how much of a token was right. */
export function tokenAllowed(given: string | null, allowed: readonly string[]): boolean {
  if (given === null) return false;
  const g = createHash('sha256').update(given).digest();
  let found = false;
  for (const token of allowed) {
    if (timingSafeEqual(g, createHash('sha256').update(token).digest())) found = true;
  }
  return found;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'Địa chỉ có ký tự mã hoá sai.');
  }
}
