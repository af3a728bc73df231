-- Issue 22: a citizen's draft kept past the moment (main/core/dossier/keep.ts, keys.ts). Owner: main/core/dossier.
--
-- `set_aside_day`: the centre's local day (YYYY-MM-DD) on which the citizen's session ended mid-filing
-- (dossier.setAside). Such a draft escapes the 30-minute citizen-draft wipe and is wiped once that day is
-- over; it is taken back only by scanning an ID card it names (draft_keys below).
ALTER TABLE dossiers ADD COLUMN set_aside_day TEXT
  CHECK (set_aside_day IS NULL OR set_aside_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
-- A draft the citizen saved for later (dossier.saveForLater): a keyed hash (HMAC-SHA256, hex) of the
-- dossier id and the birth date that takes it back with its park code, never the date itself.
ALTER TABLE dossiers ADD COLUMN resume_birth_hash TEXT
  CHECK (resume_birth_hash IS NULL OR length(resume_birth_hash) = 64);
CREATE INDEX dossiers_set_aside ON dossiers(set_aside_day) WHERE set_aside_day IS NOT NULL;

-- What an ID card scanned at the kiosk or a counter finds a kept draft (set aside or parked) by: for each
-- person slot of the draft naming a 12-digit ID number, HMAC-SHA256 of (ID number, the slot's birth
-- date or none). Keyed, not a plain hash: ID numbers are structured (province, century, birth year, six
-- digits), so a plain hash of one is reversed by trying them all; with the kiosk's own key (kiosk_secrets)
-- this table, copied or leaked alone, says nothing. The drafts' data still holds the numbers in clear,
-- which issue 25 encrypts. Deleted with the dossier (cascade) and when it is submitted (trigger below).
CREATE TABLE draft_keys (
  key_hash    TEXT NOT NULL CHECK (length(key_hash) = 64),
  dossier_id  TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  PRIMARY KEY (key_hash, dossier_id)
);
CREATE INDEX draft_keys_dossier ON draft_keys(dossier_id);

-- Random keys this kiosk made for itself (32 bytes from the OS's randomness, written at first use).
-- 'draft-keys': the key of draft_keys and resume_birth_hash.
CREATE TABLE kiosk_secrets (
  name        TEXT PRIMARY KEY,
  secret      BLOB NOT NULL CHECK (length(secret) >= 32),
  created_at  TEXT NOT NULL
);

-- Wrong birth dates given with a park code at the kiosk (dossier.resumeByCode), per code as typed:
-- codes that name no draft are counted exactly like real ones, so the count cannot tell whether a code
-- exists. At 5 the code opens only for staff (dossier.resume, which forgets the count). In the database
-- so a restart does not lift it; pruned by the draft sweep.
CREATE TABLE park_code_failures (
  code        TEXT    PRIMARY KEY,
  failures    INTEGER NOT NULL CHECK (failures > 0),
  updated_at  TEXT    NOT NULL
);
CREATE INDEX park_code_failures_updated ON park_code_failures(updated_at);

-- Whatever submits a dossier (the kiosk, the counter, a refusal before reception), what kept it as a
-- draft goes with the draft.
CREATE TRIGGER dossiers_submitted_forget_keys AFTER UPDATE OF status ON dossiers
WHEN NEW.status = 'submitted'
BEGIN
  DELETE FROM draft_keys WHERE dossier_id = NEW.id;
  UPDATE dossiers SET set_aside_day = NULL, resume_birth_hash = NULL WHERE id = NEW.id;
END;
