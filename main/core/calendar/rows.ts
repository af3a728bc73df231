import type Database from 'better-sqlite3';
import type { CalendarDayKind, CalendarEntry, CalendarEntryStatus } from './types';

/** A `calendar_days` row as read, with the changing admin's display name joined in. */
export interface DayRow {
  date: string;
  removed: 0 | 1;
  kind: CalendarDayKind | null;
  nameVi: string | null;
  nameEn: string | null;
  status: CalendarEntryStatus | null;
  source: string;
  changedBy: string | null;
  changedAt: string;
}

export interface YearRow {
  year: number;
  status: 'official' | 'estimated';
  note: string;
}

/** A row that is not a removal; the table's CHECK guarantees its columns are filled. */
export function toEntry(row: DayRow): CalendarEntry {
  if (row.kind === null || row.status === null || row.nameVi === null || row.nameEn === null)
    throw new Error(`calendar_days row ${row.date} is a removal, not a day`);
  return {
    date: row.date,
    kind: row.kind,
    name: { vi: row.nameVi, en: row.nameEn },
    status: row.status,
    source: row.source,
  };
}

const DAY_COLUMNS = `d.date, d.removed, d.kind, d.name_vi AS nameVi, d.name_en AS nameEn, d.status, d.source,
  u.display_name AS changedBy, d.changed_at AS changedAt
  FROM calendar_days d LEFT JOIN staff_users u ON u.id = d.changed_by`;

export function calendarQueries(db: Database.Database) {
  return {
    days: db.prepare(`SELECT ${DAY_COLUMNS} ORDER BY d.date`),
    daysIn: db.prepare(`SELECT ${DAY_COLUMNS} WHERE d.date LIKE ? ORDER BY d.date`),
    day: db.prepare(`SELECT ${DAY_COLUMNS} WHERE d.date = ?`),
    years: db.prepare('SELECT year, status, note FROM calendar_years ORDER BY year'),
    year: db.prepare('SELECT year, status, note FROM calendar_years WHERE year = ?'),
    putDay: db.prepare(
      `INSERT INTO calendar_days (date, removed, kind, name_vi, name_en, status, source, changed_by, changed_at)
       VALUES (@date, 0, @kind, @nameVi, @nameEn, @status, @source, @by, @at)
       ON CONFLICT (date) DO UPDATE SET removed = 0, kind = excluded.kind, name_vi = excluded.name_vi,
         name_en = excluded.name_en, status = excluded.status, source = excluded.source,
         changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
    ),
    removeDay: db.prepare(
      `INSERT INTO calendar_days (date, removed, changed_by, changed_at) VALUES (@date, 1, @by, @at)
       ON CONFLICT (date) DO UPDATE SET removed = 1, kind = NULL, name_vi = NULL, name_en = NULL,
         status = NULL, source = '', changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
    ),
    deleteDay: db.prepare('DELETE FROM calendar_days WHERE date = ?'),
    putYear: db.prepare(
      `INSERT INTO calendar_years (year, status, note, changed_by, changed_at) VALUES (@year, @status, @note, @by, @at)
       ON CONFLICT (year) DO UPDATE SET status = excluded.status, note = excluded.note,
         changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
    ),
    deleteYear: db.prepare('DELETE FROM calendar_years WHERE year = ?'),
  };
}
