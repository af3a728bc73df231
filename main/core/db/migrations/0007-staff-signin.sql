-- Sign-in throttle (staff/throttle.ts). One row per (user name as typed, source): `source` is `local` for
-- the kiosk itself, the caller's address for the LAN, and `*lan` for the per-name limit shared by every
-- LAN address. Names that match no account get rows exactly like real ones, so answers cannot tell them
-- apart; the table is capped and pruned, so made-up names cannot grow it without bound.
-- It lives in the database so that restarting the kiosk does not lift a lockout.
CREATE TABLE staff_signin_throttle (
  name         TEXT    NOT NULL,
  source       TEXT    NOT NULL,
  -- failures counted since window_start; the count restarts when the window has passed or a lock starts
  failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  window_start TEXT    NOT NULL,
  -- how many times this bucket has locked: each lock lasts longer than the one before
  lockouts     INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
  locked_until TEXT,
  updated_at   TEXT    NOT NULL,
  PRIMARY KEY (name, source)
);
CREATE INDEX staff_signin_throttle_updated ON staff_signin_throttle(updated_at);

-- A session also ends at a fixed time after sign-in (staffSessionMaxHours), however active it is.
-- Sessions open at the upgrade get the default ten hours from their sign-in.
ALTER TABLE staff_sessions ADD COLUMN ends_at TEXT;
UPDATE staff_sessions SET ends_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+10 hours');

-- Shown to admins in the accounts list.
ALTER TABLE staff_users ADD COLUMN last_sign_in_at TEXT;

-- staff_users.failed_attempts and locked_until are no longer read: the throttle replaced them.
-- A per-account lock running at the upgrade (at most five minutes) is not carried over.
