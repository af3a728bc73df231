import type { ProcedureComponent } from '../../../preload/api';
import { ON_CARD_LABEL } from '../address/value';
import { nfc } from './layout';
import type { ReceiptData } from './receipt-data';
import { formatIssuedAt } from './ticket';

/**
 * The words of the dossier receipt (Mẫu 01, Thông tư 01/2018/TT-VPCP), shared by the A4 PDF and the 80 mm
 * print so both say exactly the same facts. Everything printed comes from `ReceiptData`; nothing is guessed.
 */
export const RECEIPT_TEXT = {
  unit: 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ',
  motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  mottoLine: 'Độc lập - Tự do - Hạnh phúc',
  title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  code: 'Mã hồ sơ: ',
  provisional: '(mã hồ sơ tạm)',
  secret: 'Mã tra cứu: ',
  secretHint: 'Giữ kín mã tra cứu: cùng mã hồ sơ, mã này mở xem chi tiết hồ sơ.',
  portalCode: 'Mã hồ sơ trên Cổng Dịch vụ công: ',
  provisionalNote:
    'Mã hồ sơ tạm do ki-ốt cấp khi chưa nhận được mã chính thức; tra cứu được bằng cả mã tạm và mã chính thức.',
  applicant: 'Tiếp nhận hồ sơ của: ',
  idNumber: 'Số định danh cá nhân: ',
  address: 'Địa chỉ: ',
  // One wording with addressLine (address/value.ts), which puts it beside an address in one line.
  addressOnCard: `${ON_CARD_LABEL.vi}: `,
  phone: 'Số điện thoại: ',
  email: 'Email: ',
  procedure: 'Nội dung yêu cầu giải quyết: ',
  documents: '1. Thành phần hồ sơ nộp gồm:',
  columns: {
    index: 'STT',
    name: 'Tên giấy tờ',
    form: 'Hình thức',
    copies: 'Số lượng',
    files: 'Tệp đính kèm',
  },
  noDocuments: 'Không có giấy tờ kèm theo.',
  sets: '2. Số lượng hồ sơ: ',
  processing: '3. Thời gian giải quyết hồ sơ theo quy định: ',
  received: '4. Thời gian nhận hồ sơ: ',
  due: '5. Thời gian trả kết quả giải quyết hồ sơ: ',
  estimated: '(dự kiến)',
  delivery: '6. Đăng ký nhận kết quả tại: ',
  fee: '7. Phí, lệ phí: ',
  unpaid: 'Chưa thanh toán',
  paid: 'Đã thanh toán',
  payHint: 'Quét mã VietQR bằng ứng dụng ngân hàng để nộp phí, lệ phí.',
  applicantSign: 'NGƯỜI NỘP HỒ SƠ',
  receiverSign: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
  signHint: '(Ký và ghi rõ họ tên)',
  kioskSignHint: '(Tiếp nhận tự động)',
  lookup:
    'Tra cứu hồ sơ: quét mã QR trên giấy này tại ki-ốt (mục "Tra cứu hồ sơ"), hoặc nhập mã hồ sơ rồi mã tra cứu.',
  page: (i: number, n: number) => `Trang ${i}/${n}`,
} as const;

const FORM_LABEL: Record<ProcedureComponent['form'], string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  'certified-copy': 'Bản sao có chứng thực',
  'original-or-copy': 'Bản chính hoặc bản sao',
};

export { nfc };

const number = new Intl.NumberFormat('vi-VN');
const two = (n: number): string => String(n).padStart(2, '0');

/** "Hà Nội" from "…, phường Ba Đình, thành phố Hà Nội": the place name of the date line (địa danh). */
export function placeOf(address: string | null): string | null {
  const last = address?.split(',').pop()?.trim();
  if (!last) return null;
  return nfc(last.replace(/^(thành phố|tp\.?|tỉnh)\s+/iu, '')) || null;
}

/** The local day and time of an instant in the centre's time zone. */
export function localParts(
  iso: string,
  timeZone: string,
): { day: string; month: string; year: string; time: string } {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`receivedAt is not an instant: ${iso}`);
  const [date = '', time = ''] = formatIssuedAt(at, timeZone).split(' ');
  const [day = '', month = '', year = ''] = date.split('/');
  return { day, month, year, time };
}

