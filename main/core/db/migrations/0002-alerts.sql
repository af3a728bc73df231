-- Alerts for staff: things a person must know about (a damaged database moved aside, a printer down).
CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY,
  level           TEXT NOT NULL CHECK (level IN ('info', 'warning', 'critical')),
  code            TEXT NOT NULL,
  vi              TEXT NOT NULL,
  en              TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  acknowledged_at TEXT,
  acknowledged_by INTEGER REFERENCES staff_users(id)
);
CREATE INDEX alerts_open ON alerts(acknowledged_at, created_at);
