import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath, createDossiers } from '../../../main/core/dossier';
import type { ParkSlipJobPayload } from '../../../main/core/print/park-slip';
import { tempDir } from '../helpers';
import { failure } from '../failures';
import { femaleCard, maleCard, qr } from '../identity/helpers';
import {
  type Harness,
  MOTHER_ID,
  addStaff,
  birthData,
  birthProcedure,
  count,
  feeProcedure,
  fromUsb,
  harness,
  imageBytes,
  staff,
} from './fixtures';

let h: Harness;
afterEach(() => h?.close());

// The harness starts on Monday 23 November 2026, 09:00 in Hà Nội; that day ends at 17:00Z.
const MIDNIGHT = Date.parse('2026-11-23T17:00:00.000Z');
const HOUR = 3_600_000;

/** The requester of a certified copy: the male card of the identity tests, with his birth date. */
const requester = { fullName: 'Trần Văn Bình', idNumber: maleCard.id, birthDate: '1990-01-01' };
const BINH_QR = qr(maleCard);
// The synthetic TD1 example of DOMAIN.md: ID 001090000123, born 1990-01-01.
const MRZ_ID = '001090000123';
const MRZ = [
  'IDVNM0900001233001090000123<<4',
  '9001011M3001019VNM<<<<<<<<<<<0',
  'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
].join('\n');
/** The mother of the birth fixtures has an ID number and no birth date in the form. */
// The mother's slot has no birth date: her card matches by its number and her name (as on the card).
const MOTHER_QR = qr(femaleCard, { id: MOTHER_ID, dob: '05051990', name: 'Trần Thị Bình' });

/** A citizen's draft (token kept) holding `data`. */
function citizenDraft(procedureId: string, data: Record<string, unknown>) {
  const draft = h.dossiers.create(procedureId);
  h.dossiers.update({ id: draft.id, data });
  return draft;
}

/** Whether this token still opens the draft for a public caller. */
function opens(id: string, draftToken: string): boolean {
  try {
    h.dossiers.authorize(id, { draftToken });
    return true;
  } catch {
    return false;
  }
}

const audits = (action: string) =>
  h.db
    .prepare('SELECT actor, target_id AS id, details FROM audit_log WHERE action = ? ORDER BY id')
    .all(action) as { actor: string | null; id: string; details: string | null }[];

