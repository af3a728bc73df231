-- Administrative-unit datasets an admin installed (main/core/address): a resolution after the shipped
-- dataset (units merged or renamed later). Kept apart from the shipped file, like the holidays: the shipped
-- one is never overwritten, and each installed one names the version it follows (`replaces`), so that an
-- old address goes through every change in effect since. The body is the dataset file as installed,
-- checked before it was stored.
CREATE TABLE address_datasets (
  version TEXT PRIMARY KEY CHECK (length(version) BETWEEN 1 AND 40),
  effective TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  replaces TEXT NOT NULL,
  source TEXT NOT NULL,
  body TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  installed_at TEXT NOT NULL,
  installed_by INTEGER REFERENCES staff_users(id)
);