/** "01/12/2026" from "2026-12-01" (a calendar day: no time zone applies). */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`dueDate is not YYYY-MM-DD: ${day}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export interface ReceiptFacts {
  centreName: string;
  /** "Hà Nội, ngày 23 tháng 11 năm 2026" (or "Ngày …" when the centre has no address). */
  placeDate: string;
  code: string;
  /** The "Mã tra cứu", or null (a dossier filed before receipts carried one). */
  secret: string | null;
  /** What the lookup QR carries: `<code>#<secret>`, or the code alone without a secret. */
  qr: string;
  procedure: string;
  applicantName: string;
  /**
   * Label and value pairs of the applicant block, only those known; `note` marks a line printed smaller
   * (the card's old address under the new one, so the receipt keeps to one page).
   */
  applicant: { label: string; value: string; note?: true }[];
  documents: { index: number; name: string; form: string; copies: string; files: string }[];
  sets: string;
  processing: string;
  received: string;
  due: string;
  delivery: string;
  fee: string;
  /** Null when the receipt has no payment to show. */
  payment: { state: string; payload: string | null } | null;
  receiver: string;
  receiverHint: string;
  /** Document title (PDF metadata). */
  documentTitle: string;
}

function deliveryText(data: ReceiptData, centreName: string): string {
  if (data.delivery.method === 'counter') return `Bộ phận Tiếp nhận và Trả kết quả, ${centreName}`;
  const a = data.delivery.address;
  const where = [a.street, a.ward, a.province].map(nfc).join(', ');
  return `Nhận qua dịch vụ bưu chính: ${nfc(a.recipient)}, ${where}, điện thoại ${a.phone}`;
}

function feeText(data: ReceiptData): string {
  const text = nfc(data.fee.text);
  if (data.fee.amount === 0) return text || 'Không thu phí, lệ phí';
  const amount = `${number.format(data.fee.amount)} đồng`;
  return text && text !== amount ? `${amount} (${text})` : amount;
}

/** Checks what would make a receipt wrong rather than ugly: a missing code or a nonsense count. */
function check(data: ReceiptData): void {
  if (!data.code.trim()) throw new RangeError('Receipt without a dossier code');
  if (!Number.isInteger(data.sets) || data.sets < 1) throw new RangeError(`Bad number of sets ${data.sets}`);
  if (!Number.isInteger(data.procedure.processingDays) || data.procedure.processingDays < 0) {
    throw new RangeError(`Bad processing time ${data.procedure.processingDays}`);
  }
}

export function receiptFacts(data: ReceiptData): ReceiptFacts {
  check(data);
  const centreName = nfc(data.centre.name);
  const received = localParts(data.receivedAt, data.timeZone);
  const place = placeOf(data.centre.address);
  const dateWords = `ngày ${received.day} tháng ${received.month} năm ${received.year}`;
  const code = nfc(data.code);
  const applicant = [
    { label: RECEIPT_TEXT.idNumber, value: data.applicant.idNumber },
    { label: RECEIPT_TEXT.address, value: data.applicant.address },
    { label: RECEIPT_TEXT.addressOnCard, value: data.applicant.addressOnCard, note: true as const },
    { label: RECEIPT_TEXT.phone, value: data.applicant.phone },
    { label: RECEIPT_TEXT.email, value: data.applicant.email },
  ].flatMap(({ label, value, note }) =>
    value?.trim() ? [{ label, value: nfc(value), ...(note ? { note } : {}) }] : [],
  );
  const days = data.procedure.processingDays;
  return {
    centreName,
    placeDate: place ? `${place}, ${dateWords}` : `N${dateWords.slice(1)}`,
    code,
    secret: data.lookupSecret,
    qr: data.lookupSecret === null ? code : `${code}#${data.lookupSecret}`,
    procedure: nfc(data.procedure.name),
    applicantName: nfc(data.applicant.fullName),
    applicant,
    documents: data.documents.map((d, i) => ({
      index: i + 1,
      name: nfc(d.name),
      form: FORM_LABEL[d.form],
      copies: `${d.copies} bản`,
      files: d.files > 0 ? `${d.files} tệp, ${d.pages} trang` : '—',
    })),
    sets: `${two(data.sets)} bộ`,
    processing: days === 0 ? 'trong ngày làm việc' : `${days} ngày làm việc`,
    received: `${received.time} ngày ${received.day}/${received.month}/${received.year}`,
    due: `ngày ${formatDay(data.dueDate)}${data.dueEstimated ? ` ${RECEIPT_TEXT.estimated}` : ''}`,
    delivery: deliveryText(data, centreName),
    fee: feeText(data),
    payment: data.payment
      ? data.payment.paid
        ? { state: RECEIPT_TEXT.paid, payload: null }
        : { state: RECEIPT_TEXT.unpaid, payload: data.payment.payload }
      : null,
    receiver: data.receivedBy?.trim() ? nfc(data.receivedBy) : `Ki-ốt tự phục vụ ${data.kioskId}`,
    receiverHint: data.receivedBy?.trim() ? RECEIPT_TEXT.signHint : RECEIPT_TEXT.kioskSignHint,
    documentTitle: `Giấy tiếp nhận hồ sơ ${code}`,
  };
}
