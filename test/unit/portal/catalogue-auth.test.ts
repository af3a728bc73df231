import { writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPortal } from '../../portal';
import { OTHER_TOKEN, procedure, send, startPortal, tempDir, writeCatalogue } from './fixtures';

describe('reference portal: tokens', () => {
  it('answers 401 with a JSON error for a missing or unknown token, on every kiosk route', async () => {
    const portal = await startPortal();
    for (const [method, path] of [
      ['GET', '/api/v1/catalogue'],
      ['HEAD', `/api/v1/blobs/${'a'.repeat(64)}`],
      ['PUT', `/api/v1/blobs/${'a'.repeat(64)}`],
      ['POST', '/api/v1/dossiers'],
      ['GET', '/api/v1/dossiers?changedSince=0'],
      ['GET', '/api/v1/dossiers/X-1'],
    ] as const) {
      for (const token of [null, 'not-a-kiosk-token']) {
        const reply = await send(portal.url, path, { method, token });
        expect(reply.status, `${method} ${path} with ${token}`).toBe(401);
        expect(reply.headers['www-authenticate']).toMatch(/^Bearer/);
        if (method !== 'HEAD') expect(reply.json()).toEqual({ error: expect.any(String) });
      }
    }
  });

  it('accepts each of several kiosk tokens, but not the admin token', async () => {
    const portal = await startPortal();
    expect((await send(portal.url, '/api/v1/catalogue')).status).toBe(200);
    expect((await send(portal.url, '/api/v1/catalogue', { token: OTHER_TOKEN })).status).toBe(200);
    expect((await send(portal.url, '/api/v1/catalogue', { token: 'admin-test-token' })).status).toBe(401);
  });
});

describe('reference portal: catalogue with ETag', () => {
  it('serves an empty list with an ETag by default and answers 304 to a matching If-None-Match', async () => {
    const portal = await startPortal();
    const first = await send(portal.url, '/api/v1/catalogue');
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({ procedures: [] });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);

    const again = await send(portal.url, '/api/v1/catalogue', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    // A list of tags, one of them weak, still matches.
    const listed = await send(portal.url, '/api/v1/catalogue', {
      headers: { 'If-None-Match': `"other", W/${etag}` },
    });
    expect(listed.status).toBe(304);
    const stale = await send(portal.url, '/api/v1/catalogue', { headers: { 'If-None-Match': '"stale"' } });
    expect(stale.status).toBe(200);
  });

  it('serves a catalogue file and a new ETag once the file changes', async () => {
    const dir = tempDir();
    const file = writeCatalogue(dir, [procedure()]);
    const portal = await startPortal({ catalogue: file });
    const first = await send(portal.url, '/api/v1/catalogue');
    expect((first.json() as { procedures: { id: string }[] }).procedures.map((p) => p.id)).toEqual([
      'chung-thuc-ban-sao',
    ]);

    writeCatalogue(dir, [procedure(), procedure('khai-sinh', 'Đăng ký khai sinh')]);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = await send(portal.url, '/api/v1/catalogue', {
      headers: { 'If-None-Match': first.headers.etag as string },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    expect((changed.json() as { procedures: unknown[] }).procedures).toHaveLength(2);
  });

  it('refuses to start with a catalogue file that is not a list of procedures', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ id: 'x' }]));
    await expect(createPortal({ dataDir: dir, tokens: ['t'], catalogue: file })).rejects.toThrow(
      /not a list of procedures/,
    );
  });
});
