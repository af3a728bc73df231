import type Database from 'better-sqlite3';
import type { Role } from '../../preload/api';

export interface StaffRow {
  /** Left to SQLite when not given. */
  id?: number;
  user: string;
  /** The user name when not given. */
  displayName?: string;
  role?: Role;
  pinHash?: string;
  createdAt?: string;
}

/**
 * A staff account written straight into `staff_users`, for tests that need one to refer to (audit rows,
 * assisted filings, sessions) without signing in through the staff service. Returns its id.
 * `ifMissing` leaves an account already there with that id or user as it is (a database opened again).
 */
export function insertStaff(
  db: Database.Database,
  row: StaffRow,
  options: { ifMissing?: boolean } = {},
): number {
  const result = db
    .prepare(
      `INSERT ${options.ifMissing ? 'OR IGNORE ' : ''}INTO staff_users (id, user, display_name, role, pin_hash, created_at)
       VALUES (@id, @user, @displayName, @role, @pinHash, @createdAt)`,
    )
    .run({
      id: row.id ?? null,
      user: row.user,
      displayName: row.displayName ?? row.user,
      role: row.role ?? 'staff',
      pinHash: row.pinHash ?? 'x',
      createdAt: row.createdAt ?? '2026-01-01T00:00:00Z',
    });
  return Number(result.lastInsertRowid);
}
