import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskError } from '../../preload/api';
import type { Alerts } from './alerts';
import type { Clock } from './clock';
import { KioskFailure, kioskError } from './errors';
import { createLogger } from './log';

const log = createLogger('disk');

/**
 * A full disk (README, "A full disk"): every method that fails for lack of space answers `disk-full` in
 * words a citizen understands (HTTP 507) instead of `internal`, staff get one critical alert, and the two
 * writes that must not half-happen check the free space first: an attachment (dossier/attach.ts) before
 * the file worker runs, a submit (dossier/submit.ts) before it takes the day's next number.
 */

export const DISK_FULL = 'disk-full';
/** The alert's subject: one open alert at a time, settled when space is back. */
export const DISK_ALERT_SUBJECT = 'disk-full';

const MiB = 1024 * 1024;

/**
 * Free space a submit needs before it takes a number. A submit writes the high-water file (one block),
 * the dossier's manifest (a few KB), a few dozen SQLite pages to the WAL (about 40 KB) and its receipt's
 * print jobs: well under 200 KB. 1 MiB is five times that, and nothing on any disk a kiosk runs on.
 */
export const SUBMIT_SPARE_BYTES = 1 * MiB;

/**
 * Beyond twice the file itself, the free space an attachment needs before the file worker starts. The
 * worker re-encodes a picture at up to A4 at 300 dpi, so a small, well-compressed PNG can come out as a
 * JPEG of a few MB (the stored PDF is otherwise about the file's size, plus its thumbnail in the
 * database): 4 MiB covers that growth and still leaves a submit's spare for the dossier the file is for.
 */
export const ATTACH_SPARE_BYTES = 4 * MiB;

/** The free space `dossier.attach` asks for before it accepts a file of `fileBytes`. */
export const attachBytesNeeded = (fileBytes: number): number => 2 * fileBytes + ATTACH_SPARE_BYTES;

/**
 * Free space at which the disk counts as usable again (the alert is settled, the reserve topped up): an
 * ordinary scan is accepted again with room to spare, so the alert does not open and close at the edge.
 */
export const CLEAR_BYTES = 2 * ATTACH_SPARE_BYTES;

/**
 * `<data>/disk-reserve.bin`: space the kiosk holds back so it can still tell staff. On a disk with no
 * byte left SQLite cannot even insert the alert; the reserve is deleted, the alert written, and the
 * reserve written again with whatever is left (so the disk stays as full as it was and the refusals stay
 * consistent). 1 MiB holds the alert's few pages many times over. Random bytes, so a compressing file
 * system (btrfs, ZFS) cannot store it in nothing.
 */
export const RESERVE_FILE = 'disk-reserve.bin';
export const RESERVE_BYTES = 1 * MiB;

/** After staff acknowledge the alert on a disk still full, it comes back no sooner than this. */
const REMIND_MS = 10 * 60 * 1000;
/** How often a free-space check looks whether the space is back when no call has succeeded meanwhile. */
const CHECK_MS = 60 * 1000;

export function diskFullError(): KioskError {
  return kioskError(
    DISK_FULL,
    'Máy ki-ốt đang hết bộ nhớ nên chưa lưu được thao tác vừa rồi. Hồ sơ đã nộp và số thứ tự đã lấy trước đó vẫn an toàn. Vui lòng đến quầy để nhân viên giúp Quý vị.',
    'The kiosk has run out of storage space, so what you just did was not saved. Dossiers already handed in and numbers already taken are safe. Please go to a counter, where a staff member will help you.',
  );
}

/** Bytes free for the kiosk on the file system holding `dir`, or null when the system cannot say. */
export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch (error) {
    log.warn('free space unknown', { dir, error });
    return null;
  }
}

/** Throws `disk-full` unless `bytes` are free in the data folder. Unknown free space does not refuse. */
export function requireSpace(dataDir: string, bytes: number): void {
  const free = freeBytes(dataDir);
  if (free !== null && free < bytes) {
    log.warn('refused: too little free space', { free, needed: bytes });
    throw new KioskFailure(diskFullError());
  }
}

const NO_SPACE_ERRNO = new Set(['ENOSPC', 'EDQUOT']);

/**
 * True when `error` (or what it wraps) is the disk or the user's quota being full: Node's ENOSPC and
 * EDQUOT, SQLite's SQLITE_FULL, and SQLite's SQLITE_IOERR_WRITE when the data folder has under a submit's
 * spare left (with room to spare it is a real I/O fault and stays `internal`).
 */
