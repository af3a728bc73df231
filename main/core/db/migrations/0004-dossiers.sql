-- Dossiers, their attachments, status history, the sync outbox, ratings and the portal catalogue.
-- Owners: main/core/dossier (dossiers, attachments, blobs, dossier_events, ratings, day_sequences),
-- main/core/sync (outbox state changes, sync_state, sync_events), main/core/catalogue (catalogue).

CREATE TABLE dossiers (
  -- A random UUID: the draft's handle on screen and the portal's Idempotency-Key.
  id              TEXT    PRIMARY KEY,
  procedure_id    TEXT    NOT NULL,
  -- The procedure as it was when the dossier was started (name, components, days, fee): a catalogue
  -- update must not change what a citizen already filed.
  procedure_json  TEXT    NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'parked', 'submitted')),
  data_json       TEXT    NOT NULL DEFAULT '{}',
  delivery_json   TEXT    NOT NULL DEFAULT '{"method":"counter"}',
  contact_json    TEXT    NOT NULL DEFAULT '{}',
  assisted_by     INTEGER REFERENCES staff_users(id),
  park_code       TEXT    UNIQUE,
  parked_at       TEXT,
  -- Set by submit, in the same transaction as the outbox row.
  code            TEXT    UNIQUE,
  portal_code     TEXT    UNIQUE,
  day             TEXT,
  seq             INTEGER,
  received_at     TEXT,
  due_date        TEXT,
  due_estimated   INTEGER NOT NULL DEFAULT 0,
  fee_amount      INTEGER NOT NULL DEFAULT 0,
  -- NULL: no fee; 0 unpaid; 1 paid (reported by the portal).
  paid            INTEGER,
  applicant_name  TEXT,
  applicant_id    TEXT,
  -- The latest timeline status (received, sent, accepted, processing, supplement, done, returned, rejected).
  current_status  TEXT,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  UNIQUE (day, seq),
  CHECK (status <> 'submitted' OR (code IS NOT NULL AND received_at IS NOT NULL AND due_date IS NOT NULL))
);
CREATE INDEX dossiers_status ON dossiers(status, updated_at);
CREATE INDEX dossiers_day ON dossiers(day);

-- A file stored once by content in <data>/attachments/<aa>/<sha256>.pdf (written, fsynced, renamed
-- before the row commits).
CREATE TABLE blobs (
  sha256      TEXT    PRIMARY KEY CHECK (length(sha256) = 64),
  bytes       INTEGER NOT NULL,
  created_at  TEXT    NOT NULL
);

CREATE TABLE attachments (
  id            TEXT    PRIMARY KEY,
  dossier_id    TEXT    NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  component_id  TEXT    NOT NULL,
  position      INTEGER NOT NULL,
  name          TEXT    NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png')),
  pages         INTEGER NOT NULL,
  sha256        TEXT    NOT NULL REFERENCES blobs(sha256),
  thumbnail     TEXT,
  created_at    TEXT    NOT NULL
);
CREATE INDEX attachments_dossier ON attachments(dossier_id, component_id, position);
CREATE INDEX attachments_blob ON attachments(sha256);

-- Every state change of a submitted dossier (ARCHITECTURE.md): the citizen's timeline.
CREATE TABLE dossier_events (
  id          INTEGER PRIMARY KEY,
  dossier_id  TEXT    NOT NULL REFERENCES dossiers(id),
  status      TEXT    NOT NULL CHECK (status IN ('received', 'sent', 'accepted', 'processing', 'supplement',
                                                 'done', 'returned', 'rejected')),
  at          TEXT    NOT NULL,
  note_vi     TEXT,
  note_en     TEXT,
  source      TEXT    NOT NULL CHECK (source IN ('kiosk', 'portal'))
);
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, id);

-- The last sequence used per day by this kiosk (provisional codes: <unit>-K<kk>-YYMMDD-XXXX).
CREATE TABLE day_sequences (
  day  TEXT    PRIMARY KEY,
  seq  INTEGER NOT NULL
);

-- One row per submitted dossier, written in the submit transaction. "sending" is a lease, never a
-- state a dossier can stay in: a lease past `lease_until` is waiting again.
CREATE TABLE outbox (
  dossier_id       TEXT    PRIMARY KEY REFERENCES dossiers(id),
  state            TEXT    NOT NULL DEFAULT 'waiting'
                   CHECK (state IN ('waiting', 'sending', 'attention', 'done')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT    NOT NULL,
  lease_until      TEXT,
  http_status      INTEGER,
  error_json       TEXT,
  reasons_json     TEXT,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL,
  done_at          TEXT
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

CREATE TABLE sync_state (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);

CREATE TABLE sync_events (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  kind      TEXT NOT NULL,
  code      TEXT,
  vi        TEXT NOT NULL,
  en        TEXT NOT NULL
);

CREATE TABLE ratings (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  day           TEXT NOT NULL,
  context       TEXT NOT NULL CHECK (context IN ('submit', 'lookup', 'queue')),
  dossier_code  TEXT,
  rating        TEXT NOT NULL CHECK (rating IN ('very-satisfied', 'satisfied', 'unsatisfied')),
  reason        TEXT
);
CREATE INDEX ratings_day ON ratings(day);

-- The portal's catalogue (replaces the seed once fetched; its ETag is in sync_state 'catalogue.etag').
CREATE TABLE catalogue (
  id         TEXT PRIMARY KEY,
  json       TEXT NOT NULL,
  position   INTEGER NOT NULL
);
