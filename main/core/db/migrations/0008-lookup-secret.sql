-- A second factor for the public lookup (main/core/dossier/lookup.ts, lookup-guard.ts).
--
-- `lookup_secret`: six characters printed on the receipt as "Mã tra cứu" and carried in its QR, set by
-- submit. Kept in plain text, not hashed: a staff reprint must print the same secret again, and anyone
-- who can read this file already reads the applicant's full name, ID number and birth date beside it,
-- which is everything the secret guards. Dossiers submitted before this migration have none (their
-- receipts never showed one): the applicant's birth date opens them, and a staff reprint gives them one.
ALTER TABLE dossiers ADD COLUMN lookup_secret TEXT
  CHECK (lookup_secret IS NULL OR length(lookup_secret) = 6);

-- Wrong second factors, counted per dossier (its id) or, for a code that matches no dossier, per code as
-- asked: unknown codes are counted and locked exactly like real ones, so the answers cannot tell them
-- apart. One caller can lock only the codes it guesses at, never every citizen's. Capped and pruned by
-- lookup-guard.ts, so made-up codes cannot grow it without bound; in the database so a restart does
-- not lift a lock.
CREATE TABLE dossier_lookup_throttle (
  subject      TEXT    PRIMARY KEY,
  failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  window_start TEXT    NOT NULL,
  -- how many times this subject has locked: a later lock lasts longer (a birth date is guessable)
  lockouts     INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
  locked_until TEXT,
  updated_at   TEXT    NOT NULL
);
CREATE INDEX dossier_lookup_throttle_updated ON dossier_lookup_throttle(updated_at);
