-- Devices paired with this kiosk over the LAN (main/core/pairing): counter PCs, waiting-room displays and
-- other kiosks. An admin shows a one-time code on the console; the device enters it and receives a random
-- token, kept here only as its SHA-256. A revoked device keeps its row (the console shows who revoked it
-- and when) and its token no longer opens anything.
CREATE TABLE lan_devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  role TEXT NOT NULL CHECK (role IN ('counter', 'display', 'kiosk')),
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  paired_at TEXT NOT NULL,
  paired_by TEXT NOT NULL,
  paired_from TEXT,
  last_seen_at TEXT,
  last_address TEXT,
  revoked_at TEXT,
  revoked_by TEXT
);

-- A staff session belongs to the device it was signed in on (NULL: the kiosk's own screen). Its token
-- is refused from any other device, and revoking a device ends the sessions signed in on it.
ALTER TABLE staff_sessions ADD COLUMN device_id TEXT REFERENCES lan_devices (id);
