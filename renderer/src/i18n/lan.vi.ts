/**
 * Vietnamese messages for the staff console's "Mạng nội bộ" tab (HTTPS for counter PCs and displays),
 * under the `lan` key of vi.ts. `lan.en.ts` has the same keys (a unit test checks every language).
 */
export const lanVi = {
  nav: 'Mạng nội bộ',
  title: 'Kết nối mạng nội bộ (máy tính quầy, màn hình chờ)',
  loading: 'Đang tải thông tin chứng chỉ…',
  off: 'Ki-ốt chưa mở kết nối mạng nội bộ: chỉ dùng được trên chính máy ki-ốt. Quản trị viên bật "bridge.lan" trong tệp cấu hình để máy tính quầy và màn hình chờ kết nối được.',
  fingerprint: 'Mã nhận dạng chứng chỉ gốc (SHA-256)',
  fingerprintHelp:
    'Khi cài chứng chỉ lên máy tính quầy hoặc màn hình chờ, hãy so từng cặp ký tự với dãy này. Nếu khác, đừng cài: có người đang chen vào giữa máy đó và ki-ốt.',
  caValidUntil: 'Chứng chỉ gốc có hiệu lực đến',
  addresses: 'Địa chỉ của ki-ốt trên mạng nội bộ',
  serverValidUntil: 'Chứng chỉ máy chủ có hiệu lực đến (tự gia hạn)',
  steps: 'Cài đặt một máy tính quầy hoặc màn hình chờ (mỗi máy một lần)',
  step1: 'Trên máy đó, mở {{url}} và lưu tệp chứng chỉ.',
  step2:
    'Kiểm tra mã SHA-256 của tệp (Windows: certutil -hashfile mot-cua-kiosk-ca.crt SHA256) giống dãy ở trên.',
  step3: 'Cài tệp vào "Trusted Root Certification Authorities" (Local Machine).',
  step4: 'Mở {{url}}.',
};
