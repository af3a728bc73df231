import { closeSync, openSync, writeSync } from 'node:fs';

/** Writes `bytes` over a file at offset `at`, in place and nothing else changed, as a disk fault would. */
export function overwrite(path: string, at: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}
