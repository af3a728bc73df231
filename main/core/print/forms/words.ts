import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KioskError } from '../../../../preload/api';
import { ON_CARD_LABEL } from '../../address/value';
import { KioskFailure, kioskError } from '../../errors';
import { describeIssues, issuePath } from '../../validation';

/**
 * Every word the printed forms say, in one template: the receipt (Mẫu 01) and the self-service
 * submission slip, Mẫu 02, 03, 06 and 07 of Thông tư 03/2025/TT-VPCP (DOMAIN.md "The 2025 reform"), and the
 * words of the dossier statuses they print. The annex's exact wording could not be checked offline, so a
 * centre corrects any of it in `<data folder>/paperwork.json` (`loadFormWords` below) without a new release.
 *
 * Strings only. A value printed inside a string is a named placeholder (`{code}`), filled by `fill`; an
 * override must keep exactly the placeholders of the string it replaces, so a typo cannot drop a date.
 */
export const FORM_WORDS = {
  common: {
    motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    mottoLine: 'Độc lập - Tự do - Hạnh phúc',
    formNumber: 'Mẫu số {number}',
    basis: 'Ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ',
    placeDate: '{place}, ngày {day} tháng {month} năm {year}',
    date: 'Ngày {day} tháng {month} năm {year}',
    page: 'Trang {page}/{pages}',
    pageOf: 'Mã hồ sơ: {code} · Trang {page}/{pages}',
    signHint: '(Ký và ghi rõ họ tên)',
    dear: 'Kính gửi: {name}',
    estimated: '(dự kiến)',
  },
  receipt: {
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    documentTitle: 'Giấy tiếp nhận hồ sơ {code}',
    code: 'Mã hồ sơ: ',
    provisional: '(mã hồ sơ tạm)',
    secret: 'Mã tra cứu: ',
    secretHint: 'Giữ kín mã tra cứu: cùng mã hồ sơ, mã này mở xem chi tiết hồ sơ.',
    qrCaption: 'Quét mã để tra cứu hồ sơ',
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
    paperForms: {
      original: 'Bản chính',
      copy: 'Bản sao',
      certifiedCopy: 'Bản sao có chứng thực',
      originalOrCopy: 'Bản chính hoặc bản sao',
    },
    copies: '{copies} bản',
    files: '{files} tệp, {pages} trang',
    noDocuments: 'Không có giấy tờ kèm theo.',
    sets: '2. Số lượng hồ sơ: ',
    setsValue: '{sets} bộ',
    processing: '3. Thời gian giải quyết hồ sơ theo quy định: ',
    processingDays: '{days} ngày làm việc',
    sameDay: 'trong ngày làm việc',
    received: '4. Thời gian nhận hồ sơ: ',
    at: '{time} ngày {date}',
    due: '5. Thời gian trả kết quả giải quyết hồ sơ: ',
    dueValue: 'ngày {date}',
    delivery: '6. Đăng ký nhận kết quả tại: ',
    atCounter: '{unit}, {centre}',
    byPost: 'Nhận qua dịch vụ bưu chính: {recipient}, {address}, điện thoại {phone}',
    fee: '7. Phí, lệ phí: ',
    noFee: 'Không thu phí, lệ phí',
    amount: '{amount} đồng',
    unpaid: 'Chưa thanh toán',
    paid: 'Đã thanh toán',
    payHint: 'Quét mã VietQR bằng ứng dụng ngân hàng để nộp phí, lệ phí.',
    applicantSign: 'NGƯỜI NỘP HỒ SƠ',
    receiverSign: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    kioskReceiver: 'Ki-ốt tự phục vụ {kiosk}',
    kioskSignHint: '(Tiếp nhận tự động)',
    portalReceiver: 'Cán bộ tiếp nhận',
    portalSignHint: '(Đã tiếp nhận trên Cổng Dịch vụ công)',
    lookup:
      'Tra cứu hồ sơ: quét mã QR trên giấy này tại ki-ốt (mục "Tra cứu hồ sơ"), hoặc nhập mã hồ sơ rồi mã tra cứu.',
    // The roll version's shorter labels (one column, no table).
    roll: {
      applicant: 'Người nộp: {name}',
      procedure: 'Thủ tục: {name}',
      documents: 'Thành phần hồ sơ nộp gồm:',
      sets: 'Số lượng hồ sơ: {sets}',
      processing: 'Thời gian giải quyết: {processing}',
      received: 'Nhận hồ sơ lúc: {at}',
      due: 'Hẹn trả kết quả: {date}',
      delivery: 'Nhận kết quả tại: {place}',
      fee: 'Phí, lệ phí: {fee}',
      receiver: 'Người tiếp nhận: {name}',
    },
  },
  slip: {
    // Not a Mẫu of Thông tư 03/2025 (no official name to keep), and the kiosk may have been offline.
    title: 'PHIẾU XÁC NHẬN NỘP HỒ SƠ',
    documentTitle: 'Phiếu xác nhận nộp hồ sơ {code}',
    applicant: 'Người nộp hồ sơ: ',
    submitted: '4. Thời gian nộp hồ sơ: ',
    due: '5. Ngày hẹn trả kết quả (dự kiến): ',
    rollSubmitted: 'Nộp hồ sơ lúc: {at}',
    rollDue: 'Ngày hẹn trả kết quả (dự kiến): {date}',
    note:
      'Hồ sơ đã được nộp tại ki-ốt tự phục vụ và đang chờ cán bộ tiếp nhận. Giấy tiếp nhận hồ sơ và ' +
      'hẹn trả kết quả (Mẫu 01) được cấp khi hồ sơ được tiếp nhận; ngày hẹn trả kết quả có thể thay đổi.',
  },
  supplement: {
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    documentTitle: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ {code}',
    intro: '{unit} đã tiếp nhận hồ sơ của ông/bà {name}.',
    introDraft: '{unit} nhận được đề nghị tiếp nhận hồ sơ của ông/bà {name}.',
    code: 'Mã hồ sơ: {code}',
    address: 'Địa chỉ: {address}',
    phone: 'Số điện thoại: {phone}',
    email: 'Email: {email}',
    procedure: 'Nội dung yêu cầu giải quyết: {procedure}',
    basis: 'Căn cứ quy định tại:',
    request: 'Yêu cầu ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
    item: '{index}. {paper}: {request}',
    portalNote: 'Ghi chú của cơ quan giải quyết: {note}',
    once: 'Các nội dung trên được yêu cầu một lần, đầy đủ theo quy định.',
    ask: 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ {unit}',
    askPhone: ', số điện thoại {phone}',
    sign: 'NGƯỜI HƯỚNG DẪN',
  },
  refusal: {
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    documentTitle: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ {code}',
    intro: '{unit} nhận được hồ sơ của ông/bà {name}.',
    code: 'Mã hồ sơ: {code}',
    procedure: 'Nội dung yêu cầu giải quyết: {procedure}',
    reason: 'Qua xem xét, {unit} từ chối tiếp nhận, giải quyết hồ sơ này với lý do:',
    closing: 'Xin thông báo để ông/bà được biết và thực hiện.',
    sign: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
  },
  control: {
    title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    documentTitle: 'Phiếu kiểm soát quá trình giải quyết hồ sơ ({from} – {to})',
    code: 'Mã hồ sơ: {code}',
    portalCode: '(Mã hồ sơ trên Cổng Dịch vụ công: {code})',
    applicant: 'Tên cá nhân, tổ chức: {name}',
    procedure: 'Tên thủ tục hành chính: {procedure}',
    received: 'Thời gian nhận hồ sơ: {at}',
    pending: 'Chưa tiếp nhận (nộp trực tuyến lúc {at})',
    due: 'Thời gian hẹn trả kết quả: {date}',
    columns: {
      from: 'Bên giao',
      to: 'Bên nhận',
      at: 'Thời gian giao, nhận',
      result: 'Kết quả',
      note: 'Ghi chú',
    },
    holders: {
      applicant: 'Người nộp hồ sơ',
      kiosk: 'Ki-ốt tự phục vụ',
      portal: 'Cổng Dịch vụ công',
      agency: 'Cơ quan giải quyết',
    },
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    noEvents: 'Chưa có lần giao, nhận nào.',
    none: 'Không có hồ sơ nào trong khoảng thời gian này.',
  },
  book: {
    title: 'SỔ THEO DÕI HỒ SƠ',
    documentTitle: 'Sổ theo dõi hồ sơ ({from} – {to})',
    range: 'Từ ngày {from} đến ngày {to}',
    columns: {
      index: 'STT',
      code: 'Mã hồ sơ',
      procedure: 'Tên thủ tục hành chính',
      sets: 'Số lượng hồ sơ (bộ)',
      applicant: 'Tên cá nhân, tổ chức',
      contact: 'Địa chỉ, số điện thoại',
      received: 'Ngày nhận hồ sơ',
      due: 'Ngày hẹn trả kết quả',
      sent: 'Ngày chuyển hồ sơ',
      result: 'Ngày có kết quả/ yêu cầu bổ sung',
      returned: 'Ngày trả kết quả',
      note: 'Ghi chú',
    },
    supplementOn: 'YCBS {date}',
    pending: 'Chờ tiếp nhận',
    refused: 'Từ chối tiếp nhận: {reason}',
    printedAt: 'In lúc {at}',
  },
  // The lookup screens' words (renderer i18n lookup.statusShort), so paper and screen agree.
  statuses: {
    submitted: 'Đã nộp, chờ tiếp nhận',
    received: 'Đã tiếp nhận',
    refused: 'Không được tiếp nhận',
    processing: 'Đang giải quyết',
    supplement: 'Yêu cầu bổ sung',
    financial: 'Chờ thực hiện nghĩa vụ tài chính',
    withdrawn: 'Đã rút hồ sơ theo yêu cầu',
    stopped: 'Dừng xử lý',
    done: 'Đã có kết quả',
    returned: 'Đã trả kết quả',
    sent: 'Đã gửi lên Cổng',
    /** `received` reported by the portal: the agency that decides received it (after the unit). */
    receivedByAgency: 'Cơ quan đã tiếp nhận',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The words of every form: FORM_WORDS's shape, any strings. */
export type FormWords = Widen<typeof FORM_WORDS>;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The placeholder names in a template, sorted, each once. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

/**
 * The template with each `{name}` replaced by its value. A placeholder without a value is a bug in the
 * caller (the override check guarantees the template's own), so it throws rather than print "{date}".
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new RangeError(`No value for {${name}} in "${template}"`);
    return String(value);
  });
}

/**
 * A centre's corrections to the forms' words: `<data folder>/paperwork.json`, any part of FORM_WORDS's
 * shape, merged over the defaults when the core starts. Strict, so a misspelt key is refused instead of
 * silently printing the default, and each string must keep the placeholders of the one it replaces.
 */
export const PAPERWORK_FILE = 'paperwork.json';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };
export type FormWordsOverride = DeepPartial<FormWords>;

const PLACEHOLDERS = 'placeholders';

function schemaOf(node: unknown): z.ZodType {
  if (typeof node === 'string') {
    const want = placeholders(node);
    return z.string().superRefine((value, ctx) => {
      const got = placeholders(value);
      if (got.join() !== want.join())
        ctx.addIssue({ code: 'custom', message: PLACEHOLDERS, params: { want } });
    });
  }
  const shape = Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, child]) => [key, schemaOf(child).optional()]),
  );
  return z.strictObject(shape);
}

