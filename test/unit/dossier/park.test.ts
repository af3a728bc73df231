import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../../main/core/dossier';
import { PARK_ALPHABET, parkCode } from '../../../main/core/dossier/park';
import { tempDir } from '../helpers';
import {
  type Harness,
  birthData,
  birthProcedure,
  count,
  harness,
  imageBytes,
  addStaff,
  staff,
} from './fixtures';
import { failure } from '../failures';

let h: Harness;
afterEach(() => h?.close());

/** Randomness whose 6-byte draws (park codes) are scripted; UUIDs stay random. */
function scripted(draws: number[][]): (n: number) => Buffer {
  return (n) => (n === 6 && draws.length > 0 ? Buffer.from(draws.shift()!) : randomBytes(n));
}

describe('park codes', () => {
  it('uses 6 characters none of which can be misread (no 0, O, 1, I)', () => {
    expect(PARK_ALPHABET).toHaveLength(32);
    expect(PARK_ALPHABET).not.toMatch(/[0O1I]/);
    for (let i = 0; i < 200; i++) expect(parkCode(randomBytes)).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(parkCode(() => Buffer.from([0, 1, 2, 3, 32, 255]))).toBe('23452Z'); // 32 wraps to the first
  });
});

describe('parking and resuming', () => {
  it('parks a draft under a unique code and resumes it (also after a restart)', async () => {
    const dir = tempDir();
    h = harness(dir, {
      random: scripted([
        [0, 1, 2, 3, 4, 5],
        [0, 1, 2, 3, 4, 5],
        [31, 30, 29, 28, 27, 26],
      ]),
    });
    addStaff(h.db);
    const first = h.dossiers.create(birthProcedure.id, { staff });
    h.dossiers.update({ id: first.id, data: birthData });
    expect(h.dossiers.park(first.id, staff)).toMatchObject({ status: 'parked', parkCode: '234567' });
    // The second draw collides with the first code: a fresh one is drawn.
    h.clock.advance(60_000);
    const second = h.dossiers.park(h.dossiers.create(birthProcedure.id).id, staff);
    expect(second.parkCode).toBe('ZYXWVU');
    // Parking again keeps the code.
    expect(h.dossiers.park(first.id, staff).parkCode).toBe('234567');

    h.close();
    h = harness(dir);
    const resumed = h.dossiers.resume('zyxwvu', staff);
    expect(resumed).toMatchObject({ id: second.id, status: 'parked', parkCode: 'ZYXWVU' });
    expect(h.dossiers.resume('234567', staff).data).toEqual(birthData);
    expect(h.dossiers.parked().map((d) => d.id)).toEqual([first.id, second.id]);
    expect(failure(() => h.dossiers.resume('ABCDEF', staff)).code).toBe('park-code-not-found');
    expect(
      h.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'dossier.%' ORDER BY id").pluck().all(),
    ).toEqual(['dossier.park', 'dossier.park', 'dossier.resume', 'dossier.resume']);
  });

  it('clears the park code when the parked draft is submitted', async () => {
    h = harness(tempDir());
    addStaff(h.db);
    const { id } = h.dossiers.create(birthProcedure.id);
    h.dossiers.update({ id, data: birthData });
    writeFileSync(join(h.importDir, 'a.jpg'), imageBytes('jpeg'));
    for (const componentId of ['giay-chung-sinh', 'anh-cccd'])
      await h.dossiers.attach({
        id,
        componentId,
        source: { kind: 'folder', sourceId: 'usb', name: 'a.jpg' },
      });
    const { parkCode: code } = h.dossiers.park(id, staff);
    h.dossiers.submit(id, { staff });
    expect(h.dossiers.get(id)).toMatchObject({ status: 'submitted', parkCode: null });
    expect(failure(() => h.dossiers.resume(code!, staff)).code).toBe('park-code-not-found');
    expect(h.dossiers.parked()).toEqual([]);
  });
});

describe('sweepDrafts', () => {
  it('wipes citizen drafts untouched for 30 minutes, and parked ones after the whole 7th day the slip promises, with their files', async () => {
    h = harness(tempDir());
    addStaff(h.db);
    const stale = h.dossiers.create(birthProcedure.id);
    writeFileSync(join(h.importDir, 'a.jpg'), imageBytes('jpeg'));
    const { attachments } = await h.dossiers.attach({
      id: stale.id,
      componentId: 'anh-cccd',
      source: { kind: 'folder', sourceId: 'usb', name: 'a.jpg' },
    });
    const parked = h.dossiers.park(h.dossiers.create(birthProcedure.id).id, staff);
    h.clock.advance(20 * 60_000);
    const fresh = h.dossiers.create(birthProcedure.id);
    h.clock.advance(11 * 60_000); // stale: 31 minutes untouched; fresh: 11

    expect(h.dossiers.sweepDrafts()).toMatchObject({ drafts: 1, parked: 0, blobs: { rows: 1, files: 1 } });
    expect(failure(() => h.dossiers.get(stale.id)).code).toBe('dossier-not-found');
    expect(h.dossiers.get(fresh.id).status).toBe('draft');
    expect(existsSync(blobPath(h.dataDir, attachments[0]!.sha256))).toBe(false);

    h.clock.advance(6 * 86_400_000);
    h.dossiers.update({ id: fresh.id, data: {} }); // keeps being used
    expect(h.dossiers.sweepDrafts()).toMatchObject({ drafts: 0, parked: 0 });
    expect(h.dossiers.get(parked.id).status).toBe('parked');
    h.clock.advance(86_400_000 + 60_000); // 7 days after parking: the slip's last day is not over
    expect(h.dossiers.sweepDrafts()).toMatchObject({ drafts: 1, parked: 0 });
    expect(h.dossiers.get(parked.id).status).toBe('parked');
    h.clock.advance(86_400_000);
    expect(h.dossiers.sweepDrafts()).toMatchObject({ drafts: 0, parked: 1 });
    expect(count(h.db, 'dossiers')).toBe(0);
    expect(
      h.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.draftsWiped'").pluck().get(),
    ).toBe(3);
  });
});
