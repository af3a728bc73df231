import { KioskFailure, kioskError } from '../errors';

/** What a citizen reads when a draft cannot be saved for later or taken back (keep.ts). */
const fail = (code: string, vi: string, en: string, field?: string) =>
  new KioskFailure(kioskError(code, vi, en, field));

export const keepErrors = {
  birthDateNeeded: () =>
    fail(
      'birth-date-needed',
      'Vui lòng nhập ngày sinh của người nộp hồ sơ. Khi quay lại làm tiếp, Quý vị cần mã in trên phiếu và ngày sinh này.',
      "Please enter the applicant's date of birth. To continue later you will need the code on the slip and this date.",
      'birthDate',
    ),
  /** The scan is readable but is no ID card (a receipt code, a passport's MRZ without a citizen ID number). */
  notAnIdCard: () =>
    fail(
      'id-card-needed',
      'Đây không phải thẻ căn cước. Vui lòng quét mã QR ở mặt trước hoặc dòng chữ máy đọc ở mặt sau thẻ căn cước (12 số định danh).',
      'This is not an ID card. Please scan the QR code on the front or the machine-readable lines on the back of a citizen ID card (12-digit number).',
      'text',
    ),
  tooManyScans: (seconds: number) =>
    fail(
      'too-many-requests',
      `Quý vị đã quét thẻ nhiều lần liên tiếp. Xin vui lòng đợi ${seconds} giây rồi thử lại, hoặc nhờ cán bộ tại quầy.`,
      `You have scanned many times in a row. Please wait ${seconds} seconds and try again, or ask the staff at the counter.`,
      'text',
    ),
  /** One answer for a code that names no draft and for a wrong birth date: neither says which. */
  codeOrDateWrong: () =>
    fail(
      'park-resume-wrong',
      'Mã giữ chỗ hoặc ngày sinh chưa đúng. Vui lòng xem lại mã in trên phiếu giữ chỗ (6 ký tự) và ngày sinh đã khai.',
      'The park code or the date of birth is not right. Please check the code printed on the slip (6 characters) and the date of birth given.',
      'parkCode',
    ),
  codeLocked: () =>
    fail(
      'park-resume-locked',
      'Mã giữ chỗ này đã được thử sai ngày sinh quá nhiều lần. Vui lòng nhờ cán bộ tại quầy mở hồ sơ giúp, mang theo phiếu giữ chỗ và giấy tờ tùy thân.',
      'Too many wrong dates of birth were tried with this park code. Please ask the staff at the counter to open the dossier for you; bring the slip and your ID card.',
      'parkCode',
    ),
  tooManyCodes: (seconds: number) =>
    fail(
      'too-many-requests',
      `Đã nhập sai mã giữ chỗ nhiều lần liên tiếp. Xin vui lòng đợi ${seconds} giây rồi thử lại, hoặc nhờ cán bộ tại quầy.`,
      `Many wrong park codes were tried in a row. Please wait ${seconds} seconds and try again, or ask the staff at the counter.`,
      'parkCode',
    ),
};
