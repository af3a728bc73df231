/**
 * Vietnamese: the default language. Plain, warm words a citizen of any age understands; "Quý vị" is the
 * polite form public service centres use. `en.ts` must have exactly the same keys (a unit test checks).
 */
export const vi = {
  app: {
    name: 'Một Cửa Kiosk',
    loading: 'Đang khởi động ki-ốt, xin vui lòng chờ trong giây lát…',
    loadFailedTitle: 'Chưa mở được ki-ốt',
    loadFailedHelp: 'Vui lòng bấm “Thử lại”. Nếu vẫn không được, xin báo nhân viên tại quầy.',
    retry: 'Thử lại',
    demo: 'Chế độ trình diễn: ki-ốt chưa được cấu hình cho trung tâm này.',
  },
  errors: {
    network: 'Không kết nối được với máy chủ của ki-ốt. Vui lòng thử lại hoặc báo nhân viên.',
    badResponse: 'Máy chủ của ki-ốt trả lời không đúng. Vui lòng thử lại hoặc báo nhân viên.',
  },
  lang: {
    /** The toggle names the language it switches to, in that language. */
    switchTo: 'English',
    switchToCode: 'en',
  },
  a11y: {
    groupLabel: 'Tùy chỉnh hiển thị',
    smaller: 'A-',
    normal: 'A',
    larger: 'A+',
    smallerLabel: 'Chữ nhỏ hơn',
    normalLabel: 'Cỡ chữ bình thường',
    largerLabel: 'Chữ lớn hơn',
    contrast: 'Tương phản cao',
  },
  clock: {
    format: '{{weekday}}, {{day}}/{{month}}/{{year}} {{hour}}:{{minute}}',
    time: '{{hour}}:{{minute}}',
    date: '{{weekday}}, {{day}}/{{month}}/{{year}}',
    weekday0: 'Chủ Nhật',
    weekday1: 'Thứ Hai',
    weekday2: 'Thứ Ba',
    weekday3: 'Thứ Tư',
    weekday4: 'Thứ Năm',
    weekday5: 'Thứ Sáu',
    weekday6: 'Thứ Bảy',
  },
  home: {
    title: 'Trang chủ',
    heading: 'Xin kính chào Quý vị! Quý vị cần làm gì hôm nay?',
    servicesLabel: 'Các dịch vụ',
    comingSoon: 'Sắp có',
    help: 'Cần giúp đỡ? Xin mời Quý vị hỏi nhân viên tại quầy.',
    staffEntry: 'Nhân viên',
    staffEntryLabel: 'Dành cho nhân viên: đăng nhập',
  },
  features: {
    queue: {
      title: 'Lấy số thứ tự',
      description: 'Nhận số để được gọi lên quầy theo lượt.',
    },
    procedures: {
      title: 'Tra cứu thủ tục',
      description: 'Xem giấy tờ cần chuẩn bị, lệ phí và thời gian giải quyết.',
    },
    dossier: {
      title: 'Nộp hồ sơ trực tuyến',
      description: 'Khai biểu mẫu và nộp hồ sơ ngay tại ki-ốt.',
    },
    tracking: {
      title: 'Tra cứu hồ sơ',
      description: 'Xem hồ sơ đã nộp đang được giải quyết đến đâu.',
    },
  },
  comingSoon: {
    lead: 'Chức năng này chưa có ở ki-ốt này.',
    body: 'Chúng tôi đang chuẩn bị để sớm phục vụ Quý vị. Trong lúc chờ, xin mời Quý vị đến quầy tiếp nhận, nhân viên sẽ hướng dẫn và giúp Quý vị ngay.',
    thanks: 'Cảm ơn Quý vị đã thông cảm.',
    home: 'Về trang chủ',
  },
  idle: {
    title: 'Quý vị còn đang sử dụng ki-ốt không?',
    countdown_one: 'Màn hình sẽ trở về trang chủ sau {{count}} giây',
    countdown_other: 'Màn hình sẽ trở về trang chủ sau {{count}} giây',
    privacy: 'Để bảo vệ thông tin của Quý vị, những gì đã chọn sẽ được xóa.',
    continue: 'Tôi vẫn đang dùng',
  },
  staff: {
    areaLabel: 'Khu vực nhân viên',
    backToKiosk: 'Về màn hình ki-ốt',
    loading: 'Đang kiểm tra phiên đăng nhập…',
    signIn: {
      title: 'Đăng nhập nhân viên',
      user: 'Tên đăng nhập',
      pin: 'Mã PIN',
      pinHelp: 'Nhập mã PIN bằng bàn phím số bên dưới hoặc bàn phím máy tính.',
      keypadLabel: 'Bàn phím số',
      backspace: 'Xóa một số',
      clear: 'Xóa hết',
      submit: 'Đăng nhập',
      pending: 'Đang đăng nhập…',
    },
    setup: {
      title: 'Tạo tài khoản quản trị',
      intro: 'Ki-ốt chưa có tài khoản quản trị. Hãy tạo tài khoản đầu tiên (tên đăng nhập là “admin”).',
      name: 'Họ và tên người quản trị',
      pin: 'Mã PIN (6 đến 12 chữ số)',
      pin2: 'Nhập lại mã PIN',
      submit: 'Tạo tài khoản',
      pending: 'Đang tạo tài khoản…',
      pinFormat: 'Mã PIN phải gồm từ 6 đến 12 chữ số.',
      pinMismatch: 'Hai mã PIN chưa giống nhau. Vui lòng nhập lại.',
      nameRequired: 'Vui lòng nhập họ và tên.',
    },
    console: {
      title: 'Bảng điều khiển nhân viên',
      signedInAs: 'Đang đăng nhập: {{name}}',
      role: 'Vai trò: {{role}}',
      roleStaff: 'Nhân viên',
      roleAdmin: 'Quản trị viên',
      signOut: 'Đăng xuất',
      queueNote:
        'Các chức năng tại quầy (gọi số, chuyển quầy…) sẽ có khi tính năng lấy số thứ tự được đưa vào sử dụng.',
    },
    alerts: {
      title: 'Cảnh báo',
      empty: 'Không có cảnh báo nào cần xem.',
      loading: 'Đang tải cảnh báo…',
      acknowledge: 'Đã xem',
      acknowledgeLabel: 'Đánh dấu đã xem: {{message}}',
      levelInfo: 'Thông tin',
      levelWarning: 'Lưu ý',
      levelCritical: 'Nghiêm trọng',
      createdAt: 'Lúc {{time}}',
    },
  },
  waiting: {
    title: 'Màn hình chờ',
    note: 'Bảng gọi số sẽ hiển thị tại đây khi tính năng lấy số thứ tự được đưa vào sử dụng.',
  },
};

/** The shape every language must have: the same keys, each a string. */
export type Messages = typeof vi;
