import { createHash, sign, type KeyObject } from 'node:crypto';
import { must, utf8 } from './bytes';
import { DG13_FIELD } from './dg13';
import { algorithm, certificateIds, encodeInteger, encodeOid, OID, seq, set } from './der';
import { TAG_BY_DG } from './lds';
import { encode } from './tlv';

/**
 * Builders for LDS files: the software card's contents. They write what a real card holds, sensitive
 * fields included, so the reader's filtering is what the tests exercise.
 */

export function buildCom(
  dataGroups: readonly number[],
  ldsVersion = '0107',
  unicodeVersion = '040000',
): Uint8Array {
  return encode(
    0x60,
    encode(0x5f01, utf8(ldsVersion)),
    encode(0x5f36, utf8(unicodeVersion)),
    encode(0x5c, Uint8Array.from(dataGroups.map((n) => must(TAG_BY_DG[n], `tag of DG${n}`)))),
  );
}

/** DG1 from the MRZ lines (joined without separators). */
export function buildDg1(mrzLines: readonly string[]): Uint8Array {
  return encode(0x61, encode(0x5f1f, utf8(mrzLines.join(''))));
}

export interface Dg13Source {
  idNumber: string;
  fullName: string;
  birthDate: string; // dd/mm/yyyy as on the card
  sex: 'Nam' | 'Nữ';
  nationality: string;
  ethnicity?: string;
  religion?: string;
  placeOfOrigin: string;
  residence: string;
  identifyingMarks?: string;
  issueDate: string;
  expiryDate: string;
  father?: string;
  mother?: string;
  spouse?: string;
  oldIdNumber?: string;
  /** Extra numbered fields, to test that unknown fields survive. */
  extra?: { field: number; value: string }[];
}

const field = (n: number, ...values: Uint8Array[]): Uint8Array => seq(encodeInteger(n), ...values);
const str = (s: string): Uint8Array => encode(0x0c, utf8(s.normalize('NFC')));

/** DG13 in the layout documented in dg13.ts. Parents are nested SEQUENCEs, as some reports describe. */
export function buildDg13(d: Dg13Source): Uint8Array {
  const f = DG13_FIELD;
  const items: Uint8Array[] = [encodeInteger(0)]; // a leading version-like object the parser must skip
  const add = (n: number, value: string | undefined): void => {
    if (value !== undefined) items.push(field(n, str(value)));
  };
  add(f.idNumber, d.idNumber);
  add(f.fullName, d.fullName);
  add(f.birthDate, d.birthDate);
  add(f.sex, d.sex);
  add(f.nationality, d.nationality);
  add(f.ethnicity, d.ethnicity);
  add(f.religion, d.religion);
  add(f.placeOfOrigin, d.placeOfOrigin);
  add(f.residence, d.residence);
  add(f.identifyingMarks, d.identifyingMarks);
  add(f.issueDate, d.issueDate);
  add(f.expiryDate, d.expiryDate);
  if (d.father !== undefined || d.mother !== undefined) {
    items.push(field(f.parents, seq(str(d.father ?? '')), seq(str(d.mother ?? ''))));
  }
  add(f.spouse, d.spouse);
  add(f.oldIdNumber, d.oldIdNumber);
  for (const x of d.extra ?? []) add(x.field, x.value);
  return encode(0x6d, ...items);
}

/**
 * EF.SOD: CMS SignedData over an LDSSecurityObject holding SHA-256 hashes of the data groups (Doc 9303
 * Part 10 §4.6.2), signed with signed attributes by a Document Signer (ECDSA or RSA key).
 */
export function buildSod(options: {
  dataGroups: ReadonlyMap<number, Uint8Array>;
  signerKey: KeyObject;
  signerCertificate: Uint8Array;
}): Uint8Array {
  const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
  const hashes = [...options.dataGroups].map(([n, bytes]) =>
    seq(encodeInteger(n), encode(0x04, sha256(bytes))),
  );
  const ldsSo = seq(encodeInteger(0), algorithm(OID.sha256), seq(...hashes));
  const attrs = [
    seq(encodeOid(OID.contentType), set(encodeOid(OID.ldsSecurityObject))),
    seq(encodeOid(OID.messageDigest), set(encode(0x04, sha256(ldsSo)))),
  ];
  const ec = options.signerKey.asymmetricKeyType === 'ec';
  const signature = sign('sha256', set(...attrs), options.signerKey);
  const ids = certificateIds(options.signerCertificate);
  const signerInfo = seq(
    encodeInteger(1),
    seq(ids.issuer, ids.serial),
    algorithm(OID.sha256),
    encode(0xa0, ...attrs),
    ec ? algorithm(OID.ecdsaWithSha256, false) : algorithm(OID.sha256WithRsa),
    encode(0x04, signature),
  );
  const signedData = seq(
    encodeInteger(3),
    set(algorithm(OID.sha256)),
    seq(encodeOid(OID.ldsSecurityObject), encode(0xa0, encode(0x04, ldsSo))),
    encode(0xa0, options.signerCertificate),
    set(signerInfo),
  );
  return encode(0x77, seq(encodeOid(OID.signedData), encode(0xa0, signedData)));
}