export function isDiskFull(error: unknown, dataDir?: string): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    if (e instanceof KioskFailure) return e.error.code === DISK_FULL;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (NO_SPACE_ERRNO.has(code) || code === 'SQLITE_FULL') return true;
      if (code === 'SQLITE_IOERR_WRITE' && dataDir !== undefined) {
        const free = freeBytes(dataDir);
        return free !== null && free < SUBMIT_SPARE_BYTES;
      }
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface DiskGuard {
  /** In `call`'s catch: `disk-full` (and the staff alert, once) when the failure was a full disk, else null. */
  refusal(error: unknown): KioskError | null;
  /** After a method succeeded: while the alert is open, looks whether the space is back. */
  noteSuccess(): void;
  /** Settles the alert and tops the reserve up once `CLEAR_BYTES` are free. Also runs every minute. */
  check(): void;
  stop(): void;
}

export function createDiskGuard(deps: {
  db: Database.Database;
  alerts: Alerts;
  dataDir: string;
  clock: Clock;
}): DiskGuard {
  const reservePath = join(deps.dataDir, RESERVE_FILE);
  const openAlert = deps.db
    .prepare('SELECT 1 FROM alerts WHERE subject = ? AND acknowledged_at IS NULL LIMIT 1')
    .pluck();
  const alertOpen = (): boolean => openAlert.get(DISK_ALERT_SUBJECT) !== undefined;
  let suspectFull = alertOpen();
  let lastRaised = -Infinity;

  function reserveSize(): number {
    try {
      return statSync(reservePath).size;
    } catch {
      return 0;
    }
  }

  /** Grows the reserve towards RESERVE_BYTES with whatever fits; never throws. */
  function fillReserve(): void {
    let fd: number | undefined;
    try {
      let size = reserveSize();
      if (size >= RESERVE_BYTES) return;
      fd = openSync(reservePath, 'a');
      while (size < RESERVE_BYTES) {
        // Written in pieces: on a nearly full disk, each piece that fits is kept.
        size += writeSync(fd, randomBytes(Math.min(64 * 1024, RESERVE_BYTES - size)));
      }
    } catch (error) {
      if (!isDiskFull(error)) log.warn('disk reserve not written', { error });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  function releaseReserve(): void {
    try {
      unlinkSync(reservePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('disk reserve not removed', { error });
    }
  }

  function raise(): void {
    const now = deps.clock.now().getTime();
    if (now - lastRaised < REMIND_MS || alertOpen()) return;
    const free = freeBytes(deps.dataDir);
    const freeText = free === null ? '?' : `${(free / MiB).toFixed(1)} MB`;
    // The reserve is lent to the alert's own write, then taken back: see RESERVE_FILE.
    releaseReserve();
    try {
      deps.alerts.raise(
        {
          level: 'critical',
          code: DISK_FULL,
          vi: `Ổ đĩa của máy ki-ốt đã đầy (còn trống ${freeText}): ki-ốt đang từ chối lấy số, nộp hồ sơ, đính kèm giấy tờ và đăng nhập, và mời người dân đến quầy. Hồ sơ đã nộp không bị mất. Hãy báo kỹ thuật giải phóng chỗ trống trên ổ đĩa chứa ${deps.dataDir}; cảnh báo tự đóng khi đã có chỗ.`,
          en: `The kiosk's disk is full (${freeText} free): it is refusing tickets, submissions, attachments and sign-ins, and sends citizens to a counter. Submitted dossiers are not lost. Ask a technician to free space on the disk holding ${deps.dataDir}; this alert closes by itself once there is room.`,
        },
        DISK_ALERT_SUBJECT,
      );
      lastRaised = now;
    } catch (error) {
      log.error('the disk-full alert could not be written', { error });
    } finally {
      fillReserve();
    }
  }

  function check(): void {
    const free = freeBytes(deps.dataDir);
    if (free === null || free < CLEAR_BYTES) return;
    fillReserve();
    if (!suspectFull) return;
    try {
      if (deps.alerts.settle(DISK_ALERT_SUBJECT) > 0) log.info('disk space is back', { free });
      suspectFull = false;
      lastRaised = -Infinity;
    } catch (error) {
      log.warn('disk-full alert not settled', { error });
    }
  }

  fillReserve();
  // An alert left open by the last run is settled now if the space came back meanwhile.
  if (suspectFull) check();
  const timer = setInterval(check, CHECK_MS);
  timer.unref();

  return {
    refusal(error) {
      if (!isDiskFull(error, deps.dataDir)) return null;
      log.error('refused: the disk is full', { error, free: freeBytes(deps.dataDir) });
      suspectFull = true;
      raise();
      return diskFullError();
    },
    noteSuccess() {
      if (suspectFull) check();
    },
    check,
    stop: () => clearInterval(timer),
  };
}
