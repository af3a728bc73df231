import { KioskFailure, kioskError } from '../errors';

export type PrinterErrorCode =
  | 'paper-out'
  | 'printer-unreachable'
  | 'printer-disconnected'
  | 'printer-timeout'
  | 'printer-permission'
  | 'printer-needs-a4';

/** Failures that printing again cannot cure: the job fails at once, without a retry or a printer alert. */
const PERMANENT: ReadonlySet<PrinterErrorCode> = new Set(['printer-needs-a4']);

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
  'printer-needs-a4': {
    vi: 'Mẫu giấy tờ này cần máy in khổ A4; máy in nhiệt không in được. Hãy chọn máy in A4 và in lại.',
    en: 'This form needs an A4 printer; a receipt (thermal) printer cannot print it. Choose an A4 printer and print it again.',
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
  /** True when a retry cannot help (the job asks for paper this printer does not take). */
  readonly permanent: boolean;
  constructor(code: PrinterErrorCode, detail?: string) {
    const m = messages[code];
    super(kioskError(code, m.vi, m.en));
    this.name = 'PrinterError';
    this.code = code;
    this.vi = m.vi;
    this.en = m.en;
    this.detail = detail;
    this.permanent = PERMANENT.has(code);
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
