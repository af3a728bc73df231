import { mrzCheckDigit, mrzLines, td1DocumentNumber } from '../../identity';
import { concat, equalBytes, utf8, xor } from './bytes';
import { kdf, pad, retailMac, sha1, tdesDecrypt, tdesEncrypt } from './crypto';
import { ChipError } from './errors';

/**
 * Basic Access Control (Doc 9303 Part 11 §4.3 and §9.7): keys from the MRZ, mutual authentication with
 * GET CHALLENGE / EXTERNAL AUTHENTICATE, session keys and the initial send-sequence counter.
 */

/** The check digit is identity's (one definition for scanned MRZ text and the chip). */
export { mrzCheckDigit as checkDigit };

/**
 * The MRZ information for BAC: document number (at least 9 characters, `<`-padded) ‖ check digit ‖ birth
 * YYMMDD ‖ check ‖ expiry YYMMDD ‖ check. Staff can type the three fields from the card; the check digits
 * are computed here.
 */
export function mrzInformation(fields: {
  documentNumber: string;
  birthDate: string;
  expiryDate: string;
}): string {
  const doc = fields.documentNumber.toUpperCase().replace(/\s+/g, '').padEnd(9, '<');
  const dates = [fields.birthDate, fields.expiryDate];
  if (!/^[A-Z0-9<]+$/.test(doc) || dates.some((d) => !/^\d{6}$/.test(d))) {
    throw new ChipError('bad-mrz', 'document number or YYMMDD dates malformed');
  }
  return dates.reduce((s, d) => s + d + mrzCheckDigit(d), doc + mrzCheckDigit(doc));
}

/**
 * The MRZ information taken verbatim from a scanned TD1 MRZ (3 × 30 characters, as the card prints it), so
 * the keys match the chip even for unusual fields (long document numbers, no expiry).
 */
export function mrzInformationFromTd1(mrzText: string): string {
  const joined = mrzLines(mrzText).join('');
  if (joined.length !== 90 || !/^[A-Z0-9<]+$/.test(joined)) throw new ChipError('bad-mrz', 'not a TD1 MRZ');
  const l1 = joined.slice(0, 30);
  const l2 = joined.slice(30, 60);
  const doc = td1DocumentNumber(l1);
  if (!doc) throw new ChipError('bad-mrz', 'long document number');
  const info = doc.number + doc.check + l2.slice(0, 7) + l2.slice(8, 15);
  validateMrzInformation(info);
  return info;
}

/** Validates the format and the three check digits, so a typo is caught before the card is touched. */
export function validateMrzInformation(info: string): void {
  // A card without expiry prints `<<<<<<` (check digit `<` or 0) and the chip's keys use it as printed.
  const m = /^([A-Z0-9<]{9,})(\d)(\d{6})(\d)(\d{6}|<{6})([\d<])$/.exec(info);
  if (!m) throw new ChipError('bad-mrz', 'MRZ information format');
  const [, doc, c1, birth, c2, expiry, c3] = m;
  const expiryOk =
    expiry === '<<<<<<' ? c3 === '<' || c3 === '0' : mrzCheckDigit(expiry ?? '') === Number(c3);
  if (mrzCheckDigit(doc ?? '') !== Number(c1) || mrzCheckDigit(birth ?? '') !== Number(c2) || !expiryOk) {
    throw new ChipError('bad-mrz', 'MRZ information check digit');
  }
}

export function deriveBacKeys(mrzInformation: string): {
  kSeed: Uint8Array;
  kEnc: Uint8Array;
  kMac: Uint8Array;
} {
  validateMrzInformation(mrzInformation);
  const kSeed = sha1(utf8(mrzInformation)).slice(0, 16);
  return { kSeed, kEnc: kdf(kSeed, 1), kMac: kdf(kSeed, 2) };
}

