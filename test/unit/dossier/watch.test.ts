import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FolderWatch, watchImportFolders } from '../../../main/core/dossier/watch';

type Change = { sourceId: string; available: boolean };

const label = { vi: 'Máy quét', en: 'Scanner' };
let dir = '';
let watch: FolderWatch | null = null;

afterEach(() => {
  watch?.stop();
  watch = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the changes once `until` holds; fails after a bounded wait. */
function collect(changes: Change[], until: (c: Change[]) => boolean, ms = 5000): Promise<Change[]> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (until(changes)) {
        clearInterval(tick);
        resolve(changes);
      } else if (Date.now() - started > ms) {
        clearInterval(tick);
        reject(new Error(`no change reported in ${ms} ms: ${JSON.stringify(changes)}`));
      }
    }, 10);
  });
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('import folder watch', () => {
  it('reports a scan landing in the scanner folder once, however many writes it took', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-watch-'));
    mkdirSync(join(dir, 'scans'));
    const changes: Change[] = [];
    watch = watchImportFolders({
      folders: [{ id: 'scanner', label, path: 'scans' }],
      dataDir: dir,
      onChange: (c) => changes.push(c),
      debounceMs: 150,
      pollMs: 60_000,
    });
    await watch.ready;
    const file = join(dir, 'scans', 'scan-0001.pdf');
    for (let i = 0; i < 5; i++) writeFileSync(file, `%PDF-1.7 part ${i}`, { flag: i ? 'a' : 'w' });
    await collect(changes, (c) => c.length > 0);
    await settle(200);
    expect(changes).toEqual([{ sourceId: 'scanner', available: true }]);
  });

  it('reports a USB drive plugged in (its folder appears) and pulled (it goes)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-watch-'));
    const changes: Change[] = [];
    watch = watchImportFolders({
      folders: [{ id: 'usb', label, path: 'usb' }],
      dataDir: dir,
      onChange: (c) => changes.push(c),
      debounceMs: 20,
      pollMs: 40,
    });
    await settle(100);
    expect(changes).toEqual([]); // nothing changed: a missing drive is the starting state
    mkdirSync(join(dir, 'usb'));
    await collect(changes, (c) => c.some((x) => x.available));
    writeFileSync(join(dir, 'usb', 'giay-to.jpg'), 'x');
    await collect(changes, (c) => c.filter((x) => x.available).length >= 2);
    rmSync(join(dir, 'usb'), { recursive: true });
    await collect(changes, (c) => c.at(-1)?.available === false);
    expect(changes[0]).toEqual({ sourceId: 'usb', available: true });
    expect(changes.at(-1)).toEqual({ sourceId: 'usb', available: false });
  });

  it('says nothing after it is stopped', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-watch-'));
    mkdirSync(join(dir, 'scans'));
    const changes: Change[] = [];
    watch = watchImportFolders({
      folders: [{ id: 'scanner', label, path: 'scans' }],
      dataDir: dir,
      onChange: (c) => changes.push(c),
      debounceMs: 20,
      pollMs: 30,
    });
    await watch.ready;
    watch.stop();
    writeFileSync(join(dir, 'scans', 'late.pdf'), 'x');
    rmSync(join(dir, 'scans'), { recursive: true });
    await settle(150);
    expect(changes).toEqual([]);
  });
});
