import { kioskError } from '../errors';

/** What callers and admins read when pairing or a device's role refuses them. */
export const pairingErrors = {
  notPaired: () =>
    kioskError(
      'device-not-paired',
      'Thiết bị này chưa được ghép nối với ki-ốt. Nhập mã ghép nối do quản trị viên đưa cho bạn.',
      'This device is not paired with the kiosk. Enter the pairing code an administrator gives you.',
    ),
  // One answer whether or not a code is waiting: polling must not show when an admin makes one.
  wrongCode: () =>
    kioskError(
      'pairing-code-invalid',
      'Mã ghép nối không đúng hoặc đã hết hạn. Vui lòng xem lại 6 chữ số trên màn hình ki-ốt; nếu mã đã hết hạn, nhờ quản trị viên tạo mã mới.',
      'The pairing code is wrong or has expired. Check the 6 digits on the kiosk screen; if the code has expired, ask an administrator for a new one.',
      'code',
    ),
  tooManyTries: (seconds: number) =>
    kioskError(
      'too-many-requests',
      `Máy này đã nhập sai mã nhiều lần. Vui lòng đợi ${Math.max(1, Math.ceil(seconds / 60))} phút rồi thử lại.`,
      `This machine has typed a wrong code too many times. Please wait ${Math.max(1, Math.ceil(seconds / 60))} minute(s) and try again.`,
      'code',
    ),
  unknownDevice: () =>
    kioskError(
      'device-not-found',
      'Không tìm thấy thiết bị này, hoặc thiết bị đã bị thu hồi.',
      'No such device, or it has already been revoked.',
      'deviceId',
    ),
  tooManyDevices: (max: number) =>
    kioskError(
      'too-many-devices',
      `Đã ghép nối ${max} thiết bị. Hãy thu hồi thiết bị không còn dùng trước khi ghép thiết bị mới.`,
      `${max} devices are paired. Revoke one no longer in use before pairing another.`,
    ),
  displayOnly: () =>
    kioskError(
      'device-role',
      'Màn hình hiển thị chỉ xem được bảng số thứ tự; việc này cần làm ở ki-ốt hoặc máy tính tại quầy.',
      'A display only shows the queue board; do this at a kiosk or a counter PC.',
    ),
  alreadyKiosk: () =>
    kioskError(
      'pairing-not-needed',
      'Đây là máy ki-ốt: không cần ghép nối.',
      'This is the kiosk itself: it needs no pairing.',
    ),
};

/** What staff are told when pairing codes are being guessed. */
export const pairingAlerts = {
  guessing: (address: string) => ({
    level: 'warning' as const,
    code: 'pairing-guessing',
    vi: `Máy có địa chỉ ${address} đã nhập sai mã ghép nối 5 lần. Nếu không phải nhân viên đang ghép thiết bị, hãy báo bộ phận kỹ thuật.`,
    en: `The machine at ${address} has typed a wrong pairing code 5 times. If no one on staff is pairing a device, tell the technicians.`,
  }),
  codeVoided: (name: string) => ({
    level: 'warning' as const,
    code: 'pairing-code-voided',
    vi: `Mã ghép nối cho “${name}” đã bị huỷ vì có quá nhiều lần nhập sai trong mạng. Hãy tạo mã mới; nếu việc này lặp lại, hãy báo bộ phận kỹ thuật.`,
    en: `The pairing code for “${name}” was voided after too many wrong tries on the network. Make a new one; if this happens again, tell the technicians.`,
  }),
};