/** FORM_WORDS's shape, every key optional, no other key, each string with its default's placeholders. */
export const FormWordsOverrideSchema = schemaOf(FORM_WORDS) as z.ZodType<FormWordsOverride>;

/** The defaults with the override's strings in their place. */
export function mergeFormWords(override: FormWordsOverride, base: FormWords = FORM_WORDS): FormWords {
  const merge = (b: unknown, o: unknown): unknown => {
    if (typeof b === 'string' || o === undefined) return o ?? b;
    const out: Record<string, unknown> = { ...(b as Record<string, unknown>) };
    for (const [key, value] of Object.entries(o as Record<string, unknown>))
      out[key] = merge(out[key], value);
    return out;
  };
  return merge(base, override) as FormWords;
}

/** A KioskFailure whose message holds the Vietnamese and the English, for the start-up log and dialog. */
export class FormWordsError extends KioskFailure {
  constructor(error: KioskError) {
    super(error);
    this.name = 'FormWordsError';
    this.message = `${error.vi} / ${error.en}`;
  }
}

function invalid(path: string, issues: readonly z.core.$ZodIssue[]): FormWordsError {
  const first = issues[0];
  const context = {
    code: 'paperwork-invalid',
    vi: `Tệp mẫu giấy tờ ${path} không hợp lệ ở mục`,
    en: `${path} is invalid at`,
  };
  if (first?.code !== 'custom' || first.message !== PLACEHOLDERS) {
    return new FormWordsError(describeIssues(issues, context));
  }
  const at = issuePath(first);
  const want = ((first.params as { want?: string[] } | undefined)?.want ?? []).map((p) => `{${p}}`);
  const list = want.length > 0 ? want.join(', ') : '—';
  return new FormWordsError(
    kioskError(
      context.code,
      `${context.vi} "${at}": phải giữ đúng các chỗ điền ${list} của câu gốc.`,
      `${context.en} "${at}": must keep exactly the placeholders ${list} of the default.`,
      at,
    ),
  );
}

/**
 * The forms' words for a data folder: FORM_WORDS, corrected by `paperwork.json` when there is one. A file
 * that cannot be read or does not fit throws, naming the file and the field: printing a form with a
 * centre's correction silently dropped would be worse than not starting.
 */
export function loadFormWords(dataDir: string): FormWords {
  const path = join(dataDir, PAPERWORK_FILE);
  if (!existsSync(path)) return FORM_WORDS;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FormWordsError(
      kioskError(
        'paperwork-unreadable',
        `Không đọc được tệp mẫu giấy tờ ${path}: ${detail}. Hãy sửa tệp hoặc xoá nó để dùng lời mặc định.`,
        `Cannot read the forms' words file ${path}: ${detail}. Fix it, or remove it to use the defaults.`,
      ),
    );
  }
  // With the input in each issue, a wrong type reads as such rather than as a missing value (validation.ts).
  const parsed = FormWordsOverrideSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw invalid(path, parsed.error.issues);
  return mergeFormWords(parsed.data);
}
