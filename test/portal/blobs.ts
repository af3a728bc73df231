import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError, tooLarge } from './http-util';

/**
 * Attachments on the portal's disk, stored once by SHA-256 like the kiosk does. An upload streams to a
 * temp file while it is hashed (memory stays flat whatever the size), is fsynced, and only a verified
 * file is renamed into place: a cut upload or a wrong hash leaves nothing behind.
 */
export function blobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
}

export async function receiveBlob(
  req: IncomingMessage,
  dataDir: string,
  sha256: string,
  maxBytes: number,
): Promise<{ bytes: number }> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const tmpDir = join(dataDir, 'blobs', 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${sha256}.${randomUUID()}`);
  const hash = createHash('sha256');
  let bytes = 0;
  // Past the limit the rest is read and dropped rather than failing the stream: failing would destroy
  // the socket, and the kiosk would see a reset (retry, forever) instead of the 413 (refused).
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        done();
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });

  try {
    await pipeline(req, meter, createWriteStream(tmp));
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    if (Number.isFinite(declared) && declared !== bytes) {
      throw new HttpError(400, `Nhận được ${bytes} byte, khác Content-Length (${declared}).`);
    }
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      throw new HttpError(422, 'Mã SHA-256 của tệp nhận được không khớp với địa chỉ tải lên.', [
        `Mong đợi ${sha256}, nhận được ${actual} (${bytes} byte).`,
      ]);
    }
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const final = blobPath(dataDir, sha256);
    mkdirSync(join(dataDir, 'blobs', sha256.slice(0, 2)), { recursive: true });
    if (!existsSync(final)) await rename(tmp, final);
    return { bytes };
  } finally {
    await rm(tmp, { force: true });
  }
}
