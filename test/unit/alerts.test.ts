import { describe, expect, it } from 'vitest';
import type { Alert, EventMessage } from '../../preload/api';
import { createAlerts } from '../../main/core/alerts';
import { createAudit } from '../../main/core/audit';
import { manualClock } from '../../main/core/clock';
import { openDatabase } from '../../main/core/db/open';
import { createEventBus } from '../../main/core/events';
import { tempDir } from './helpers';
import { insertStaff } from './staff-rows';

function setup() {
  const clock = manualClock('2026-11-23T02:00:00Z');
  const { db } = openDatabase(tempDir(), clock.now());
  insertStaff(db, { id: 7, user: 'lan', displayName: 'Chị Lan' });
  const bus = createEventBus();
  const audit = createAudit(db, clock);
  const seen: { message: EventMessage; audience: string }[] = [];
  bus.subscribe((message, audience) => seen.push({ message, audience }));
  return { db, clock, audit, seen, alerts: createAlerts(db, { clock, bus, audit }) };
}

describe('staff alerts', () => {
  it('stores an alert and pushes it to staff screens only', () => {
    const { alerts, seen, db } = setup();
    const a = alerts.raise({
      level: 'critical',
      code: 'printer-down',
      vi: 'Máy in hỏng',
      en: 'Printer down',
    });
    expect(a).toMatchObject({
      level: 'critical',
      acknowledgedAt: null,
      createdAt: '2026-11-23T02:00:00.000Z',
    });
    expect(seen).toEqual([{ message: { event: 'staff.alert', payload: a }, audience: 'staff' }]);
    expect(alerts.list({})).toEqual([a]);
    db.close();
  });

  it('records who acknowledged an alert, once, and hides it from the open list', () => {
    const { alerts, audit, clock, db } = setup();
    const a = alerts.raise({ level: 'warning', code: 'x', vi: 'v', en: 'e' });
    clock.advance(60_000);
    const acked: Alert = alerts.acknowledge(a.id, { id: 7, user: 'lan' });
    expect(acked.acknowledgedAt).toBe('2026-11-23T02:01:00.000Z');
    alerts.acknowledge(a.id, { id: 7, user: 'lan' });
    expect(alerts.list({})).toEqual([]);
    expect(alerts.list({ includeAcknowledged: true })).toHaveLength(1);
    const rows = audit.recent(10).filter((r) => r.action === 'alert.acknowledge');
    expect(rows).toEqual([expect.objectContaining({ actorId: 7, actor: 'lan', targetId: String(a.id) })]);
    db.close();
  });

  it('answers not-found for an alert that does not exist', () => {
    const { alerts, db } = setup();
    expect(() => alerts.acknowledge(99, { id: 7, user: 'lan' })).toThrow(/No such alert/);
    db.close();
  });

  it('settles the open alerts about a subject once its problem is put right, and says so to staff screens', () => {
    const { alerts, seen, db } = setup();
    const refused = alerts.raise(
      { level: 'warning', code: 'sync-refused', vi: 'Cổng từ chối hồ sơ A', en: 'Portal refused A' },
      'dossier:a',
    );
    const other = alerts.raise(
      { level: 'warning', code: 'sync-refused', vi: 'Cổng từ chối hồ sơ B', en: 'Portal refused B' },
      'dossier:b',
    );
    const plain = alerts.raise({
      level: 'critical',
      code: 'printer-down',
      vi: 'Máy in hỏng',
      en: 'Printer down',
    });
    seen.length = 0;

    expect(alerts.settle('dossier:a')).toBe(1);
    expect(alerts.list({}).map((a) => a.id)).toEqual([plain.id, other.id]);
    const closed = alerts.list({ includeAcknowledged: true }).find((a) => a.id === refused.id)!;
    expect(closed.acknowledgedAt).toBe('2026-11-23T02:00:00.000Z');
    // Pushed again, closed, so every open console drops it.
    expect(seen).toEqual([{ message: { event: 'staff.alert', payload: closed }, audience: 'staff' }]);
    const audit = db
      .prepare(
        `SELECT actor_id AS actorId, action, target_id AS targetId, details FROM audit_log WHERE action = 'alert.settle'`,
      )
      .all();
    expect(audit).toEqual([
      {
        actorId: null,
        action: 'alert.settle',
        targetId: String(refused.id),
        details: JSON.stringify({ subject: 'dossier:a' }),
      },
    ]);

    // Nothing left about it: a second settle closes nothing and says nothing.
    expect(alerts.settle('dossier:a')).toBe(0);
    expect(alerts.settle('nothing')).toBe(0);
    expect(seen).toHaveLength(1);
    db.close();
  });
});
