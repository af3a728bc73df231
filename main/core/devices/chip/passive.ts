import { createHash, verify, X509Certificate, constants } from 'node:crypto';
import { equalBytes, must, uint } from './bytes';
import { certificateIds, decodeOid, HASH_BY_OID, OID, subjectKeyIdentifier } from './der';
import { children, parseOne, TlvError, type Tlv } from './tlv';

/**
 * Passive authentication (Doc 9303 Part 11 §5.1): EF.SOD is a CMS SignedData (RFC 5652) whose content is
 * the LDSSecurityObject, the hashes of the data groups. The chain checked here:
 *   CSCA (configured by staff) ─signs→ Document Signer certificate (inside EF.SOD)
 *   ─signs→ signed attributes ─messageDigest→ LDSSecurityObject ─hashes→ DG1, DG13 as read.
 *
 * Known gaps, stated plainly: no CRL or master-list check (a revoked DS certificate still verifies); no
 * validity-period check on the DS/CSCA certificates (ICAO keeps documents valid beyond the signer's
 * private-key usage period); the Document Signer must be inside EF.SOD (no external DS lookup); ECDSA keys
 * with explicit curve parameters depend on what OpenSSL accepts; Active/Chip Authentication (clone
 * detection) is not done, so a verified result proves the data is genuine, not that the chip is.
 */

export type PassiveStatus = 'verified' | 'failed' | 'not-checked';

export interface PassiveResult {
  status: PassiveStatus;
  /** Protocol detail for logs and staff (never personal data). */
  reason: string;
  /** Hash check per data group read. */
  dataGroups?: Record<number, 'match' | 'mismatch' | 'not-in-sod'>;
  signer?: { subject: string; issuer: string };
}

const failed = (reason: string, extra: Partial<PassiveResult> = {}): PassiveResult => ({
  status: 'failed',
  reason,
  ...extra,
});

/** Accepts PEM text (one or many certificates) or DER bytes. */
export function loadCertificates(input: readonly (string | Uint8Array)[]): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const item of input) {
    if (typeof item === 'string') {
      const pems = item.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
      for (const pem of pems) out.push(new X509Certificate(pem));
    } else out.push(new X509Certificate(item));
  }
  return out;
}

interface SignatureScheme {
  hash: string;
  padding?: number;
  saltLength?: number;
}

function signatureScheme(sigAlg: Tlv, digestHash: string): SignatureScheme | undefined {
  const parts = children(sigAlg);
  const oid = decodeOid(parts[0]);
  const table: Record<string, string> = {
    '1.2.840.113549.1.1.5': 'sha1',
    '1.2.840.113549.1.1.14': 'sha224',
    '1.2.840.113549.1.1.11': 'sha256',
    '1.2.840.113549.1.1.12': 'sha384',
    '1.2.840.113549.1.1.13': 'sha512',
    '1.2.840.10045.4.1': 'sha1',
    '1.2.840.10045.4.3.1': 'sha224',
    '1.2.840.10045.4.3.2': 'sha256',
    '1.2.840.10045.4.3.3': 'sha384',
    '1.2.840.10045.4.3.4': 'sha512',
  };
  if (oid === undefined) return undefined;
  if (table[oid]) return { hash: table[oid] };
  // rsaEncryption / ecPublicKey as a signature algorithm: the hash is the digest algorithm's.
  if (oid === '1.2.840.113549.1.1.1' || oid === '1.2.840.10045.2.1') return { hash: digestHash };
  if (oid === '1.2.840.113549.1.1.10') {
    // RSASSA-PSS-params: [0] hashAlgorithm (default SHA-1), [2] saltLength (default 20).
    let hash = 'sha1';
    let saltLength = 20;
    for (const p of parts[1] ? children(parts[1]) : []) {
      if (p.tag === 0xa0)
        hash = HASH_BY_OID[decodeOid(children(must(children(p)[0], 'hashAlgorithm'))[0]) ?? ''] ?? hash;
      if (p.tag === 0xa2) saltLength = uint(must(children(p)[0], 'saltLength').value);
    }
    return { hash, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength };
  }
  return undefined;
}

const digest = (hash: string, data: Uint8Array): Uint8Array =>
  new Uint8Array(createHash(hash).update(data).digest());

/**
 * Verifies EF.SOD against the configured CSCA certificates and checks the hashes of `dataGroups` (number →
 * the file's bytes as read). With no CSCA configured, or no SOD, the answer is 'not-checked', never a pass.
 */
export function verifySod(options: {
  sod: Uint8Array | undefined;
  cscaCertificates: readonly (string | Uint8Array)[];
  dataGroups: ReadonlyMap<number, Uint8Array>;
}): PassiveResult {
  if (options.cscaCertificates.length === 0)
    return { status: 'not-checked', reason: 'no CSCA certificate configured' };
  if (!options.sod) return { status: 'not-checked', reason: 'the card has no EF.SOD' };
  let cscas: X509Certificate[];
  try {
    cscas = loadCertificates(options.cscaCertificates);
  } catch (e) {
    return { status: 'not-checked', reason: `CSCA certificate unreadable: ${(e as Error).message}` };
  }
  if (cscas.length === 0) return { status: 'not-checked', reason: 'no CSCA certificate configured' };
  try {
    return check(options.sod, cscas, options.dataGroups);
  } catch (e) {
    if (e instanceof TlvError || e instanceof TypeError || e instanceof RangeError) {
      return failed(`EF.SOD malformed: ${e.message}`);
    }
    return failed(`EF.SOD could not be checked: ${(e as Error).message}`);
  }
}

