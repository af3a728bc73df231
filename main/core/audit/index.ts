import type Database from 'better-sqlite3';
import type { Clock } from '../clock';

/** The audit log: one row for every staff action and every state change that matters. Owns `audit_log`. */
export interface AuditEntry {
  actorId?: number | null;
  actor?: string | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: number | null;
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
}

export interface Audit {
  record(entry: AuditEntry): void;
  recent(limit: number): AuditRow[];
}

export function createAudit(db: Database.Database, clock: Clock): Audit {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor_id, actor, action, target_type, target_id, details)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare(
    `SELECT id, at, actor_id AS actorId, actor, action, target_type AS targetType, target_id AS targetId, details
     FROM audit_log ORDER BY id DESC LIMIT ?`,
  );
  return {
    record(e) {
      insert.run(
        clock.now().toISOString(),
        e.actorId ?? null,
        e.actor ?? null,
        e.action,
        e.targetType ?? null,
        e.targetId === undefined ? null : String(e.targetId),
        e.details ? JSON.stringify(e.details) : null,
      );
    },
    recent(limit) {
      const rows = select.all(limit) as (Omit<AuditRow, 'details'> & { details: string | null })[];
      return rows.map((r) => ({
        ...r,
        details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
      }));
    },
  };
}
