import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../../main/core/dossier';
import { tempDir } from '../helpers';
import { claimedPng } from './corpus';
import { type Harness, birthProcedure, count, harness, imageBytes, pdfBytes, fromUsb } from './fixtures';
import { asyncFailure } from '../failures';

let h: Harness;
afterEach(() => h?.close());

function setup(config?: Parameters<typeof harness>[1]) {
  h = harness(tempDir(), config);
  const draft = h.dossiers.create(birthProcedure.id);
  return draft.id;
}

/** Everything a refused attach could have left behind: rows, and files under attachments/. */
function storedNothing(): void {
  expect(count(h.db, 'attachments')).toBe(0);
  expect(count(h.db, 'blobs')).toBe(0);
  const folder = join(h.dataDir, 'attachments');
  const files = (() => {
    try {
      return readdirSync(folder, { recursive: true }).filter((f) => String(f).includes('.'));
    } catch {
      return [];
    }
  })();
  expect(files).toEqual([]);
}

describe('attaching files', () => {
  it('turns a JPEG from the USB folder into one A4 page, stored by SHA-256 with a thumbnail', async () => {
    const id = setup();
    writeFileSync(join(h.importDir, 'giấy chứng sinh.jpg'), imageBytes('jpeg', 1200, 800));
    const dossier = await h.dossiers.attach({
      id,
      componentId: 'giay-chung-sinh',
      source: fromUsb('giấy chứng sinh.jpg'),
    });

    const [a] = dossier.attachments;
    expect(a).toMatchObject({
      componentId: 'giay-chung-sinh',
      name: 'giấy chứng sinh.jpg',
      kind: 'jpeg',
      pages: 1,
    });
    const stored = readFileSync(blobPath(h.dataDir, a!.sha256));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(a!.sha256);
    expect(stored.byteLength).toBe(a!.bytes);
    const pdf = await PDFDocument.load(stored);
    expect(pdf.getPageCount()).toBe(1);
    // A landscape photo gets a landscape A4 page (842 × 595 pt), not a strip on a portrait one.
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);

    expect(a!.thumbnail).toMatch(/^data:image\/png;base64,/);
    const thumb = await loadImage(Buffer.from(a!.thumbnail!.split(',')[1]!, 'base64'));
    expect(Math.max(thumb.width, thumb.height)).toBe(160);
    expect(thumb.width / thumb.height).toBeCloseTo(1.5, 1);
  });

  it('takes a camera capture (PNG, base64) as a portrait page', async () => {
    const id = setup();
    const png = imageBytes('png', 300, 500);
    const dossier = await h.dossiers.attach({
      id,
      componentId: 'anh-cccd',
      source: { kind: 'capture', dataBase64: `data:image/png;base64,${png.toString('base64')}` },
    });
    const [a] = dossier.attachments;
    expect(a).toMatchObject({ kind: 'png', pages: 1 });
    expect(a!.name).toMatch(/^anh-chup-20261123-090000\.png$/);
    const page = (await PDFDocument.load(readFileSync(blobPath(h.dataDir, a!.sha256)))).getPage(0).getSize();
    expect(page.height).toBeGreaterThan(page.width);
  });

  it('stores a PDF as the checker rewrote it (its pages, same sizes), counts its pages, shows no thumbnail', async () => {
    const id = setup();
    const pdf = await pdfBytes(3);
    writeFileSync(join(h.importDir, 'scan.pdf'), pdf);
    const dossier = await h.dossiers.attach({
      id,
      componentId: 'giay-chung-sinh',
      source: fromUsb('scan.pdf'),
    });
    const [a] = dossier.attachments;
    expect(a).toMatchObject({ kind: 'pdf', pages: 3, thumbnail: null });
    const stored = readFileSync(blobPath(h.dataDir, a!.sha256));
    expect(a!.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    const [before, after] = await Promise.all([PDFDocument.load(pdf), PDFDocument.load(stored)]);
    expect(after.getPages().map((p) => p.getSize())).toEqual(before.getPages().map((p) => p.getSize()));
  });

  it('stores the same content once, and numbers files of one paper in order', async () => {
    const id = setup();
    writeFileSync(join(h.importDir, 'a.pdf'), await pdfBytes(1));
    writeFileSync(join(h.importDir, 'b.pdf'), await pdfBytes(2));
    await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('a.pdf') });
    await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('b.pdf') });
    const dossier = await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('a.pdf') });
    expect(dossier.attachments.map((a) => a.pages)).toEqual([1, 2, 1]);
    expect(count(h.db, 'blobs')).toBe(2);
  });
});

