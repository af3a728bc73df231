import { KioskFailure, kioskError } from '../errors';

/**
 * What the dossier service says to a person when it refuses something. File-content refusals (type,
 * size, name) live in sniff.ts; these are about the dossier, its sources and its state.
 */
/** 40.5 → "40,5", 20000 → "20.000": Vietnamese swaps English's decimal and thousands marks. */
const viNumber = (n: number): string => n.toLocaleString('vi-VN');
const enNumber = (n: number): string => n.toLocaleString('en-US');

/** What a refused PDF carries, in words a citizen can follow. */
const ACTIVE_VI = {
  javascript: 'mã lệnh (JavaScript)',
  launch: 'lệnh mở chương trình',
  'embedded-file': 'tệp khác đính kèm bên trong',
  'external-action': 'lệnh gửi dữ liệu hoặc mở tệp ở nơi khác',
} as const;
const ACTIVE_EN = {
  javascript: 'program code (JavaScript)',
  launch: 'a command that starts a program',
  'embedded-file': 'another file inside it',
  'external-action': 'a command that sends data to, or opens a file from, somewhere else',
} as const;

const fail = (code: string, vi: string, en: string, field?: string) =>
  new KioskFailure(kioskError(code, vi, en, field));

export const dossierErrors = {
  notFound: () =>
    fail(
      'dossier-not-found',
      'Không tìm thấy hồ sơ này. Hồ sơ nháp có thể đã bị xoá vì để quá lâu; vui lòng bắt đầu lại.',
      'This dossier was not found. A draft may have been wiped after being left too long; please start again.',
      'id',
    ),
  codeNotFound: () =>
    fail(
      'dossier-code-not-found',
      'Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã in trên giấy biên nhận.',
      'No dossier has this code. Please check the code printed on the receipt.',
      'code',
    ),
  folderLocal: () =>
    fail(
      'local-only',
      'Chỉ lấy được tệp từ thư mục máy quét hoặc USB ngay trên máy ki-ốt cắm thiết bị đó. Trên máy này, hãy chụp ảnh giấy tờ hoặc chọn tệp từ máy tính.',
      'Files from the scanner folder or a USB drive can only be taken on the kiosk they are plugged into. On this device, photograph the paper or choose a file from this computer.',
      'source',
    ),
  tooManyLookups: (seconds: number) =>
    fail(
      'too-many-requests',
      `Quý vị đã tra cứu nhiều lần liên tiếp. Xin vui lòng đợi ${seconds} giây rồi thử lại, hoặc hỏi nhân viên tại quầy.`,
      `You have looked up many times in a row. Please wait ${seconds} seconds and try again, or ask at the counter.`,
      'code',
    ),
  factorWrong: (triesLeft: number) =>
    fail(
      'lookup-factor-wrong',
      `Mã tra cứu hoặc ngày sinh chưa đúng. Vui lòng xem lại mã tra cứu in trên giấy biên nhận (6 ký tự, in ngay dưới mã hồ sơ) hoặc ngày sinh của người nộp hồ sơ. Còn ${triesLeft} lần thử.`,
      `The lookup code or date of birth is not right. Check the lookup code printed on the receipt (6 characters, just below the dossier code) or the applicant's date of birth. ${triesLeft} tries left.`,
      'secret',
    ),
  lookupLocked: (minutes: number) =>
    fail(
      'lookup-locked',
      `Hồ sơ này đã được thử sai mã tra cứu hoặc ngày sinh quá nhiều lần nên tạm khoá tra cứu chi tiết (còn ${minutes} phút). Tình trạng hồ sơ vẫn xem được. Xin mời Quý vị mang giấy biên nhận và giấy tờ tùy thân đến quầy, nhân viên sẽ tra cứu giúp.`,
      `Too many wrong lookup codes or dates of birth were tried for this dossier, so its details are locked for ${minutes} minutes. Its status can still be seen. Please bring the receipt and your ID card to the counter; staff will look it up for you.`,
      'secret',
    ),
  submitted: () =>
    fail(
      'dossier-submitted',
      'Hồ sơ đã nộp nên không sửa được nữa. Nếu cần bổ sung, vui lòng liên hệ nhân viên.',
      'This dossier has been submitted and can no longer be changed. Ask a staff member to add to it.',
      'id',
    ),
  /** A public caller asked for a submitted dossier: its personal data stays with staff. */
  submittedPrivate: () =>
    fail(
      'dossier-submitted',
      'Hồ sơ này đã được nộp. Để xem tình trạng giải quyết, vui lòng tra cứu bằng mã trên giấy biên nhận.',
      'This dossier has been submitted. To follow it, look it up with the code on the receipt.',
      'id',
    ),
  parked: () =>
    fail(
      'dossier-parked',
      'Hồ sơ này đang được nhân viên giữ lại chờ bổ sung, không xoá được từ màn hình này.',
      'A staff member is keeping this draft for later; it cannot be deleted from this screen.',
      'id',
    ),
  unknownComponent: (componentId: string) =>
    fail(
      'component-unknown',
      `Thủ tục này không có thành phần hồ sơ "${componentId}".`,
      `This procedure has no required document "${componentId}".`,
      'componentId',
    ),
  componentFromForm: () =>
    fail(
      'component-from-form',
      'Tờ khai được tạo từ biểu mẫu điện tử, không cần đính kèm tệp.',
      'The declaration is produced from the e-form; no file needs to be attached.',
      'componentId',
    ),
  unknownSource: () =>
    fail(
      'import-source-unknown',
      'Không có thư mục nhận tệp này trên ki-ốt.',
      'The kiosk has no such folder to take files from.',
      'sourceId',
    ),
  sourceUnavailable: () =>
    fail(
      'import-source-unavailable',
      'Chưa thấy ổ USB hoặc thư mục máy quét. Hãy cắm ổ USB (hoặc quét giấy tờ) rồi thử lại.',
      'The USB drive or scanner folder is not there. Plug in the drive (or scan the paper) and try again.',
      'sourceId',
    ),
  fileNotFound: () =>
    fail(
      'file-not-found',
      'Không tìm thấy tệp này trong thư mục (có thể ổ USB đã được rút ra). Hãy chọn lại.',
      'That file is not in the folder (the USB drive may have been removed). Please choose again.',
      'fileName',
    ),
  fileOutside: () =>
    fail(
      'file-outside-folder',
      'Tệp này trỏ ra ngoài thư mục được phép (liên kết tắt). Ki-ốt không nhận tệp này.',
      'This file points outside the allowed folder (a link). The kiosk will not take it.',
      'fileName',
    ),
  captureInvalid: () =>
    fail(
      'capture-invalid',
      'Ảnh chụp không đọc được. Vui lòng chụp lại.',
      'The photo could not be read. Please take it again.',
      'source',
    ),
  pdfEncrypted: () =>
    fail(
      'pdf-encrypted',
      'Tệp PDF này có mật khẩu hoặc bị khoá. Hãy dùng bản PDF không đặt mật khẩu.',
      'This PDF is password-protected or locked. Use a copy without a password.',
      'file',
    ),
  pdfDamaged: () =>
    fail(
      'pdf-damaged',
      'Tệp PDF này bị hỏng hoặc không có trang nào nên không mở được. Hãy quét hoặc lưu lại tệp.',
      'This PDF is damaged or has no pages, so it cannot be opened. Scan or save it again.',
      'file',
    ),
  imageDamaged: () =>
    fail(
      'image-damaged',
      'Ảnh này bị hỏng hoặc không đọc được. Hãy chụp hoặc quét lại.',
      'This picture is damaged or unreadable. Take or scan it again.',
      'file',
    ),
  imageTooLarge: (megapixels: number, max: number) =>
    fail(
      'image-too-large',
      `Ảnh có kích thước quá lớn (${viNumber(megapixels)} triệu điểm ảnh, tối đa ${viNumber(max)} triệu). Hãy chụp hoặc quét lại ở độ phân giải thấp hơn.`,
      `The picture is too large (${enNumber(megapixels)} megapixels, at most ${enNumber(max)}). Take or scan it again at a lower resolution.`,
      'file',
    ),
  imageTooWide: (width: number, height: number, maxSide: number) =>
    fail(
      'image-too-wide',
      `Ảnh quá dài hoặc quá rộng (${viNumber(width)} × ${viNumber(height)} điểm ảnh; mỗi cạnh tối đa ${viNumber(maxSide)}). Hãy chụp hoặc quét lại từng trang giấy.`,
      `The picture is too long or too wide (${enNumber(width)} × ${enNumber(height)} pixels; each side at most ${enNumber(maxSide)}). Take or scan each page again on its own.`,
      'file',
    ),
  pdfActiveContent: (what: 'javascript' | 'launch' | 'embedded-file' | 'external-action') =>
    fail(
      'pdf-active-content',
      `Tệp PDF này có chứa ${ACTIVE_VI[what]}, nên ki-ốt không nhận để bảo đảm an toàn. Hãy dùng bản quét giấy tờ, hoặc in tệp ra giấy rồi quét lại.`,
      `This PDF contains ${ACTIVE_EN[what]}, so the kiosk will not take it, for safety. Use a scan of the paper, or print the file and scan it.`,
      'file',
    ),
  pdfTooManyPages: (maxPages: number) =>
    fail(
      'pdf-too-many-pages',
      `Tệp PDF này có hơn ${viNumber(maxPages)} trang. Hãy chỉ đính kèm những trang giấy tờ cần nộp, hoặc nộp tại quầy.`,
      `This PDF has more than ${enNumber(maxPages)} pages. Attach only the pages of the paper asked for, or file it at the counter.`,
      'file',
    ),
  fileTooComplex: () =>
    fail(
      'file-too-complex',
      'Tệp này cần quá nhiều bộ nhớ để kiểm tra (tệp quá phức tạp hoặc bị làm hỏng). Hãy chụp hoặc quét lại giấy tờ, hoặc chọn tệp khác.',
      'Checking this file needs too much memory (it is too complex or has been tampered with). Take or scan the paper again, or choose another file.',
      'file',
    ),
  fileTooSlow: () =>
    fail(
      'file-too-slow',
      'Ki-ốt không đọc xong tệp này trong thời gian cho phép (tệp quá phức tạp hoặc bị hỏng). Hãy chụp hoặc quét lại giấy tờ, hoặc chọn tệp khác.',
      'The kiosk could not read this file in the time allowed (it is too complex or damaged). Take or scan the paper again, or choose another file.',
      'file',
    ),
  fileCheckFailed: () =>
    fail(
      'file-check-failed',
      'Ki-ốt đang gặp lỗi khi kiểm tra tệp nên chưa nhận được tệp này. Vui lòng báo nhân viên tại quầy.',
      'The kiosk has a fault checking files, so it cannot take this file now. Please tell a member of staff.',
      'file',
    ),
  fileBusy: () =>
    fail(
      'file-busy',
      'Ki-ốt đang xử lý nhiều tệp cùng lúc. Vui lòng đợi vài giây rồi thử lại.',
      'The kiosk is processing several files at once. Please wait a few seconds and try again.',
      'file',
    ),
  stored: () =>
    fail(
      'file-store-changed',
      'Tệp vừa lưu không còn trên ổ đĩa. Vui lòng đính kèm lại.',
      'The file just saved is no longer on the disk. Please attach it again.',
      'file',
    ),
  attachmentUnknown: (id: string) =>
    fail(
      'attachment-unknown',
      `Tệp đính kèm "${id}" không thuộc giấy tờ này.`,
      `Attachment "${id}" does not belong to this document.`,
      'attachmentIds',
    ),
  attachmentDuplicate: (id: string) =>
    fail(
      'attachment-duplicate',
      `Tệp đính kèm "${id}" xuất hiện hai lần trong danh sách.`,
      `Attachment "${id}" appears twice in the list.`,
      'attachmentIds',
    ),
  markup: (path: string) =>
    fail(
      'text-markup-refused',
      `Một mục đã nhập có chứa mã HTML/thẻ (như <script>). Vui lòng chỉ nhập chữ, số và dấu câu thông thường.`,
      `A field contains markup (such as <script>). Please type only letters, digits and ordinary punctuation.`,
      path,
    ),
  control: (path: string) =>
    fail(
      'text-control-refused',
      `Một mục đã nhập có chứa ký tự điều khiển không nhìn thấy. Vui lòng xoá và nhập lại.`,
      `A field contains invisible control characters. Please clear it and type it again.`,
      path,
    ),
  tooBig: (path: string) =>
    fail(
      'form-too-large',
      `Dữ liệu "${path}" quá lớn hoặc lồng quá sâu.`,
      `"${path}" is too large or nested too deeply.`,
      path,
    ),
  /** Every problem in the message, so the person needs no second round trip (Mẫu 02's rule). */
  incomplete: (problems: readonly { vi: string; en: string; field?: string; componentId?: string }[]) =>
    fail(
      'dossier-incomplete',
      `Hồ sơ chưa đầy đủ (${problems.length} mục): ${problems.map((p) => p.vi).join(' ')}`,
      `The dossier is not complete (${problems.length} item(s)): ${problems.map((p) => p.en).join(' ')}`,
      problems[0]?.field ?? problems[0]?.componentId,
    ),
  notAttention: () =>
    fail(
      'dossier-not-refused',
      'Chỉ sửa được hồ sơ đã bị cổng dịch vụ công trả về (cần xử lý).',
      'Only a dossier the portal refused (needing attention) can be corrected.',
      'id',
    ),
  formInvalid: (count: number, first: { vi: string; en: string; field?: string }) =>
    fail(
      'form-invalid',
      `Dữ liệu sửa còn ${count} lỗi, ví dụ: ${first.vi}`,
      `The corrected data still has ${count} error(s), e.g.: ${first.en}`,
      first.field,
    ),
  parkCodeNotFound: () =>
    fail(
      'park-code-not-found',
      'Không có hồ sơ nào đang giữ với mã này (có thể đã quá hạn giữ và bị xoá).',
      'No draft is kept under this code (it may have been kept too long and wiped).',
      'parkCode',
    ),
  notParked: () =>
    fail(
      'dossier-not-parked',
      'Hồ sơ này không ở trạng thái tạm giữ nên không có phiếu giữ chỗ để in. Hãy tạm giữ hồ sơ trước.',
      'This dossier is not parked, so there is no park slip to print. Park the dossier first.',
      'id',
    ),
  noSlipPrinter: (code: string) =>
    fail(
      'park-slip-no-printer',
      `Ki-ốt chưa cài đặt máy in phiếu nên chưa in được phiếu giữ chỗ. Xin ghi tay mã ${code} lên phiếu cho công dân.`,
      `No ticket printer is set up, so the park slip cannot be printed. Please write the code ${code} on a slip by hand.`,
      'id',
    ),
  parkCodeExhausted: () =>
    fail(
      'park-code-unavailable',
      'Không tạo được mã giữ hồ sơ. Vui lòng thử lại.',
      'Could not make a park code. Please try again.',
      'id',
    ),
  noForms: () =>
    fail(
      'forms-unavailable',
      'Ki-ốt này chưa in được biểu mẫu. Vui lòng báo kỹ thuật.',
      'This kiosk cannot produce the forms. Please tell the technician.',
    ),
  paymentNotConfigured: () =>
    fail(
      'payment-not-configured',
      'Trung tâm chưa cài đặt tài khoản nhận phí nên chưa tạo được mã VietQR. Vui lòng nộp phí tại quầy.',
      "The centre's account for fees is not set up, so no VietQR can be made. Please pay at the counter.",
      'payment',
    ),
} as const;
