import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDossiers } from '../../../main/core/dossier';
import { createIdentityEvidence, type IdentityEvidence } from '../../../main/core/identity/evidence';
import { createPayloadBuilder } from '../../../main/core/sync/payload';
import {
  MOTHER_ID,
  birthData,
  birthProcedure,
  fromUsb,
  harness,
  imageBytes,
  type Harness,
} from '../dossier/fixtures';
import { tempDir } from '../helpers';
import { maleCard, qr } from './helpers';

const ZONE = 'Asia/Ho_Chi_Minh';
const MIN = 60_000;

function clock(start = '2026-11-23T02:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/** The mother's card (birthData.me) as its QR reads: 001 Hà Nội, a woman born in 1990. */
const motherQr = qr(maleCard, {
  id: MOTHER_ID,
  name: 'Trần Thị Bình',
  dob: '15061990',
  sex: 'Nữ',
  issued: '10052021',
});

describe('identity evidence (what main itself read of ID cards)', () => {
  it('remembers a chip read with or without passive authentication, and a card QR from a scanner', () => {
    const c = clock();
    const ev = createIdentityEvidence({ now: c.now, timeZone: ZONE });
    ev.chip('001090001234', true);
    ev.chip('079300001234', false);
    ev.scan(motherQr);
    expect(ev.lookup('001090001234')).toEqual({ method: 'chip', passiveAuthentication: true });
    expect(ev.lookup('079300001234')).toEqual({ method: 'chip', passiveAuthentication: false });
    expect(ev.lookup(MOTHER_ID)).toEqual({ method: 'qr', passiveAuthentication: false });
    expect(ev.lookup('001090009999')).toBeNull();
  });

  it('ignores scans that are no card QR, and a QR after the chip does not weaken the chip', () => {
    const c = clock();
    const ev = createIdentityEvidence({ now: c.now, timeZone: ZONE });
    ev.scan('000.00.12.H29-K01-261123-0001');
    ev.scan('not a card');
    ev.scan(qr(maleCard, { dob: '31021990' })); // an impossible date: refused whole, nothing learnt
    expect(ev.lookup(maleCard.id)).toBeNull();
    ev.chip(maleCard.id, true);
    ev.scan(qr(maleCard));
    expect(ev.lookup(maleCard.id)).toEqual({ method: 'chip', passiveAuthentication: true });
  });

  it('forgets after 30 minutes and keeps only the last 200 numbers', () => {
    const c = clock();
    const ev = createIdentityEvidence({ now: c.now, timeZone: ZONE });
    ev.chip(maleCard.id, true);
    c.advance(30 * MIN);
    expect(ev.lookup(maleCard.id)).not.toBeNull();
    c.advance(1);
    expect(ev.lookup(maleCard.id)).toBeNull();

    const ids = Array.from({ length: 201 }, (_, i) => `0010900${String(i).padStart(5, '0')}`);
    for (const id of ids) ev.chip(id, false);
    expect(ev.lookup(ids[0]!)).toBeNull();
    expect(ev.lookup(ids[1]!)).not.toBeNull();
    expect(ev.lookup(ids[200]!)).not.toBeNull();
  });

  it('no ID number is held past its 30 minutes, even when never looked up again', () => {
    const c = clock();
    const ev = createIdentityEvidence({ now: c.now, timeZone: ZONE });
    ev.chip('001090000001', true);
    ev.chip('001090000002', false);
    c.advance(20 * MIN);
    ev.chip('001090000003', true);
    expect(ev.size()).toBe(3);
    c.advance(10 * MIN + 1);
    // The first two are past their time; the third is not: only it is held, without asking for the others.
    expect(ev.size()).toBe(1);
    expect(ev.lookup('001090000003')).not.toBeNull();
  });
});

describe('submit records how identity was established; the payload says it', () => {
  let h: Harness;
  afterEach(() => h?.close());

  async function submitWith(evidence: IdentityEvidence | undefined) {
    h = harness(tempDir());
    const dossiers = createDossiers({ ...h.deps, ...(evidence ? { identityEvidence: evidence } : {}) });
    const { id } = dossiers.create(birthProcedure.id);
    dossiers.update({ id, data: birthData, contact: { phone: '0912345678' } });
    writeFileSync(join(h.importDir, 'cs.jpg'), imageBytes('jpeg'));
    await dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('cs.jpg') });
    await dossiers.attach({ id, componentId: 'anh-cccd', source: fromUsb('cs.jpg') });
    dossiers.submit(id);
    const columns = h.db
      .prepare('SELECT identity_method AS method, identity_pa AS pa FROM dossiers WHERE id = ?')
      .get(id);
    const built = createPayloadBuilder(h.db, { kioskId: 'K07', unitCode: '000.00.12.H29' })(id);
    if (!built.ok) throw new Error('payload not built');
    return { columns, dossier: built.dossier };
  }

  /** Evidence whose clock stands at the harness's start (Monday 2026-11-23 09:00 in Hà Nội). */
  const atStart = () =>
    createIdentityEvidence({ now: () => new Date('2026-11-23T02:00:00.000Z'), timeZone: ZONE });

  it('a chip read with passive authentication, then the submit: chip, PA', async () => {
    const ev = atStart();
    ev.chip(MOTHER_ID, true);
    const { columns, dossier } = await submitWith(ev);
    expect(columns).toEqual({ method: 'chip', pa: 1 });
    expect(dossier.identity).toEqual({ method: 'chip', passiveAuthentication: true });
  });

  it('a card QR from a scanner: qr, no PA; nothing read: none', async () => {
    const scanned = atStart();
    scanned.scan(motherQr);
    expect((await submitWith(scanned)).dossier.identity).toEqual({
      method: 'qr',
      passiveAuthentication: false,
    });
    h.close();
    const other = atStart();
    other.chip('001090001234', true); // someone else's card
    const none = await submitWith(other);
    expect(none.columns).toEqual({ method: 'none', pa: 0 });
    expect(none.dossier.identity).toEqual({ method: 'none', passiveAuthentication: false });
    h.close();
    expect((await submitWith(undefined)).dossier.identity).toEqual({
      method: 'none',
      passiveAuthentication: false,
    });
  });

  it('a chip read older than 30 minutes at submit counts as none', async () => {
    const c = clock('2026-11-23T01:20:00.000Z');
    const ev = createIdentityEvidence({ now: c.now, timeZone: ZONE });
    ev.chip(MOTHER_ID, true);
    c.advance(41 * MIN); // 02:01, a minute after the harness's 02:00: 41 minutes since the read
    expect((await submitWith(ev)).columns).toEqual({ method: 'none', pa: 0 });
  });

  it("papers: the e-form's declaration and each paper with files, digitised, none from the national store", async () => {
    const { dossier } = await submitWith(undefined);
    expect(dossier.papers).toEqual([
      { componentId: 'to-khai', digitised: true, fromNationalStore: false },
      { componentId: 'giay-chung-sinh', digitised: true, fromNationalStore: false },
      { componentId: 'anh-cccd', digitised: true, fromNationalStore: false },
    ]);
  });
});
