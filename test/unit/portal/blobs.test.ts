import { appendFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPortal } from '../../portal';
import { send, sha256, startPortal, tempDir, TOKEN } from './fixtures';

describe('reference portal: blobs', () => {
  it('HEAD says 404 until the blob is PUT, then 200 with its size; a repeated PUT is 200', async () => {
    const portal = await startPortal();
    const data = Buffer.from('%PDF-1.7 tệp đính kèm thử\n'.repeat(1000));
    const path = `/api/v1/blobs/${sha256(data)}`;

    expect((await send(portal.url, path, { method: 'HEAD' })).status).toBe(404);
    const put = await send(portal.url, path, { method: 'PUT', body: data });
    expect(put.status).toBe(201);
    expect(put.json()).toEqual({ sha256: sha256(data), bytes: data.length });

    const head = await send(portal.url, path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(data.length));

    const again = await send(portal.url, path, { method: 'PUT', body: data });
    expect(again.status).toBe(200);
    // Stored byte for byte under its hash, once.
    expect(portal.readBlob(sha256(data))).toEqual(data);
    expect(storedRows(portal)).toBe(1);
  });

  it('answers 422 with reasons when the bytes do not hash to the address, and keeps nothing', async () => {
    const portal = await startPortal();
    const claimed = sha256('the real file');
    const reply = await send(portal.url, `/api/v1/blobs/${claimed}`, {
      method: 'PUT',
      body: 'a damaged file',
    });
    expect(reply.status).toBe(422);
    const body = reply.json() as { error: string; reasons: string[] };
    expect(body.error).toMatch(/SHA-256/);
    expect(body.reasons[0]).toContain(sha256('a damaged file'));

    expect((await send(portal.url, `/api/v1/blobs/${claimed}`, { method: 'HEAD' })).status).toBe(404);
    expect(portal.readBlob(claimed)).toBeNull();
    expect(storedRows(portal)).toBe(0);
  });

  it('refuses an address that is not a lowercase SHA-256 (400) and a file over the limit (413)', async () => {
    const portal = await startPortal({ limits: { maxBlobBytes: 1000 } });
    const upper = sha256('x').toUpperCase();
    expect((await send(portal.url, `/api/v1/blobs/${upper}`, { method: 'PUT', body: 'x' })).status).toBe(400);
    const big = Buffer.alloc(1001, 1);
    const reply = await send(portal.url, `/api/v1/blobs/${sha256(big)}`, { method: 'PUT', body: big });
    expect(reply.status).toBe(413);
    expect(reply.json()).toEqual({ error: expect.stringContaining('1000') });
  });

  it('answers 405 to a method the blob address does not support', async () => {
    const portal = await startPortal();
    const reply = await send(portal.url, `/api/v1/blobs/${sha256('x')}`, { method: 'DELETE' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('HEAD, PUT');
  });
});

describe('reference portal: one connection for a whole dossier', () => {
  it('keeps the connection open after HEAD 404, PUT and HEAD 200 (no new handshake per file)', async () => {
    const portal = await startPortal();
    const data = Buffer.from('%PDF-1.7 giữ kết nối\n'.repeat(100));
    const path = `/api/v1/blobs/${sha256(data)}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ports: number[] = [];
    const call = (method: string, body?: Buffer) =>
      new Promise<number>((resolve, reject) => {
        const req = request(new URL(path, portal.url), {
          method,
          agent,
          headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { 'Content-Length': body.length } : {}) },
        });
        req.on('response', (res) => {
          ports.push(res.socket.localPort ?? -1);
          res.resume();
          res.once('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect(await call('HEAD')).toBe(404);
      expect(await call('PUT', data)).toBe(201);
      expect(await call('HEAD')).toBe(200);
      expect(new Set(ports).size).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});

describe('reference portal: an upload cut off half-way', () => {
  it('keeps nothing of it, and the next upload of the same file is stored whole', async () => {
    const portal = await startPortal();
    const data = Buffer.alloc(512 * 1024, 7);
    const path = `/api/v1/blobs/${sha256(data)}`;
    await new Promise<void>((resolve) => {
      const req = request(new URL(path, portal.url), {
        method: 'PUT',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Length': data.length },
      });
      req.on('error', () => resolve());
      req.write(data.subarray(0, 100_000), () => setTimeout(() => req.destroy(), 50));
    });
    expect((await send(portal.url, path, { method: 'HEAD' })).status).toBe(404);
    expect(storedRows(portal)).toBe(0);

    expect((await send(portal.url, path, { method: 'PUT', body: data })).status).toBe(201);
    expect(portal.readBlob(sha256(data))?.equals(data)).toBe(true);
  });
});

describe('reference portal: an oversize upload without Content-Length', () => {
  it('still answers 413 (not a reset) when the limit is only found while streaming', async () => {
    const portal = await startPortal({ limits: { maxBlobBytes: 1000 } });
    const big = Buffer.alloc(5000, 2);
    const reply = await new Promise<number>((resolve, reject) => {
      const req = request(new URL(`/api/v1/blobs/${sha256(big)}`, portal.url), {
        method: 'PUT',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(big.subarray(0, 2500));
      req.end(big.subarray(2500));
    });
    expect(reply).toBe(413);
    expect(storedRows(portal)).toBe(0);
  });
});

describe('reference portal: the segment store', () => {
  it('keeps two large uploads sent at the same time apart, byte for byte, though their writes interleave', async () => {
    const portal = await startPortal();
    // Over the 1 MiB write batch, sent in turns: each upload's bytes land in several extents.
    const a = patterned(2_600_000, 3);
    const b = patterned(2_400_000, 7);
    const upload = (data: Buffer) => {
      const req = request(new URL(`/api/v1/blobs/${sha256(data)}`, portal.url), {
        method: 'PUT',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Length': data.length },
      });
      const status = new Promise<number>((resolve, reject) => {
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
      });
      return { req, status };
    };
    const ua = upload(a);
    const ub = upload(b);
    const piece = 300_000;
    for (let at = 0; at < Math.max(a.length, b.length); at += piece) {
      for (const [u, data] of [
        [ua, a],
        [ub, b],
      ] as const) {
        if (at >= data.length) continue;
        await new Promise<void>((r) => u.req.write(data.subarray(at, at + piece), () => r()));
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    ua.req.end();
    ub.req.end();
    expect(await ua.status).toBe(201);
    expect(await ub.status).toBe(201);

    expect(portal.readBlob(sha256(a))?.equals(a)).toBe(true);
    expect(portal.readBlob(sha256(b))?.equals(b)).toBe(true);
    const extents = portal.db.prepare(`SELECT extents FROM stored_blobs`).pluck().all() as string[];
    expect(extents.some((e) => (JSON.parse(e) as unknown[]).length > 1)).toBe(true);
  });

  it('after a restart, every blob answered 201 is still there, a torn tail is never used, new ones go to a new segment', async () => {
    const dataDir = tempDir('portal-restart-');
    const first = await createPortal({ dataDir, tokens: [TOKEN] });
    const files = Array.from({ length: 12 }, (_, i) => patterned(150_000 + i * 1000, i + 1));
    const answers = await Promise.all(
      files.map((f) => send(first.url, `/api/v1/blobs/${sha256(f)}`, { method: 'PUT', body: f })),
    );
    expect(answers.map((r) => r.status)).toEqual(files.map(() => 201));
    await first.close();
    // What a power cut mid-upload leaves: bytes after the last acknowledged ones, in no row.
    const segment = segments(dataDir);
    expect(segment).toHaveLength(1);
    appendFileSync(join(dataDir, 'blobs', segment[0]!), Buffer.alloc(70_000, 0xee));

    const second = await createPortal({ dataDir, tokens: [TOKEN] });
    try {
      for (const f of files) {
        expect(second.readBlob(sha256(f))?.equals(f)).toBe(true);
        const head = await send(second.url, `/api/v1/blobs/${sha256(f)}`, { method: 'HEAD' });
        expect(head.status).toBe(200);
      }
      const fresh = patterned(90_000, 99);
      expect(
        (await send(second.url, `/api/v1/blobs/${sha256(fresh)}`, { method: 'PUT', body: fresh })).status,
      ).toBe(201);
      expect(segments(dataDir)).toHaveLength(2);
      expect(second.readBlob(sha256(fresh))?.equals(fresh)).toBe(true);
    } finally {
      await second.close();
    }
  });
});

function storedRows(portal: { db: { prepare(sql: string): { pluck(): { get(): unknown } } } }): number {
  return portal.db.prepare('SELECT COUNT(*) FROM stored_blobs').pluck().get() as number;
}

function segments(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'blobs'))
    .filter((f) => f.endsWith('.log'))
    .sort();
}

function patterned(length: number, seed: number): Buffer {
  const data = Buffer.alloc(length);
  for (let i = 0; i < length; i++) data[i] = (i * seed + (i >> 8)) & 0xff;
  return data;
}