describe('dossier.setAside: kept to the end of the centre’s day', () => {
  it('survives the 30-minute wipe, is wiped with its files once the day is over, and its token stops working', async () => {
    h = harness(tempDir());
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    writeFileSync(join(h.importDir, 'a.jpg'), imageBytes('jpeg'));
    const { attachments } = await h.dossiers.attach({
      id: draft.id,
      componentId: 'ban-chinh',
      source: fromUsb('a.jpg'),
    });
    expect(h.dossiers.setAside(draft.id)).toEqual({ kept: true });
    expect(opens(draft.id, draft.draftToken)).toBe(false);
    const plain = citizenDraft(feeProcedure.id, {}); // left idle the old way: 30 minutes

    h.clock.set(new Date(MIDNIGHT - 60_000)); // 23:59 in Hà Nội
    expect(h.dossiers.sweepDrafts()).toMatchObject({ drafts: 1, setAside: 0 });
    expect(failure(() => h.dossiers.get(plain.id)).code).toBe('dossier-not-found');
    expect(h.dossiers.get(draft.id).status).toBe('draft');

    h.clock.set(new Date(MIDNIGHT + 60_000)); // the day is over
    expect(h.dossiers.sweepDrafts()).toMatchObject({ drafts: 1, setAside: 1, blobs: { files: 1 } });
    expect(failure(() => h.dossiers.get(draft.id)).code).toBe('dossier-not-found');
    expect(() => readFileSync(blobPath(h.dataDir, attachments[0]!.sha256))).toThrow();
    expect(count(h.db, 'draft_keys')).toBe(0);
    expect(audits('dossier.draftsWiped').map((a) => JSON.parse(a.details!))).toEqual([
      { drafts: 1, setAside: 0, parked: 0 },
      { drafts: 1, setAside: 1, parked: 0 },
    ]);
    expect(audits('dossier.setAside')).toEqual([
      { actor: 'citizen', id: draft.id, details: '{"kept":true}' },
    ]);
  });

  it('wipes at once a draft that names no valid ID number (nothing could take it back)', () => {
    h = harness(tempDir());
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: { ...requester, idNumber: '0010900012' } });
    expect(h.dossiers.setAside(draft.id)).toEqual({ kept: false });
    expect(count(h.db, 'dossiers')).toBe(0);
    expect(count(h.db, 'draft_keys')).toBe(0);
  });

  it('leaves a parked draft as it is, but for its token', () => {
    h = harness(tempDir());
    addStaff(h.db);
    const draft = citizenDraft(birthProcedure.id, birthData);
    h.dossiers.park(draft.id, staff);
    const row = () => h.db.prepare('SELECT * FROM dossiers').get() as Record<string, unknown>;
    const before = row();
    expect(h.dossiers.setAside(draft.id)).toEqual({ kept: true });
    expect(row()).toEqual({ ...before, draft_token_hash: null });
  });

  it('ends the token of a parked draft taken back by code, which stays parked and resumable', () => {
    h = harness(tempDir());
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    const { parkCode } = h.dossiers.saveForLater(draft.id, undefined);
    const back = h.dossiers.resumeByCode(parkCode, '1990-01-01');
    expect(opens(draft.id, back.draftToken)).toBe(true);
    // The citizen walked away from it: the abandoned screen's token must not open it again.
    expect(h.dossiers.setAside(draft.id)).toEqual({ kept: true });
    expect(opens(draft.id, back.draftToken)).toBe(false);
    expect(h.dossiers.get(draft.id)).toMatchObject({ status: 'parked', parkCode });
    expect(h.dossiers.resumeByCode(parkCode, '1990-01-01').id).toBe(draft.id);
  });
});

