import type Database from 'better-sqlite3';
import type { Alert } from '../../../preload/api';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import { KioskFailure, kioskError } from '../errors';
import type { EventBus } from '../events';

/** Alerts that staff must see and acknowledge. Owns the `alerts` table. */
export interface Alerts {
  /**
   * `subject`: what the alert is about, when that can put itself right (`dossier:<id>`, `sync-token`):
   * `settle(subject)` then closes it.
   */
  raise(
    alert: Pick<Alert, 'level' | 'code' | 'vi' | 'en'>,
    subject?: string,
    options?: {
      /** With a subject: an alert about it still open is returned as it is, not raised a second time. */
      once?: boolean;
    },
  ): Alert;
  /**
   * The problem behind every open alert about `subject` is gone (the refused dossier went through): they
   * are closed without a person (acknowledged_by NULL, an `alert.settle` audit row) and pushed again to
   * staff screens, which drop them. Returns how many were closed.
   */
  settle(subject: string): number;
  list(options: { includeAcknowledged?: boolean }): Alert[];
  acknowledge(id: number, by: { id: number; user: string }): Alert;
}

interface Row {
  id: number;
  level: Alert['level'];
  code: string;
  vi: string;
  en: string;
  createdAt: string;
  acknowledgedAt: string | null;
}

const columns = `id, level, code, vi, en, created_at AS createdAt, acknowledged_at AS acknowledgedAt`;

export function createAlerts(
  db: Database.Database,
  deps: { clock: Clock; bus: EventBus; audit: Audit },
): Alerts {
  const insert = db.prepare(
    `INSERT INTO alerts (level, code, vi, en, created_at, subject) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const openAbout = db.prepare(`SELECT id FROM alerts WHERE subject = ? AND acknowledged_at IS NULL`).pluck();
  const close = db.prepare(`UPDATE alerts SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL`);
  const byId = db.prepare(`SELECT ${columns} FROM alerts WHERE id = ?`);
  const open = db.prepare(
    `SELECT ${columns} FROM alerts WHERE acknowledged_at IS NULL ORDER BY id DESC LIMIT 200`,
  );
  const all = db.prepare(`SELECT ${columns} FROM alerts ORDER BY id DESC LIMIT 200`);
  const ack = db.prepare(
    `UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL`,
  );
  const get = (id: number): Row | undefined => byId.get(id) as Row | undefined;

  return {
    raise(a, subject, options) {
      if (options?.once && subject !== undefined) {
        const open = openAbout.get(subject) as number | undefined;
        const existing = open === undefined ? undefined : get(open);
        if (existing) return existing;
      }
      const info = insert.run(a.level, a.code, a.vi, a.en, deps.clock.now().toISOString(), subject ?? null);
      const alert = get(Number(info.lastInsertRowid));
      if (!alert) throw new Error('alert vanished after insert');
      deps.bus.emit('staff.alert', alert);
      return alert;
    },
    settle(subject) {
      // The common case (nothing open about it) is one indexed read, no transaction.
      if (openAbout.all(subject).length === 0) return 0;
      const closed = db.transaction(() => {
        const ids = openAbout.all(subject) as number[];
        const at = deps.clock.now().toISOString();
        for (const id of ids) {
          close.run(at, id);
          deps.audit.record({
            action: 'alert.settle',
            targetType: 'alert',
            targetId: id,
            details: { subject },
          });
        }
        return ids;
      })();
      for (const id of closed) {
        const alert = get(id);
        if (alert) deps.bus.emit('staff.alert', alert);
      }
      return closed.length;
    },
    list({ includeAcknowledged }) {
      return (includeAcknowledged ? all : open).all() as Row[];
    },
    acknowledge(id, by) {
      const done = db.transaction(() => {
        const changed = ack.run(deps.clock.now().toISOString(), by.id, id).changes;
        if (changed > 0)
          deps.audit.record({
            actorId: by.id,
            actor: by.user,
            action: 'alert.acknowledge',
            targetType: 'alert',
            targetId: id,
          });
        return get(id);
      })();
      if (!done) {
        throw new KioskFailure(
          kioskError('not-found', 'Không tìm thấy cảnh báo này.', 'No such alert.', 'id'),
        );
      }
      return done;
    },
  };
}
