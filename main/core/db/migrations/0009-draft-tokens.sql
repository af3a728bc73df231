-- Draft capabilities (main/core/dossier/capability.ts). `dossier.create` hands the caller a random token
-- once; only its SHA-256 is kept here, so the database (or a copy of it) cannot be used to open a draft
-- from another screen. A public caller must present the token for every call on the draft; staff need
-- none. Drafts started before this migration have none: only staff can open them (a citizen's draft is
-- wiped after `dossier.citizenDraftMinutes` anyway, a parked one is resumed by staff).
ALTER TABLE dossiers ADD COLUMN draft_token_hash TEXT
  CHECK (draft_token_hash IS NULL OR length(draft_token_hash) = 64);