describe('dossier.resumeByCard', () => {
  it('takes back today’s set-aside drafts naming the card (ID and birth date) with a new token; another card gets nothing', () => {
    h = harness(tempDir());
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    h.dossiers.setAside(draft.id);

    expect(h.dossiers.resumeByCard(qr(femaleCard))).toEqual([]);
    // His ID number with another birth date: the slot has a birth date, so both must match.
    expect(h.dossiers.resumeByCard(qr(maleCard, { dob: '02011990' }))).toEqual([]);

    const [first, ...none] = h.dossiers.resumeByCard(BINH_QR);
    expect(none).toEqual([]);
    expect(first).toMatchObject({ id: draft.id, status: 'draft', data: { nguoiYeuCau: requester } });
    expect(opens(draft.id, first!.draftToken)).toBe(true);
    expect(opens(draft.id, draft.draftToken)).toBe(false);
    // Taken back again (another kiosk screen): the token handed out before stops working.
    const [second] = h.dossiers.resumeByCard(BINH_QR);
    expect(opens(draft.id, second!.draftToken)).toBe(true);
    expect(opens(draft.id, first!.draftToken)).toBe(false);

    // Still set aside: kept past 30 minutes, found by the card all day, and not the next day.
    h.clock.advance(2 * HOUR);
    h.dossiers.sweepDrafts();
    expect(h.dossiers.resumeByCard(BINH_QR)).toHaveLength(1);
    h.clock.set(new Date(MIDNIGHT + 1000));
    expect(h.dossiers.resumeByCard(BINH_QR)).toEqual([]);

    const rows = audits('dossier.resumeByCard');
    expect(rows.map((r) => r.id)).toEqual([draft.id, draft.id, draft.id]);
    expect(JSON.stringify(rows)).not.toContain(maleCard.id);
  });

  it('reads the MRZ on the back of the card, and refuses a scan that is no ID card', () => {
    h = harness(tempDir());
    const draft = citizenDraft(feeProcedure.id, {
      nguoiYeuCau: { ...requester, idNumber: MRZ_ID, fullName: 'Nguyễn Văn A' },
    });
    h.dossiers.setAside(draft.id);
    expect(h.dossiers.resumeByCard(MRZ).map((d) => d.id)).toEqual([draft.id]);
    expect(failure(() => h.dossiers.resumeByCard('000.00.12.H29-K07-261123-0001')).code).toBe(
      'id-card-needed',
    );
    const refused = failure(() => h.dossiers.resumeByCard('hello'));
    expect(refused.vi.length).toBeGreaterThan(10);
    expect(refused.en.length).toBeGreaterThan(10);
  });

  it('never takes a draft back by a printed text holding the ID number alone (issue 22 review)', () => {
    h = harness(tempDir());
    addStaff(h.db);
    const draft = citizenDraft(birthProcedure.id, birthData);
    h.dossiers.setAside(draft.id);
    // Her number with any birth date and another name: her slot has no birth date, so the name counts.
    expect(h.dossiers.resumeByCard(`${MOTHER_ID}||X|12121990|Nữ||01012021`, staff)).toEqual([]);
    // The MRZ's name, without diacritics, is hers all the same.
    expect(
      h.dossiers.resumeByCard(
        qr(femaleCard, { id: MOTHER_ID, dob: '05051990', name: 'TRAN THI  BINH' }),
        staff,
      ),
    ).toHaveLength(1);
  });

  it('opens a draft at the kiosk only by its applicant’s card; staff find it by any person named (issue 22 review)', () => {
    h = harness(tempDir());
    addStaff(h.db);
    // The birth fixture's applicant slot (persons[0]) is the child; the mother is another person in it.
    const draft = citizenDraft(birthProcedure.id, birthData);
    h.dossiers.setAside(draft.id);
    expect(h.dossiers.resumeByCard(MOTHER_QR)).toEqual([]);
    expect(h.dossiers.resumeByCard(MOTHER_QR, staff).map((d) => d.id)).toEqual([draft.id]);
    // The applicant's own card opens it at the kiosk.
    const mine = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    h.dossiers.setAside(mine.id);
    expect(h.dossiers.resumeByCard(BINH_QR).map((d) => d.id)).toEqual([mine.id]);
  });

  it('finds a slot without a birth date by its ID number and name, and parked drafts, oldest first', () => {
    h = harness(tempDir());
    addStaff(h.db);
    const parked = citizenDraft(birthProcedure.id, birthData);
    h.dossiers.park(parked.id, staff);
    h.clock.advance(60_000);
    const aside = citizenDraft(birthProcedure.id, birthData);
    h.dossiers.setAside(aside.id);
    h.clock.advance(60_000);
    const untouched = citizenDraft(birthProcedure.id, birthData); // neither set aside nor parked

    const found = h.dossiers.resumeByCard(MOTHER_QR, staff);
    expect(found.map((d) => d.id)).toEqual([parked.id, aside.id]);
    expect(found.map((d) => d.id)).not.toContain(untouched.id);
  });

  it('gives a citizen (no staff) only the drafts set aside today: a parked one needs its code or a counter', () => {
    h = harness(tempDir());
    addStaff(h.db);
    // Saved for later: the slip's code and the birth date take it back, a few tries per code.
    const saved = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    h.dossiers.saveForLater(saved.id, undefined);
    // Parked for the counter (a ticket, or staff): its slip says staff open it.
    const parked = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    h.dossiers.park(parked.id, staff);
    const aside = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    h.dossiers.setAside(aside.id);
    // A QR anyone can print knowing the number and the date would otherwise skip the code and its limit.
    expect(h.dossiers.resumeByCard(BINH_QR).map((d) => d.id)).toEqual([aside.id]);
    const atCounter = h.dossiers.resumeByCard(BINH_QR, staff).map((d) => d.id);
    expect(atCounter.sort()).toEqual([saved.id, parked.id, aside.id].sort());
  });

  it('follows the data of a kept draft: an ID number typed after parking finds it', () => {
    h = harness(tempDir());
    addStaff(h.db);
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: { fullName: 'Trần Văn Bình' } });
    h.dossiers.park(draft.id, staff);
    expect(h.dossiers.resumeByCard(BINH_QR, staff)).toEqual([]);
    h.dossiers.update({ id: draft.id, data: { nguoiYeuCau: requester } });
    expect(h.dossiers.resumeByCard(BINH_QR, staff).map((d) => d.id)).toEqual([draft.id]);
  });

  it('keys at start a parked draft that has none (parked before this version, or a salvaged file)', () => {
    const dir = tempDir();
    h = harness(dir);
    addStaff(h.db);
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    h.dossiers.park(draft.id, staff);
    h.db.exec('DELETE FROM draft_keys; DELETE FROM kiosk_secrets');
    h.close();
    h = harness(dir);
    expect(h.dossiers.resumeByCard(BINH_QR, staff).map((d) => d.id)).toEqual([draft.id]);
  });

  it('forgets the keys when the draft is submitted', async () => {
    h = harness(tempDir());
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    h.dossiers.setAside(draft.id);
    const [back] = h.dossiers.resumeByCard(BINH_QR);
    writeFileSync(join(h.importDir, 'a.jpg'), imageBytes('jpeg'));
    await h.dossiers.attach({ id: back!.id, componentId: 'ban-chinh', source: fromUsb('a.jpg') });
    h.dossiers.update({ id: back!.id, contact: { phone: '0912345678' } });
    h.dossiers.submit(back!.id);
    expect(count(h.db, 'draft_keys')).toBe(0);
    expect(h.dossiers.resumeByCard(BINH_QR)).toEqual([]);
  });

  it('keeps no ID number in clear, nor a plain hash of one, in the keys table', () => {
    const dir = tempDir();
    h = harness(dir);
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    h.dossiers.setAside(draft.id);
    expect(count(h.db, 'draft_keys')).toBe(1);
    // The keys table alone, as a database file of its own (the drafts' data still holds the numbers
    // until issue 25 encrypts it).
    const copy = join(dir, 'keys-only.db');
    h.db.prepare('ATTACH DATABASE ? AS k').run(copy);
    h.db.exec('CREATE TABLE k.draft_keys AS SELECT * FROM main.draft_keys');
    h.db.exec('DETACH DATABASE k');
    const bytes = readFileSync(copy);
    const id = maleCard.id;
    const plain = [`${id}|1990-01-01`, `${id}1990-01-01`, id, `${id}|`].map((s) =>
      createHash('sha256').update(s).digest('hex'),
    );
    for (const needle of [id, ...plain]) expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    expect(new Database(copy).prepare('SELECT COUNT(*) FROM draft_keys').pluck().get()).toBe(1);
  });
});

