-- Staff changes to the working calendar (holidays, days off, make-up working days). The shipped days
-- stay in code (main/core/calendar/vn-holidays.ts); these rows are applied on top of them, so a newer
-- app version with a corrected seed keeps every change an admin made. Owner: main/core/calendar.

-- One row per date an admin changed. `removed = 1`: the shipped day of that date no longer applies (the
-- other columns stay empty); otherwise the row is the whole day as the admin set it, replacing a shipped
-- day of the same date or adding one. Restoring a shipped day deletes the row.
CREATE TABLE calendar_days (
  date        TEXT    PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  removed     INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  kind        TEXT    CHECK (kind IN ('holiday', 'compensatory', 'swap-off', 'swap-work')),
  name_vi     TEXT,
  name_en     TEXT,
  status      TEXT    CHECK (status IN ('official', 'estimated', 'pending')),
  source      TEXT    NOT NULL DEFAULT '',
  changed_by  INTEGER NOT NULL REFERENCES staff_users(id),
  changed_at  TEXT    NOT NULL,
  CHECK (removed = 1 OR (kind IS NOT NULL AND name_vi IS NOT NULL AND name_en IS NOT NULL AND status IS NOT NULL))
);

-- Years an admin added (2028 once it is decided) or whose status/note an admin changed.
CREATE TABLE calendar_years (
  year        INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
  status      TEXT    NOT NULL CHECK (status IN ('official', 'estimated')),
  note        TEXT    NOT NULL DEFAULT '',
  changed_by  INTEGER NOT NULL REFERENCES staff_users(id),
  changed_at  TEXT    NOT NULL
);
