import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces a small file so that a power cut leaves the old content or the new, never a torn one: the
 * text to `<path>.tmp`, fsync, rename over `path`. `syncFolder` also fsyncs the folder, so the rename
 * itself is on disk (Windows cannot open a folder this way; its rename is durable once it returns).
 * Throws when the disk refuses (a full disk: the caller's transaction then rolls back).
 */
export function writeFileDurably(path: string, text: string, options: { syncFolder: boolean }): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  if (!options.syncFolder) return;
  try {
    fsyncFolder(dirname(path));
  } catch {
    /* not supported here */
  }
}

/**
 * Makes a rename or a new name in `folder` durable: fsync of the folder itself. Windows cannot open a
 * folder for fsync, and NTFS journals the rename itself: nothing to do there. Throws elsewhere.
 */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
