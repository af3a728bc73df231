/**
 * Vietnamese messages for the counter's hand-over from ticket to counter (issue 22), under the `handover`
 * key of vi.ts: the dossier a called ticket carries, what a card or receipt scanned at the counter finds,
 * and the dossier opened from either. `handover.en.ts` has the same keys.
 */
export const handoverVi = {
  linked: {
    label: 'Hồ sơ kèm theo:',
    state: {
      draft: 'đang làm dở',
      parked: 'đang làm dở',
      submitted: 'đã nộp, chờ tiếp nhận',
    },
    open: 'Mở hồ sơ',
    openLabel: 'Mở hồ sơ {{procedure}} kèm số {{number}}',
  },
  opened: {
    back: 'Về quầy phục vụ',
    opening: 'Đang mở hồ sơ…',
    receptionTitle: 'Tiếp nhận hồ sơ {{code}}',
    loading: 'Đang tải hồ sơ…',
    done: 'Hồ sơ {{code}} đã được xử lý tại quầy.',
    state: 'Tình trạng tiếp nhận: {{state}}',
    procedure: 'Thủ tục: {{name}}',
    applicant: 'Người nộp: {{name}}',
    printing: 'Đang in…',
  },
  scan: {
    title: 'Hồ sơ của thẻ vừa quét',
    help: 'Quét thẻ căn cước của công dân để mở hồ sơ họ đang làm dở, hoặc quét mã QR trên biên nhận để tiếp nhận hồ sơ đã nộp.',
    looking: 'Đang tìm hồ sơ của thẻ vừa quét…',
    empty: 'Không có hồ sơ nào đang làm dở của thẻ này.',
    procedure: 'Thủ tục',
    startedAt: 'Bắt đầu lúc',
    open: 'Mở',
    openLabel: 'Mở hồ sơ {{procedure}} bắt đầu lúc {{time}}',
    close: 'Đóng',
  },
};
