import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * The reference portal's own database. It is a separate file from any kiosk's: the portal is "the other
 * side" of the protocol, and tests compare the two sets. One version only — this is a test fixture, so a
 * schema change means a fresh PORTAL_DATA_DIR, not a migration.
 */
const SCHEMA = `
-- Every blob the portal has, and where its bytes are: extents of the append-only segment files
-- blobs/segment-<n>.log, as JSON [[segment, offset, length], ...]. A row is only written once the bytes
-- it points at are verified and fdatasynced: see blobs.ts.
CREATE TABLE IF NOT EXISTS stored_blobs (
  sha256     TEXT    PRIMARY KEY CHECK (length(sha256) = 64),
  bytes      INTEGER NOT NULL,
  extents    TEXT    NOT NULL,
  stored_at  TEXT    NOT NULL
);

-- The attachments the stored dossiers use, written with the dossier.
CREATE TABLE IF NOT EXISTS blobs (
  sha256      TEXT    PRIMARY KEY CHECK (length(sha256) = 64),
  bytes       INTEGER NOT NULL,
  created_at  TEXT    NOT NULL
);

CREATE TABLE IF NOT EXISTS dossiers (
  -- The portal's official code <unitCode>-YYMMDD-NNNN (its own sequence, never the kiosk's).
  code             TEXT    PRIMARY KEY,
  idempotency_key  TEXT    NOT NULL UNIQUE,
  -- SHA-256 of the canonical JSON of the first accepted body: a repeat must match it exactly.
  body_hash        TEXT    NOT NULL,
  body_json        TEXT    NOT NULL,
  -- What the first POST answered; a repeat answers exactly this (Idempotency-Key semantics).
  response_json    TEXT    NOT NULL,
  kiosk_dossier_id TEXT    NOT NULL,
  kiosk_id         TEXT    NOT NULL,
  local_code       TEXT    NOT NULL,
  unit_code        TEXT    NOT NULL,
  procedure_id     TEXT    NOT NULL,
  procedure_code   TEXT    NOT NULL,
  received_at      TEXT    NOT NULL,
  -- The national status (preload/contract/portal.ts NationalStatusSchema): 'submitted' (1, pending
  -- reception), 'received' (2), 'refused' (3, refused to receive), … 'returned' (10).
  status           TEXT    NOT NULL DEFAULT 'received',
  -- The appointment date (YYYY-MM-DD): the kiosk's, moved when the citizen takes time to bring papers.
  due_date         TEXT    NOT NULL,
  -- How it came in ('kiosk': the citizen alone; 'counter': with staff) and its reception (Nghị định
  -- 118/2025): 'pending' | 'received' | 'refused', when, by which officer (NULL: by the portal), why.
  channel          TEXT    NOT NULL CHECK (channel IN ('kiosk', 'counter')),
  reception        TEXT    NOT NULL CHECK (reception IN ('pending', 'received', 'refused')),
  reception_at     TEXT,
  reception_by     TEXT,
  refusal_reason   TEXT,
  -- NULL: the portal knows nothing about a fee; 0 unpaid; 1 paid; how ('online' | 'counter').
  paid             INTEGER,
  paid_via         TEXT,
  -- The result issued electronically (with done): 1; NULL: not said.
  result_electronic INTEGER,
  -- Mẫu 04: the apology for a late dossier and the new date it gives.
  apology_text     TEXT,
  apology_due_date TEXT,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS dossiers_kiosk ON dossiers(kiosk_id);
CREATE INDEX IF NOT EXISTS dossiers_kiosk_dossier ON dossiers(kiosk_dossier_id);

-- The timeline. Its id is the change cursor: strictly increasing, never reused (AUTOINCREMENT). Only
-- 'status', 'payment' and 'apology' rows are changes a kiosk pulls; 'received' (the POST) and
-- 'reception' (a kiosk's PUT of a reception) are what the kiosk told the portal. Each row carries what
-- its change says besides the status (NULL: nothing): how the fee was paid, the new appointment date,
-- Mẫu 04, an electronic result.
CREATE TABLE IF NOT EXISTS events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  dossier_code TEXT    NOT NULL REFERENCES dossiers(code),
  kind         TEXT    NOT NULL CHECK (kind IN ('received', 'status', 'payment', 'apology', 'reception')),
  status       TEXT    NOT NULL,
  note         TEXT,
  paid         INTEGER,
  paid_via     TEXT,
  due_date     TEXT,
  apology_text TEXT,
  apology_due_date TEXT,
  result_electronic INTEGER,
  at           TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS events_dossier ON events(dossier_code, id);

CREATE TABLE IF NOT EXISTS day_sequences (
  unit_code  TEXT    NOT NULL,
  day        TEXT    NOT NULL,
  seq        INTEGER NOT NULL,
  PRIMARY KEY (unit_code, day)
);
`;

export function openPortalDb(dataDir: string): Database.Database {
  const db = new Database(join(dataDir, 'portal.db'));
  db.pragma('journal_mode = WAL');
  // NORMAL, not FULL: a commit does not wait for the disk itself; every write is made durable by an
  // fdatasync of the WAL before it is acknowledged (durable.ts), so several commits share one sync.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}
