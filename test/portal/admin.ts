import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ADMIN_CSP, adminErrorPage, adminPage } from './admin-page';
import { bearerToken, decodePathPart, HttpError, readBody, sendJson, tokenAllowed } from './http-util';
import { STATUSES, type MoveOutcome, type PortalStatus, type PortalStore } from './store';

/**
 * The tester's side: `/admin/api/…` (JSON, `Authorization: Bearer <admin token>`) and the `/admin` page
 * (HTTP Basic with the admin token as password, so a browser can sign in without a script). Page forms
 * carry a token derived from the admin token, so another site cannot post them with the browser's
 * remembered credentials.
 */
export interface AdminContext {
  adminToken: string;
  store: PortalStore;
}

const FORM_LIMIT = 16 * 1024;

function authorised(req: IncomingMessage, adminToken: string): boolean {
  const bearer = bearerToken(req);
  if (bearer !== null) return tokenAllowed(bearer, [adminToken]);
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!basic) return false;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  return tokenAllowed(decoded.slice(decoded.indexOf(':') + 1), [adminToken]);
}

const csrfFor = (adminToken: string): string =>
  createHmac('sha256', adminToken).update('portal-admin-form').digest('hex');

function isStatus(value: unknown): value is PortalStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

function changeStatus(
  store: PortalStore,
  code: string,
  status: unknown,
  note: unknown,
  resultElectronic: unknown,
): MoveOutcome {
  if (!isStatus(status)) {
    return { ok: false, status: 422, error: `Trạng thái phải là một trong: ${STATUSES.join(', ')}.` };
  }
  if (note !== undefined && note !== null && typeof note !== 'string') {
    return { ok: false, status: 422, error: 'Lý do (note) phải là chuỗi.' };
  }
  if (resultElectronic !== undefined && resultElectronic !== null && typeof resultElectronic !== 'boolean') {
    return { ok: false, status: 422, error: 'resultElectronic phải là true hoặc false.' };
  }
  return store.moveStatus(code, status, note ?? null, resultElectronic ?? null);
}

function changePaid(store: PortalStore, code: string, paid: unknown, paidVia: unknown): MoveOutcome {
  if (paidVia !== undefined && paidVia !== null && paidVia !== 'online' && paidVia !== 'counter') {
    return { ok: false, status: 422, error: 'paidVia phải là "online" hoặc "counter".' };
  }
  return store.setPaid(code, paid !== false, paidVia === 'online' ? 'online' : 'counter');
}

function apologise(store: PortalStore, code: string, text: unknown, newDueDate: unknown): MoveOutcome {
  if (typeof text !== 'string' || typeof newDueDate !== 'string') {
    return { ok: false, status: 422, error: 'Cần nội dung xin lỗi (text) và ngày hẹn trả mới (newDueDate).' };
  }
  return store.apologise(code, text, newDueDate);
}

export async function handleAdmin(
  ctx: AdminContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const api = path.startsWith('/admin/api/');
  if (!authorised(req, ctx.adminToken)) {
    throw new HttpError(401, 'Cần mã quản trị của cổng.', undefined, {
      'WWW-Authenticate': api ? 'Bearer realm="portal-admin"' : 'Basic realm="portal-admin", charset="UTF-8"',
    });
  }

  if (api) {
    if (path === '/admin/api/dossiers' && method === 'GET') {
      sendJson(res, 200, {
        dossiers: ctx.store.list().map((d) => ({ ...d, paid: d.paid === null ? null : d.paid === 1 })),
      });
      return;
    }
    const action = /^\/admin\/api\/dossiers\/([^/]+)\/(status|paid|apology)$/.exec(path);
    if (!action || method !== 'POST') throw new HttpError(404, 'Không có địa chỉ quản trị này.');
    const code = decodePathPart(action[1]!);
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, FORM_LIMIT)).toString('utf8') || '{}');
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'Nội dung gửi lên không phải JSON hợp lệ.');
    }
    const fields = (body ?? {}) as Record<string, unknown>;
    const outcome =
      action[2] === 'status'
        ? changeStatus(ctx.store, code, fields.status, fields.note, fields.resultElectronic)
        : action[2] === 'paid'
          ? changePaid(ctx.store, code, fields.paid, fields.paidVia)
          : apologise(ctx.store, code, fields.text, fields.newDueDate);
    if (!outcome.ok) throw new HttpError(outcome.status, outcome.error);
    sendJson(res, 200, {
      dossier: {
        ...outcome.dossier,
        paid: outcome.dossier.paid === null ? null : outcome.dossier.paid === 1,
      },
      timeline: ctx.store.timeline(code),
    });
    return;
  }

  const csrf = csrfFor(ctx.adminToken);
  const html = (status: number, text: string): void => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': ADMIN_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(text);
  };

  if ((path === '/admin' || path === '/admin/') && method === 'GET') {
    const noteOf = (code: string) =>
      ctx.store
        .timeline(code)
        .filter((e) => e.kind === 'status')
        .at(-1)?.note ?? null;
    html(
      200,
      adminPage(ctx.store.list(), csrf, noteOf, (d) => ctx.store.late(d)),
    );
    return;
  }
  const action = /^\/admin\/dossiers\/([^/]+)\/(status|paid|apology)$/.exec(path);
  if (!action || method !== 'POST') throw new HttpError(404, 'Không có địa chỉ quản trị này.');
  const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
  if (form.get('csrf') !== csrf) {
    html(403, adminErrorPage('Biểu mẫu không hợp lệ hoặc đến từ trang khác. Hãy tải lại trang quản trị.'));
    return;
  }
  const code = decodePathPart(action[1]!);
  const outcome =
    action[2] === 'status'
      ? changeStatus(
          ctx.store,
          code,
          form.get('status'),
          form.get('note'),
          form.get('resultElectronic') === 'true',
        )
      : action[2] === 'paid'
        ? changePaid(ctx.store, code, form.get('paid') !== 'false', form.get('paidVia'))
        : apologise(ctx.store, code, form.get('text') ?? '', form.get('newDueDate') ?? '');
  if (!outcome.ok) {
    html(outcome.status, adminErrorPage(outcome.error));
    return;
  }
  res.writeHead(303, { Location: '/admin', 'Cache-Control': 'no-store' });
  res.end();
}
