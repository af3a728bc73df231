-- Staff accounts, their sessions and the audit log of everything staff do.
CREATE TABLE staff_users (
  id              INTEGER PRIMARY KEY,
  user            TEXT    NOT NULL UNIQUE,
  display_name    TEXT    NOT NULL,
  role            TEXT    NOT NULL CHECK (role IN ('staff', 'admin')),
  pin_hash        TEXT    NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  created_at      TEXT    NOT NULL,
  disabled_at     TEXT
);

-- Only a SHA-256 of each token is stored: a copied database file does not hand out sessions.
CREATE TABLE staff_sessions (
  token_hash   TEXT    PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  created_at   TEXT    NOT NULL,
  last_seen_at TEXT    NOT NULL,
  expires_at   TEXT    NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions(user_id);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT    NOT NULL,
  actor_id    INTEGER REFERENCES staff_users(id),
  actor       TEXT,
  action      TEXT    NOT NULL,
  target_type TEXT,
  target_id   TEXT,
  details     TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_target ON audit_log(target_type, target_id);
