/**
 * Vietnamese messages for the LAN: the staff console's "Mạng nội bộ" tab (pairing devices, the devices
 * paired, HTTPS for counter PCs and displays) and the pairing screen an unpaired device shows, under the
 * `lan` key of vi.ts. `lan.en.ts` has the same keys (a unit test checks every language).
 */
export const lanVi = {
  nav: 'Mạng nội bộ',
  title: 'Kết nối mạng nội bộ (máy tính quầy, màn hình chờ)',
  loading: 'Đang tải thông tin chứng chỉ…',
  off: 'Ki-ốt chưa mở kết nối mạng nội bộ: chỉ dùng được trên chính máy ki-ốt. Quản trị viên bật "bridge.lan" trong tệp cấu hình để máy tính quầy và màn hình chờ kết nối được.',
  certificate: 'Chứng chỉ HTTPS của ki-ốt',
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
  step4: 'Mở {{url}}. Máy sẽ hiện màn hình ghép nối: tạo mã cho máy ở mục “Ghép thiết bị mới” phía trên.',
  /** Under the staff area's name on a paired counter PC. */
  thisDevice: 'Thiết bị: {{name}}',
  role: {
    counter: 'Máy tính tại quầy',
    display: 'Màn hình phòng chờ',
    kiosk: 'Ki-ốt khác',
  },
  /** The admin's form (screens/staff/LanPanel.tsx). */
  newDevice: {
    title: 'Ghép thiết bị mới',
    intro:
      'Chọn việc của máy mới và đặt tên cho máy, rồi bấm “Tạo mã ghép nối”. Mã dùng được cho một máy, trong 5 phút.',
    roleLegend: 'Máy này dùng để làm gì?',
    roleHelp: {
      counter: 'Nhân viên đăng nhập để gọi số, tiếp nhận và tra cứu hồ sơ tại quầy.',
      display: 'Chỉ hiện bảng số thứ tự và đọc số đang gọi. Không ai đăng nhập trên máy này.',
      kiosk: 'Thêm một ki-ốt để người dân tự lấy số, nộp và tra cứu hồ sơ.',
    },
    name: 'Tên thiết bị',
    nameHelp: 'Ví dụ: Quầy 3, Màn hình sảnh chính. Tên này hiện trong danh sách bên dưới và trên máy đó.',
    nameRequired: 'Hãy đặt tên cho thiết bị (tối đa 60 ký tự), ví dụ “Quầy 3”.',
    submit: 'Tạo mã ghép nối',
    pending: 'Đang tạo mã…',
  },
  /** The code just made, shown large with its countdown. */
  code: {
    title: 'Mã ghép nối cho “{{name}}” ({{role}})',
    label: 'Mã ghép nối: {{digits}}',
    countdown: 'Còn {{time}} để nhập mã',
    expired: 'Mã này đã hết hạn. Bấm “Tạo mã khác” để có mã mới.',
    onDevice: 'Trên thiết bị đó:',
    step1:
      'Mở trình duyệt tới địa chỉ của ki-ốt (xem mục “Chứng chỉ HTTPS” bên dưới). Máy sẽ hiện màn hình “Ghép nối thiết bị với ki-ốt”.',
    step2: 'Nhập 6 chữ số này rồi bấm “Ghép nối”.',
    tries:
      'Mã chỉ ghép được một máy, và bị huỷ nếu bị nhập sai nhiều lần. Đừng đọc mã cho người không có việc.',
    paired: 'Đã ghép nối “{{name}}”. Máy đã có trong danh sách bên dưới.',
    another: 'Tạo mã khác',
  },
  /** The table of paired devices. */
  devices: {
    title: 'Thiết bị đã ghép nối',
    loading: 'Đang tải danh sách thiết bị…',
    empty: 'Chưa ghép nối thiết bị nào. Tạo mã ở mục “Ghép thiết bị mới” phía trên.',
    adminOnly:
      'Chỉ quản trị viên mới ghép nối, xem và thu hồi thiết bị. Cần ghép một máy mới, xin báo quản trị viên.',
    columns: {
      name: 'Tên thiết bị',
      role: 'Vai trò',
      paired: 'Ghép nối',
      lastSeen: 'Liên lạc gần nhất',
      state: 'Trạng thái',
      actions: 'Thao tác',
    },
    pairedBy: 'bởi {{user}}',
    from: 'từ {{address}}',
    never: 'Chưa liên lạc',
    live: 'Đang dùng',
    revoked: 'Đã thu hồi',
    revokedBy: '{{time}}, bởi {{user}}',
    revoke: 'Thu hồi',
    revokeLabel: 'Thu hồi thiết bị “{{name}}”',
    revokedNotice: 'Đã thu hồi “{{name}}”. Máy đó không còn dùng được cho tới khi được ghép nối lại.',
    confirm: {
      title: 'Thu hồi thiết bị “{{name}}”?',
      body: 'Việc thu hồi có hiệu lực ngay: nhân viên đang đăng nhập trên máy này bị đăng xuất, màn hình của máy dừng lại. Muốn dùng lại máy, phải ghép nối lại bằng mã mới.',
      keep: 'Giữ lại',
      confirm: 'Thu hồi ngay',
    },
  },
  /** The device's own screen before it is paired (components/PairingScreen.tsx). */
  pairing: {
    title: 'Ghép nối thiết bị với ki-ốt',
    lead: 'Máy này chưa được ghép nối với ki-ốt nên chưa dùng được. Việc này chỉ làm một lần cho mỗi máy.',
    stepsTitle: 'Cách ghép nối',
    step1: 'Nhờ quản trị viên mở trên máy ki-ốt:',
    step1Path: 'Bảng điều khiển → Mạng nội bộ → Ghép thiết bị mới',
    step2:
      'Quản trị viên chọn việc của máy này (máy tính tại quầy, màn hình phòng chờ hoặc ki-ốt khác) và đặt tên cho máy.',
    step3:
      'Ki-ốt hiện một mã gồm 6 chữ số. Nhập mã đó vào ô “Mã ghép nối” rồi bấm “Ghép nối”. Mã có hiệu lực 5 phút.',
    codeLabel: 'Mã ghép nối (6 chữ số)',
    codeHelp: 'Gõ bằng bàn phím số bên dưới hoặc bàn phím máy tính.',
    submit: 'Ghép nối',
    pending: 'Đang ghép nối…',
    opening: 'Đã ghép nối. Đang mở…',
    notKept:
      'Ki-ốt đã nhận mã, nhưng trình duyệt này không giữ lại việc ghép nối. Hãy cho phép trang này lưu cookie, rồi nhờ quản trị viên tạo mã mới.',
    revoked:
      'Máy này không còn được ghép nối với ki-ốt (quản trị viên có thể đã thu hồi). Nhờ quản trị viên tạo mã mới để ghép nối lại.',
  },
};
