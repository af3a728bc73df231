import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, CreatedDraft, Submitted, Ticket } from '../../../preload/api';
import { SEED_PROCEDURES, exampleData } from '../../../main/core/catalogue';
import { HIGH_WATER_FILE } from '../../../main/core/dossier/high-water';
import { RESERVE_BYTES, RESERVE_FILE, diskFullError } from '../../../main/core/disk';
import type { CallContext, Core, EventMessage } from '../../../main/core/types';
import { local, makeCore, quietLogs } from '../helpers';
import { imageBytes } from '../dossier/fixtures';
import { refusal, answer } from '../failures';
import { type SmallDisk, mountSmallDisk, tmpfsUnavailable } from './tmpfs';

/**
 * A kiosk whose data folder is on a 16 MB tmpfs, filled to the last byte by a ballast file (ENOSPC): the
 * calls a citizen and staff make answer `disk-full`, never `internal`; nothing half-written is left; staff
 * get one critical alert. With the ballast gone the same calls work, and the first dossier of the day
 * still gets 0001.
 */

const PIN = '135790';
const PROCEDURE = 'dang-ky-khai-sinh';
const papers = SEED_PROCEDURES.find((p) => p.id === PROCEDURE)!
  .components.filter((c) => c.required && !c.fromForm)
  .map((c) => c.id);
const photo = (kind: 'png' | 'jpeg' = 'png') =>
  ({ kind: 'capture', dataBase64: imageBytes(kind).toString('base64') }) as const;

const value = <T>(core: Core, name: string, input: unknown, ctx: CallContext = local): Promise<T> =>
  answer<T>(core.call(name, input, ctx), name);

/** Everything a half-done write could have changed: rows, the sequence, the high-water file, the files. */
function state(dataDir: string) {
  const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    const files = (folder: string): string[] =>
      existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort() : [];
    return {
      tickets: count('tickets'),
      sessions: count('staff_sessions'),
      dossiers: db.prepare('SELECT id, status, code, seq FROM dossiers ORDER BY id').all(),
      attachments: count('attachments'),
      blobs: count('blobs'),
      outbox: count('outbox'),
      daySequences: db.prepare('SELECT day, seq FROM day_sequences').all(),
      printJobs: count('print_jobs'),
      highWater: existsSync(join(dataDir, HIGH_WATER_FILE))
        ? readFileSync(join(dataDir, HIGH_WATER_FILE), 'utf8')
        : null,
      attachmentFiles: files(join(dataDir, 'attachments')),
      // Manifests the restore would act on. An empty one is a draft's reserved file (dossier/manifest.ts): a
      // refused dossier.create may leave one, which the restore ignores and the draft sweep removes.
      manifests: files(join(dataDir, 'manifests')).filter(
        (name) => statSync(join(dataDir, 'manifests', name)).size > 0,
      ),
    };
  } finally {
    db.close();
  }
}

const reason = tmpfsUnavailable();

describe.skipIf(reason !== null)(`a full disk${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let disk: SmallDisk;
  beforeAll(() => {
    disk = mountSmallDisk(16);
  });
  afterAll(() => disk?.unmount());

  it('answers disk-full (never internal), changes nothing, alerts staff once; with space back the same calls work and no number is skipped', async () => {
    const logs = quietLogs();
    const dataDir = join(disk.dir, 'data');
    mkdirSync(dataDir);
    const { core } = await makeCore({ dataDir, env: { KIOSK_ADMIN_PIN: PIN } });
    const events: EventMessage[] = [];
    core.subscribe((m) => events.push(m));
    // The reserve that lets the kiosk still write its alert is there from the start.
    expect(readFileSync(join(dataDir, RESERVE_FILE)).length).toBe(RESERVE_BYTES);

    // Before the disk fills: a staff member signed in (to read alerts) and a complete draft.
    const { token } = await value<{ token: string }>(core, 'staff.signIn', { user: 'admin', pin: PIN });
    const staff: CallContext = { ...local, token };
    const draft = await value<CreatedDraft>(core, 'dossier.create', { procedureId: PROCEDURE });
    const { id, draftToken } = draft;
    await value(core, 'dossier.update', {
      id,
      draftToken,
      data: exampleData(PROCEDURE),
      contact: { phone: '0912345678' },
    });
    for (const componentId of papers)
      await value(core, 'dossier.attach', { id, draftToken, componentId, source: photo() });
    expect(await value(core, 'dossier.check', { id, draftToken })).toMatchObject({ complete: true });
    const before = state(dataDir);

    disk.fill();
    expect(disk.free()).toBe(0);

    const calls: [string, unknown, CallContext][] = [
      ['queue.issueTicket', { serviceId: 'ho-tich' }, local],
      ['staff.signIn', { user: 'admin', pin: PIN }, local],
      ['dossier.create', { procedureId: PROCEDURE }, local],
      // Another picture of the first paper (a different one: not already stored).
      ['dossier.attach', { id, draftToken, componentId: papers[0], source: photo('jpeg') }, local],
      ['dossier.submit', { id, draftToken }, local],
    ];
    for (const [name, input, ctx] of calls) {
      const error = await refusal(core.call(name, input, ctx), name);
      expect(error, name).toEqual(diskFullError());
    }
    // Words a citizen understands, in both languages: what happened and what to do.
    expect(diskFullError().vi).toMatch(/hết bộ nhớ.*đến quầy/s);
    expect(diskFullError().en).toMatch(/run out of storage.*counter/s);
    // Twice over: still disk-full, still one alert.
    for (const [name, input, ctx] of calls)
      expect((await refusal(core.call(name, input, ctx), name)).code, name).toBe('disk-full');

    expect(state(dataDir)).toEqual(before);
    expect(disk.free()).toBe(0); // the reserve lent to the alert was taken back
    const alerts = await value<Alert[]>(core, 'staff.alerts', {}, staff);
    expect(alerts.filter((a) => a.code === 'disk-full')).toEqual([
      expect.objectContaining({ level: 'critical', acknowledgedAt: null }),
    ]);
    expect(alerts.find((a) => a.code === 'disk-full')?.vi).toContain(dataDir);
    const alertEvents = events.filter(
      (m) => m.event === 'staff.alert' && (m.payload as Alert).code === 'disk-full',
    );
    expect(alertEvents).toHaveLength(1);
    expect(logs.join('\n')).not.toMatch(/"message":"method failed"/);

    // The technician frees space: the same calls work.
    disk.drain();
    const ticket = await value<Ticket>(core, 'queue.issueTicket', { serviceId: 'ho-tich' });
    expect(ticket.number).toBe('A001'); // the day's first ticket: no number lost
    await value(core, 'staff.signIn', { user: 'admin', pin: PIN });
    await value(core, 'dossier.create', { procedureId: PROCEDURE });
    await value(core, 'dossier.attach', {
      id,
      draftToken,
      componentId: papers[0],
      source: photo('jpeg'),
    });
    const submitted = await value<Submitted>(core, 'dossier.submit', { id, draftToken });
    expect(submitted.code).toMatch(/-0001$/);
    // Space back: the alert closed by itself and the reserve is whole again.
    expect((await value<Alert[]>(core, 'staff.alerts', {}, staff)).map((a) => a.code)).not.toContain(
      'disk-full',
    );
    expect(readFileSync(join(dataDir, RESERVE_FILE)).length).toBe(RESERVE_BYTES);
  });
});
