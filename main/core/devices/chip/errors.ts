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
  | 'protocol'
  // Raised by the service (service.ts) around the protocol: before, between and after the APDUs.
  | 'mrz-needed'
  | 'no-reader'
  | 'no-card'
  | 'busy'
  | 'timeout'
  | 'not-vietnamese'
  | 'incomplete'
  | 'mismatch';

const messages: Record<ChipErrorReason, { vi: string; en: string }> = {
  'access-denied': {
    vi: 'Thông tin MRZ không khớp với thẻ trên đầu đọc. Vui lòng quét lại mặt sau của chính thẻ này, hoặc kiểm tra lại số thẻ, ngày sinh và ngày hết hạn.',
    en: 'The MRZ details do not match the card on the reader. Please scan the back of this same card again, or check the document number, birth and expiry dates.',
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
  'mrz-needed': {
    vi: 'Cần mã MRZ để mở chip. Vui lòng quét mặt sau thẻ (3 dòng chữ và số), hoặc nhân viên nhập số thẻ, ngày sinh và ngày hết hạn.',
    en: 'The MRZ is needed to open the chip. Please scan the back of the card (the 3 lines of letters and digits), or staff type the document number, birth and expiry dates.',
  },
  'no-reader': {
    vi: 'Ki-ốt chưa có đầu đọc thẻ chip đang hoạt động. Vui lòng quét mã QR trên thẻ hoặc nhờ nhân viên hỗ trợ.',
    en: 'This kiosk has no working chip card reader. Please scan the QR code on the card or ask a staff member.',
  },
  'no-card': {
    vi: 'Chưa thấy thẻ trên đầu đọc. Vui lòng đặt thẻ lên đầu đọc, giữ yên rồi thử lại.',
    en: 'No card was found on the reader. Please put the card on the reader, hold it still and try again.',
  },
  busy: {
    vi: 'Đầu đọc đang đọc một thẻ khác. Vui lòng đợi vài giây rồi thử lại.',
    en: 'The reader is busy reading a card. Please wait a few seconds and try again.',
  },
  timeout: {
    vi: 'Đọc thẻ quá lâu nên đã dừng. Vui lòng giữ yên thẻ trên đầu đọc và thử lại.',
    en: 'Reading the card took too long and was stopped. Please hold the card still on the reader and try again.',
  },
  'not-vietnamese': {
    vi: 'Thẻ này không có dữ liệu công dân Việt Nam (DG13). Vui lòng dùng thẻ căn cước (CCCD) có chip.',
    en: 'This card holds no Vietnamese citizen data (DG13). Please use a chip citizen ID card (CCCD).',
  },
  incomplete: {
    vi: 'Chip không có đủ thông tin để điền tờ khai. Vui lòng quét mã QR trên thẻ hoặc nhờ nhân viên hỗ trợ.',
    en: 'The chip does not hold enough details to fill the form. Please scan the QR code on the card or ask a staff member.',
  },
  mismatch: {
    vi: 'Dữ liệu trong chip không thống nhất (số định danh, ngày sinh hoặc giới tính khác nhau giữa hai vùng dữ liệu) nên không được dùng. Vui lòng nhờ nhân viên kiểm tra thẻ.',
    en: 'The data in the chip disagrees with itself (ID number, birth date or sex differ between two data groups), so it was not used. Please ask a staff member to check the card.',
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
