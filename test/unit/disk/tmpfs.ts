import { spawnSync } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, small file system for the full-disk tests: a tmpfs of a few MB mounted on a fresh folder, and a
 * ballast file that fills it until the kernel answers ENOSPC. Needs root (mount); `tmpfsUnavailable()`
 * says why not elsewhere, for the tests' skip reason.
 */

function run(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', timeout: 15_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** Why a tmpfs cannot be mounted here, or null when it can (a throwaway one is mounted and unmounted). */
export function tmpfsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'mounting a tmpfs is Linux only';
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root';
  const probe = mkdtempSync(join(tmpdir(), 'kiosk-tmpfs-probe-'));
  try {
    const mounted = run(['mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    if (!mounted.ok) return `mount -t tmpfs failed: ${mounted.out}`;
    run(['umount', probe]);
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

export interface SmallDisk {
  /** The mount point. */
  readonly dir: string;
  /** Bytes free on it now. */
  free(): number;
  /**
   * Writes the ballast until the disk refuses (ENOSPC), then gives `leave` bytes back (rounded up to whole
   * pages by the kernel): `fill()` leaves nothing, `fill(512 * 1024)` leaves about half a MB.
   */
  fill(leave?: number): void;
  /** Removes the ballast: the space is back. */
  drain(): void;
  unmount(): void;
}

export function mountSmallDisk(megabytes: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-full-disk-'));
  const mounted = run(['mount', '-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  if (!mounted.ok) throw new Error(`mount failed: ${mounted.out}`);
  const ballast = join(dir, 'ballast.bin');
  const free = (): number => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    free,
    fill(leave = 0) {
      const fd = openSync(ballast, 'a');
      try {
        for (const piece of [1024 * 1024, 4096, 1]) {
          const chunk = Buffer.alloc(piece, 0x5a);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
        if (free() !== 0) throw new Error(`the ballast left ${free()} bytes free`);
        if (leave > 0) ftruncateSync(fd, Math.max(0, fstatSync(fd).size - leave));
      } finally {
        closeSync(fd);
      }
    },
    drain() {
      rmSync(ballast, { force: true });
    },
    unmount() {
      const done = run(['umount', dir]);
      // Something still open in it (a test that failed half-way): detach it all the same.
      if (!done.ok) run(['umount', '-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
