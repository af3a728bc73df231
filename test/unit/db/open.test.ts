import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase } from '../../../main/core/db/open';
import { local, makeCore, quietLogs, tempDir } from '../helpers';

const now = new Date('2026-11-23T02:00:00Z');

describe('opening the database', () => {
  it('uses WAL, full fsync and foreign keys, so a submitted dossier survives a power cut', () => {
    const { db } = openDatabase(tempDir(), now);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps data across restarts', () => {
    const dir = tempDir();
    const first = openDatabase(dir, now);
    first.db
      .prepare("INSERT INTO alerts (level, code, vi, en, created_at) VALUES ('info', 'k', 'v', 'e', 'n')")
      .run();
    first.db.close();
    const second = openDatabase(dir, now);
    expect(second.recovered).toBeNull();
    expect(second.db.prepare('SELECT COUNT(*) FROM alerts').pluck().get()).toBe(1);
    second.db.close();
  });

  it('moves a damaged file aside untouched, starts clean and tells staff loudly', async () => {
    quietLogs();
    const dir = tempDir();
    const garbage = Buffer.from(
      'this is not a database, but it may be the only copy of something\n'.repeat(100),
    );
    writeFileSync(join(dir, DB_FILE), garbage);

    const { core } = await makeCore({ dataDir: dir, env: { KIOSK_ADMIN_PIN: '246810' } });
    const aside = readdirSync(dir).filter(
      (f) => f.startsWith(`${DB_FILE}.corrupt-`) && !/-(wal|shm)$/.test(f),
    );
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!))).toEqual(garbage);
    expect(existsSync(join(dir, DB_FILE))).toBe(true);

    const session = await core.call('staff.signIn', { user: 'admin', pin: '246810' }, local);
    if (!session.ok) throw new Error(session.error.en);
    const alerts = await core.call(
      'staff.alerts',
      {},
      { ...local, token: (session.value as { token: string }).token },
    );
    expect(alerts.ok && alerts.value).toEqual([
      expect.objectContaining({
        level: 'critical',
        code: 'db-recovered',
        vi: expect.stringContaining(aside[0]!),
      }),
    ]);
  });
});
