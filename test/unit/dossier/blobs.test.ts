import { existsSync, mkdirSync, readdirSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_FOLDER, blobPath } from '../../../main/core/dossier';
import { tempDir } from '../helpers';
import {
  type Harness,
  birthData,
  birthProcedure,
  count,
  harness,
  imageBytes,
  pdfBytes,
  fromUsb,
} from './fixtures';
import { asyncFailure } from '../failures';

let h: Harness;
afterEach(() => h?.close());

const GRACE_MS = 10 * 60_000;

describe('attachment store', () => {
  it('puts the file on disk, under attachments/<aa>/<sha256>.pdf, before its row exists', async () => {
    h = harness(tempDir());
    const { blobs } = h.dossiers;
    const bytes = await pdfBytes();
    const blob = await blobs.write(bytes);
    const path = blobPath(h.dataDir, blob.sha256);
    expect(path).toBe(join(h.dataDir, BLOB_FOLDER, blob.sha256.slice(0, 2), `${blob.sha256}.pdf`));
    expect(existsSync(path)).toBe(true);
    expect(count(h.db, 'blobs')).toBe(0); // the row only comes with the attachment's transaction
    // No temp file is left beside it.
    expect(readdirSync(join(h.dataDir, BLOB_FOLDER, blob.sha256.slice(0, 2)))).toEqual([
      `${blob.sha256}.pdf`,
    ]);
  });

  it('adds no row when the file is gone by the time the transaction runs', async () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    writeFileSync(join(h.importDir, 'a.pdf'), await pdfBytes());
    const { blobs } = h.dossiers;
    const write = blobs.write.bind(blobs);
    // Simulate the file vanishing between the write and the row (a disk fault, an over-eager cleaner).
    blobs.write = async (bytes) => {
      const blob = await write(bytes);
      unlinkSync(blobs.path(blob.sha256));
      return blob;
    };
    const error = await asyncFailure(
      h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('a.pdf') }),
    );
    expect(error.code).toBe('file-store-changed');
    expect(count(h.db, 'blobs')).toBe(0);
    expect(count(h.db, 'attachments')).toBe(0);
  });

  it('sweeps a file without a row only once it is older than the grace period', async () => {
    h = harness(tempDir());
    const blob = await h.dossiers.blobs.write(await pdfBytes()); // as if the app died before the row
    const path = blobPath(h.dataDir, blob.sha256);
    expect(h.dossiers.sweepOrphans()).toEqual({ rows: 0, files: 0 });
    expect(existsSync(path)).toBe(true); // an attach may be between its write and its row
    h.clock.advance(GRACE_MS);
    expect(h.dossiers.sweepOrphans()).toEqual({ rows: 0, files: 1 });
    expect(existsSync(path)).toBe(false);
  });

  it('sweeps rows no attachment references, their files, and stale temp files; leaves foreign files', async () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    writeFileSync(join(h.importDir, 'a.jpg'), imageBytes('jpeg'));
    const { attachments } = await h.dossiers.attach({
      id,
      componentId: 'anh-cccd',
      source: fromUsb('a.jpg'),
    });
    const sha = attachments[0]!.sha256;
    const sub = join(h.dataDir, BLOB_FOLDER, 'ab');
    mkdirSync(sub, { recursive: true });
    const temp = join(sub, '.tmp-abababababababab-000000000000');
    writeFileSync(temp, 'half a file');
    utimesSync(temp, h.clock.now(), h.clock.now()); // written at the kiosk's "now", then it died
    writeFileSync(join(sub, 'README.txt'), 'not ours');
    h.db.prepare('DELETE FROM attachments').run(); // as after a crash mid-discard
    h.clock.advance(GRACE_MS);
    expect(h.dossiers.sweepOrphans()).toEqual({ rows: 1, files: 2 });
    expect(existsSync(blobPath(h.dataDir, sha))).toBe(false);
    expect(readdirSync(sub)).toEqual(['README.txt']);
  });

  it('never removes a blob of a submitted dossier, however old', async () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    h.dossiers.update({ id, data: birthData });
    writeFileSync(join(h.importDir, 'a.jpg'), imageBytes('jpeg'));
    await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('a.jpg') });
    const { attachments } = await h.dossiers.attach({
      id,
      componentId: 'anh-cccd',
      source: fromUsb('a.jpg'),
    });
    h.dossiers.submit(id);
    // A later draft with the same picture, thrown away: the shared stored copy stays.
    const other = h.dossiers.create(birthProcedure.id);
    await h.dossiers.attach({ id: other.id, componentId: 'anh-cccd', source: fromUsb('a.jpg') });
    h.clock.advance(365 * 86_400_000);
    h.dossiers.discard(other.id);
    h.dossiers.sweepDrafts();
    h.dossiers.sweepOrphans();
    expect(existsSync(blobPath(h.dataDir, attachments[0]!.sha256))).toBe(true);
    expect(count(h.db, 'blobs')).toBe(1);
    expect(count(h.db, 'attachments')).toBe(2);
  });
});
