import { kioskError } from '../errors';

/** What callers and admins read when pairing or a device's role refuses them. */
export const pairingErrors = {
  notPaired: () =>
    kioskError(
      'device-not-paired',
      'Thiết bị này chưa được ghép nối với ki-ốt. Nhập mã ghép nối do quản trị viên đưa cho bạn.',
      'This device is not paired with the kiosk. Enter the pairing code an administrator gives you.',
    ),
  noCode: () =>
    kioskError(
      'pairing-code-invalid',
      'Mã ghép nối không đúng hoặc đã hết hạn. Vui lòng nhờ quản trị viên tạo mã mới trên ki-ốt.',
      'The pairing code is wrong or has expired. Please ask an administrator to make a new one at the kiosk.',
      'code',
    ),
  wrongCode: (left: number) =>
    kioskError(
      'pairing-code-invalid',
      `Mã ghép nối không đúng. Còn ${left} lần thử.`,
      `Wrong pairing code. ${left} tries left.`,
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
