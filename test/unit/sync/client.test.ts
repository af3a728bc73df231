import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createPortalClient,
  socketsFor,
  type HttpPortalClient,
  type PortalClientOptions,
} from '../../../main/core/sync/client';
import { UPLOADS_PER_DOSSIER } from '../../../main/core/sync/deliver';
import type { Portal } from '../../portal';
import { dossierWith, procedure, sha256, startPortal, tempDir, TOKEN } from '../portal/fixtures';

const clients: HttpPortalClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

function clientFor(portal: Portal, over: Partial<PortalClientOptions> = {}): HttpPortalClient {
  const client = createPortalClient({
    url: portal.url,
    token: TOKEN,
    kioskId: 'K01',
    timeoutMs: 5000,
    ...over,
  });
  clients.push(client);
  return client;
}

function file(data: Buffer): { path: string; hash: string; bytes: number } {
  const path = join(tempDir('client-file-'), 'a.pdf');
  writeFileSync(path, data);
  return { path, hash: sha256(data), bytes: data.length };
}

describe('portal client against the reference portal', () => {
  it('probes: ok with a valid token; refused with the staff message for a wrong one', async () => {
    const portal = await startPortal();
    expect(await clientFor(portal).probe()).toEqual({ ok: true, value: undefined });

    const wrong = await clientFor(portal, { token: 'wrong-token-123' }).probe();
    expect(wrong).toMatchObject({ ok: false, failure: { kind: 'refused', status: 401 } });
    if (wrong.ok) return;
    expect(wrong.failure.error.code).toBe('portal-unauthorized');
    expect(wrong.failure.error.vi).toMatch(
      /^Mã truy cập cổng dịch vụ công của ki-ốt không đúng hoặc đã hết hạn/,
    );
    expect(wrong.failure.error.en).toMatch(/access token/);
  });

  it('checks, streams and re-checks a blob; the portal holds the same bytes', async () => {
    const portal = await startPortal();
    const client = clientFor(portal);
    const data = Buffer.alloc(3 * 1024 * 1024 + 7);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
    const f = file(data);

    expect(await client.hasBlob(f.hash)).toEqual({ ok: true, value: false });
    expect(await client.putBlob(f.hash, f.path, f.bytes)).toEqual({ ok: true, value: undefined });
    expect(await client.hasBlob(f.hash)).toEqual({ ok: true, value: true });
    // Repeatable: a second upload after a lost answer is fine.
    expect(await client.putBlob(f.hash, f.path, f.bytes)).toEqual({ ok: true, value: undefined });
    expect(portal.readBlob(f.hash)?.equals(data)).toBe(true);
  });

  it('refuses an upload whose file does not match its hash (422) and one whose file is gone (status 0)', async () => {
    const portal = await startPortal();
    const client = clientFor(portal);
    const f = file(Buffer.from('bytes changed on disk'));
    const claimed = sha256('the original bytes');

    const mismatch = await client.putBlob(claimed, f.path, f.bytes);
    expect(mismatch).toMatchObject({ ok: false, failure: { kind: 'refused', status: 422 } });
    if (!mismatch.ok) {
      expect(mismatch.failure.error.code).toBe('portal-hash-mismatch');
      expect(mismatch.failure.kind === 'refused' && mismatch.failure.reasons[0]).toContain(f.hash);
    }

    const gone = await client.putBlob(f.hash, join(tempDir(), 'missing.pdf'), f.bytes);
    expect(gone).toMatchObject({
      ok: false,
      failure: { kind: 'refused', status: 0, error: { code: 'attachment-file-missing' } },
    });
    const resized = await client.putBlob(f.hash, f.path, f.bytes + 1);
    expect(resized).toMatchObject({ ok: false, failure: { kind: 'refused', status: 0 } });
  });

  it('submits once: created, then the same code on a repeat, refused on a conflicting body', async () => {
    const portal = await startPortal();
    const client = clientFor(portal);
    const f = file(Buffer.from('%PDF-1.7 bản sao'));
    await client.putBlob(f.hash, f.path, f.bytes);
    const dossier = dossierWith([{ data: Buffer.from('%PDF-1.7 bản sao') }]);

    const first = await client.submitDossier(dossier);
    const code = '000.00.12.H29-261123-0001';
    expect(first).toEqual({ ok: true, value: { portalCode: code, created: true, reception: 'received' } });
    const repeat = await client.submitDossier(dossier);
    expect(repeat).toEqual({ ok: true, value: { portalCode: code, created: false, reception: 'received' } });

    const conflict = await client.submitDossier({ ...dossier, dueDate: '2026-12-01' });
    expect(conflict).toMatchObject({
      ok: false,
      failure: {
        kind: 'refused',
        status: 409,
        error: { code: 'portal-conflict' },
        reasons: [expect.stringContaining('000.00.12.H29-261123-0001')],
      },
    });
  });

  it('puts a reception: the one the portal holds, then 409 with its reason for one it cannot take, 404 for an unknown dossier', async () => {
    const portal = await startPortal();
    const client = clientFor(portal);
    const pending = { state: 'pending', at: null, by: null, reason: null } as const;
    const dossier = dossierWith([], { reception: pending });
    expect(await client.submitDossier(dossier)).toMatchObject({ ok: true, value: { reception: 'pending' } });

    const refused = {
      state: 'refused',
      at: '2026-11-23T03:00:00.000Z',
      by: 'Trần Thị Bích',
      reason: 'Không thuộc thẩm quyền',
    } as const;
    expect(await client.setReception(dossier.id, refused)).toEqual({ ok: true, value: refused });
    expect(await client.setReception(dossier.id, refused)).toEqual({ ok: true, value: refused });
    const late = await client.setReception(dossier.id, { ...refused, state: 'received', reason: null });
    expect(late).toMatchObject({
      ok: false,
      failure: {
        kind: 'refused',
        status: 409,
        error: { code: 'portal-reception-conflict' },
        reasons: [expect.stringContaining('Không thuộc thẩm quyền')],
      },
    });
    const unknown = await client.setReception('3f0c9a57-1a7b-4c55-9a0e-1f2d3c4b5a69', refused);
    expect(unknown).toMatchObject({
      ok: false,
      failure: { status: 404, error: { code: 'portal-reception-unknown' } },
    });
  });

  it('returns the portal’s reasons for an invalid dossier (422), never as a retry', async () => {
    const portal = await startPortal({
      rejectRules: [{ procedureCode: '2.000815', reasons: ['Sai mẫu tờ khai.', 'Thiếu chữ ký.'] }],
    });
    const result = await clientFor(portal).submitDossier(dossierWith([]));
    expect(result).toMatchObject({
      ok: false,
      failure: {
        kind: 'refused',
        status: 422,
        reasons: ['Sai mẫu tờ khai.', 'Thiếu chữ ký.'],
        error: { code: 'portal-invalid' },
      },
    });
  });

  it('pulls status changes with a cursor, only for its own kiosk', async () => {
    const portal = await startPortal();
    const client = clientFor(portal);
    const mine = dossierWith([]);
    const other = dossierWith([], { kioskId: 'K02' });
    const a = await client.submitDossier(mine);
    const b = await client.submitDossier(other);
    if (!a.ok || !b.ok) throw new Error('submit failed');

    const start = await client.changes(null);
    expect(start).toMatchObject({ ok: true, value: { changes: [] } });
    if (!start.ok) return;

    portal.admin.setStatus(b.value.portalCode, 'processing');
    portal.admin.setStatus(a.value.portalCode, 'stopped', 'Hồ sơ không thuộc thẩm quyền.');
    const next = await client.changes(start.value.cursor);
    expect(next).toEqual({
      ok: true,
      value: {
        changes: [
          {
            id: mine.id,
            portalCode: a.value.portalCode,
            status: 'stopped',
            at: expect.any(String),
            note: 'Hồ sơ không thuộc thẩm quyền.',
            paid: null,
            paidVia: null,
            dueDate: null,
            apology: null,
            resultElectronic: null,
          },
        ],
        cursor: expect.any(String),
      },
    });
    if (!next.ok) return;
    expect(await client.changes(next.value.cursor)).toEqual({
      ok: true,
      value: { changes: [], cursor: next.value.cursor },
    });
  });

  it('fetches the catalogue, then hears "not modified" for the same ETag and the new list after a change', async () => {
    const portal = await startPortal({ catalogue: [procedure()] });
    const client = clientFor(portal);
    const first = await client.catalogue(null);
    expect(first).toMatchObject({ ok: true, value: { notModified: false, procedures: [procedure()] } });
    if (!first.ok || first.value.notModified) return;
    expect(await client.catalogue(first.value.etag)).toEqual({ ok: true, value: { notModified: true } });

    portal.catalogue.set([procedure(), procedure('khai-sinh', 'Đăng ký khai sinh')]);
    const changed = await client.catalogue(first.value.etag);
    expect(changed).toMatchObject({ ok: true, value: { notModified: false } });
    if (changed.ok && !changed.value.notModified) {
      expect(changed.value.procedures.map((p) => p.id)).toEqual(['chung-thuc-ban-sao', 'khai-sinh']);
      expect(changed.value.etag).not.toBe(first.value.etag);
    }
  });

  it('keeps a path prefix of the portal url', async () => {
    const portal = await startPortal();
    const result = await clientFor(portal, { url: `${portal.url}/gateway/` }).probe();
    // The reference portal has no /gateway prefix: a 404 shows the client asked for it, and a probe
    // never mistakes a wrong address for an online portal.
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'refused', status: 404, error: { code: 'portal-not-found' } },
    });
  });
});

