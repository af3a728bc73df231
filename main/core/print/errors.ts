import { KioskFailure, kioskError } from '../errors';

export type PrinterErrorCode =
  'paper-out' | 'printer-unreachable' | 'printer-disconnected' | 'printer-timeout' | 'printer-permission';

const messages: Record<PrinterErrorCode, { vi: string; en: string }> = {
  'paper-out': { vi: 'Máy in hết giấy', en: 'Printer is out of paper' },
  'printer-unreachable': {
    vi: 'Không kết nối được máy in. Vui lòng báo nhân viên hỗ trợ.',
    en: 'Cannot reach the printer. Please ask a staff member.',
  },
  'printer-disconnected': {
    vi: 'Máy in bị ngắt kết nối khi đang in. Vui lòng báo nhân viên hỗ trợ.',
    en: 'The printer disconnected while printing. Please ask a staff member.',
  },
  'printer-timeout': {
    vi: 'Máy in không phản hồi. Vui lòng báo nhân viên hỗ trợ.',
    en: 'The printer is not responding. Please ask a staff member.',
  },
  'printer-permission': {
    vi: 'Ki-ốt không có quyền dùng máy in. Vui lòng báo nhân viên kỹ thuật.',
    en: 'The kiosk is not allowed to use the printer device. Please ask technical staff.',
  },
};

/**
 * A printing failure a person may be told about. It is a `KioskFailure` (so services turn it into a
 * `Result` error) and also carries `code`, `vi` and `en` directly. `detail` is for the log, never the screen.
 */
export class PrinterError extends KioskFailure {
  readonly code: PrinterErrorCode;
  readonly vi: string;
  readonly en: string;
  readonly detail: string | undefined;
  constructor(code: PrinterErrorCode, detail?: string) {
    const m = messages[code];
    super(kioskError(code, m.vi, m.en));
    this.name = 'PrinterError';
    this.code = code;
    this.vi = m.vi;
    this.en = m.en;
    this.detail = detail;
  }
}

export const isPrinterError = (e: unknown): e is PrinterError => e instanceof PrinterError;

/** Maps a Node system error code (errno name) to what a person needs to know. */
export function fromSystemError(error: unknown): PrinterError {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
    case 'EISDIR':
      return new PrinterError('printer-unreachable', detail);
    case 'EACCES':
    case 'EPERM':
      return new PrinterError('printer-permission', detail);
    case 'ETIMEDOUT':
      return new PrinterError('printer-timeout', detail);
    default:
      // ECONNRESET, EPIPE, EIO and anything unforeseen mid-job: the job did not get through whole.
      return new PrinterError('printer-disconnected', detail);
  }
}
