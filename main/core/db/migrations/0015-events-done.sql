-- The 766 scores (main/core/report) find the dossiers first finished in a range by their 'done' rows;
-- without this the query scanned every timeline row ever written. Partial: only 'done' rows, by time
-- (the text as stored, so report/service.ts widens the range and filters exactly). Owner: main/core/report.
CREATE INDEX dossier_events_done ON dossier_events(at) WHERE status = 'done';
