-- The national dossier status model (issue 21; DOMAIN.md "The 2025 reform"): the timeline speaks the ten
-- statuses Cổng DVCQG counts (submitted 1, received 2, refused 3, processing 4, supplement 5, financial 6,
-- withdrawn 7, stopped 8, done 9, returned 10) and the kiosk's own 'sent' (delivered to the portal, no
-- national code, never a dossier's current status). Owner: main/core/dossier.

-- The timeline's statuses. SQLite cannot change a CHECK in place: the table is copied (as in 0013).
-- Stored names are carried over: 'accepted' (the agency received it) is 'received'; 'rejected' is
-- 'refused' (not received) on a dossier with no earlier reception in its timeline, else 'stopped'
-- (dừng xử lý: refused after it was received).
CREATE TABLE dossier_events_national (
  id          INTEGER PRIMARY KEY,
  dossier_id  TEXT    NOT NULL REFERENCES dossiers(id),
  status      TEXT    NOT NULL CHECK (status IN ('submitted', 'received', 'refused', 'processing',
                                                 'supplement', 'financial', 'withdrawn', 'stopped',
                                                 'done', 'returned', 'sent')),
  at          TEXT    NOT NULL,
  note_vi     TEXT,
  note_en     TEXT,
  source      TEXT    NOT NULL CHECK (source IN ('kiosk', 'portal'))
);
INSERT INTO dossier_events_national (id, dossier_id, status, at, note_vi, note_en, source)
  SELECT e.id, e.dossier_id,
    CASE e.status
      WHEN 'accepted' THEN 'received'
      WHEN 'rejected' THEN
        CASE WHEN EXISTS (SELECT 1 FROM dossier_events p
                          WHERE p.dossier_id = e.dossier_id AND p.status IN ('received', 'accepted')
                            AND (p.at < e.at OR (p.at = e.at AND p.id < e.id)))
             THEN 'stopped' ELSE 'refused' END
      ELSE e.status
    END,
    e.at, e.note_vi, e.note_en, e.source
  FROM dossier_events e;
DROP TABLE dossier_events;
ALTER TABLE dossier_events_national RENAME TO dossier_events;
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, id);

-- The current status the same way; 'sent' is no longer one: the latest national status of the
-- timeline, or what the reception says when the timeline has none.
UPDATE dossiers SET current_status = CASE
    WHEN current_status = 'accepted' THEN 'received'
    WHEN current_status = 'rejected' THEN COALESCE(
      (SELECT e.status FROM dossier_events e
       WHERE e.dossier_id = dossiers.id AND e.status IN ('refused', 'stopped')
       ORDER BY e.at DESC, e.id DESC LIMIT 1),
      CASE WHEN reception = 'received' OR reception IS NULL THEN 'stopped' ELSE 'refused' END)
    ELSE COALESCE(
      (SELECT e.status FROM dossier_events e
       WHERE e.dossier_id = dossiers.id AND e.status <> 'sent'
       ORDER BY e.at DESC, e.id DESC LIMIT 1),
      CASE reception WHEN 'pending' THEN 'submitted' WHEN 'refused' THEN 'refused' ELSE 'received' END)
  END
WHERE current_status IN ('accepted', 'rejected', 'sent');

-- What the national scoring (Quyết định 766/QĐ-TTg) reads, as the portal reports it or the kiosk saw it.
-- How the fee was paid once paid (the portal says): 'online' (VietQR, the portal's payment) or 'counter'.
ALTER TABLE dossiers ADD COLUMN paid_via TEXT
  CHECK (paid_via IS NULL OR paid_via IN ('online', 'counter'));
-- The result was issued electronically (the portal says, with done/returned); NULL: not said.
ALTER TABLE dossiers ADD COLUMN result_electronic INTEGER
  CHECK (result_electronic IS NULL OR result_electronic IN (0, 1));
-- Mẫu 04 (văn bản xin lỗi và đề nghị gia hạn): the agency's words and the new appointment date it gives.
ALTER TABLE dossiers ADD COLUMN apology_text TEXT;
ALTER TABLE dossiers ADD COLUMN apology_due_date TEXT;
-- The appointment date as first given (Mẫu 01), kept when the portal moves due_date (after a
-- supplement or an extension); NULL while due_date was never moved.
ALTER TABLE dossiers ADD COLUMN first_due_date TEXT;
-- How the applicant's identity was established, from main's own reads at the kiosk (never a screen's
-- word): 'chip' (the card's chip read), 'qr' (the card's QR from a scanner), 'none'; NULL: filed before
-- this was recorded. identity_pa: the chip's passive authentication succeeded (its signature checked).
ALTER TABLE dossiers ADD COLUMN identity_method TEXT
  CHECK (identity_method IS NULL OR identity_method IN ('chip', 'qr', 'none'));
ALTER TABLE dossiers ADD COLUMN identity_pa INTEGER NOT NULL DEFAULT 0 CHECK (identity_pa IN (0, 1));
