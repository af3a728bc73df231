/**
 * Attaching pictures with the decoding in the file worker (main/core/dossier/decode):
 * - a 12-megapixel phone photo (4000 × 3000 JPEG, about 5 MB) from the USB folder: median time of
 *   `dossier.attach`, the kiosk process's peak RSS above its baseline, and the longest event-loop stall
 *   while it runs (goals: ≤ 400 ms, ≤ 150 MB, ≤ 50 ms);
 * - how long `/healthz` takes to answer while the corpus of bad files is attached over the bridge
 *   (goal ≤ 200 ms): the kiosk must stay responsive whatever a citizen's USB stick holds.
 * The bench process is the kiosk (createCore and the bridge in-process), as in dossier.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore, type Core } from '../../main/core';
import { startServer } from '../../main/server';
import * as corpus from '../unit/dossier/corpus';
import { call } from './dossier';
import { median, ms, percentile } from './stats';

type Figures = Record<string, number | string>;

const RUNS = 7;
const WARMUP = 1;
const CALL_LIMIT_MS = 30_000;

/**
 * Phone photos: smooth light and grain, 4000 × 3000, JPEG q94 (about 5 MB, as phones write them). Made
 * in a child process and written to the USB folder, so libvips' memory in the maker does not sit in the
 * kiosk's RSS that the bench measures.
 */
function writePhonePhotos(folder: string, count: number): number[] {
  const script = `
    const sharp = require('sharp');
    const { join } = require('node:path');
    (async () => {
      const sizes = [];
      for (let i = 0; i < ${count}; i++) {
        const grain = await sharp({ create: { width: 4000, height: 3000, channels: 3,
          background: { r: 120 + i, g: 110, b: 100 }, noise: { type: 'gaussian', mean: 120 + i, sigma: 22 } } })
          .blur(0.6).raw().toBuffer();
        const info = await sharp(grain, { raw: { width: 4000, height: 3000, channels: 3 } })
          .jpeg({ quality: 94 }).toFile(join(${JSON.stringify(folder)}, 'anh-' + i + '.jpg'));
        sizes.push(info.size);
      }
      process.stdout.write(JSON.stringify(sizes));
    })();`;
  const made = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 });
  if (made.status !== 0) throw new Error(`making the photos failed: ${made.stderr}`);
  return JSON.parse(made.stdout) as number[];
}

/**
 * The peak RSS (VmHWM) of this process's children, the file worker, from /proc, read once after the runs
 * (sampling /proc during them would itself stall the loop being measured); 0 where there is no /proc.
 */
function childrenPeakRss(): number {
  let total = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== process.pid) continue;
        const rss = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        total += Number(rss?.[1] ?? 0) * 1024;
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return 0;
  }
  return total;
}

async function paper(core: Core): Promise<{ procedureId: string; componentId: string }> {
  for (const summary of await call<{ id: string }[]>(core, 'catalogue.search', {})) {
    const procedure = await call<{ components: { id: string; fromForm?: boolean; accept: string[] }[] }>(
      core,
      'catalogue.get',
      { id: summary.id },
    );
    const c = procedure.components.find((x) => !x.fromForm && x.accept.length === 3);
    if (c) return { procedureId: summary.id, componentId: c.id };
  }
  throw new Error('no procedure takes PDF, JPEG and PNG');
}

