/**
 * What a staff PIN is, as the screens check it before the round trip (main checks it again with the
 * contract's PinSchema): 6 to 12 digits, long enough to resist guessing with the lockout, short enough to
 * type. The sign-in, first-admin and account screens all take their limit from here.
 */
export const MIN_PIN = 6;
export const MAX_PIN = 12;

/** Digits only, at most MAX_PIN: what a PIN field keeps of what was typed or pasted. */
export const pinDigits = (value: string): string => value.replace(/\D/g, '').slice(0, MAX_PIN);

/** MIN_PIN to MAX_PIN digits and nothing else. */
export const isPinFormat = (pin: string): boolean =>
  pin.length >= MIN_PIN && pin.length <= MAX_PIN && /^\d+$/.test(pin);
