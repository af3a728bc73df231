import type { z } from 'zod';
import { kioskError } from './errors';
import type { KioskError } from '../../preload/api';

/**
 * Turns schema issues into one message a person can act on, naming the field. Custom messages in the
 * contract (e.g. `pin-format`) are codes that map to plain words here; zod's own English is the fallback.
 */
const known: Record<string, { vi: string; en: string }> = {
  'pin-format': { vi: 'Mã PIN phải gồm 6 đến 12 chữ số.', en: 'The PIN must be 6 to 12 digits.' },
  'user-format': {
    vi: 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (2–32 ký tự).',
    en: 'The user name may use letters without accents, digits, dot, dash or underscore (2–32 characters).',
  },
  'time-format': { vi: 'Giờ phải có dạng HH:MM, ví dụ 07:30.', en: 'Times look like HH:MM, e.g. 07:30.' },
  'id-format': {
    vi: 'Mã chỉ gồm chữ thường không dấu, số và gạch ngang (tối đa 32 ký tự).',
    en: 'Ids use lower-case letters, digits and dashes (at most 32 characters).',
  },
  'prefix-format': {
    vi: 'Tiền tố là 1–2 chữ in hoa, ví dụ A.',
    en: 'A prefix is 1–2 capital letters, e.g. A.',
  },
  'range-order': {
    vi: 'Số đầu phải nhỏ hơn hoặc bằng số cuối.',
    en: 'The first number must not exceed the last.',
  },
  'unit-code-format': {
    vi: 'Mã định danh đơn vị theo QCVN 102:2016, ví dụ 000.00.12.H29.',
    en: 'The unit code follows QCVN 102:2016, e.g. 000.00.12.H29.',
  },
  'kiosk-id-format': {
    vi: 'Mã ki-ốt có dạng K và hai chữ số, ví dụ K01.',
    en: 'A kiosk id is K and two digits, e.g. K01.',
  },
  'idle-warning-too-long': {
    vi: 'Thời gian cảnh báo phải ngắn hơn thời gian chờ.',
    en: 'The warning must be shorter than the idle timeout.',
  },
  'default-language-missing': {
    vi: 'Ngôn ngữ mặc định phải nằm trong danh sách ngôn ngữ.',
    en: 'The default language must be one of the languages.',
  },
  'time-zone': {
    vi: 'Múi giờ không hợp lệ (ví dụ Asia/Ho_Chi_Minh).',
    en: 'Unknown time zone (e.g. Asia/Ho_Chi_Minh).',
  },
  'date-format': { vi: 'Ngày phải có dạng YYYY-MM-DD.', en: 'Dates look like YYYY-MM-DD.' },
  duplicate: { vi: 'Giá trị bị trùng.', en: 'This value is used twice.' },
  'unknown-service': { vi: 'Không có lĩnh vực nào mang mã này.', en: 'No service has this id.' },
  'unknown-printer': { vi: 'Không có máy in nào mang mã này.', en: 'No printer has this id.' },
  'unit-phone-format': {
    vi: 'Số điện thoại của đơn vị chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 028 3829 1234.',
    en: "The unit's phone has digits, spaces, dots and dashes only, e.g. 028 3829 1234.",
  },
  'forms-printer-not-a4': {
    vi: 'Máy in biểu mẫu phải là máy in A4 của hệ thống (kind "system"), không phải máy in nhiệt.',
    en: 'The forms printer must be an A4 system printer (kind "system"), not a thermal printer.',
  },
  'bank-bin-format': {
    vi: 'Mã ngân hàng (BIN NAPAS) gồm 6 chữ số, ví dụ 970436.',
    en: "The bank's NAPAS BIN is 6 digits, e.g. 970436.",
  },
  'account-format': {
    vi: 'Số tài khoản chỉ gồm chữ số và chữ cái không dấu (tối đa 19 ký tự).',
    en: 'An account number has digits and letters only (at most 19).',
  },
  'phone-format': {
    vi: 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0 (hoặc +84), ví dụ 0912345678.',
    en: 'A phone number has 10 or 11 digits starting with 0 (or +84), e.g. 0912345678.',
  },
  'id-format-12': {
    vi: 'Số định danh cá nhân gồm đúng 12 chữ số.',
    en: 'A personal ID number is exactly 12 digits.',
  },
};

export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

function describeOne(issue: z.core.$ZodIssue): { vi: string; en: string } {
  const mapped = known[issue.message];
  if (mapped) return mapped;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { vi: 'Thiếu thông tin bắt buộc.', en: 'This is required.' }
        : { vi: `Sai kiểu dữ liệu (cần ${issue.expected}).`, en: `Wrong type (expected ${issue.expected}).` };
    case 'unrecognized_keys':
      return {
        vi: `Có trường không được phép: ${issue.keys.join(', ')}.`,
        en: `Unknown field(s): ${issue.keys.join(', ')}.`,
      };
    case 'too_small':
      return { vi: `Giá trị quá nhỏ hoặc quá ngắn (tối thiểu ${String(issue.minimum)}).`, en: issue.message };
    case 'too_big':
      return { vi: `Giá trị quá lớn hoặc quá dài (tối đa ${String(issue.maximum)}).`, en: issue.message };
    case 'invalid_value':
      return {
        vi: `Giá trị không hợp lệ; chỉ chấp nhận: ${issue.values.map(String).join(', ')}.`,
        en: issue.message,
      };
    default:
      return { vi: 'Giá trị không hợp lệ.', en: issue.message };
  }
}

/** The first issue decides the message (people fix one thing at a time); all are named for programs. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  context: { code: string; vi: string; en: string },
): KioskError {
  const first = issues[0];
  if (!first) return kioskError(context.code, context.vi, context.en);
  const path = issuePath(first);
  const text = describeOne(first);
  const where = path ? ` "${path}"` : '';
  const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
  return kioskError(
    context.code,
    `${context.vi}${where}: ${text.vi}${more}`,
    `${context.en}${where}: ${text.en}${more}`,
    path || undefined,
  );
}
