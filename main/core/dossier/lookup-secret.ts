import { timingSafeEqual } from 'node:crypto';
import { LOOKUP_SECRET_ALPHABET, LOOKUP_SECRET_LENGTH } from '../../../preload/api';

/**
 * The receipt's "Mã tra cứu" (lookup secret): the second factor that opens a dossier's details to
 * whoever holds the receipt. 6 characters from 32 that cannot be misread for each other (no 0/O, 1/I),
 * 32⁶ ≈ 10⁹ values, drawn from the injected randomness (crypto in the kiosk): 256 is a multiple of 32,
 * so `byte % 32` is unbiased. With 5 wrong tries allowed per dossier before it locks, guessing is
 * hopeless; the date of birth is the weaker factor and is what the lock is sized for.
 */
export function newLookupSecret(randomBytes: (n: number) => Buffer): string {
  return [...randomBytes(LOOKUP_SECRET_LENGTH)]
    .map((b) => LOOKUP_SECRET_ALPHABET[b % LOOKUP_SECRET_ALPHABET.length])
    .join('');
}

/** Whether `presented` (already upper case, spaces and dashes dropped by the contract) is `stored`. */
export function sameSecret(stored: string | null, presented: string): boolean {
  if (stored === null) return false;
  const a = Buffer.from(stored, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  // Lengths differ only when a person typed too few or too many characters: no secret leaks by that.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a receipt's QR carries: the code, and the secret after `#` (identity.parseScan reads it back). */
export function receiptQrText(code: string, secret: string | null): string {
  return secret === null ? code : `${code}#${secret}`;
}
