/**
 * The file worker's keeper: a file that never finishes costs its worker (killed at the time limit) and
 * not the kiosk; a crashing worker fails only its own file; a full queue refuses at once. The children
 * here are real processes running small scripts that misbehave on purpose.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFileDecoder,
  DecodeFailed,
  DEFAULT_DECODE_LIMITS,
  type FileDecoder,
} from '../../../main/core/dossier/decode';
import { TEST_FILE_WORKER } from '../file-worker';
import { rejection } from '../failures';
import { tempDir } from '../helpers';
import { objectStreamBombPdf, plainPdf } from './corpus';

/** A worker script: ready at once, then `behaviour` for each request (`reply(m)` answers it). */
function script(behaviour: string): string {
  const path = join(tempDir('kiosk-worker-'), 'worker.cjs');
  writeFileSync(
    path,
    `const reply = (m) => process.send(m);
     process.on('message', (request) => { ${behaviour} });
     process.on('disconnect', () => process.exit(0));
     reply({ ready: true });`,
  );
  return path;
}

const ANSWER_PDF =
  'reply({ id: request.id, ok: true, value: { pdf: request.bytes, pages: 1, thumbnail: null }, rss: 1 })';

const decoders: FileDecoder[] = [];
afterEach(() => {
  for (const d of decoders.splice(0)) d.close();
});

function decoder(
  path: string,
  options: { timeoutMs?: number; maxWaiting?: number; recycleRssBytes?: number } = {},
) {
  const d = createFileDecoder({
    script: path,
    limits: DEFAULT_DECODE_LIMITS,
    timeoutMs: options.timeoutMs ?? 5_000,
    maxWaiting: options.maxWaiting ?? 4,
    ...(options.recycleRssBytes ? { recycleRssBytes: options.recycleRssBytes } : {}),
  });
  decoders.push(d);
  return d;
}

/** The code of the DecodeFailed that `promise` rejects with. */
const failure = async (promise: Promise<unknown>): Promise<string> =>
  (await rejection(DecodeFailed, promise)).failure.code;

const bytes = new Uint8Array([1, 2, 3]);

