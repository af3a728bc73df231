import { KioskFailure, kioskError } from '../errors';

/** What staff read when receiving, refusing or asking for more papers cannot be done. */
const fail = (code: string, vi: string, en: string, field?: string) =>
  new KioskFailure(kioskError(code, vi, en, field));

export const receptionErrors = {
  alreadyReceived: (code: string) =>
    fail(
      'dossier-already-received',
      `Hồ sơ ${code} đã được tiếp nhận. In lại giấy tiếp nhận (Mẫu 01) ở danh sách hồ sơ nếu cần.`,
      `Dossier ${code} has already been received. Reprint its receipt (Mẫu 01) from the dossier list if needed.`,
      'id',
    ),
  alreadyRefused: (code: string) =>
    fail(
      'dossier-refused',
      `Hồ sơ ${code} đã bị từ chối tiếp nhận. In lại phiếu từ chối (Mẫu 03) ở danh sách hồ sơ nếu cần.`,
      `Dossier ${code} was refused. Reprint the refusal (Mẫu 03) from the dossier list if needed.`,
      'id',
    ),
  withdrawn: (code: string) =>
    fail(
      'dossier-withdrawn',
      `Hồ sơ ${code} đã được công dân rút, không tiếp nhận hay từ chối được nữa.`,
      `Dossier ${code} was withdrawn by the citizen; it can no longer be received or refused.`,
      'id',
    ),
  notAssisted: () =>
    fail(
      'dossier-not-assisted',
      'Chỉ từ chối được hồ sơ đang làm cùng nhân viên tại quầy, hoặc hồ sơ công dân đã nộp đang chờ tiếp nhận.',
      'Only a dossier being filed with staff at the counter, or one a citizen submitted that waits to be received, can be refused.',
      'id',
    ),
  notSubmitted: () =>
    fail(
      'dossier-not-submitted',
      'Hồ sơ này chưa được nộp nên chưa tiếp nhận được. Hoàn tất và nộp hồ sơ cùng công dân trước.',
      'This dossier has not been submitted, so it cannot be received yet. Complete and submit it with the citizen first.',
      'id',
    ),
  nothingToComplete: () =>
    fail(
      'dossier-nothing-to-complete',
      'Hồ sơ đã đủ theo kiểm tra của ki-ốt. Nếu giấy tờ chưa đúng, ghi rõ nội dung cần bổ sung vào ô ghi chú.',
      "The kiosk's check finds the dossier complete. If a paper is not right, write what must be completed in the note.",
      'note',
    ),
  notSupplementable: (code: string) =>
    fail(
      'dossier-not-supplementable',
      `Hồ sơ ${code} không ở bước yêu cầu bổ sung: chỉ in Mẫu 02 cho hồ sơ đang làm tại quầy, hồ sơ chờ tiếp nhận, hoặc hồ sơ cơ quan giải quyết yêu cầu bổ sung.`,
      `Dossier ${code} is not waiting for papers: Mẫu 02 is printed for a dossier being filed at the counter, one waiting to be received, or one the processing agency asked papers for.`,
      'id',
    ),
  trackingTooMany: (count: number, max: number) =>
    fail(
      'tracking-too-many',
      `Khoảng ngày này có ${count} hồ sơ, nhiều hơn ${max} hồ sơ một lần xuất. Vui lòng chọn khoảng ngày ngắn hơn.`,
      `This range holds ${count} dossiers, more than the ${max} one export takes. Please choose a shorter range.`,
      'to',
    ),
  trackingRange: (max: number) =>
    fail(
      'tracking-range',
      `Mỗi lần xuất tối đa ${max} ngày. Vui lòng chọn khoảng ngày ngắn hơn.`,
      `One export covers at most ${max} days. Please choose a shorter range.`,
      'to',
    ),
};
