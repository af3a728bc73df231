import type { IncomingHttpHeaders } from 'node:http';
import type { KioskError } from '../../../preload/api';
import { kioskError } from '../errors';
import type { NetworkReason } from './http';
import type { PortalFailure } from './types';

/**
 * Turns what happened on the wire into the protocol's decision (ARCHITECTURE.md): network errors,
 * timeouts, cut-off or unreadable answers, 408, 429 and 5xx are `retry` (the outbox tries again with
 * backoff, honouring Retry-After); any other 4xx (and a redirect, which means a wrong portal.url) is
 * `refused`: never retried blindly, shown to staff with the portal's own reasons. The texts are for a
 * staff member at the counter: what happened, and whether they need to do anything.
 */

/** What the call was doing, so a refusal can be worded for it (a 422 on an upload is a hash problem). */
export type PortalOperation =
  'probe' | 'blob-check' | 'blob-upload' | 'dossier' | 'reception' | 'changes' | 'catalogue';

const AUTO = { vi: 'Ki-ốt sẽ tự gửi lại, không cần làm gì.', en: 'The kiosk will try again by itself.' };

export const portalErrors = {
  unreachable: (detail: NetworkReason) =>
    kioskError(
      'portal-unreachable',
      `Không kết nối được cổng dịch vụ công (${detail === 'dns' ? 'không tìm thấy địa chỉ cổng' : detail === 'tls' ? 'chứng chỉ bảo mật của kết nối không hợp lệ' : 'mất mạng hoặc cổng đang tắt'}). ${AUTO.vi}`,
      `Cannot reach the public service portal (${detail === 'dns' ? 'its address was not found' : detail === 'tls' ? 'the secure connection’s certificate is not valid' : 'the network is down or the portal is off'}). ${AUTO.en}`,
    ),
  timeout: (ms: number) =>
    kioskError(
      'portal-timeout',
      `Cổng dịch vụ công không trả lời trong ${Math.round(ms / 1000)} giây (mạng chậm hoặc cổng quá tải). ${AUTO.vi}`,
      `The public service portal did not answer within ${Math.round(ms / 1000)} s (slow network or a busy portal). ${AUTO.en}`,
    ),
  slowRequest: () =>
    kioskError(
      'portal-timeout',
      `Cổng dịch vụ công báo yêu cầu của ki-ốt đến quá chậm (mạng chậm). ${AUTO.vi}`,
      `The public service portal says the kiosk’s request arrived too slowly (slow network). ${AUTO.en}`,
    ),
  badResponse: () =>
    kioskError(
      'portal-bad-response',
      `Câu trả lời của cổng dịch vụ công bị cắt ngang hoặc không đọc được. ${AUTO.vi}`,
      `The public service portal’s answer was cut off or unreadable. ${AUTO.en}`,
    ),
  busy: () =>
    kioskError(
      'portal-busy',
      `Cổng dịch vụ công đang quá tải và yêu cầu ki-ốt chờ. ${AUTO.vi}`,
      `The public service portal is busy and asked the kiosk to wait. ${AUTO.en}`,
    ),
  serverError: (status: number) =>
    kioskError(
      'portal-server-error',
      `Cổng dịch vụ công đang gặp sự cố (mã lỗi ${status}). ${AUTO.vi}`,
      `The public service portal has a problem (error ${status}). ${AUTO.en}`,
    ),
  unauthorized: () =>
    kioskError(
      'portal-unauthorized',
      'Mã truy cập cổng dịch vụ công của ki-ốt không đúng hoặc đã hết hạn. Hồ sơ vẫn được giữ an toàn trên ki-ốt; hãy báo quản trị viên cập nhật mã truy cập (portal.token) trong cấu hình.',
      'The kiosk’s access token for the public service portal is wrong or has expired. Dossiers stay safe on the kiosk; ask an administrator to update the token (portal.token) in the configuration.',
    ),
  forbidden: () =>
    kioskError(
      'portal-forbidden',
      'Cổng dịch vụ công không cho phép ki-ốt này làm việc này. Hãy báo quản trị viên kiểm tra quyền của ki-ốt trên cổng.',
      'The public service portal does not allow this kiosk to do this. Ask an administrator to check the kiosk’s rights on the portal.',
    ),
  invalidDossier: () =>
    kioskError(
      'portal-invalid',
      'Cổng dịch vụ công từ chối hồ sơ vì thông tin chưa hợp lệ. Xem lý do của cổng bên dưới, sửa hồ sơ rồi gửi lại.',
      'The public service portal refused the dossier as invalid. See the portal’s reasons below, correct the dossier and send it again.',
    ),
  hashMismatch: () =>
    kioskError(
      'portal-hash-mismatch',
      'Tệp đính kèm gửi lên không khớp với mã kiểm tra (SHA-256) đã lưu trên ki-ốt: tệp trên máy có thể đã hỏng. Hãy báo quản trị viên.',
      'An uploaded attachment does not match the checksum (SHA-256) stored on the kiosk: the file on disk may be damaged. Please tell an administrator.',
    ),
  conflict: () =>
    kioskError(
      'portal-conflict',
      'Cổng dịch vụ công đã nhận một hồ sơ khác với cùng mã định danh. Hồ sơ này không được gửi lại tự động; hãy báo quản trị viên.',
      'The public service portal already holds a different dossier under the same id. This dossier will not be resent automatically; please tell an administrator.',
    ),
  receptionConflict: () =>
    kioskError(
      'portal-reception-conflict',
      'Cổng dịch vụ công không nhận việc tiếp nhận hoặc từ chối hồ sơ này như ki-ốt ghi (cổng đã ghi nhận khác). Xem lý do của cổng và báo quản trị viên.',
      'The public service portal does not take this dossier’s reception as the kiosk recorded it (it holds another). See the portal’s reasons and tell an administrator.',
    ),
  receptionUnknown: () =>
    kioskError(
      'portal-reception-unknown',
      'Cổng dịch vụ công không tìm thấy hồ sơ này để ghi việc tiếp nhận. Hãy báo quản trị viên.',
      'The public service portal does not find this dossier to record its reception. Please tell an administrator.',
    ),
  tooLarge: () =>
    kioskError(
      'portal-too-large',
      'Hồ sơ hoặc tệp đính kèm lớn hơn mức cổng dịch vụ công cho phép. Hãy giảm dung lượng tệp (quét ở độ phân giải thấp hơn) rồi gửi lại.',
      'The dossier or an attachment is larger than the public service portal allows. Reduce the file size (scan at a lower resolution) and send again.',
    ),
  notFound: () =>
    kioskError(
      'portal-not-found',
      'Cổng dịch vụ công không có địa chỉ ki-ốt gọi tới. Hãy báo quản trị viên kiểm tra địa chỉ cổng (portal.url).',
      'The public service portal has no such address. Ask an administrator to check the portal address (portal.url).',
    ),
  redirect: () =>
    kioskError(
      'portal-redirect',
      'Cổng dịch vụ công chuyển ki-ốt sang một địa chỉ khác. Hãy báo quản trị viên kiểm tra địa chỉ cổng (portal.url), có thể cần dùng https.',
      'The public service portal redirected the kiosk elsewhere. Ask an administrator to check the portal address (portal.url); it may need https.',
    ),
  refused: (status: number) =>
    kioskError(
      'portal-refused',
      `Cổng dịch vụ công từ chối yêu cầu (mã lỗi ${status}). Hãy xem lý do của cổng và báo quản trị viên.`,
      `The public service portal refused the request (error ${status}). See the portal’s reasons and tell an administrator.`,
    ),
  fileMissing: () =>
    kioskError(
      'attachment-file-missing',
      'Không đọc được tệp đính kèm trên ki-ốt (tệp bị mất hoặc đã thay đổi). Hãy báo quản trị viên kiểm tra thư mục dữ liệu.',
      'An attachment file on the kiosk cannot be read (missing or changed). Ask an administrator to check the data folder.',
    ),
} as const satisfies Record<string, (...args: never[]) => KioskError>;

