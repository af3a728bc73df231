/**
 * The corpus of bad files, through the real bridge and the real file worker: each file is attached as a
 * citizen would (a camera capture, or a file on the USB stick), gets either a stored PDF or a refusal a
 * person can act on, and the kiosk still answers /healthz at once afterwards (no hang, no crash).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../main/server';
import { blobPath } from '../../../main/core/dossier';
import { createCore, type Core } from '../../../main/core';
import { manualClock } from '../../../main/core/clock';
import { FAST_SCRYPT } from '../helpers';
import { TEST_FILE_WORKER } from '../file-worker';
import * as corpus from './corpus';

let server: RunningServer;
let usb: string;
let procedureId: string;
let componentId: string;

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; vi: string; en: string } };
}

async function call(method: string, input: unknown): Promise<Reply> {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
}

/** The kiosk still answers: /healthz within 5 s (it answers in milliseconds when nothing is stuck). */
async function healthy(): Promise<void> {
  const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
  expect(res.status).toBe(200);
}

interface Attachment {
  kind: string;
  pages: number;
  sha256: string;
  thumbnail: string | null;
}

async function attach(source: unknown): Promise<Reply> {
  const draft = await call('dossier.create', { procedureId });
  expect(draft.status).toBe(200);
  const { id, draftToken } = draft.body.value as { id: string; draftToken: string };
  const reply = await call('dossier.attach', { id, draftToken, componentId, source });
  await healthy();
  return reply;
}

let fileNumber = 0;
async function fromUsb(bytes: Buffer, extension: string): Promise<Reply> {
  const name = `tep-${++fileNumber}.${extension}`;
  writeFileSync(join(usb, name), bytes);
  return attach({ kind: 'folder', sourceId: 'usb', name });
}

const capture = (bytes: Buffer) => attach({ kind: 'capture', dataBase64: bytes.toString('base64') });

function refused(reply: Reply, code: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(422);
  expect(reply.body.error?.code).toBe(code);
  expect(reply.body.error?.vi.length).toBeGreaterThan(12);
  expect(reply.body.error?.en.length).toBeGreaterThan(12);
}

function stored(reply: Reply): Attachment {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  const attachments = (reply.body.value as { attachments: Attachment[] }).attachments;
  expect(attachments).toHaveLength(1);
  return attachments[0]!;
}

/** The picture embedded in the stored PDF's only page: its size and colour space, read back. */
async function embeddedImage(dataDir: string, sha256: string) {
  const doc = await PDFDocument.load(readFileSync(blobPath(dataDir, sha256)));
  const images = doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter(
      (o): o is PDFRawStream =>
        o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
    );
  expect(images).toHaveLength(1);
  const dict = images[0]!.dict;
  return {
    width: Number(dict.get(PDFName.of('Width'))?.toString()),
    height: Number(dict.get(PDFName.of('Height'))?.toString()),
    colourSpace: dict.get(PDFName.of('ColorSpace'))?.toString(),
    filter: dict.get(PDFName.of('Filter'))?.toString(),
    page: doc.getPage(0).getSize(),
  };
}

let dataDir: string;

let core: Core;
let dirs: string[] = [];

// One kiosk for the whole file (helpers' makeCore closes its core after every test).
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-corpus-'));
  usb = mkdtempSync(join(tmpdir(), 'kiosk-usb-'));
  dirs = [dataDir, usb];
  core = await createCore({
    dataDir,
    clock: manualClock('2026-11-23T02:00:00.000Z'),
    env: {},
    scrypt: FAST_SCRYPT,
    fileWorker: { script: TEST_FILE_WORKER },
    config: {
      centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
      dossier: { importFolders: [{ id: 'usb', label: { vi: 'Ổ USB', en: 'USB drive' }, path: usb }] },
    },
  });
  server = await startServer({ core, port: 0 });
  // A procedure with a paper that takes PDFs and pictures (most papers do).
  const list = await call('catalogue.search', {});
  for (const summary of list.body.value as { id: string }[]) {
    const procedure = (await call('catalogue.get', { id: summary.id })).body.value as {
      components: { id: string; fromForm?: boolean; accept: string[] }[];
    };
    const paper = procedure.components.find((c) => !c.fromForm && c.accept.length === 3);
    if (paper) {
      procedureId = summary.id;
      componentId = paper.id;
      break;
    }
  }
  expect(componentId).toBeTruthy();
}, 60_000);

