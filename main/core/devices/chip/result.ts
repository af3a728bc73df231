import type { Bilingual, ChipPerson, ChipRead } from '../../../../preload/api';
import { createLogger } from '../../log';
import { ChipError } from './errors';
import type { PassiveResult } from './passive';
import type { ChipReadResult } from './reader';

const log = createLogger('chip');

/**
 * From what the chip said to what a form needs (`ChipPerson`, the contract's shape). Two rules:
 * - DG13 (Vietnamese data, with diacritics) is the source; DG1 (the MRZ inside the chip) is the check. The
 *   ID number, birth date and sex must agree where both carry them, else the read is refused: a chip that
 *   disagrees with itself is not something to fill a legal form from.
 * - Only what a procedure can need leaves here: no religion, marks or face (the parser has already dropped
 *   them), parents and ethnicity only when asked, and "residence" becomes `address` as from a QR scan.
 */
export function chipPerson(
  result: ChipReadResult,
  asked: { readParents: boolean; readEthnicity: boolean },
): ChipPerson {
  const p = result.personal;
  if (!p) throw new ChipError('not-vietnamese', 'no DG13 on the card');
  const d = result.person;

  const disagree: string[] = [];
  if (p.idNumber !== undefined && d.idNumber !== undefined && p.idNumber !== d.idNumber)
    disagree.push('idNumber');
  if (p.birthDate !== undefined && p.birthDate !== d.birthDate) disagree.push('birthDate');
  if (p.sex !== undefined && d.sex !== 'unspecified' && p.sex !== d.sex) disagree.push('sex');
  if (disagree.length > 0) {
    // Names of the fields only: the values are personal data.
    log.warn('DG1 and DG13 disagree', { fields: disagree });
    throw new ChipError('mismatch', `DG1/DG13 differ in ${disagree.join(', ')}`);
  }

  const idNumber = p.idNumber ?? d.idNumber;
  const sex = p.sex ?? (d.sex === 'unspecified' ? undefined : d.sex);
  const nationality = p.nationality ?? (d.nationality === 'VNM' ? 'Việt Nam' : d.nationality);
  const missing = [
    idNumber === undefined || !/^\d{12}$/.test(idNumber) ? 'idNumber' : '',
    p.fullName ? '' : 'fullName',
    sex ? '' : 'sex',
    nationality ? '' : 'nationality',
    p.placeOfOrigin ? '' : 'placeOfOrigin',
    p.residence ? '' : 'residence',
  ].filter(Boolean);
  if (missing.length > 0 || !idNumber || !p.fullName || !sex || !p.placeOfOrigin || !p.residence) {
    log.warn('DG13 lacks fields a form needs', { fields: missing, warnings: p.warnings.length });
    throw new ChipError('incomplete', `missing ${missing.join(', ')}`);
  }

  const person: ChipPerson = {
    idNumber,
    fullName: p.fullName,
    birthDate: p.birthDate ?? d.birthDate,
    sex,
    nationality,
    placeOfOrigin: p.placeOfOrigin,
    address: p.residence,
  };
  if (p.oldIdNumber) person.oldIdNumber = p.oldIdNumber;
  if (p.issueDate) person.issueDate = p.issueDate;
  const expiry = p.expiryDate ?? d.expiryDate;
  if (expiry) person.expiryDate = expiry;
  if (asked.readParents && p.parents && (p.parents.father || p.parents.mother)) {
    person.parents = {};
    if (p.parents.father) person.parents.father = p.parents.father;
    if (p.parents.mother) person.parents.mother = p.parents.mother;
  }
  // Answered for the form that asked and kept by nobody here: the service logs and tells evidence only
  // the ID number (service.ts).
  if (asked.readEthnicity && p.ethnicity) person.ethnicity = p.ethnicity;
  return person;
}

const AFTER_FAILURE = {
  vi: ' Không coi thông tin này là đã xác thực: nhân viên cần đối chiếu với thẻ và giấy tờ.',
  en: ' Do not treat these details as verified: staff should compare them with the card and papers.',
};

/** The plain-words note beside the verification result. "Đã xác thực chip" appears only when it passed. */
export function verificationNote(passive: PassiveResult, demo: boolean): Bilingual {
  let note: Bilingual;
  if (passive.status === 'verified') {
    note = {
      vi: 'Đã xác thực chip: chữ ký số của cơ quan cấp thẻ hợp lệ và dữ liệu đọc được khớp với chữ ký.',
      en: "Chip verified: the issuer's digital signature is valid and the data read matches it.",
    };
  } else if (passive.status === 'not-checked') {
    const why =
      passive.reason === 'the card has no EF.SOD'
        ? { vi: 'thẻ không có vùng chữ ký số (EF.SOD).', en: 'the card has no signature file (EF.SOD).' }
        : passive.reason.startsWith('CSCA certificate unreadable')
          ? {
              vi: 'không đọc được chứng thư gốc (CSCA) đã cài ở ki-ốt.',
              en: 'the root certificate (CSCA) installed on the kiosk could not be read.',
            }
          : {
              vi: 'ki-ốt chưa được cài chứng thư gốc (CSCA) của cơ quan cấp thẻ.',
              en: "the issuer's root certificate (CSCA) is not installed on this kiosk.",
            };
    note = {
      vi: `Chưa kiểm tra chữ ký số của chip: ${why.vi} Thông tin được đọc từ chip nhưng chưa được xác thực.`,
      en: `The chip's digital signature was not checked: ${why.en} The details come from the chip but are not verified.`,
    };
  } else {
    const r = passive.reason;
    const what = /^DG\d+ hash/.test(r)
      ? {
          vi: 'Dữ liệu đọc từ chip không khớp với chữ ký số của cơ quan cấp thẻ.',
          en: "The data read from the chip does not match the issuer's digital signature.",
        }
      : r.includes('not signed by a configured CSCA')
        ? {
            vi: 'Chữ ký số trên chip không được chứng thư gốc (CSCA) đã cài ở ki-ốt xác nhận.',
            en: 'The signature on the chip is not backed by a root certificate (CSCA) installed on the kiosk.',
          }
        : r.includes('does not verify') || r.includes('messageDigest')
          ? { vi: 'Chữ ký số trên chip không hợp lệ.', en: "The chip's digital signature is not valid." }
          : {
              vi: 'Không kiểm tra được chữ ký số trên chip: vùng chữ ký (EF.SOD) không đúng chuẩn.',
              en: "The chip's digital signature could not be checked: its signature file (EF.SOD) is malformed.",
            };
    note = { vi: what.vi + AFTER_FAILURE.vi, en: what.en + AFTER_FAILURE.en };
  }
  if (!demo) return note;
  return {
    vi: `Thẻ mẫu của ki-ốt, không phải người thật. ${note.vi}`,
    en: `The kiosk's sample card, not a real person. ${note.en}`,
  };
}

export type Verification = ChipRead['verification'];