describe('portal client: one socket for every upload the engine may have in flight', () => {
  /** Holds every PUT until `uploads` are open at once (or 3 s pass), then answers all: the peak it saw. */
  async function peakOfUploads(maxSockets: number, uploads: number): Promise<number> {
    const held: ServerResponse[] = [];
    let peak = 0;
    // Once released (all seen at once, or 3 s passed), every held and later upload is answered at once.
    let released = false;
    const release = () => {
      released = true;
      for (const res of held.splice(0)) res.writeHead(201, { 'Content-Length': 0 }).end();
    };
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      req.once('end', () => {
        held.push(res);
        peak = Math.max(peak, held.length);
        if (released || held.length === uploads) release();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const timer = setTimeout(release, 3000);
    try {
      const client = createPortalClient({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        token: TOKEN,
        kioskId: 'K01',
        timeoutMs: 10_000,
        maxSockets,
      });
      clients.push(client);
      const files = Array.from({ length: uploads }, (_, i) => file(Buffer.from(`tệp ${i}`)));
      const results = await Promise.all(files.map((f) => client.putBlob(f.hash, f.path, f.bytes)));
      expect(results.filter((r) => !r.ok)).toEqual([]);
      return peak;
    } finally {
      clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }

  it('at sync.concurrency 4, all 12 uploads are on the wire together; with the old fixed 8, four waited', async () => {
    const uploads = 4 * UPLOADS_PER_DOSSIER;
    expect(socketsFor(4)).toBeGreaterThanOrEqual(uploads + 2); // + the probe and the status pull
    expect(await peakOfUploads(socketsFor(4), uploads)).toBe(uploads);
    expect(await peakOfUploads(8, uploads)).toBe(8);
  });
});

describe('portal client: a large scan is streamed, never held in memory whole', () => {
  it('while a slow portal has read only the first MiB of a 64 MB file, the kiosk holds a few MiB of it, and the portal gets every byte', async () => {
    const size = 64 * 1024 * 1024;
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) data.writeUInt32LE(i, i); // not all zeros: a real hash check
    const f = file(data);
    const expected = f.hash;
    data.fill(0); // the test's own copy is not what is measured
    let stalled: (() => void) | null = null;
    const atStall = new Promise<void>((r) => (stalled = r));
    let resume: () => void = () => undefined;
    const received = { bytes: 0, hash: '' };
    const server = createServer((req, res) => {
      const hash = createHash('sha256');
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        received.bytes += chunk.length;
        if (stalled && received.bytes >= 1024 * 1024) {
          req.pause(); // the portal's disk is busy: back-pressure all the way to the kiosk's file
          resume = () => req.resume();
          stalled();
          stalled = null;
        }
      });
      req.once('end', () => {
        received.hash = hash.digest('hex');
        res.writeHead(201, { 'Content-Length': 0 }).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const client = createPortalClient({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        token: TOKEN,
        kioskId: 'K01',
        timeoutMs: 10_000,
      });
      clients.push(client);
      const before = process.memoryUsage().arrayBuffers;
      const upload = client.putBlob(f.hash, f.path, f.bytes);
      await atStall;
      // Let the kiosk side run on for a moment: a client that read the whole file would have it by now.
      await new Promise((r) => setTimeout(r, 300));
      const held = process.memoryUsage().arrayBuffers - before;
      resume();
      expect(await upload).toEqual({ ok: true, value: undefined });
      expect(held).toBeLessThan(16 * 1024 * 1024);
      expect(received).toEqual({ bytes: size, hash: expected });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
