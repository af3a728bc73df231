import { createHash, createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSod,
  createSoftwareCard,
  DEMO_MRZ_INFORMATION,
  FID,
  readCard,
  verifySod,
  vietnameseCardFiles,
} from '../../../main/core/devices/chip';

const fixtures = join(__dirname, '../../fixtures/chip');
const pem = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const signerKey = createPrivateKey(pem('ds.key'));
const signerCertificate = new Uint8Array(new X509Certificate(pem('ds.pem')).raw);
const csca = pem('csca.pem');
const random = (n: number) => new Uint8Array(randomBytes(n));

function signedCard() {
  const files = vietnameseCardFiles();
  const groups = new Map([
    [1, files.get(FID.dg(1))!],
    [13, files.get(FID.dg(13))!],
  ]);
  files.set(FID.SOD, buildSod({ dataGroups: groups, signerKey, signerCertificate }));
  return { files, groups };
}

describe('passive authentication (EF.SOD)', () => {
  it('verifies the signature chain to the configured CSCA and the data-group hashes', () => {
    const { files, groups } = signedCard();
    const r = verifySod({ sod: files.get(FID.SOD), cscaCertificates: [csca], dataGroups: groups });
    expect(r).toMatchObject({ status: 'verified', dataGroups: { 1: 'match', 13: 'match' } });
    expect(r.signer?.subject).toMatch(/Test Document Signer/);
    // DER input works as well as PEM.
    const der = new Uint8Array(new X509Certificate(csca).raw);
    expect(verifySod({ sod: files.get(FID.SOD), cscaCertificates: [der], dataGroups: groups }).status).toBe(
      'verified',
    );
  });

  it('fails on a changed data group', () => {
    const { files, groups } = signedCard();
    const dg13 = groups.get(13)!.slice();
    dg13[dg13.length - 1] = dg13[dg13.length - 1]! ^ 1;
    const r = verifySod({
      sod: files.get(FID.SOD),
      cscaCertificates: [csca],
      dataGroups: new Map([...groups, [13, dg13]]),
    });
    expect(r).toMatchObject({ status: 'failed', reason: 'DG13 hash mismatch' });
  });

  it('fails when the Document Signer does not chain to a configured CSCA (same name, other key)', () => {
    const { files, groups } = signedCard();
    const r = verifySod({
      sod: files.get(FID.SOD),
      cscaCertificates: [pem('other-csca.pem')],
      dataGroups: groups,
    });
    expect(r).toMatchObject({
      status: 'failed',
      reason: 'the Document Signer is not signed by a configured CSCA',
    });
  });

  it('fails on a tampered signature or LDSSecurityObject, and on garbage', () => {
    const { files, groups } = signedCard();
    const sod = files.get(FID.SOD)!;
    const sig = sod.slice();
    sig[sig.length - 5] = sig[sig.length - 5]! ^ 0x10;
    expect(verifySod({ sod: sig, cscaCertificates: [csca], dataGroups: groups }).status).toBe('failed');
    // A hash byte inside the LDSSecurityObject: the signed messageDigest no longer matches.
    const hash = createHash('sha256').update(groups.get(1)!).digest();
    const at = Buffer.from(sod).indexOf(hash);
    expect(at).toBeGreaterThan(0);
    const lds = sod.slice();
    lds[at] = lds[at]! ^ 0x01;
    expect(verifySod({ sod: lds, cscaCertificates: [csca], dataGroups: groups })).toMatchObject({
      status: 'failed',
      reason: 'signed messageDigest does not match the LDSSecurityObject',
    });
    for (const junk of [new Uint8Array([0x77, 0x03, 0x30, 0x01]), new Uint8Array(0), sod.slice(0, 100)]) {
      expect(verifySod({ sod: junk, cscaCertificates: [csca], dataGroups: groups }).status).toBe('failed');
    }
  });

  it('says plainly when nothing was checked', () => {
    const { files, groups } = signedCard();
    expect(verifySod({ sod: files.get(FID.SOD), cscaCertificates: [], dataGroups: groups })).toEqual({
      status: 'not-checked',
      reason: 'no CSCA certificate configured',
    });
    expect(verifySod({ sod: undefined, cscaCertificates: [csca], dataGroups: groups }).status).toBe(
      'not-checked',
    );
  });

  it('readCard reads EF.SOD only when CSCAs are configured, and marks the result chip-verified', async () => {
    const { files } = signedCard();
    const card = createSoftwareCard({ mrzInformation: DEMO_MRZ_INFORMATION, files });
    const r = await readCard(card, {
      mrzInformation: DEMO_MRZ_INFORMATION,
      random,
      cscaCertificates: [csca],
    });
    expect(r.passive.status).toBe('verified');
    expect(r.chipVerified).toBe(true);

    const unsigned = vietnameseCardFiles();
    const r2 = await readCard(createSoftwareCard({ mrzInformation: DEMO_MRZ_INFORMATION, files: unsigned }), {
      mrzInformation: DEMO_MRZ_INFORMATION,
      random,
      cscaCertificates: [csca],
    });
    expect(r2.passive).toEqual({ status: 'not-checked', reason: 'the card has no EF.SOD' });
    expect(r2.chipVerified).toBe(false);
  });
});
