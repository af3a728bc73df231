-- Queue tickets and counters. Owned by main/core/queue.
CREATE TABLE tickets (
  id             INTEGER PRIMARY KEY,
  service_id     TEXT    NOT NULL,
  -- The service day (YYYY-MM-DD in the centre's time zone, after the daily reset) the number belongs to.
  day            TEXT    NOT NULL,
  seq            INTEGER NOT NULL,
  number         TEXT    NOT NULL,
  priority       TEXT,
  status         TEXT    NOT NULL DEFAULT 'waiting'
                 CHECK (status IN ('waiting', 'called', 'served', 'no_show')),
  issued_at      TEXT    NOT NULL,
  first_called_at TEXT,
  called_at      TEXT,
  finished_at    TEXT,
  counter_id     INTEGER,
  -- A transfer to one counter: only that counter may call the ticket.
  target_counter INTEGER,
  -- The service the number was issued for, kept when the ticket is transferred to another service.
  origin_service TEXT    NOT NULL,
  recalls        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (origin_service, day, seq)
);
CREATE INDEX tickets_waiting ON tickets(status, service_id, day);
CREATE INDEX tickets_day ON tickets(day);

CREATE TABLE counter_state (
  counter_id       INTEGER PRIMARY KEY,
  paused           INTEGER NOT NULL DEFAULT 0,
  current_ticket   INTEGER REFERENCES tickets(id),
  priority_streak  INTEGER NOT NULL DEFAULT 0,
  staff_id         INTEGER REFERENCES staff_users(id),
  updated_at       TEXT    NOT NULL
);

-- Print jobs survive a restart: queued → sent → done | failed, retried with backoff.
CREATE TABLE print_jobs (
  id              INTEGER PRIMARY KEY,
  printer_id      TEXT    NOT NULL,
  kind            TEXT    NOT NULL,
  ref             TEXT,
  payload         TEXT    NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT    NOT NULL,
  last_error      TEXT,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL
);
CREATE INDEX print_jobs_due ON print_jobs(status, next_attempt_at);