afterAll(async () => {
  await server?.close();
  await core?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('pictures that must be refused, with the kiosk answering afterwards', () => {
  it('a truncated PNG (its first 100 bytes), as a capture and from the USB stick', async () => {
    const head = (await corpus.png()).subarray(0, 100);
    refused(await capture(head), 'image-damaged');
    refused(await fromUsb(head, 'png'), 'image-damaged');
  });

  it('a truncated JPEG', async () => {
    const full = await corpus.jpeg();
    refused(await fromUsb(full.subarray(0, Math.floor(full.length / 2)), 'jpg'), 'image-damaged');
  });

  it('a bit-flipped PNG (its checksums no longer match)', async () => {
    refused(await fromUsb(corpus.bitFlipped(await corpus.png()), 'png'), 'image-damaged');
  });

  it('a bit-flipped JPEG is either refused as damaged or stored as a readable page, never a hang', async () => {
    const reply = await fromUsb(corpus.bitFlipped(await corpus.jpeg(), 600, 211), 'jpg');
    if (reply.status === 200) expect(stored(reply).pages).toBe(1);
    else refused(reply, 'image-damaged');
  });

  it('a zero-byte file', async () => {
    refused(await fromUsb(Buffer.alloc(0), 'png'), 'file-empty');
  });

  it('a header that claims 100,000 × 100,000 pixels', async () => {
    const reply = await fromUsb(corpus.claimedPng(100_000, 100_000), 'png');
    refused(reply, 'image-too-large');
    expect(reply.body.error?.vi).toContain('10.000 triệu điểm ảnh');
  });

  it('the 6 KB 1-bit palette PNG of 7071 × 7071 (50 megapixels, over the 40 allowed)', async () => {
    const bomb = corpus.palettePng(7071, 7071);
    expect(bomb.length).toBeLessThan(64 * 1024);
    refused(await fromUsb(bomb, 'png'), 'image-too-large');
  });

  it('a strip 30,000 pixels long (under 40 megapixels, but a side over 20,000)', async () => {
    const reply = await fromUsb(corpus.palettePng(30_000, 1_000), 'png');
    refused(reply, 'image-too-wide');
    expect(reply.body.error?.vi).toContain('30.000');
  });
});

describe('pictures that are awkward but real, stored as one upright A4 page', () => {
  it('a palette bomb just under the limits (36 megapixels) is decoded in the worker and stored small', async () => {
    const a = stored(await fromUsb(corpus.palettePng(6000, 6000), 'png'));
    const image = await embeddedImage(dataDir, a.sha256);
    expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(3508);
  });

  it('a CMYK JPEG becomes sRGB (viewers and printers differ on CMYK; pdf-lib would embed it inverted)', async () => {
    const a = stored(await fromUsb(await corpus.cmykJpeg(), 'jpg'));
    const image = await embeddedImage(dataDir, a.sha256);
    expect(image.colourSpace).toBe('/DeviceRGB');
    expect(image.filter).toBe('/DCTDecode');
  });

  it('a progressive JPEG and a 16-bit PNG', async () => {
    for (const [bytes, ext] of [
      [await corpus.progressiveJpeg(), 'jpg'],
      [await corpus.png16(), 'png'],
    ] as const) {
      const a = stored(await fromUsb(bytes, ext));
      const image = await embeddedImage(dataDir, a.sha256);
      expect(image.filter).toBe('/DCTDecode');
      expect(image.colourSpace).toBe('/DeviceRGB');
    }
  });

  it('a phone photo taken sideways (EXIF orientation 6) comes out upright, on a portrait page', async () => {
    const a = stored(await capture(await corpus.rotatedPhoneJpeg()));
    const image = await embeddedImage(dataDir, a.sha256);
    expect([image.width, image.height]).toEqual([300, 400]);
    expect(image.page.height).toBeGreaterThan(image.page.width);
    // The thumbnail shows what the page shows: red on top, blue below.
    const thumb = Buffer.from(a.thumbnail!.split(',')[1]!, 'base64');
    const { data, info } = await sharp(thumb).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    const [top, bottom] = [pixel(info.width / 2, 5), pixel(info.width / 2, info.height - 5)];
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);
  });
});

describe('PDFs', () => {
  it('a plain PDF is stored with its pages and their text (rewritten by the checker)', async () => {
    const a = stored(await fromUsb(await corpus.plainPdf(), 'pdf'));
    expect(a).toMatchObject({ kind: 'pdf', pages: 1, thumbnail: null });
    const text = execFileSync('pdftotext', [blobPath(dataDir, a.sha256), '-'], { encoding: 'utf8' });
    expect(text).toContain('Giay to');
  });

  it('an encrypted PDF', async () => {
    refused(await fromUsb(await corpus.encryptedPdf(), 'pdf'), 'pdf-encrypted');
  });

  it('a malformed PDF', async () => {
    refused(await fromUsb(corpus.malformedPdf(), 'pdf'), 'pdf-damaged');
  });

  it('a PDF that runs JavaScript when opened, also with its names obfuscated (/#4aava#53cript)', async () => {
    const reply = await fromUsb(await corpus.javascriptPdf(), 'pdf');
    refused(reply, 'pdf-active-content');
    expect(reply.body.error?.vi).toContain('JavaScript');
    refused(await fromUsb(await corpus.obfuscatedJavascriptPdf(), 'pdf'), 'pdf-active-content');
  });

  it('a PDF with a launch action', async () => {
    const reply = await fromUsb(await corpus.launchPdf(), 'pdf');
    refused(reply, 'pdf-active-content');
    expect(reply.body.error?.en).toContain('starts a program');
  });

  it('a PDF carrying an embedded file', async () => {
    const reply = await fromUsb(await corpus.embeddedFilePdf(), 'pdf');
    refused(reply, 'pdf-active-content');
    expect(reply.body.error?.en).toContain('another file inside it');
  });
});

describe('PDFs that readers and pdf-lib would see differently: what is stored is what was checked', () => {
  /** What poppler (a reader: it follows the xref) finds in the stored file: JavaScript, attachments. */
  function readerSees(sha256: string): string {
    const file = blobPath(dataDir, sha256);
    const js = execFileSync('pdfinfo', ['-js', file], { encoding: 'utf8', timeout: 10_000 });
    const files = execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8', timeout: 10_000 });
    return `${js}\n${files}`;
  }

  it('an object defined twice (the xref names the JavaScript one) is stored as pdf-lib read it: without it', async () => {
    const a = stored(await fromUsb(corpus.duplicateObjectPdf(), 'pdf'));
    expect(a.pages).toBe(1);
    expect(readerSees(a.sha256)).not.toContain('app.alert');
  });

  it("an object hidden in another stream's data is not stored", async () => {
    const a = stored(await fromUsb(corpus.objectInStreamPdf(), 'pdf'));
    expect(readerSees(a.sha256)).not.toContain('app.alert');
  });

  it('an object pdf-lib cannot parse refuses the file instead of being skipped', async () => {
    refused(await fromUsb(corpus.invalidObjectPdf(), 'pdf'), 'pdf-damaged');
  });

  it('a launch action named through a reference (/S 12 0 R)', async () => {
    const reply = await fromUsb(corpus.indirectLaunchPdf(), 'pdf');
    refused(reply, 'pdf-active-content');
    expect(reply.body.error?.vi).toContain('lệnh mở chương trình');
  });

  it('a file attachment annotation, and a link to a file on a Windows share', async () => {
    refused(await fromUsb(corpus.fileAttachmentPdf(), 'pdf'), 'pdf-active-content');
    const reply = await fromUsb(corpus.remoteGoToPdf(), 'pdf');
    refused(reply, 'pdf-active-content');
    expect(reply.body.error?.en).toContain('somewhere else');
  });

  it('a page tree that lists one subtree twice at each of 40 levels (2^40 pages) is refused at once', async () => {
    const started = Date.now();
    refused(await fromUsb(corpus.pageTreeBombPdf(40), 'pdf'), 'pdf-damaged');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
