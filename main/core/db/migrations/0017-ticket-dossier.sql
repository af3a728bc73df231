-- Issue 22: a queue ticket taken for a dossier (a draft the citizen hands to staff, or a dossier filed at
-- the kiosk and recognised by its receipt QR), so the counter that calls the ticket opens that dossier.
-- Owner: main/core/queue (the column); what it points at is read through the core's dossier link.
-- No REFERENCES dossiers(id): drafts are wiped (a citizen's at the end of its time, a parked one after
-- its days) while the day's tickets stay for the report; a ticket whose dossier is gone shows none.
ALTER TABLE tickets ADD COLUMN dossier_id TEXT;