/** Retry-After is seconds or an HTTP-date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | string[] | undefined, now: Date): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null;
  return Math.max(0, at - now.getTime());
}

/** The portal's reasons from a `{ error, reasons? }` body, as it sent them (bounded, strings only). */
export function reasonsOf(body: Buffer): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return [];
  }
  if (parsed === null || typeof parsed !== 'object') return [];
  const { error, reasons } = parsed as { error?: unknown; reasons?: unknown };
  const list = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
  const all = list.length > 0 ? list : typeof error === 'string' ? [error] : [];
  return all.slice(0, 50).map((r) => (r.length > 1000 ? `${r.slice(0, 1000)}…` : r));
}

export const retryFailure = (
  error: KioskError,
  status: number | null = null,
  retryAfterMs: number | null = null,
): PortalFailure => ({ kind: 'retry', status, retryAfterMs, error });

export function networkFailure(reason: NetworkReason, timeoutMs: number): PortalFailure {
  switch (reason) {
    case 'timeout':
    case 'connect-timeout':
      return retryFailure(portalErrors.timeout(timeoutMs));
    case 'truncated':
    case 'too-large':
      return retryFailure(portalErrors.badResponse());
    case 'local-file':
      // The file could be read a moment ago (its size was checked): a read error mid-upload may pass.
      return retryFailure(portalErrors.fileMissing());
    default:
      return retryFailure(portalErrors.unreachable(reason));
  }
}

/** An HTTP answer the caller did not expect as success. */
export function statusFailure(
  status: number,
  headers: IncomingHttpHeaders,
  body: Buffer,
  operation: PortalOperation,
  now: Date,
): PortalFailure {
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
    const error =
      status === 429
        ? portalErrors.busy()
        : status === 408
          ? portalErrors.slowRequest()
          : portalErrors.serverError(status);
    return retryFailure(error, status, retryAfterMs);
  }
  const reasons = reasonsOf(body);
  const refused = (error: KioskError): PortalFailure => ({ kind: 'refused', status, reasons, error });
  if (status >= 300 && status < 400) return refused(portalErrors.redirect());
  switch (status) {
    case 401:
      return refused(portalErrors.unauthorized());
    case 403:
      return refused(portalErrors.forbidden());
    case 404:
      return refused(operation === 'reception' ? portalErrors.receptionUnknown() : portalErrors.notFound());
    case 409:
      return refused(operation === 'reception' ? portalErrors.receptionConflict() : portalErrors.conflict());
    case 413:
      return refused(portalErrors.tooLarge());
    case 422:
      return refused(
        operation === 'blob-upload' ? portalErrors.hashMismatch() : portalErrors.invalidDossier(),
      );
    default:
      // 2xx/1xx that the operation did not expect are unreadable answers, not refusals.
      return status >= 400
        ? refused(portalErrors.refused(status))
        : retryFailure(portalErrors.badResponse(), status);
  }
}