describe('dossier.saveForLater and dossier.resumeByCode', () => {
  /** A service whose park slips are kept in `slips`. */
  function withSlips(dir = tempDir()) {
    h = harness(dir);
    const slips: ParkSlipJobPayload[] = [];
    const dossiers = createDossiers({
      ...h.deps,
      parkSlips: { enqueue: (slip) => slips.push(slip) },
    });
    return { dossiers, slips };
  }

  it('parks the draft under a code with the applicant’s birth date, prints a slip naming no one, and ends the token', () => {
    const { dossiers, slips } = withSlips();
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    const saved = dossiers.saveForLater(draft.id, '2000-02-02'); // the form's date wins
    expect(saved).toEqual({
      parkCode: expect.stringMatching(/^[2-9A-HJ-NP-Z]{6}$/),
      keptUntil: '2026-11-30',
      jobId: 1,
    });
    expect(h.dossiers.get(draft.id)).toMatchObject({ status: 'parked', parkCode: saved.parkCode });
    expect(opens(draft.id, draft.draftToken)).toBe(false);
    expect(slips).toEqual([
      expect.objectContaining({
        parkCode: saved.parkCode,
        parkedBy: null,
        resumeWith: 'code-and-birth-date',
      }),
    ]);
    expect(JSON.stringify(slips)).not.toMatch(/Bình|001090001234|1990/);
    expect(audits('dossier.saveForLater')).toEqual([
      { actor: 'citizen', id: draft.id, details: JSON.stringify({ parkCode: saved.parkCode, jobId: 1 }) },
    ]);

    expect(failure(() => dossiers.resumeByCode(saved.parkCode, '2000-02-02')).code).toBe('park-resume-wrong');
    const back = dossiers.resumeByCode(saved.parkCode.toLowerCase(), '1990-01-01');
    expect(back).toMatchObject({ id: draft.id, status: 'parked', data: { nguoiYeuCau: requester } });
    expect(opens(draft.id, back.draftToken)).toBe(true);
    const again = dossiers.resumeByCode(saved.parkCode, '1990-01-01');
    expect(opens(draft.id, back.draftToken)).toBe(false);
    expect(opens(draft.id, again.draftToken)).toBe(true);
  });

  it('asks for a birth date when the applicant slot has none, and takes the one given', () => {
    const { dossiers } = withSlips();
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: { fullName: 'Trần Văn Bình' } });
    const asked = failure(() => dossiers.saveForLater(draft.id, undefined));
    expect(asked).toMatchObject({ code: 'birth-date-needed', field: 'birthDate' });
    expect(asked.en).toMatch(/date of birth/);
    expect(h.dossiers.get(draft.id).status).toBe('draft');
    const { parkCode } = dossiers.saveForLater(draft.id, '1985-03-04');
    expect(dossiers.resumeByCode(parkCode, '1985-03-04').id).toBe(draft.id);
  });

  it('answers a wrong code and a wrong date alike, locks a code after 5 wrong dates (across a restart) until staff resume it', () => {
    const dir = tempDir();
    let { dossiers } = withSlips(dir);
    addStaff(h.db);
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    const { parkCode } = dossiers.saveForLater(draft.id, undefined);
    const unknown = parkCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';

    const wrongDate = failure(() => dossiers.resumeByCode(parkCode, '1990-01-02'));
    const wrongCode = failure(() => dossiers.resumeByCode(unknown, '1990-01-01'));
    expect(wrongCode).toEqual(wrongDate);
    for (let i = 2; i <= 4; i++) {
      expect(failure(() => dossiers.resumeByCode(parkCode, `1990-01-0${i + 1}`)).code).toBe(
        'park-resume-wrong',
      );
      expect(failure(() => dossiers.resumeByCode(unknown, '1990-01-01')).code).toBe('park-resume-wrong');
    }
    // The fifth wrong date: the code now opens only for staff, a real one and a made-up one alike.
    const locked = failure(() => dossiers.resumeByCode(parkCode, '1990-01-09'));
    expect(locked.code).toBe('park-resume-locked');
    expect(locked.vi).toContain('Vui lòng nhờ cán bộ tại quầy');
    expect(failure(() => dossiers.resumeByCode(unknown, '1990-01-01'))).toEqual(locked);

    h.close();
    ({ dossiers } = withSlips(dir));
    expect(failure(() => dossiers.resumeByCode(parkCode, '1990-01-01')).code).toBe('park-resume-locked');
    expect(dossiers.resume(parkCode, staff).id).toBe(draft.id);
    expect(dossiers.resumeByCode(parkCode, '1990-01-01').id).toBe(draft.id);
  });

  it('does not open a draft staff parked by a birth date (its slip says to come to the counter)', () => {
    const { dossiers, slips } = withSlips();
    addStaff(h.db);
    const draft = citizenDraft(feeProcedure.id, { nguoiYeuCau: requester });
    const { parkCode } = dossiers.park(draft.id, staff);
    expect(failure(() => dossiers.resumeByCode(parkCode!, '1990-01-01')).code).toBe('park-resume-wrong');
    dossiers.printParkSlip(draft.id, staff);
    expect(slips[0]).toMatchObject({ parkedBy: staff.displayName });
    expect(slips[0]?.resumeWith).toBeUndefined();
  });
});
