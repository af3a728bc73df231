import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BlobStore } from './blobs';
import type { Catalogue } from './catalogue';
import type { GroupCommit } from './commit';
import { etagMatches } from './catalogue';
import { bearerToken, decodePathPart, HttpError, readJson, sendJson, tokenAllowed } from './http-util';
import { receptionOfRow, type PortalStore } from './store';
import type { RejectRule } from './validate';

/** The kiosk-facing protocol (ARCHITECTURE.md "The portal protocol"), every route behind a bearer token. */

export interface ApiContext {
  tokens: readonly string[];
  store: PortalStore;
  blobs: BlobStore;
  /** The POST's transaction joins others of the same moment: one fsync for all of them. */
  commit: GroupCommit;
  catalogue: Catalogue;
  rejectRules: readonly RejectRule[];
  limits: { maxJsonBytes: number; maxBlobBytes: number; maxChangesPerPage: number };
}

const SHA256 = /^[0-9a-f]{64}$/;
const methodNotAllowed = (allow: string) =>
  new HttpError(405, 'Phương thức không được hỗ trợ ở địa chỉ này.', undefined, { Allow: allow });

export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (!tokenAllowed(bearerToken(req), ctx.tokens)) {
    throw new HttpError(401, 'Mã truy cập của ki-ốt không hợp lệ hoặc đã bị thu hồi.', undefined, {
      'WWW-Authenticate': 'Bearer realm="portal"',
    });
  }
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (path === '/api/v1/catalogue') {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
    const { procedures, etag } = ctx.catalogue.get();
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    sendJson(res, 200, { procedures }, { ETag: etag, 'Cache-Control': 'no-cache' });
    return;
  }

  const blob = /^\/api\/v1\/blobs\/([^/]+)$/.exec(path);
  if (blob) {
    const sha256 = blob[1]!;
    if (!SHA256.test(sha256))
      throw new HttpError(400, 'Địa chỉ tệp phải là mã SHA-256 (64 ký tự hex thường).');
    if (method === 'HEAD') {
      const bytes = ctx.blobs.bytes(sha256);
      // Content-Length on the 404 too: without one, Node closes the connection after the answer, and the
      // kiosk would pay a new TCP (and TLS) handshake for its next request.
      res.writeHead(bytes === null ? 404 : 200, { 'Content-Length': bytes ?? 0 });
      res.end();
      return;
    }
    if (method !== 'PUT') throw methodNotAllowed('HEAD, PUT');
    const { bytes, created } = await ctx.blobs.receive(req, sha256, ctx.limits.maxBlobBytes);
    sendJson(res, created ? 201 : 200, { sha256, bytes });
    return;
  }

  if (path === '/api/v1/dossiers') {
    if (method === 'POST') return submit(ctx, req, res);
    if (method === 'GET') return changes(ctx, res, url);
    throw methodNotAllowed('GET, POST');
  }

  const reception = /^\/api\/v1\/dossiers\/([^/]+)\/reception$/.exec(path);
  if (reception) {
    if (method !== 'PUT') throw methodNotAllowed('PUT');
    const id = decodePathPart(reception[1]!);
    const body = await readJson(req, ctx.limits.maxJsonBytes);
    const outcome = ctx.store.setReception(id, body);
    if (!outcome.ok) throw new HttpError(outcome.status, outcome.error, outcome.reasons);
    sendJson(res, 200, outcome.answer);
    return;
  }

  const one = /^\/api\/v1\/dossiers\/([^/]+)$/.exec(path);
  if (one) {
    if (method !== 'GET') throw methodNotAllowed('GET');
    const code = decodePathPart(one[1]!);
    const row = ctx.store.dossier(code);
    if (!row) throw new HttpError(404, `Không có hồ sơ ${code} trên cổng.`);
    sendJson(res, 200, {
      portalCode: row.code,
      id: row.kiosk_dossier_id,
      localCode: row.local_code,
      kioskId: row.kiosk_id,
      procedureId: row.procedure_id,
      receivedAt: row.received_at,
      status: row.status,
      channel: row.channel,
      reception: receptionOfRow(row),
      paid: row.paid === null ? null : row.paid === 1,
      timeline: ctx.store.timeline(code).map(({ status, at, note, paid }) => ({ status, at, note, paid })),
    });
    return;
  }
  throw new HttpError(404, 'Không có địa chỉ này trên cổng.');
}

async function submit(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key.trim() === '' || key.length > 200) {
    throw new HttpError(400, 'Thiếu tiêu đề Idempotency-Key (mã định danh hồ sơ của ki-ốt).');
  }
  const body = await readJson(req, ctx.limits.maxJsonBytes);
  const outcome = await ctx.commit.run(() =>
    ctx.store.submit(body, key.trim(), {
      procedures: ctx.catalogue.get().procedures,
      rejectRules: ctx.rejectRules,
      blobBytes: ctx.blobs.bytes,
    }),
  );
  switch (outcome.kind) {
    case 'created':
      sendJson(res, 201, outcome.response);
      return;
    case 'repeat':
      sendJson(res, 200, outcome.response);
      return;
    case 'conflict':
      throw new HttpError(409, 'Idempotency-Key này đã được dùng cho một hồ sơ khác nội dung.', [
        `Cổng đã nhận hồ sơ ${outcome.portalCode} với mã định danh này; nội dung gửi lần này khác lần trước.`,
      ]);
    case 'invalid':
      throw new HttpError(422, 'Hồ sơ không hợp lệ, cổng chưa tiếp nhận.', outcome.reasons);
  }
}

function changes(ctx: ApiContext, res: ServerResponse, url: URL): void {
  const since = url.searchParams.get('changedSince') ?? '';
  if (!/^\d{0,15}$/.test(since))
    throw new HttpError(400, 'Tham số changedSince phải là con trỏ do cổng trả về.');
  const kiosk = url.searchParams.get('kiosk');
  const limitText = url.searchParams.get('limit');
  const limit = Math.min(
    ctx.limits.maxChangesPerPage,
    limitText !== null && /^\d{1,6}$/.test(limitText) && Number(limitText) > 0 ? Number(limitText) : Infinity,
  );
  sendJson(res, 200, ctx.store.changes(since === '' ? 0 : Number(since), kiosk || null, limit));
}