export async function benchAttach(): Promise<Figures> {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-bench-attach-'));
  const dataDir = join(root, 'data');
  const usb = join(root, 'usb');
  mkdirSync(dataDir);
  mkdirSync(usb);
  let core: Core | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    core = await createCore({
      dataDir,
      env: {},
      config: {
        centre: { name: 'UBND phường Hoàn Kiếm', unitCode: '000.00.12.H29' },
        scanners: [],
        dossier: { importFolders: [{ id: 'usb', label: { vi: 'Ổ USB', en: 'USB' }, path: usb }] },
      },
    });
    const { procedureId, componentId } = await paper(core);
    const photoSizes = writePhonePhotos(usb, RUNS);

    // ── one 12 MP photo at a time ──
    const attachMs: number[] = [];
    let baseline = 0;
    let peak = 0;
    let maxStallMs = 0;
    for (let i = 0; i < RUNS; i++) {
      const name = `anh-${i}.jpg`;
      const draft = await call<{ id: string; draftToken: string }>(core, 'dossier.create', { procedureId });
      if (i === WARMUP) {
        global.gc?.();
        baseline = process.memoryUsage.rss();
        peak = baseline;
      }
      const delay = monitorEventLoopDelay({ resolution: 2 });
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
      }, 5);

      delay.enable();
      const start = performance.now();
      await call(core, 'dossier.attach', {
        id: draft.id,
        draftToken: draft.draftToken,
        componentId,
        source: { kind: 'folder', sourceId: 'usb', name },
      });
      const took = performance.now() - start;
      delay.disable();
      clearInterval(sampler);

      if (i >= WARMUP) {
        attachMs.push(took);
        maxStallMs = Math.max(maxStallMs, delay.max / 1e6);
      }
    }

    const workerPeak = childrenPeakRss();
    const mb = (n: number) => Math.round(n / 10485.76) / 100;

    // ── /healthz while the corpus goes through the bridge ──
    server = await startServer({ core, port: 0 });
    const url = server.url;

    // ── a camera capture as large as a kiosk takes (dossier.maxFileBytes), over the bridge ──
    // The body is made before the measure starts: here the client shares the kiosk's process.
    const photo = readFileSync(join(usb, 'anh-0.jpg'));
    const captureDraft = await call<{ id: string; draftToken: string }>(core, 'dossier.create', {
      procedureId,
    });
    const captureBody = JSON.stringify({
      id: captureDraft.id,
      draftToken: captureDraft.draftToken,
      componentId,
      source: { kind: 'capture', dataBase64: `data:image/jpeg;base64,${photo.toString('base64')}` },
    });
    const captureDelay = monitorEventLoopDelay({ resolution: 2 });
    captureDelay.enable();
    const captureStart = performance.now();
    const captureRes = await fetch(`${url}/api/dossier.attach`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: captureBody,
      signal: AbortSignal.timeout(CALL_LIMIT_MS),
    });
    const captureOk = ((await captureRes.json()) as { ok: boolean }).ok;
    const captureMs = performance.now() - captureStart;
    captureDelay.disable();
    if (!captureOk) throw new Error(`the ${mb(photo.length)} MB capture was refused (${captureRes.status})`);

    const bad: [Buffer, string][] = [
      [(await corpus.png()).subarray(0, 100), 'png'],
      [corpus.palettePng(7071, 7071), 'png'],
      [corpus.claimedPng(100_000, 100_000), 'png'],
      [corpus.palettePng(6000, 6000), 'png'],
      [corpus.bitFlipped(await corpus.png(1600, 1200)), 'png'],
      [await corpus.cmykJpeg(), 'jpg'],
      [await corpus.png16(), 'png'],
      [await corpus.encryptedPdf(), 'pdf'],
      [await corpus.javascriptPdf(), 'pdf'],
      [await corpus.embeddedFilePdf(), 'pdf'],
      [readFileSync(join(usb, 'anh-0.jpg')), 'jpg'],
    ];
    const healthMs: number[] = [];
    let done = false;
    const pinger = (async () => {
      for (let i = 0; i < 5_000 && !done; i++) {
        const t = performance.now();
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        healthMs.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const corpusStart = performance.now();
    const answers: Record<string, number> = {};
    for (const [i, [bytes, ext]] of bad.entries()) {
      const name = `bad-${i}.${ext}`;
      writeFileSync(join(usb, name), bytes);
      const draft = await call<{ id: string; draftToken: string }>(core, 'dossier.create', { procedureId });
      const res = await fetch(`${url}/api/dossier.attach`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id: draft.id,
          draftToken: draft.draftToken,
          componentId,
          source: { kind: 'folder', sourceId: 'usb', name },
        }),
        signal: AbortSignal.timeout(CALL_LIMIT_MS),
      });
      const body = (await res.json()) as { ok: boolean; error?: { code: string } };
      const key = body.ok ? 'stored' : body.error!.code;
      answers[key] = (answers[key] ?? 0) + 1;
    }
    const corpusMs = performance.now() - corpusStart;
    done = true;
    await pinger;

    const medianAttach = median(attachMs);
    const growth = mb(peak - baseline);
    const worst = Math.max(...healthMs);
    return {
      'attach.12mp.runs': attachMs.length,
      'attach.12mp.photo': `4000×3000 JPEG q94, ${photoSizes.map((n) => mb(n)).join(' / ')} MB`,
      'attach.12mp.ms': ms(medianAttach),
      'attach.12mp.max.ms': ms(Math.max(...attachMs)),
      'attach.12mp.rss.baseline.mb': mb(baseline),
      'attach.12mp.rss.peakAbove.mb': growth,
      'attach.12mp.eventLoop.maxStall.ms': ms(maxStallMs),
      'attach.12mp.worker.rss.peak.mb': mb(workerPeak),
      'attach.12mp.goal': [
        medianAttach <= 400 ? 'median ≤ 400 ms: met' : 'median ≤ 400 ms: MISSED',
        growth <= 150 ? 'RSS ≤ +150 MB: met' : 'RSS ≤ +150 MB: MISSED',
        maxStallMs <= 50 ? 'stall ≤ 50 ms: met' : 'stall ≤ 50 ms: MISSED',
      ].join('; '),
      'attach.capture.mb': mb(photo.length),
      'attach.capture.ms': ms(captureMs),
      'attach.capture.eventLoop.maxStall.ms': ms(captureDelay.max / 1e6),
      'attach.corpus.files': bad.length,
      'attach.corpus.answers': Object.entries(answers)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      'attach.corpus.ms': ms(corpusMs),
      'attach.corpus.healthz.samples': healthMs.length,
      'attach.corpus.healthz.p50.ms': ms(percentile(healthMs, 50)),
      'attach.corpus.healthz.p95.ms': ms(percentile(healthMs, 95)),
      'attach.corpus.healthz.max.ms': ms(worst),
      'attach.corpus.healthz.goal': worst <= 200 ? 'max ≤ 200 ms: met' : 'max ≤ 200 ms: MISSED',
    };
  } finally {
    await server?.close();
    await core?.close();
    rmSync(root, { recursive: true, force: true });
  }
}