function check(
  sod: Uint8Array,
  cscas: X509Certificate[],
  dataGroups: ReadonlyMap<number, Uint8Array>,
): PassiveResult {
  const outer = parseOne(sod);
  if (outer.tag !== 0x77) return failed('EF.SOD tag is not 77');
  const [contentType, wrapped] = children(parseOne(outer.value));
  if (decodeOid(contentType) !== OID.signedData || wrapped?.tag !== 0xa0)
    return failed('not a CMS SignedData');
  const sd = children(must(children(wrapped)[0], 'SignedData'));
  const encap = must(sd[2], 'encapContentInfo');
  const certificates = sd.find((t) => t.tag === 0xa0);
  const signerInfos = must(sd[sd.length - 1], 'signerInfos');
  const [eType, eWrapped] = children(encap);
  if (decodeOid(eType) !== OID.ldsSecurityObject || !eWrapped)
    return failed('content is not an LDSSecurityObject');
  const eContent = must(children(eWrapped)[0], 'eContent').value;

  // 1. Data-group hashes.
  const [, hashAlg, hashList] = children(parseOne(eContent));
  const hash = HASH_BY_OID[decodeOid(children(must(hashAlg, 'hashAlgorithm'))[0]) ?? ''];
  if (!hash) return failed('unsupported hash algorithm in LDSSecurityObject');
  const stored = new Map<number, Uint8Array>();
  for (const entry of children(must(hashList, 'dataGroupHashValues'))) {
    const [n, value] = children(entry);
    stored.set(uint(must(n, 'dataGroupNumber').value), must(value, 'dataGroupHashValue').value);
  }
  const groups: NonNullable<PassiveResult['dataGroups']> = {};
  for (const [n, bytes] of dataGroups) {
    const expected = stored.get(n);
    groups[n] = !expected ? 'not-in-sod' : equalBytes(expected, digest(hash, bytes)) ? 'match' : 'mismatch';
  }

  // 2. The signer's signature over the signed attributes (or over the content if there are none).
  const signerInfo = children(signerInfos)[0];
  if (!signerInfo) return failed('no SignerInfo', { dataGroups: groups });
  const si = children(signerInfo);
  const [, sid, digestAlg] = si;
  // version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, signatureAlgorithm, signature, [1] OPTIONAL
  const signedAttrs = si[3]?.tag === 0xa0 ? si[3] : undefined;
  const sigAlg = si[signedAttrs ? 4 : 3];
  const signatureTlv = si[signedAttrs ? 5 : 4];
  const signature = signatureTlv?.tag === 0x04 ? signatureTlv : undefined;
  const digestHash = HASH_BY_OID[decodeOid(children(must(digestAlg, 'digestAlgorithm'))[0]) ?? ''];
  if (!digestHash || !sigAlg || !signature) return failed('SignerInfo incomplete', { dataGroups: groups });
  let signedBytes = eContent;
  if (signedAttrs) {
    const md = children(signedAttrs)
      .map((a) => children(a))
      .find(([type]) => decodeOid(type) === OID.messageDigest);
    const mdValue = md?.[1] ? children(md[1])[0]?.value : undefined;
    if (!mdValue || !equalBytes(mdValue, digest(digestHash, eContent))) {
      return failed('signed messageDigest does not match the LDSSecurityObject', { dataGroups: groups });
    }
    // The signature covers the attributes DER-encoded as a SET OF (tag 31), not as the [0] IMPLICIT (A0).
    signedBytes = Uint8Array.from(signedAttrs.raw);
    signedBytes[0] = 0x31;
  }
  const certs = certificates ? children(certificates).map((c) => new X509Certificate(c.raw)) : [];
  const ds = pickSigner(certs, must(sid, 'sid'));
  if (!ds) return failed('the Document Signer certificate is not in EF.SOD', { dataGroups: groups });
  const signer = { subject: ds.subject, issuer: ds.issuer };
  const scheme = signatureScheme(sigAlg, digestHash);
  if (!scheme) return failed('unsupported signature algorithm', { dataGroups: groups, signer });
  const key =
    scheme.padding === undefined
      ? ds.publicKey
      : { key: ds.publicKey, padding: scheme.padding, saltLength: scheme.saltLength ?? 20 };
  if (!verify(scheme.hash, signedBytes, key, signature.value)) {
    return failed('EF.SOD signature does not verify', { dataGroups: groups, signer });
  }

  // 3. The chain to a configured CSCA.
  const csca = cscas.find((c) => ds.checkIssued(c) && ds.verify(c.publicKey));
  if (!csca)
    return failed('the Document Signer is not signed by a configured CSCA', { dataGroups: groups, signer });

  const bad = Object.entries(groups).find(([, s]) => s !== 'match');
  if (bad) return failed(`DG${bad[0]} hash ${bad[1]}`, { dataGroups: groups, signer });
  return {
    status: 'verified',
    reason: 'signature chain and data-group hashes verified',
    dataGroups: groups,
    signer,
  };
}

function pickSigner(certs: X509Certificate[], sid: Tlv): X509Certificate | undefined {
  if (sid.tag === 0x30) {
    const [issuer, serial] = children(sid);
    return certs.find((c) => {
      const ids = certificateIds(new Uint8Array(c.raw));
      return (
        issuer !== undefined &&
        serial !== undefined &&
        equalBytes(ids.issuer, issuer.raw) &&
        equalBytes(ids.serial, serial.raw)
      );
    });
  }
  // [0] SubjectKeyIdentifier (Node exposes no accessor, so the extension is read from the DER).
  return certs.find((c) => {
    const ski = subjectKeyIdentifier(new Uint8Array(c.raw));
    return ski !== undefined && equalBytes(ski, sid.value);
  });
}