describe('refusing files, storing nothing', () => {
  it('refuses a 200 MB file from its size alone, without reading it', async () => {
    const id = setup();
    const big = join(h.importDir, 'big.pdf');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024); // sparse: all zeros, so reading it would fail on type, not size
    const started = performance.now();
    const error = await asyncFailure(
      h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('big.pdf') }),
    );
    expect(error.code).toBe('file-too-large');
    expect(error.vi).toContain('200 MB');
    expect(error.vi).toContain('tối đa 2 MB');
    expect(performance.now() - started).toBeLessThan(1000);
    storedNothing();
  });

  it('refuses a Windows program renamed .pdf, saying what it is', async () => {
    const id = setup();
    const exe = Buffer.alloc(4096);
    exe.write('MZ\x90\x00', 0, 'latin1');
    writeFileSync(join(h.importDir, 'giay-khai-sinh.pdf'), exe);
    const error = await asyncFailure(
      h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('giay-khai-sinh.pdf') }),
    );
    expect(error.code).toBe('file-type-refused');
    expect(error.vi).toContain('chương trình máy tính');
    storedNothing();
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    '..',
    'sub/scan.pdf',
    'scan\u0000.pdf',
    '.hidden.pdf',
    'C:\\x.pdf',
  ])('refuses the name %j', async (name) => {
    const id = setup();
    writeFileSync(join(h.importDir, '.hidden.pdf'), await pdfBytes());
    const error = await asyncFailure(
      h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb(name) }),
    );
    expect(error.code).toBe('file-name-unsafe');
    storedNothing();
  });

  it('refuses a symlink that points out of the import folder', async () => {
    const id = setup();
    const outside = join(h.dataDir, 'secret.pdf');
    writeFileSync(outside, await pdfBytes());
    symlinkSync(outside, join(h.importDir, 'link.pdf'));
    const error = await asyncFailure(
      h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('link.pdf') }),
    );
    expect(error.code).toBe('file-outside-folder');
    storedNothing();
  });

  it('refuses a PDF for a paper that accepts only pictures, naming both', async () => {
    const id = setup();
    writeFileSync(join(h.importDir, 'cccd.pdf'), await pdfBytes());
    const error = await asyncFailure(
      h.dossiers.attach({ id, componentId: 'anh-cccd', source: fromUsb('cccd.pdf') }),
    );
    expect(error.code).toBe('file-type-not-allowed');
    expect(error.vi).toContain('JPEG, PNG');
    expect(error.vi).toContain('PDF');
    storedNothing();
  });

  it('refuses a damaged PDF and a password-protected one with their own messages', async () => {
    const id = setup();
    const good = Buffer.from(await pdfBytes(2));
    writeFileSync(join(h.importDir, 'cut.pdf'), good.subarray(0, 40)); // "%PDF-" then cut short
    let error = await asyncFailure(
      h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('cut.pdf') }),
    );
    expect(error.code).toBe('pdf-damaged');

    const doc = await PDFDocument.create();
    doc.addPage();
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3 });
    writeFileSync(join(h.importDir, 'locked.pdf'), await doc.save());
    error = await asyncFailure(
      h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('locked.pdf') }),
    );
    expect(error.code).toBe('pdf-encrypted');
    expect(error.vi).toContain('mật khẩu');
    storedNothing();
  });

  it('refuses a damaged image and one that declares too many pixels', async () => {
    const id = setup();
    const jpeg = imageBytes('jpeg');
    writeFileSync(join(h.importDir, 'half.jpg'), jpeg.subarray(0, 200));
    expect(
      (await asyncFailure(h.dossiers.attach({ id, componentId: 'anh-cccd', source: fromUsb('half.jpg') })))
        .code,
    ).toBe('image-damaged');
    // A header claiming 20,000 × 20,000 (400 megapixels) over a few bytes of data, checksums right.
    writeFileSync(join(h.importDir, 'bomb.png'), claimedPng(20_000, 20_000));
    expect(
      (await asyncFailure(h.dossiers.attach({ id, componentId: 'anh-cccd', source: fromUsb('bomb.png') })))
        .code,
    ).toBe('image-too-large');
    storedNothing();
  });

  it('refuses a capture that is not a picture, or not base64', async () => {
    const id = setup();
    const pdf = Buffer.from(await pdfBytes()).toString('base64');
    const attach = (dataBase64: string) =>
      asyncFailure(
        h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: { kind: 'capture', dataBase64 } }),
      );
    expect((await attach(pdf)).code).toBe('file-type-refused');
    expect((await attach('not base64!')).code).toBe('capture-invalid');
    // The right length, one character outside the alphabet in the middle of a real photo.
    const photo = imageBytes('jpeg').toString('base64');
    const middle = Math.floor(photo.length / 2);
    expect((await attach(`${photo.slice(0, middle)}!${photo.slice(middle + 1)}`)).code).toBe(
      'capture-invalid',
    );
    storedNothing();
  });

  it('refuses unknown papers, the form-made declaration, unknown folders and missing files', async () => {
    const id = setup();
    writeFileSync(join(h.importDir, 'a.pdf'), await pdfBytes());
    const codes = await Promise.all([
      asyncFailure(h.dossiers.attach({ id, componentId: 'nope', source: fromUsb('a.pdf') })),
      asyncFailure(h.dossiers.attach({ id, componentId: 'to-khai', source: fromUsb('a.pdf') })),
      asyncFailure(
        h.dossiers.attach({
          id,
          componentId: 'giay-chung-sinh',
          source: { kind: 'folder', sourceId: 'x', name: 'a.pdf' },
        }),
      ),
      asyncFailure(h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('missing.pdf') })),
    ]);
    expect(codes.map((e) => e.code)).toEqual([
      'component-unknown',
      'component-from-form',
      'import-source-unknown',
      'file-not-found',
    ]);
    storedNothing();
  });
});

