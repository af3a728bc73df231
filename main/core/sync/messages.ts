import type { KioskError } from '../../../preload/api';
import { kioskError } from '../errors';
import type { PortalStatusChange } from './types';

/**
 * Every sentence the sync engine writes for people: the staff feed, staff alerts, the citizen's timeline.
 * Vietnamese first, plain words; a staff member reading the feed should know what to do without a manual.
 */
export interface Bilingual {
  vi: string;
  en: string;
}

const statusWords: Record<PortalStatusChange['status'], Bilingual> = {
  received: { vi: 'đã được tiếp nhận', en: 'was received' },
  refused: { vi: 'không được tiếp nhận', en: 'was refused' },
  processing: { vi: 'đang được giải quyết', en: 'is being processed' },
  supplement: { vi: 'cần bổ sung giấy tờ', en: 'needs more documents' },
  financial: { vi: 'chờ thực hiện nghĩa vụ tài chính', en: 'awaits the fees or taxes due' },
  withdrawn: { vi: 'đã được rút theo yêu cầu của công dân', en: "was withdrawn at the citizen's request" },
  stopped: { vi: 'bị dừng xử lý', en: 'was stopped' },
  done: { vi: 'đã có kết quả', en: 'has its result' },
  returned: { vi: 'đã trả kết quả', en: 'result handed over' },
};

/**
 * Text from outside (the portal's note, an error's words) as a whole sentence: the portal writes its notes
 * without a full stop, and a sentence of ours after it read as one ("…bản rõ hơn Hãy liên hệ công dân.").
 */
