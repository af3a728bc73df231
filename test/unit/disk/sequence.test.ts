import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HIGH_WATER_FILE, createHighWater } from '../../../main/core/dossier/high-water';
import { quietLogs, tempDir } from '../helpers';
import { type Harness, formOnlyProcedure, harness } from '../dossier/fixtures';

/**
 * A submit whose transaction fails after the high-water file took its number (the disk filled up at the
 * manifest or at the commit) does not lose that number: the dossier's next try gets it. The failure is
 * made where it would come from, inside the transaction after the number, as SQLite reports a full disk.
 */

quietLogs();
const DAY = '2026-11-23';
const kiosks: Harness[] = [];
afterEach(() => {
  for (const k of kiosks.splice(0)) k.close();
});

function kiosk(): Harness {
  const k = harness(tempDir());
  kiosks.push(k);
  return k;
}

function draft(k: Harness): string {
  const { id } = k.dossiers.create(formOnlyProcedure.id);
  k.dossiers.update({
    id,
    data: { nguoiYeuCau: { fullName: 'Lê Văn Cường' } },
    contact: { phone: '0912345678' },
  });
  return id;
}

/** The next `times` submits fail inside their transaction, after the number is taken. */
function failNextSubmits(k: Harness, times: number): void {
  const record = k.deps.audit.record.bind(k.deps.audit);
  let left = times;
  k.deps.audit.record = (entry) => {
    if (entry.action === 'dossier.submit' && left > 0) {
      left -= 1;
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    }
    record(entry);
  };
}

const mark = (k: Harness): unknown => JSON.parse(readFileSync(join(k.dataDir, HIGH_WATER_FILE), 'utf8'));
const seqRows = (k: Harness): unknown => k.db.prepare('SELECT COUNT(*) FROM day_sequences').pluck().get();

describe('a submit that fails after taking its number', () => {
  it("gives the number to the dossier's next try, not to another dossier, never past a newer mark", () => {
    const k = kiosk();
    const first = draft(k);
    failNextSubmits(k, 2);
    // Twice: the file holds 1 (written before the failure), the database nothing.
    for (let i = 0; i < 2; i += 1) {
      expect(() => k.dossiers.submit(first)).toThrow('database or disk is full');
      expect(mark(k)).toEqual({ [DAY]: 1 });
      expect(seqRows(k)).toBe(0);
      expect(k.dossiers.get(first).status).not.toBe('submitted');
    }
    expect(k.dossiers.submit(first).code).toMatch(/-0001$/);
    expect(k.dossiers.submit(draft(k)).code).toMatch(/-0002$/);
    expect(mark(k)).toEqual({ [DAY]: 2 });

    // Another dossier does not take a failed one's number: its failed submit may have left a manifest
    // claiming it. A gap instead.
    const failed = draft(k);
    failNextSubmits(k, 1);
    expect(() => k.dossiers.submit(failed)).toThrow('database or disk is full');
    expect(k.dossiers.submit(draft(k)).code).toMatch(/-0004$/);
    expect(k.dossiers.submit(failed).code).toMatch(/-0005$/);

    // Someone else wrote the file since (another kiosk process on the same folder issued up to 9).
    const other = draft(k);
    failNextSubmits(k, 1);
    expect(() => k.dossiers.submit(other)).toThrow('database or disk is full');
    createHighWater(k.dataDir).set(DAY, 9);
    expect(k.dossiers.submit(other).code).toMatch(/-0010$/);

    // The mark file lost meanwhile: never below what the database holds.
    const last = draft(k);
    failNextSubmits(k, 1);
    expect(() => k.dossiers.submit(last)).toThrow('database or disk is full');
    writeFileSync(join(k.dataDir, HIGH_WATER_FILE), '{not json');
    expect(k.dossiers.submit(last).code).toMatch(/-0011$/);
  });
});
