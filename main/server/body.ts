import type { IncomingMessage } from 'node:http';
import { DATA_URL_PREFIX_CHARS, base64Length, type MethodName } from '../../preload/api';

/** Contract calls are small JSON: a form, a scan, a PIN. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Around a capture in a dossier.attach body: its ids, keys and quotes. */
const ATTACH_ENVELOPE_BYTES = 4 * 1024;
/** The one method whose body carries a file: a camera capture, base64. */
const ATTACH: MethodName = 'dossier.attach';
/**
 * An administrative-unit dataset an admin installs travels as one JSON string (contract/address.ts: at
 * most 2,000,000 characters): escaped in the body, and Vietnamese letters taking up to 3 bytes, 6 MB.
 */
const INSTALL_DATASET: MethodName = 'address.installDataset';
const DATASET_BODY_BYTES = 6_000_000;
/** After refusing a body, how long the rest of it is read and dropped before the connection is cut. */
const DISCARD_MS = 2_000;

/**
 * The largest body the bridge reads for a method, chosen from the URL before a byte of the body is read:
 * dossier.attach may carry a capture of `maxFileBytes` (the kiosk's configuration) once base64-encoded,
 * address.installDataset a dataset file; every other method 64 KiB. The core then holds the capture to
 * `maxFileBytes` exactly. Both large bodies are one long string (`tooMuchOutsideStrings`).
 */
export function bodyLimit(method: string, maxFileBytes: number): number {
  if (method === INSTALL_DATASET) return DATASET_BODY_BYTES;
  if (method !== ATTACH) return MAX_BODY_BYTES;
  return base64Length(maxFileBytes) + DATA_URL_PREFIX_CHARS + ATTACH_ENVELOPE_BYTES;
}

/**
 * True when `bytes` (JSON text) has more than `max` bytes outside its string literals. A body over 64 KiB
 * (a capture) must be one long string in a small envelope: parsed, 70 MB of `[[[[…` or `[0,0,…` would be
 * tens of millions of objects, enough to exhaust the heap, where the same bytes in a string are one value.
 * One pass, no allocation; stops as soon as the answer is known.
 */
export function tooMuchOutsideStrings(bytes: Uint8Array, max: number): boolean {
  const QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  let outside = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else {
      if (++outside > max) return true;
      if (b === QUOTE) inString = true;
    }
  }
  return false;
}

export type Body = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body of at most `limit` bytes. A declared Content-Length over the limit is refused
 * before reading; a body that grows past it (chunked, or lying about its length) is refused the moment it
 * does, and nothing past the limit is kept. `aborted`: the client went away (or timed out) first.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      resolve({ kind: 'too-large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (body: Body): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        done({ kind: 'too-large' });
      } else chunks.push(chunk);
    };
    const onEnd = (): void => done({ kind: 'ok', bytes: Buffer.concat(chunks, size) });
    const onClose = (): void => done({ kind: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}

/**
 * After a refusal: the rest of the body is read and dropped (never kept) for a short while, so the client,
 * still sending, reads the answer instead of a reset connection; then the connection is cut.
 */
export function discardRest(req: IncomingMessage): void {
  if (req.complete) return;
  const timer = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
