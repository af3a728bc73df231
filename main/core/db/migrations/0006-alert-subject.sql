-- What an alert is about, when it is about one thing that can put itself right (`dossier:<id>` for a
-- dossier the portal refused, `sync-token` for a refused kiosk token). When that thing is put right (the
-- corrected dossier reaches the portal), its open alerts are closed by the kiosk itself: acknowledged_at
-- set, acknowledged_by NULL, and an `alert.settle` audit row; staff no longer see a problem that is gone.
ALTER TABLE alerts ADD COLUMN subject TEXT;
CREATE INDEX alerts_open_subject ON alerts(subject) WHERE acknowledged_at IS NULL AND subject IS NOT NULL;
