import { kioskError } from '../errors';

export const staffErrors = {
  /** The same words for a wrong PIN and a name that is no account: the answer must not tell them apart. */
  wrongCredentials: (triesLeft: number) =>
    kioskError(
      'wrong-credentials',
      `Tên đăng nhập hoặc mã PIN không đúng. Còn ${triesLeft} lần thử trước khi tài khoản bị tạm khoá.`,
      `Wrong user name or PIN. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before the account is locked.`,
      'pin',
    ),
  locked: (minutes: number) =>
    kioskError(
      'account-locked',
      `Tài khoản bị tạm khoá do nhập sai mã PIN nhiều lần. Vui lòng thử lại sau ${minutes} phút hoặc nhờ quản trị viên.`,
      `The account is locked after too many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} or ask an administrator.`,
    ),
  /** The per-name limit shared by the LAN: the way round it is the kiosk itself, or an admin. */
  lockedLan: (minutes: number) =>
    kioskError(
      'account-locked',
      `Tài khoản tạm khoá đăng nhập từ các máy trong mạng vì có nhiều lần nhập sai mã PIN. Vui lòng thử lại sau ${minutes} phút, đăng nhập ngay trên máy ki-ốt, hoặc nhờ quản trị viên mở khoá.`,
      `Sign-in to this account from the network is locked after many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, sign in at the kiosk itself, or ask an administrator to unlock it.`,
    ),
  signInBusy: () =>
    kioskError(
      'sign-in-busy',
      'Đang có quá nhiều lượt đăng nhập cùng lúc. Vui lòng thử lại sau giây lát.',
      'Too many sign-ins at once. Please try again in a moment.',
    ),
  wrongCurrentPin: (triesLeft: number) =>
    kioskError(
      'wrong-pin',
      `Mã PIN hiện tại không đúng. Còn ${triesLeft} lần thử trước khi tài khoản bị tạm khoá.`,
      `The current PIN is wrong. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before the account is locked.`,
      'currentPin',
    ),
  pinUnchanged: () =>
    kioskError(
      'pin-unchanged',
      'Mã PIN mới phải khác mã PIN hiện tại.',
      'The new PIN must differ from the current one.',
      'newPin',
    ),
  userNotFound: () =>
    kioskError('user-not-found', 'Không tìm thấy tài khoản này.', 'There is no such account.', 'userId'),
  lastAdmin: () =>
    kioskError(
      'last-admin',
      'Không thể khoá tài khoản quản trị cuối cùng: hãy tạo hoặc mở lại một tài khoản quản trị khác trước.',
      'The last administrator cannot be disabled: create or enable another administrator first.',
      'userId',
    ),
  selfUnlock: () =>
    kioskError(
      'cannot-unlock-self',
      'Bạn không thể tự mở khoá tài khoản của mình: hãy nhờ một quản trị viên khác.',
      'You cannot unlock your own account: ask another administrator.',
      'userId',
    ),
  selfReset: () =>
    kioskError(
      'cannot-reset-own-pin',
      'Để đổi mã PIN của chính bạn, hãy dùng "Đổi mã PIN" (cần mã PIN hiện tại).',
      'To change your own PIN, use "Change PIN" (it asks for the current one).',
      'userId',
    ),
  setupLocked: () =>
    kioskError(
      'admin-setup-locked',
      'Ki-ốt này đã từng được dùng nhưng tài khoản quản trị đã mất cùng cơ sở dữ liệu, nên không tạo lại được tại màn hình này. Kỹ thuật viên hãy đặt biến môi trường KIOSK_ADMIN_PIN rồi khởi động lại ki-ốt.',
      'This kiosk has been used before, but its administrator account was lost with the database, so it cannot be created again at this screen. A technician must set KIOSK_ADMIN_PIN and restart the kiosk.',
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
