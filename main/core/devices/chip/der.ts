import { byteAt, must } from './bytes';
import { children, encode, parseOne, type Tlv } from './tlv';

/** The few DER pieces the SOD needs: object identifiers, small integers and certificate identifiers. */

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  ldsSecurityObject: '2.23.136.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

export const HASH_BY_OID: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export function encodeOid(oid: string): Uint8Array {
  const parts = oid.split('.').map(Number);
  const bytes: number[] = [(parts[0] ?? 0) * 40 + (parts[1] ?? 0)];
  for (const p of parts.slice(2)) {
    const sub: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) sub.unshift((v & 0x7f) | 0x80);
    bytes.push(...sub);
  }
  return encode(0x06, Uint8Array.from(bytes));
}

export function decodeOid(tlv: Tlv | undefined): string | undefined {
  if (!tlv || tlv.tag !== 0x06 || tlv.value.length === 0) return undefined;
  const v = tlv.value;
  const first = byteAt(v, 0);
  const out = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  let n = 0;
  for (let i = 1; i < v.length; i++) {
    const b = byteAt(v, i);
    n = n * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      out.push(n);
      n = 0;
    }
  }
  return out.join('.');
}

export function encodeInteger(n: number): Uint8Array {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return encode(0x02, Uint8Array.from(bytes));
}

export const seq = (...items: Uint8Array[]): Uint8Array => encode(0x30, ...items);
export const set = (...items: Uint8Array[]): Uint8Array => encode(0x31, ...items);
export const algorithm = (oid: string, nullParams = true): Uint8Array =>
  seq(encodeOid(oid), ...(nullParams ? [Uint8Array.of(0x05, 0x00)] : []));

/** Issuer Name and serial number of a certificate, as encoded (for CMS IssuerAndSerialNumber). */
export function certificateIds(der: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const tbs = must(children(parseOne(der))[0], 'tbsCertificate');
  const fields = children(tbs);
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields; // [0] version is optional
  return { serial: must(rest[0], 'serialNumber').raw, issuer: must(rest[2], 'issuer').raw };
}

/** The subjectKeyIdentifier extension (2.5.29.14), if present. */
export function subjectKeyIdentifier(der: Uint8Array): Uint8Array | undefined {
  const tbs = children(must(children(parseOne(der))[0], 'tbsCertificate'));
  const extensions = tbs.find((t) => t.tag === 0xa3);
  if (!extensions) return undefined;
  for (const ext of children(must(children(extensions)[0], 'extensions'))) {
    const parts = children(ext);
    if (decodeOid(parts[0]) === '2.5.29.14')
      return parseOne(must(parts[parts.length - 1], 'extnValue').value).value;
  }
  return undefined;
}
