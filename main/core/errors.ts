import type { KioskError, Result } from '../../preload/api';

/**
 * Errors that reach a person are values with a code and Vietnamese/English text (ARCHITECTURE.md).
 * Services throw `KioskFailure` for an expected refusal; `createCore` turns it into a `Result` error.
 * Anything else thrown is a bug: logged in full, shown to the person as a calm "internal" message.
 */
export class KioskFailure extends Error {
  readonly error: KioskError;
  constructor(error: KioskError) {
    super(`${error.code}: ${error.en}`);
    this.name = 'KioskFailure';
    this.error = error;
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: KioskError): { ok: false; error: KioskError } => ({ ok: false, error });

export function kioskError(code: string, vi: string, en: string, field?: string): KioskError {
  return field === undefined ? { code, vi, en } : { code, vi, en, field };
}

/** The messages shared by every transport. Service-specific messages live beside their service. */
export const commonErrors = {
  unknownMethod: (name: string) =>
    kioskError(
      'unknown-method',
      `Chức năng "${name}" không tồn tại trên ki-ốt này.`,
      `The kiosk has no method "${name}".`,
    ),
  unauthorized: () =>
    kioskError(
      'unauthorized',
      'Bạn cần đăng nhập tài khoản nhân viên để dùng chức năng này.',
      'Please sign in with a staff account to use this.',
    ),
  sessionExpired: () =>
    kioskError(
      'session-expired',
      'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
      'Your session has expired. Please sign in again.',
    ),
  forbidden: () =>
    kioskError(
      'forbidden',
      'Tài khoản của bạn không có quyền dùng chức năng này.',
      'Your account is not allowed to do this.',
    ),
  localOnly: () =>
    kioskError(
      'local-only',
      'Việc này chỉ làm được ngay trên máy ki-ốt.',
      'This can only be done on the kiosk machine itself.',
    ),
  internal: () =>
    kioskError(
      'internal',
      'Ki-ốt gặp lỗi ngoài ý muốn. Vui lòng thử lại hoặc báo nhân viên hỗ trợ.',
      'The kiosk hit an unexpected error. Please try again or ask a staff member.',
    ),
} as const;

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
