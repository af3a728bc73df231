-- Data steps the dossier module runs once over stored drafts and parked dossiers when the shape of
-- their forms changes (main/core/dossier/address-upgrade.ts: string addresses become structured after
-- the 2025 reform). A step needs what SQL does not have (the address resolver, the catalogue), so it runs
-- in TypeScript at start; this table records that it ran, in the same transaction as its rewrites.
-- Submitted dossiers are never rewritten: their receipt is printed and their data was sent as filed.
CREATE TABLE dossier_upgrades (
  step TEXT PRIMARY KEY CHECK (length(step) BETWEEN 1 AND 80),
  applied_at TEXT NOT NULL,
  dossiers INTEGER NOT NULL CHECK (dossiers >= 0)
);
