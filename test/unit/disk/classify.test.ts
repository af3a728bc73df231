import { describe, expect, it } from 'vitest';
import { KioskFailure } from '../../../main/core/errors';
import { diskFullError, isDiskFull } from '../../../main/core/disk';
import { statusForError } from '../../../main/server/http-status';
import { tempDir } from '../helpers';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('what counts as a full disk', () => {
  it("Node's ENOSPC and EDQUOT, SQLite's SQLITE_FULL, a disk-full refusal, and each wrapped as a cause", () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'SQLITE_FULL']) {
      expect(isDiskFull(coded(code)), code).toBe(true);
      expect(isDiskFull(new Error('wrapped', { cause: coded(code) })), code).toBe(true);
    }
    expect(isDiskFull(new KioskFailure(diskFullError()))).toBe(true);
  });

  it('not other failures: EIO, a busy database, another refusal, a SQLITE_IOERR_WRITE with room to spare', () => {
    for (const code of ['EIO', 'EACCES', 'SQLITE_BUSY', 'SQLITE_CORRUPT'])
      expect(isDiskFull(coded(code)), code).toBe(false);
    expect(isDiskFull(new KioskFailure({ code: 'not-found', vi: 'x', en: 'x' }))).toBe(false);
    expect(isDiskFull(new Error('plain'))).toBe(false);
    expect(isDiskFull(undefined)).toBe(false);
    // The test machine's temp folder has more than a megabyte free: this write error is not the disk filling.
    expect(isDiskFull(coded('SQLITE_IOERR_WRITE'), tempDir())).toBe(false);
  });

  it('answers 507 Insufficient Storage over HTTP', () => {
    expect(statusForError(diskFullError())).toBe(507);
  });
});
