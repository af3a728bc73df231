import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATTACH_SPARE_BYTES, SUBMIT_SPARE_BYTES, attachBytesNeeded } from '../../../main/core/disk';
import { HIGH_WATER_FILE } from '../../../main/core/dossier/high-water';
import { quietLogs } from '../helpers';
import { type Harness, birthData, birthProcedure, harness, imageBytes, fromUsb } from '../dossier/fixtures';
import { failure } from '../failures';
import { type SmallDisk, mountSmallDisk, tmpfsUnavailable } from './tmpfs';

/**
 * The two writes that check the free space first, on a nearly (not quite) full 16 MB tmpfs: each would
 * fit, but would leave too little behind. An attachment is refused before the file worker sees it; a
 * submit before it takes the day's next number.
 */

quietLogs();
const reason = tmpfsUnavailable();

describe.skipIf(reason !== null)(`free-space margins${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let disk: SmallDisk;
  let h: Harness | undefined;
  let n = 0;
  beforeAll(() => {
    disk = mountSmallDisk(16);
  });
  afterEach(() => {
    h?.close();
    h = undefined;
    disk.drain();
  });
  afterAll(() => disk?.unmount());

  function kiosk(): Harness {
    const dataDir = join(disk.dir, `data-${(n += 1)}`);
    mkdirSync(dataDir);
    h = harness(dataDir);
    return h;
  }

  async function readyDraft(k: Harness): Promise<string> {
    const { id } = k.dossiers.create(birthProcedure.id);
    k.dossiers.update({ id, data: birthData, contact: { phone: '0912345678' } });
    writeFileSync(join(k.importDir, 'cs.jpg'), imageBytes('jpeg'));
    for (const componentId of ['giay-chung-sinh', 'anh-cccd'])
      await k.dossiers.attach({ id, componentId, source: fromUsb('cs.jpg') });
    return id;
  }

  const blobFiles = (k: Harness) =>
    readdirSync(join(k.dataDir, 'attachments'), { recursive: true, encoding: 'utf8' }).sort();

  it('refuses an attachment that would leave less than its margin, before the file worker runs', async () => {
    const k = kiosk();
    const id = await readyDraft(k);
    const png = imageBytes('png', 800, 600);
    writeFileSync(join(k.importDir, 'scan.png'), png);
    const files = blobFiles(k);
    let decoded = 0;
    const decode = k.deps.decoder.decode.bind(k.deps.decoder);
    k.deps.decoder.decode = (bytes, kind) => {
      decoded += 1;
      return decode(bytes, kind);
    };

    // Room for the file many times over, but not for the file and the margin after it.
    disk.fill(ATTACH_SPARE_BYTES / 2);
    expect(disk.free()).toBeGreaterThan(20 * png.length);
    expect(disk.free()).toBeLessThan(attachBytesNeeded(png.length));
    await expect(
      k.dossiers.attach({ id, componentId: 'giay-ket-hon', source: fromUsb('scan.png') }),
    ).rejects.toMatchObject({ error: { code: 'disk-full' } });
    expect(decoded).toBe(0);
    expect(blobFiles(k)).toEqual(files);
    expect(k.dossiers.get(id).attachments).toHaveLength(2);

    disk.drain();
    await k.dossiers.attach({ id, componentId: 'giay-ket-hon', source: fromUsb('scan.png') });
    expect(decoded).toBe(1);
    expect(k.dossiers.get(id).attachments).toHaveLength(3);
  });

  it('refuses a submit that would leave less than its margin before it takes a number', async () => {
    const k = kiosk();
    const id = await readyDraft(k);
    const seqs = () => k.db.prepare('SELECT day, seq FROM day_sequences').all();

    disk.fill(SUBMIT_SPARE_BYTES / 2);
    expect(disk.free()).toBeGreaterThan(SUBMIT_SPARE_BYTES / 4);
    expect(failure(() => k.dossiers.submit(id)).code).toBe('disk-full');
    expect(seqs()).toEqual([]);
    expect(existsSync(join(k.dataDir, HIGH_WATER_FILE))).toBe(false);
    expect(k.dossiers.get(id).status).not.toBe('submitted');

    disk.drain();
    const first = k.dossiers.submit(id);
    expect(first.code).toMatch(/-0001$/);
    expect(seqs()).toEqual([{ day: '2026-11-23', seq: 1 }]);

    // A repeat (a double tap, a retry after a lost answer) writes nothing: it is answered on a full disk.
    disk.fill();
    expect(k.dossiers.submit(id)).toMatchObject({ code: first.code, receipt: { jobIds: [] } });
  });
});