describe('import folders', () => {
  it('lists regular files only, not hidden ones, not sub-folders or links, newest first', async () => {
    setup();
    const at = (name: string, minutesAgo: number) => {
      const file = join(h.importDir, name);
      writeFileSync(file, 'x');
      const t = new Date(Date.now() - minutesAgo * 60_000);
      utimesSync(file, t, t);
    };
    at('old.pdf', 30);
    at('new.jpg', 1);
    at('.DS_Store', 0);
    mkdirSync(join(h.importDir, 'sub'));
    writeFileSync(join(h.importDir, 'sub', 'deep.pdf'), 'x');
    symlinkSync(join(h.importDir, 'old.pdf'), join(h.importDir, 'link.pdf'));
    const [usb] = await h.dossiers.importSources();
    expect(usb).toMatchObject({ id: 'usb', available: true });
    expect(usb!.files.map((f) => f.name)).toEqual(['new.jpg', 'old.pdf']);
    expect(usb!.files[0]).toMatchObject({ bytes: 1 });
  });

  it('shows at most the 200 newest files, and a missing drive as unavailable', async () => {
    setup({
      config: {
        dossier: {
          importFolders: [
            { id: 'usb', label: { vi: 'USB', en: 'USB' }, path: 'usb' },
            { id: 'scanner', label: { vi: 'Máy quét', en: 'Scanner' }, path: '/nonexistent/scanner' },
          ],
        },
      },
    });
    for (let i = 0; i < 230; i++) {
      const file = join(h.importDir, `scan-${String(i).padStart(3, '0')}.pdf`);
      writeFileSync(file, 'x');
      const t = new Date(1_700_000_000_000 + i * 1000);
      utimesSync(file, t, t);
    }
    const [usb, scanner] = await h.dossiers.importSources();
    expect(usb!.files).toHaveLength(200);
    expect(usb!.files[0]!.name).toBe('scan-229.pdf');
    expect(usb!.files.at(-1)!.name).toBe('scan-030.pdf');
    expect(scanner).toMatchObject({ id: 'scanner', available: false, files: [] });
  });
});