describe('the file worker keeper', () => {
  it('kills a worker spinning on a file at the time limit, refuses that file, and starts afresh for the next', async () => {
    // The first request spins for ever (as pdf-lib did on a truncated PNG); later workers answer.
    const marker = join(tempDir(), 'spun');
    const path = script(`
      const fs = require('node:fs');
      if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, '1'); for (;;) {} }
      ${ANSWER_PDF}`);
    const d = decoder(path, { timeoutMs: 1_000 });
    const started = Date.now();
    expect(await failure(d.decode(bytes, 'pdf'))).toBe('file-too-slow');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(d.stats()).toMatchObject({ killedSlow: 1 });
    const next = await d.decode(bytes, 'pdf');
    expect([...next.pdf]).toEqual([1, 2, 3]);
    expect(d.stats().started).toBe(2);
  });

  it('a worker that dies on a file fails only that file', async () => {
    const marker = join(tempDir(), 'died');
    const path = script(`
      const fs = require('node:fs');
      if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, '1'); process.exit(134); }
      ${ANSWER_PDF}`);
    const d = decoder(path);
    expect(await failure(d.decode(bytes, 'png'))).toBe('image-damaged');
    expect((await d.decode(bytes, 'pdf')).pages).toBe(1);
  });

  it('refuses at once with file-busy when the queue is full, and finishes what it accepted', async () => {
    const path = script(`setTimeout(() => { ${ANSWER_PDF} }, 150)`);
    const d = decoder(path, { maxWaiting: 2 });
    const accepted = [d.decode(bytes, 'pdf'), d.decode(bytes, 'pdf'), d.decode(bytes, 'pdf')];
    expect(await failure(d.decode(bytes, 'pdf'))).toBe('file-busy');
    expect((await Promise.all(accepted)).map((r) => r.pages)).toEqual([1, 1, 1]);
  });

  it('a file that waits too long behind a stuck one is refused as busy, not left waiting', async () => {
    const d = createFileDecoder({
      script: script('/* never answers */'),
      limits: DEFAULT_DECODE_LIMITS,
      timeoutMs: 10_000,
      maxWaitMs: 300,
      maxWaiting: 4,
    });
    decoders.push(d);
    const stuck = d.decode(bytes, 'pdf').catch(() => 'stuck');
    const started = Date.now();
    expect(await failure(d.decode(bytes, 'pdf'))).toBe('file-busy');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(d.stats().waiting).toBe(0);
    d.close();
    expect(await stuck).toBe('stuck');
  });

  it('replaces a worker that has grown past the memory bound after answering', async () => {
    const path = script(
      `reply({ id: request.id, ok: true, value: { pdf: request.bytes, pages: 1, thumbnail: null }, rss: 900e6 })`,
    );
    const d = decoder(path, { recycleRssBytes: 500e6 });
    await d.decode(bytes, 'pdf');
    await d.decode(bytes, 'pdf');
    expect(d.stats().started).toBe(2);
  });

  it("a worker gets nothing of the kiosk's environment (no portal token, no admin PIN)", async () => {
    const path = script(
      `reply({ id: request.id, ok: true, value: { pdf: Buffer.from(JSON.stringify(process.env)), pages: 1, thumbnail: null }, rss: 1 })`,
    );
    process.env.KIOSK_PORTAL_TOKEN = 'secret-token-for-test';
    try {
      const env = JSON.parse(
        Buffer.from((await decoder(path).decode(bytes, 'pdf')).pdf).toString(),
      ) as object;
      expect(Object.keys(env).filter((k) => k.startsWith('KIOSK'))).toEqual([]);
    } finally {
      delete process.env.KIOSK_PORTAL_TOKEN;
    }
  });

  it('a worker that cannot start says the kiosk is at fault, not the file', async () => {
    const d = decoder(join(tempDir(), 'missing-worker.cjs'));
    expect(await failure(d.decode(bytes, 'png'))).toBe('file-check-failed');
  });

  it('closing the kiosk with a file in the worker ends that attach instead of leaving it waiting', async () => {
    const d = decoder(script('/* never answers */'), { timeoutMs: 60_000 });
    const pending = d.decode(bytes, 'pdf').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    d.close();
    const outcome = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
    ]);
    expect(outcome).toBeInstanceOf(Error);
  });

  it('the real worker stops itself when a small PDF inflates past its memory limit', async () => {
    const bomb = await objectStreamBombPdf(600); // 600 MB of zeros in about 0.6 MB
    const d = createFileDecoder({
      script: TEST_FILE_WORKER,
      limits: { ...DEFAULT_DECODE_LIMITS, maxRssBytes: 250 * 1024 * 1024 },
      timeoutMs: 20_000,
      maxWaiting: 1,
    });
    decoders.push(d);
    expect(await failure(d.decode(bomb, 'pdf'))).toBe('file-too-complex');
    expect(d.stats().killedSlow).toBe(0);
    expect((await d.decode(await plainPdf(), 'pdf')).pages).toBe(1);
  });

  it('a worker busy on a file ends itself when the kiosk is killed (no orphan left running)', async () => {
    // pdf-lib inflates an object stream in one synchronous call: seconds in which the worker's own event
    // loop (and its 'disconnect' handler) does not run. The memory limit is raised so only the parent's
    // death can end it early.
    const slow = join(tempDir(), 'slow.pdf');
    writeFileSync(slow, await objectStreamBombPdf(500));
    const kiosk = join(tempDir(), 'kiosk.cjs');
    writeFileSync(
      kiosk,
      `const { fork } = require('node:child_process');
       const bytes = require('node:fs').readFileSync(${JSON.stringify(slow)});
       const worker = fork(${JSON.stringify(TEST_FILE_WORKER)}, [], { serialization: 'advanced', stdio: 'ignore' });
       worker.on('message', (m) => {
         if (!m.ready) return;
         worker.send({ id: 1, kind: 'pdf', bytes, limits: ${JSON.stringify({ ...DEFAULT_DECODE_LIMITS, maxRssBytes: 4e9 })}, timeoutMs: 60000 });
         setTimeout(() => { console.log(worker.pid); process.kill(process.pid, 'SIGKILL'); }, 500);
       });`,
    );
    const run = spawnSync(process.execPath, [kiosk], { encoding: 'utf8', timeout: 20_000 });
    expect(run.signal).toBe('SIGKILL');
    const pid = Number(run.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // The worker would inflate for seconds more; its watchdog sees its parent gone within 50 ms.
    const deadline = Date.now() + 2_000;
    while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const orphaned = alive();
    if (orphaned) process.kill(pid, 'SIGKILL');
    expect(orphaned).toBe(false);
  });

  it('the bundled worker answers a real PDF', async () => {
    const d = decoder(TEST_FILE_WORKER);
    const pdf = await plainPdf();
    expect(await d.decode(pdf, 'pdf')).toMatchObject({ pages: 1, thumbnail: null });
  });
});