export const sentence = (text: string): string => {
  const t = text.trim();
  return t === '' || /[.!?…:;]["')\]]*$/u.test(t) ? t : `${t}.`;
};

/** dd/mm/yyyy of an ISO day, as staff read dates. */
const day = (iso: string): string => iso.split('-').reverse().join('/');

/** What a change says besides its status, each part after a space; empty when nothing. */
function detailWords(change: PortalStatusChange): Bilingual {
  const vi: string[] = [];
  const en: string[] = [];
  if (change.dueDate) {
    vi.push(`Ngày hẹn trả mới: ${day(change.dueDate)}.`);
    en.push(`New appointment date: ${day(change.dueDate)}.`);
  }
  if (change.apology) {
    vi.push(`Cơ quan gửi văn bản xin lỗi (Mẫu 04), hẹn lại ngày ${day(change.apology.newDueDate)}.`);
    en.push(`The agency apologised (Mẫu 04) and gives a new date: ${day(change.apology.newDueDate)}.`);
  }
  if (change.resultElectronic) {
    vi.push('Kết quả được cấp bản điện tử.');
    en.push('The result was issued electronically.');
  }
  if (change.paid && change.paidVia) {
    vi.push(change.paidVia === 'online' ? 'Đã thanh toán trực tuyến.' : 'Đã nộp phí tại quầy.');
    en.push(change.paidVia === 'online' ? 'Paid online.' : 'Paid at the counter.');
  }
  return {
    vi: vi.map((w) => ` ${w}`).join(''),
    en: en.map((w) => ` ${w}`).join(''),
  };
}

export const feed = {
  online: (): Bilingual => ({
    vi: 'Đã kết nối lại với cổng dịch vụ công.',
    en: 'Connected to the public service portal.',
  }),
  offline: (why: KioskError): Bilingual => ({
    vi: `Mất kết nối với cổng dịch vụ công. ${sentence(why.vi)} Hồ sơ vẫn được lưu an toàn trên ki-ốt.`,
    en: `Lost the connection to the portal. ${sentence(why.en)} Dossiers stay safe on the kiosk.`,
  }),
  sent: (code: string, portalCode: string): Bilingual => ({
    vi: `Đã gửi hồ sơ ${code} lên cổng, mã trên cổng: ${portalCode}.`,
    en: `Sent dossier ${code} to the portal; portal code ${portalCode}.`,
  }),
  retry: (code: string, why: KioskError, at: string): Bilingual => ({
    vi: `Chưa gửi được hồ sơ ${code}. ${sentence(why.vi)} Lần thử tiếp theo: ${at}.`,
    en: `Dossier ${code} not sent yet. ${sentence(why.en)} Next attempt: ${at}.`,
  }),
  attention: (code: string, why: KioskError): Bilingual => ({
    vi: `Hồ sơ ${code} dừng gửi, cần nhân viên xử lý: ${sentence(why.vi)}`,
    en: `Dossier ${code} stopped and needs staff: ${sentence(why.en)}`,
  }),
  staffRetry: (code: string | null, user: string): Bilingual =>
    code === null
      ? {
          vi: `${user} yêu cầu gửi lại ngay mọi hồ sơ đang chờ.`,
          en: `${user} asked to send every waiting dossier now.`,
        }
      : { vi: `${user} yêu cầu gửi lại hồ sơ ${code}.`, en: `${user} asked to send dossier ${code} again.` },
  status: (code: string, change: PortalStatusChange): Bilingual => {
    const words = statusWords[change.status];
    const note = change.note ? `: ${sentence(change.note)}` : '.';
    const more = detailWords(change);
    return {
      vi: `Hồ sơ ${code} ${words.vi}${note}${more.vi}`,
      en: `Dossier ${code} ${words.en}${note}${more.en}`,
    };
  },
  /** The portal changed what it holds of a dossier without moving it: the date, Mẫu 04, the result. */
  details: (code: string, change: PortalStatusChange): Bilingual => {
    const more = detailWords(change);
    return {
      vi: `Cổng cập nhật hồ sơ ${code} (${statusWords[change.status].vi}).${more.vi}`,
      en: `The portal updated dossier ${code} (${statusWords[change.status].en}).${more.en}`,
    };
  },
  paid: (code: string): Bilingual => ({
    vi: `Cổng báo hồ sơ ${code} đã nộp phí, lệ phí.`,
    en: `The portal reports the fee of dossier ${code} as paid.`,
  }),
  reception: (code: string, state: string): Bilingual =>
    state === 'refused'
      ? {
          vi: `Đã báo cổng: hồ sơ ${code} bị từ chối tiếp nhận.`,
          en: `Told the portal: dossier ${code} was refused.`,
        }
      : state === 'received'
        ? {
            vi: `Đã báo cổng: hồ sơ ${code} đã được tiếp nhận.`,
            en: `Told the portal: dossier ${code} was received.`,
          }
        : {
            vi: `Đã báo cổng tình trạng tiếp nhận của hồ sơ ${code}.`,
            en: `Told the portal the reception of dossier ${code}.`,
          },
  catalogue: (count: number): Bilingual => ({
    vi: `Đã cập nhật danh mục thủ tục từ cổng (${count} thủ tục).`,
    en: `Updated the procedure catalogue from the portal (${count} procedures).`,
  }),
  catalogueFailed: (why: Bilingual): Bilingual => ({
    vi: `Không cập nhật được danh mục thủ tục từ cổng; vẫn dùng danh mục cũ. (${why.vi})`,
    en: `Could not update the procedure catalogue from the portal; the previous one stays in use. (${why.en})`,
  }),
};

/** The note on the citizen's timeline when the kiosk hands the dossier to the portal. */
export const sentNote = (portalCode: string): Bilingual => ({
  vi: `Đã chuyển lên cổng dịch vụ công, mã hồ sơ trên cổng: ${portalCode}.`,
  en: `Handed to the public service portal; portal code ${portalCode}.`,
});

export const alerts = {
  refused: (code: string, why: KioskError, reasons: string[]): Bilingual => {
    // The portal's reasons may end with their own full stop: one is enough.
    const joined = reasons.map((r) => r.trim().replace(/[.。]+$/u, '')).join('; ');
    const list = reasons.length > 0 ? ` Lý do: ${joined}.` : '';
    const listEn = reasons.length > 0 ? ` Reasons (as the portal wrote them): ${joined}.` : '';
    return {
      vi: `Hồ sơ ${code} chưa gửi được lên cổng: ${sentence(why.vi)}${list} Hãy kiểm tra, sửa nếu cần rồi bấm "Thử lại ngay" ở màn hình Đồng bộ.`,
      en: `Dossier ${code} was not accepted by the portal: ${sentence(why.en)}${listEn} Check it, correct it if needed, then press "Retry now" on the Sync screen.`,
    };
  },
  token: (): Bilingual => ({
    vi: 'Cổng dịch vụ công không chấp nhận mã truy cập của ki-ốt này, nên ki-ốt tạm dừng gửi hồ sơ. Hãy báo kỹ thuật kiểm tra cấu hình "portal.token"; hồ sơ vẫn được giữ an toàn.',
    en: 'The portal does not accept this kiosk\'s access token, so sending is paused. Ask a technician to check "portal.token"; dossiers stay safe on the kiosk.',
  }),
  reception: (code: string, attempts: number, lastError: string): Bilingual => ({
    vi: `Chưa báo được cổng việc tiếp nhận (hoặc từ chối) hồ sơ ${code} sau ${attempts} lần thử: ${sentence(lastError)} Ki-ốt vẫn tiếp tục thử; nếu cổng đã ghi nhận khác, hãy báo quản trị viên đối chiếu.`,
    en: `Could not tell the portal that dossier ${code} was received (or refused) after ${attempts} attempts: ${sentence(lastError)} The kiosk keeps trying; if the portal holds something else, ask an administrator to reconcile.`,
  }),
  supplement: (code: string, note: string | null): Bilingual => ({
    vi: `Cổng yêu cầu bổ sung hồ sơ ${code}${note ? `: ${sentence(note)}` : '.'} Hãy liên hệ công dân.`,
    en: `The portal asks for more documents for dossier ${code}${note ? ` (in its words: ${sentence(note)})` : '.'} Please contact the citizen.`,
  }),
};

/** Problems found on the kiosk itself before anything is sent: the portal never saw these. */
export const localErrors = {
  missingDossier: () =>
    kioskError(
      'sync-dossier-missing',
      'Không tìm thấy hồ sơ đã nộp trong cơ sở dữ liệu của ki-ốt.',
      'The submitted dossier is not in the kiosk database.',
    ),
  /**
   * The row no longer reads back (damage.ts in main/core/dossier): set aside, never retried by itself.
   * `field` names the damaged column.
   */
  badRecord: (what: string) =>
    kioskError(
      'dossier-damaged',
      `Hồ sơ bị hỏng dữ liệu — liên hệ kỹ thuật (phần hỏng: ${what}). Ki-ốt không gửi hồ sơ này cho đến khi kỹ thuật khôi phục; các hồ sơ khác vẫn được gửi.`,
      `The dossier's data is damaged — call a technician (damaged part: ${what}). The kiosk will not send it until a technician restores it; other dossiers are still sent.`,
      what,
    ),
  missingFile: (name: string) =>
    kioskError(
      'sync-file-missing',
      `Tệp đính kèm "${name}" không còn trên ki-ốt hoặc đã bị thay đổi.`,
      `The attachment "${name}" is missing from the kiosk or has changed.`,
    ),
  portalCodeTaken: (portalCode: string) =>
    kioskError(
      'sync-portal-code-taken',
      `Cổng trả về mã hồ sơ ${portalCode} nhưng mã này đã thuộc một hồ sơ khác trên ki-ốt.`,
      `The portal answered with code ${portalCode}, which already belongs to another dossier on this kiosk.`,
    ),
  unexpected: () =>
    kioskError(
      'sync-unexpected',
      'Ki-ốt gặp lỗi ngoài ý muốn khi gửi hồ sơ; sẽ thử lại.',
      'The kiosk hit an unexpected error while sending; it will try again.',
    ),
};

export const notFound = () =>
  kioskError(
    'not-found',
    'Không tìm thấy hồ sơ này trong hàng chờ gửi.',
    'This dossier is not in the sending queue.',
    'dossierId',
  );

/** Parses an error stored as JSON, falling back to a generic one when the text is unreadable. */
export function storedError(json: string | null, fallback: KioskError): KioskError {
  if (!json) return fallback;
  try {
    const e = JSON.parse(json) as Partial<KioskError>;
    if (typeof e.code === 'string' && typeof e.vi === 'string' && typeof e.en === 'string')
      return { code: e.code, vi: e.vi, en: e.en };
  } catch {
    // fall through
  }
  return fallback;
}
