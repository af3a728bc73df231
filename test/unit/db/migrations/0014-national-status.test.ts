import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-12-07T02:00:00Z');

type Event = [status: string, at: string, source?: 'kiosk' | 'portal'];

/** A schema-13 database with one submitted dossier per case: its reception, current status, timeline. */
function schema13(
  cases: Record<string, { reception: string | null; current: string | null; events: Event[] }>,
) {
  const db = new Database(':memory:');
  migrate(db, { now, upTo: 13 });
  const dossier = db.prepare(
    `INSERT INTO dossiers (id, procedure_id, procedure_json, data_json, status, code, received_at, due_date,
       reception, current_status, created_at, updated_at)
     VALUES (@id, 'p', '{}', '{}', 'submitted', @id, '2026-11-01T02:00:00Z', '2026-11-10', @reception,
       @current, 'now', 'now')`,
  );
  const event = db.prepare(
    `INSERT INTO dossier_events (dossier_id, status, at, note_vi, note_en, source) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const [id, c] of Object.entries(cases)) {
    dossier.run({ id, reception: c.reception, current: c.current });
    for (const [status, at, source] of c.events)
      event.run(id, status, at, `n-${status}`, null, source ?? 'portal');
  }
  return db;
}

const T = (n: number) => `2026-11-0${n}T03:00:00.000Z`;

describe('migration 0014-national-status', () => {
  it('maps every old status of the timeline and of current_status to the national model', () => {
    const db = schema13({
      // Received at the counter, sent, accepted by the agency: 'accepted' is national 'received'.
      accepted: {
        reception: 'received',
        current: 'accepted',
        events: [
          ['received', T(1), 'kiosk'],
          ['sent', T(2), 'kiosk'],
          ['accepted', T(3)],
        ],
      },
      // Received, then refused by the agency: stopped (dừng xử lý), not "not received".
      stoppedAfterReceipt: {
        reception: 'received',
        current: 'rejected',
        events: [
          ['received', T(1), 'kiosk'],
          ['sent', T(2), 'kiosk'],
          ['rejected', T(3)],
        ],
      },
      // Filed alone, refused by the portal before anyone received it: national 'refused' (3).
      refusedPending: {
        reception: 'refused',
        current: 'rejected',
        events: [
          ['submitted', T(1), 'kiosk'],
          ['sent', T(2), 'kiosk'],
          ['rejected', T(3)],
        ],
      },
      // Accepted by the portal, then rejected: the earlier 'accepted' makes it stopped.
      acceptedThenRejected: {
        reception: 'received',
        current: 'rejected',
        events: [
          ['submitted', T(1), 'kiosk'],
          ['accepted', T(2)],
          ['supplement', T(3)],
          ['rejected', T(4)],
        ],
      },
      // 'sent' is no longer a current status: the latest national status of the timeline.
      sentReceived: {
        reception: 'received',
        current: 'sent',
        events: [
          ['received', T(1), 'kiosk'],
          ['sent', T(2), 'kiosk'],
        ],
      },
      sentPending: {
        reception: 'pending',
        current: 'sent',
        events: [
          ['submitted', T(1), 'kiosk'],
          ['sent', T(2), 'kiosk'],
        ],
      },
      // A timeline lost (salvage): the reception says where it stands.
      sentNoTimeline: { reception: 'pending', current: 'sent', events: [] },
      rejectedNoTimeline: { reception: 'received', current: 'rejected', events: [] },
      // Statuses that keep their names.
      processing: {
        reception: 'received',
        current: 'processing',
        events: [
          ['received', T(1), 'kiosk'],
          ['accepted', T(2)],
          ['processing', T(3)],
        ],
      },
      supplement: {
        reception: 'pending',
        current: 'supplement',
        events: [
          ['submitted', T(1), 'kiosk'],
          ['supplement', T(2)],
        ],
      },
      done: {
        reception: 'received',
        current: 'done',
        events: [
          ['received', T(1), 'kiosk'],
          ['done', T(2)],
        ],
      },
      returned: {
        reception: 'received',
        current: 'returned',
        events: [
          ['received', T(1), 'kiosk'],
          ['done', T(2)],
          ['returned', T(3)],
        ],
      },
      refusedHere: { reception: 'refused', current: 'refused', events: [['refused', T(1), 'kiosk']] },
      submitted: { reception: 'pending', current: 'submitted', events: [['submitted', T(1), 'kiosk']] },
      draft: { reception: null, current: null, events: [] },
    });

    expect(migrate(db, { now, upTo: 14 })).toEqual([14]);

    const current = Object.fromEntries(
      db
        .prepare('SELECT id, current_status FROM dossiers')
        .all()
        .map((r) => {
          const { id, current_status } = r as { id: string; current_status: string | null };
          return [id, current_status];
        }),
    );
    expect(current).toEqual({
      accepted: 'received',
      stoppedAfterReceipt: 'stopped',
      refusedPending: 'refused',
      acceptedThenRejected: 'stopped',
      sentReceived: 'received',
      sentPending: 'submitted',
      sentNoTimeline: 'submitted',
      rejectedNoTimeline: 'stopped',
      processing: 'processing',
      supplement: 'supplement',
      done: 'done',
      returned: 'returned',
      refusedHere: 'refused',
      submitted: 'submitted',
      draft: null,
    });

    const timeline = (id: string) =>
      db.prepare('SELECT status FROM dossier_events WHERE dossier_id = ? ORDER BY id').pluck().all(id);
    expect(timeline('accepted')).toEqual(['received', 'sent', 'received']);
    expect(timeline('stoppedAfterReceipt')).toEqual(['received', 'sent', 'stopped']);
    expect(timeline('refusedPending')).toEqual(['submitted', 'sent', 'refused']);
    expect(timeline('acceptedThenRejected')).toEqual(['submitted', 'received', 'supplement', 'stopped']);
    expect(timeline('returned')).toEqual(['received', 'done', 'returned']);
    // The rows keep their ids, instants, notes and sources.
    expect(
      db
        .prepare(
          `SELECT at, note_vi, source FROM dossier_events WHERE dossier_id = 'refusedPending' AND status = 'refused'`,
        )
        .get(),
    ).toEqual({ at: T(3), note_vi: 'n-rejected', source: 'portal' });
    expect(db.prepare('SELECT count(*) FROM dossier_events').pluck().get()).toBe(29);
  });

  it('refuses an old status name from now on, and takes every national one and sent', () => {
    const db = schema13({ d: { reception: 'received', current: 'received', events: [] } });
    migrate(db, { now, upTo: 14 });
    const add = db.prepare(
      `INSERT INTO dossier_events (dossier_id, status, at, source) VALUES ('d', ?, 'now', 'portal')`,
    );
    for (const old of ['accepted', 'rejected', 'bogus']) expect(() => add.run(old)).toThrow(/CHECK/);
    for (const status of [
      'submitted',
      'received',
      'refused',
      'processing',
      'supplement',
      'financial',
      'withdrawn',
      'stopped',
      'done',
      'returned',
      'sent',
    ])
      add.run(status);
  });

  it('adds the scoring columns, empty on the dossiers already there, each checked', () => {
    const db = schema13({ d: { reception: 'received', current: 'received', events: [] } });
    migrate(db, { now, upTo: 14 });
    expect(
      db
        .prepare(
          `SELECT paid_via, result_electronic, apology_text, apology_due_date, first_due_date, identity_method,
             identity_pa FROM dossiers WHERE id = 'd'`,
        )
        .get(),
    ).toEqual({
      paid_via: null,
      result_electronic: null,
      apology_text: null,
      apology_due_date: null,
      first_due_date: null,
      identity_method: null,
      identity_pa: 0,
    });
    const set = (sql: string) => () => db.prepare(`UPDATE dossiers SET ${sql} WHERE id = 'd'`).run();
    expect(set(`paid_via = 'cash'`)).toThrow(/CHECK/);
    expect(set(`result_electronic = 2`)).toThrow(/CHECK/);
    expect(set(`identity_method = 'face'`)).toThrow(/CHECK/);
    expect(set(`identity_pa = 2`)).toThrow(/CHECK/);
    set(`paid_via = 'online', result_electronic = 1, identity_method = 'chip', identity_pa = 1`)();
  });
});