export function deriveSessionKeys(
  kIfd: Uint8Array,
  kIc: Uint8Array,
): { ksEnc: Uint8Array; ksMac: Uint8Array } {
  if (kIfd.length !== 16 || kIc.length !== 16) throw new Error('K.IFD and K.IC must be 16 bytes');
  const seed = xor(kIfd, kIc);
  return { ksEnc: kdf(seed, 1), ksMac: kdf(seed, 2) };
}

/** SSC = the 4 least significant bytes of RND.IC ‖ the 4 least significant bytes of RND.IFD. */
export const initialSsc = (rndIc: Uint8Array, rndIfd: Uint8Array): Uint8Array =>
  concat(rndIc.subarray(4, 8), rndIfd.subarray(4, 8));

export interface BacKeys {
  kEnc: Uint8Array;
  kMac: Uint8Array;
}

/** EXTERNAL AUTHENTICATE data: E_IFD = 3DES(K_enc, RND.IFD ‖ RND.IC ‖ K.IFD), M_IFD = MAC(K_mac, E_IFD). */
export function buildExternalAuthenticate(
  keys: BacKeys,
  nonces: { rndIfd: Uint8Array; rndIc: Uint8Array; kIfd: Uint8Array },
): { eIfd: Uint8Array; mIfd: Uint8Array; data: Uint8Array } {
  if (nonces.rndIfd.length !== 8 || nonces.rndIc.length !== 8 || nonces.kIfd.length !== 16) {
    throw new Error('RND.IFD and RND.IC are 8 bytes, K.IFD 16');
  }
  const eIfd = tdesEncrypt(keys.kEnc, concat(nonces.rndIfd, nonces.rndIc, nonces.kIfd));
  const mIfd = retailMac(keys.kMac, pad(eIfd));
  return { eIfd, mIfd, data: concat(eIfd, mIfd) };
}

/**
 * Checks the card's answer (E_IC ‖ M_IC): the MAC, then that it decrypts to RND.IC ‖ RND.IFD ‖ K.IC with
 * our own nonces. Returns K.IC.
 */
export function verifyCardAuthentication(
  keys: BacKeys,
  nonces: { rndIfd: Uint8Array; rndIc: Uint8Array },
  answer: Uint8Array,
): Uint8Array {
  if (answer.length !== 40)
    throw new ChipError('protocol', `EXTERNAL AUTHENTICATE answer is ${answer.length} bytes`);
  const eIc = answer.subarray(0, 32);
  if (!equalBytes(answer.subarray(32), retailMac(keys.kMac, pad(eIc)))) {
    throw new ChipError('bad-mac', 'EXTERNAL AUTHENTICATE answer MAC');
  }
  const r = tdesDecrypt(keys.kEnc, eIc);
  if (!equalBytes(r.subarray(0, 8), nonces.rndIc) || !equalBytes(r.subarray(8, 16), nonces.rndIfd)) {
    throw new ChipError('protocol', 'EXTERNAL AUTHENTICATE answer nonces');
  }
  return r.slice(16, 32);
}

/**
 * The card side of EXTERNAL AUTHENTICATE, for the software card: verifies the terminal's cryptogram and
 * answers with E_IC ‖ M_IC. Undefined when the terminal used other keys (the card then says 6300).
 */
export function answerExternalAuthenticate(
  keys: BacKeys,
  card: { rndIc: Uint8Array; kIc: Uint8Array },
  data: Uint8Array,
): { answer: Uint8Array; rndIfd: Uint8Array; kIfd: Uint8Array } | undefined {
  if (data.length !== 40) return undefined;
  const eIfd = data.subarray(0, 32);
  if (!equalBytes(data.subarray(32), retailMac(keys.kMac, pad(eIfd)))) return undefined;
  const s = tdesDecrypt(keys.kEnc, eIfd);
  if (!equalBytes(s.subarray(8, 16), card.rndIc)) return undefined;
  const rndIfd = s.slice(0, 8);
  const eIc = tdesEncrypt(keys.kEnc, concat(card.rndIc, rndIfd, card.kIc));
  return { answer: concat(eIc, retailMac(keys.kMac, pad(eIc))), rndIfd, kIfd: s.slice(16, 32) };
}
