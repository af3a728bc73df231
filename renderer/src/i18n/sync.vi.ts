/**
 * Vietnamese messages for the sync screens, under the `sync` key of vi.ts. `sync.en.ts` has the
 * same keys (typed against this object, and a unit test checks every language).
 *
 * `indicator` is the citizen header's small online/offline note: calm words, never an alarm.
 */
export const syncVi = {
  nav: 'Đồng bộ',
  title: 'Đồng bộ với cổng dịch vụ công',
  loading: 'Đang tải tình trạng đồng bộ…',
  unavailable: 'Chức năng đồng bộ chưa sẵn sàng trên ki-ốt này.',
  notConfigured: 'Chưa cấu hình cổng dịch vụ công: hồ sơ được lưu an toàn tại ki-ốt và chưa gửi đi đâu.',
  online: 'Đang kết nối với cổng',
  offline: 'Chưa kết nối được với cổng – hồ sơ chờ gửi sẽ tự gửi khi có mạng',
  counts: {
    waiting: 'Chờ gửi',
    sending: 'Đang gửi',
    attention: 'Cần xử lý',
    synced: 'Đã gửi hôm nay',
  },
  lastContact: 'Liên lạc thành công gần nhất: {{time}}',
  neverContacted: 'Chưa liên lạc được với cổng lần nào.',
  nextAttempt: 'Lần thử tiếp theo: {{time}}',
  retryAll: 'Thử lại ngay',
  retryAllLabel: 'Thử gửi ngay mọi hồ sơ đang chờ',
  retrying: 'Đang thử lại…',
  retried: 'Đã yêu cầu gửi ngay.',
  attention: {
    title: 'Hồ sơ cần xử lý',
    help: 'Cổng đã từ chối các hồ sơ này; ki-ốt không tự gửi lại. Sửa theo lý do rồi bấm “Thử lại ngay”.',
    empty: 'Không có hồ sơ nào cần xử lý.',
    reasons: 'Lý do cổng trả về:',
    since: 'Từ {{time}}',
    attempts_one: 'Đã thử {{count}} lần',
    attempts_other: 'Đã thử {{count}} lần',
    http: 'Mã trả lời {{status}}',
    retry: 'Thử lại ngay',
    retryLabel: 'Thử gửi lại hồ sơ {{code}} ngay',
    retried: 'Đã yêu cầu gửi lại hồ sơ {{code}}.',
    correct: 'Sửa hồ sơ',
    correctLabel: 'Sửa hồ sơ {{code}} theo lý do cổng trả về',
    corrected: 'Đã lưu bản sửa hồ sơ {{code}} và yêu cầu gửi lại.',
    correctedNotSent: 'Đã lưu bản sửa hồ sơ {{code}} nhưng chưa gửi lại được. Bấm “Thử lại ngay” sau.',
  },
  correct: {
    title: 'Sửa hồ sơ {{code}}',
    lead: 'Sửa các ô theo lý do trên rồi bấm “Lưu và gửi lại”. Việc sửa được ghi vào nhật ký.',
    loading: 'Đang mở hồ sơ…',
    save: 'Lưu và gửi lại',
    saving: 'Đang lưu…',
    cancel: 'Đóng, không sửa',
  },
  feed: {
    title: 'Nhật ký đồng bộ',
    empty: 'Chưa có sự kiện đồng bộ nào.',
    kind: {
      online: 'Có kết nối',
      offline: 'Mất kết nối',
      sent: 'Đã gửi',
      retry: 'Thử lại',
      attention: 'Cần xử lý',
      status: 'Trạng thái mới',
      catalogue: 'Danh mục thủ tục',
    },
  },
  indicator: {
    label: 'Tình trạng kết nối',
    online: 'Đang kết nối',
    offline: 'Đang làm việc ngoại tuyến – hồ sơ vẫn được nhận và sẽ tự gửi đi',
  },
};
