import { kioskError } from '../errors';

export const staffErrors = {
  wrongCredentials: (triesLeft?: number) =>
    kioskError(
      'wrong-credentials',
      triesLeft === undefined
        ? 'Tên đăng nhập hoặc mã PIN không đúng.'
        : `Tên đăng nhập hoặc mã PIN không đúng. Còn ${triesLeft} lần thử trước khi tài khoản bị tạm khoá.`,
      triesLeft === undefined
        ? 'Wrong user name or PIN.'
        : `Wrong user name or PIN. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before the account is locked.`,
      'pin',
    ),
  locked: (minutes: number) =>
    kioskError(
      'account-locked',
      `Tài khoản bị tạm khoá do nhập sai mã PIN nhiều lần. Vui lòng thử lại sau ${minutes} phút hoặc nhờ quản trị viên.`,
      `The account is locked after too many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} or ask an administrator.`,
    ),
  setupDone: () =>
    kioskError(
      'setup-done',
      'Tài khoản quản trị đã được tạo. Vui lòng đăng nhập.',
      'The administrator account already exists. Please sign in.',
    ),
  userExists: () =>
    kioskError('user-exists', 'Tên đăng nhập này đã có người dùng.', 'This user name is taken.', 'user'),
  badSeedPin: () =>
    kioskError(
      'admin-pin-invalid',
      'Biến môi trường KIOSK_ADMIN_PIN phải gồm 6 đến 12 chữ số.',
      'KIOSK_ADMIN_PIN must be 6 to 12 digits.',
    ),
} as const;
