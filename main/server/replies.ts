import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { KioskError, Result } from '../../preload/api';
import { securityHeaders } from '../core/policy';
import { statusForError } from './http-status';

/**
 * Every answer of the bridge is JSON, errors included: `{ ok: false, error: { code, vi, en } }`, whether
 * the contract refused a call, the static server found no file, or Node's HTTP parser gave up on the
 * request before any handler saw it (`rawErrorResponse`).
 */

export const errorBody = (code: string, vi: string, en: string): KioskError => ({ code, vi, en });

const jsonHeaders = (length: number): Record<string, string> => ({
  ...securityHeaders(),
  'Content-Type': 'application/json; charset=utf-8',
  'Content-Length': String(length),
  'Cache-Control': 'no-store',
});

export function sendJson(
  res: ServerResponse,
  status: number,
  body: Result<unknown> | Record<string, unknown>,
  extra: Record<string, string> = {},
): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...jsonHeaders(Buffer.byteLength(data)), ...extra });
  // HEAD gets the headers of the answer GET would get, without its body.
  res.end(res.req.method === 'HEAD' ? undefined : data);
}

export function sendError(res: ServerResponse, error: KioskError, extra: Record<string, string> = {}): void {
  sendJson(res, statusForError(error), { ok: false, error }, extra);
}

/**
 * A whole HTTP/1.1 response as bytes, for a socket no `ServerResponse` owns (a request Node's parser
 * refused, a refused WebSocket upgrade). The connection is closed after it.
 */
export function rawErrorResponse(error: KioskError): string {
  const status = statusForError(error);
  const body = JSON.stringify({ ok: false, error });
  const headers = { ...jsonHeaders(Buffer.byteLength(body)), Connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

export const httpErrors = {
  notFound: () => errorBody('not-found', 'Không tìm thấy.', 'Not found.'),
  methodNotAllowed: (allowed: string) =>
    errorBody('method-not-allowed', `Chỉ chấp nhận ${allowed}.`, `Only ${allowed} is accepted.`),
  badRequest: () =>
    errorBody(
      'bad-request',
      'Yêu cầu gửi đến ki-ốt không đúng định dạng HTTP.',
      'The request is not well-formed HTTP.',
    ),
  badHandshake: (reason: string) =>
    errorBody(
      'bad-request',
      'Yêu cầu mở kết nối sự kiện (WebSocket) không hợp lệ.',
      `Not a valid WebSocket handshake: ${reason}.`,
    ),
  tooManyClients: () =>
    errorBody(
      'too-many-clients',
      'Ki-ốt đang có quá nhiều kết nối. Vui lòng thử lại sau ít phút.',
      'The kiosk has too many connections. Please try again in a few minutes.',
    ),
  tooManyUploads: () =>
    errorBody(
      'too-many-uploads',
      'Ki-ốt đang nhận nhiều tệp cùng lúc. Vui lòng thử lại sau vài giây.',
      'The kiosk is receiving several files at once. Please try again in a few seconds.',
    ),
  requestTimeout: () =>
    errorBody(
      'request-timeout',
      'Yêu cầu gửi đến quá chậm nên ki-ốt đã ngừng chờ. Vui lòng thử lại.',
      'The request arrived too slowly and the kiosk stopped waiting. Please try again.',
    ),
  headersTooLarge: () =>
    errorBody(
      'headers-too-large',
      'Phần đầu (header) của yêu cầu quá lớn.',
      'The request headers are too large.',
    ),
  tooLarge: (limit?: number) =>
    limit === undefined
      ? errorBody('too-large', 'Dữ liệu gửi lên quá lớn.', 'The request is too large.')
      : errorBody(
          'too-large',
          `Dữ liệu gửi lên quá lớn (tối đa ${limit.toLocaleString('vi-VN')} byte).`,
          `The request is larger than ${limit} bytes.`,
        ),
  /** A large body that is not one long string in a small envelope (body.ts, `tooMuchOutsideStrings`). */
  tooMuchStructure: (limit: number) =>
    errorBody(
      'too-large',
      `Dữ liệu gửi lên quá lớn: ngoài nội dung tệp, yêu cầu chỉ được tối đa ${limit.toLocaleString('vi-VN')} byte.`,
      `Apart from the file it carries, a request may have at most ${limit} bytes.`,
    ),
} as const;
