import { kioskError } from '../errors';

export const queueErrors = {
  unknownService: () =>
    kioskError('unknown-service', 'Không có lĩnh vực này.', 'No such service.', 'serviceId'),
  unknownCounter: () => kioskError('unknown-counter', 'Không có quầy này.', 'No such counter.', 'counterId'),
  unknownPriority: () =>
    kioskError('unknown-priority', 'Không có diện ưu tiên này.', 'No such priority category.', 'priority'),
  closed: (name: string, open: string, close: string) =>
    kioskError(
      'service-closed',
      `Lĩnh vực "${name}" chỉ lấy số từ ${open} đến ${close}. Vui lòng quay lại trong giờ làm việc.`,
      `"${name}" issues tickets from ${open} to ${close}. Please come back during opening hours.`,
    ),
  dayFull: (name: string) =>
    kioskError(
      'day-full',
      `Lĩnh vực "${name}" đã hết số thứ tự hôm nay. Vui lòng hỏi nhân viên tại quầy.`,
      `"${name}" has no ticket numbers left today. Please ask a member of staff.`,
    ),
  paused: () =>
    kioskError(
      'counter-paused',
      'Quầy đang tạm dừng. Hãy mở lại quầy trước khi gọi số.',
      'The counter is paused. Resume it before calling.',
    ),
  nothingWaiting: () =>
    kioskError('queue-empty', 'Không còn ai đang chờ ở quầy này.', 'Nobody is waiting for this counter.'),
  noCurrent: () =>
    kioskError(
      'no-current-ticket',
      'Quầy chưa gọi số nào. Hãy bấm "Gọi số tiếp theo".',
      'This counter has not called anyone. Press "Call next".',
    ),
  notRecallable: () =>
    kioskError(
      'not-recallable',
      'Không gọi lại được số này (đã phục vụ, hoặc đã quá thời gian cho phép gọi lại).',
      'This ticket cannot be recalled (already served, or the recall window has passed).',
      'ticketId',
    ),
  linkBoth: () =>
    kioskError(
      'ticket-link-both',
      'Một số thứ tự chỉ gắn với một hồ sơ: hồ sơ đang khai hoặc giấy biên nhận, không cả hai. Chưa cấp số nào.',
      'A ticket is taken for one dossier: a draft or a receipt, not both. No ticket was issued.',
      'receipt',
    ),
  linkUnavailable: () =>
    kioskError(
      'ticket-link-unavailable',
      'Ki-ốt này chưa gắn được số thứ tự với hồ sơ. Hãy lấy số thường và đưa giấy biên nhận cho nhân viên.',
      'This kiosk cannot link a ticket to a dossier. Take an ordinary ticket and show the receipt to staff.',
    ),
  transferTarget: () =>
    kioskError(
      'transfer-target',
      'Hãy chọn một lĩnh vực hoặc một quầy khác để chuyển đến.',
      'Choose another service or counter to transfer to.',
    ),
} as const;
