-- Decree 118/2025 and Thông tư 03/2025/TT-VPCP (issue 20): a dossier filed by the citizen alone at the
-- kiosk is *submitted* and waits for an officer to receive it (a submission slip is printed); one filed
-- with staff at the counter is *received* there and then (Mẫu 01); staff may refuse to receive (Mẫu 03).
-- Owners: main/core/dossier (the dossiers columns, dossier_events), main/core/sync (reception_updates).

-- NULL on drafts. 'pending': submitted, waiting for an officer; 'received': received (Mẫu 01 issued);
-- 'refused': refused to receive (Mẫu 03), kept and still sent to the portal so its record is whole.
ALTER TABLE dossiers ADD COLUMN reception TEXT
  CHECK (reception IS NULL OR reception IN ('pending', 'received', 'refused'));
-- When it was received or refused (ISO instant); the due date is counted from it.
ALTER TABLE dossiers ADD COLUMN reception_at TEXT;
-- The officer's display name, as printed on the form; NULL when the portal received it.
ALTER TABLE dossiers ADD COLUMN reception_by TEXT;
-- 'counter': by staff in this kiosk's screens; 'portal': learnt from the portal's status pull;
-- 'kiosk': a self-service dossier filed before this version, whose Mẫu 01 the kiosk printed itself.
ALTER TABLE dossiers ADD COLUMN reception_source TEXT
  CHECK (reception_source IS NULL OR reception_source IN ('counter', 'portal', 'kiosk'));
-- The officer's reason, printed verbatim on Mẫu 03.
ALTER TABLE dossiers ADD COLUMN refusal_reason TEXT;

-- Every dossier submitted before was treated as received when it was submitted (its Mẫu 01 is printed).
UPDATE dossiers SET reception = 'received', reception_at = received_at,
  reception_by = (SELECT display_name FROM staff_users WHERE id = dossiers.assisted_by),
  reception_source = CASE WHEN assisted_by IS NULL THEN 'kiosk' ELSE 'counter' END
WHERE status = 'submitted';

CREATE INDEX dossiers_reception ON dossiers(reception) WHERE reception = 'pending';

-- The timeline gains 'submitted' (waiting for an officer) and 'refused' (not received, with the reason).
-- SQLite cannot change a CHECK in place: the table is copied (nothing refers to it).
CREATE TABLE dossier_events_2025 (
  id          INTEGER PRIMARY KEY,
  dossier_id  TEXT    NOT NULL REFERENCES dossiers(id),
  status      TEXT    NOT NULL CHECK (status IN ('submitted', 'received', 'sent', 'accepted', 'processing',
                                                 'supplement', 'done', 'returned', 'rejected', 'refused')),
  at          TEXT    NOT NULL,
  note_vi     TEXT,
  note_en     TEXT,
  source      TEXT    NOT NULL CHECK (source IN ('kiosk', 'portal'))
);
INSERT INTO dossier_events_2025 (id, dossier_id, status, at, note_vi, note_en, source)
  SELECT id, dossier_id, status, at, note_vi, note_en, source FROM dossier_events;
DROP TABLE dossier_events;
ALTER TABLE dossier_events_2025 RENAME TO dossier_events;
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, id);

-- A reception decided here (received or refused at the counter) after the dossier may already have
-- reached the portal: the portal must learn it. One row per dossier, whose current reception is sent
-- (PUT, idempotent) once the dossier has its portal code; deleted when the portal confirms it.
CREATE TABLE reception_updates (
  dossier_id  TEXT    PRIMARY KEY REFERENCES dossiers(id),
  queued_at   TEXT    NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT
);
