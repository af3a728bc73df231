import { KioskFailure, kioskError } from '../../errors';

/**
 * Why a chip read stopped. Each reason is its own message so the person is told what to do (put the card
 * back, check the MRZ, use another card) rather than a single "reading failed".
 */
export type ChipErrorReason =
  | 'access-denied'
  | 'card-removed'
  | 'bad-mac'
  | 'unsupported-card'
  | 'file-not-found'
  | 'bad-mrz'
  | 'protocol';

const messages: Record<ChipErrorReason, { vi: string; en: string }> = {
  'access-denied': {
    vi: 'Thẻ không chấp nhận thông tin MRZ. Vui lòng kiểm tra lại số thẻ, ngày sinh và ngày hết hạn.',
    en: 'The card did not accept the MRZ details. Please check the document number, birth and expiry dates.',
  },
  'card-removed': {
    vi: 'Thẻ đã bị nhấc ra khi đang đọc. Vui lòng đặt lại thẻ lên đầu đọc và giữ yên.',
    en: 'The card was removed while it was being read. Please put it back on the reader and hold it still.',
  },
  'bad-mac': {
    vi: 'Dữ liệu từ chip không toàn vẹn nên đã bị từ chối. Vui lòng đọc lại thẻ.',
    en: 'Data from the chip failed its integrity check and was refused. Please read the card again.',
  },
  'unsupported-card': {
    vi: 'Thẻ này không phải thẻ căn cước có chip được hỗ trợ.',
    en: 'This card is not a supported chip ID card.',
  },
  'file-not-found': {
    vi: 'Chip không có dữ liệu cần đọc. Vui lòng báo nhân viên hỗ trợ.',
    en: 'The chip does not hold the data needed. Please ask a staff member.',
  },
  'bad-mrz': {
    vi: 'Thông tin MRZ không hợp lệ. Vui lòng quét lại mặt sau thẻ hoặc nhập lại.',
    en: 'The MRZ details are not valid. Please scan the back of the card again or retype them.',
  },
  protocol: {
    vi: 'Chip trả lời không đúng chuẩn. Vui lòng đọc lại thẻ hoặc báo nhân viên hỗ trợ.',
    en: 'The chip gave an unexpected answer. Please read the card again or ask a staff member.',
  },
};

/** A refused or failed chip read: a `KioskFailure` (so `createCore` shows its text) with a typed reason. */
export class ChipError extends KioskFailure {
  readonly reason: ChipErrorReason;
  /** Protocol detail for the log (status words, file ids); never personal data. */
  readonly detail: string | undefined;
  constructor(reason: ChipErrorReason, detail?: string) {
    const m = messages[reason];
    super(kioskError(`chip-${reason}`, m.vi, m.en));
    this.name = 'ChipError';
    this.reason = reason;
    this.detail = detail;
  }
}

export const isChipError = (e: unknown, reason?: ChipErrorReason): e is ChipError =>
  e instanceof ChipError && (reason === undefined || e.reason === reason);
