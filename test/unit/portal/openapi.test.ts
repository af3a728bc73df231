import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, dossierWith, postDossier, send, sha256, startPortal } from './fixtures';

/**
 * test/portal/openapi.yaml and the portal must not drift: every documented operation exists (answers
 * something other than "no such address"), and every route the portal serves is documented.
 */
function documentedOperations(): { path: string; method: string }[] {
  const text = readFileSync(new URL('../../portal/openapi.yaml', import.meta.url), 'utf8');
  const ops: { path: string; method: string }[] = [];
  let path: string | null = null;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) path = null;
    const p = /^ {2}(\/\S*):\s*$/.exec(line);
    if (p) path = p[1]!;
    const m = /^ {4}(get|head|put|post|delete|patch):\s*$/.exec(line);
    if (m && path) ops.push({ path, method: m[1]!.toUpperCase() });
  }
  return ops;
}

describe('the OpenAPI file', () => {
  it('documents each route the portal serves', () => {
    const ops = documentedOperations().map((o) => `${o.method} ${o.path}`);
    expect(ops.sort()).toEqual(
      [
        'GET /api/v1/catalogue',
        'HEAD /api/v1/catalogue',
        'HEAD /api/v1/blobs/{sha256}',
        'PUT /api/v1/blobs/{sha256}',
        'POST /api/v1/dossiers',
        'GET /api/v1/dossiers',
        'GET /api/v1/dossiers/{code}',
        'PUT /api/v1/dossiers/{id}/reception',
        'GET /admin',
        'POST /admin/dossiers/{code}/status',
        'POST /admin/dossiers/{code}/paid',
        'POST /admin/dossiers/{code}/apology',
        'GET /admin/api/dossiers',
        'POST /admin/api/dossiers/{code}/status',
        'POST /admin/api/dossiers/{code}/paid',
        'POST /admin/api/dossiers/{code}/apology',
      ].sort(),
    );
  });

  it('documents only operations the portal answers', async () => {
    const portal = await startPortal();
    const dossier = dossierWith([]);
    const { portalCode } = (await postDossier(portal, dossier)).json() as { portalCode: string };
    for (const { path, method } of documentedOperations()) {
      const url = path
        .replace('{sha256}', sha256('x'))
        .replace('{code}', encodeURIComponent(portalCode))
        .replace('{id}', dossier.id);
      const token = path.startsWith('/admin') ? ADMIN : undefined;
      const reply = await send(portal.url, url, {
        method,
        token,
        body: method === 'POST' || method === 'PUT' ? '{}' : undefined,
      });
      expect(reply.status, `${method} ${path}`).not.toBe(405);
      // 404 is a documented answer only where a held thing is looked up, never for the address itself.
      if (reply.status === 404)
        expect(method === 'HEAD' && path.includes('blobs'), `${method} ${path}`).toBe(true);
    }
  });
});
