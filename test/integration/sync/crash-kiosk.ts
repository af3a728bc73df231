/**
 * Not a test: the kiosk process that crash.test.ts (and scripts/soak.mjs) kill with SIGKILL. It is the
 * real core (createCore on a data folder, its own database, the configured portal), filing dossiers
 * through the contract as a citizen's screen would, while the core's sync engine delivers them.
 *
 * Environment: CRASH_DATA_DIR, CRASH_PORTAL_URL, CRASH_PORTAL_TOKEN, CRASH_KIOSK_ID; CRASH_MODE `file` (submit until
 * killed) or `drain` (submit nothing, wait until the outbox is empty, then exit 0); CRASH_CLOCK_OFFSET_MS
 * moves the core's clock (the final run "comes back later", so stale drafts and orphan files are swept).
 *
 * Lines on stdout: `ready`, `submitted <id> <code>` after each submit returned, `drained`, `error <text>`.
 */
import { createCanvas } from '@napi-rs/canvas';
import { exampleData, SEED_PROCEDURES } from '../../../main/core/catalogue';
import { createCore } from '../../../main/core';
import type { Clock } from '../../../main/core/clock';

const env = process.env;
const dataDir = env.CRASH_DATA_DIR!;
const url = env.CRASH_PORTAL_URL!;
const token = env.CRASH_PORTAL_TOKEN!;
const mode = env.CRASH_MODE ?? 'file';
const offset = Number(env.CRASH_CLOCK_OFFSET_MS ?? 0);
const clock: Clock = { now: () => new Date(Date.now() + offset) };
const out = (line: string) => process.stdout.write(`${line}\n`);
const local = { transport: 'ipc', local: true } as const;

const config = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
  kioskId: env.CRASH_KIOSK_ID ?? 'K01',
  scanners: [],
  chip: { pcsc: false },
  portal: { url, token },
  sync: {
    concurrency: 2,
    requestTimeoutMs: 2000,
    probeIntervalMs: 100,
    statusPullSeconds: 1,
    leaseSeconds: 5,
    maxBackoffSeconds: 1,
  },
};

/** A procedure the seed can file with images alone, and its example form. */
function pickProcedure() {
  for (const p of SEED_PROCEDURES) {
    const papers = p.components.filter((c) => c.required && !c.fromForm);
    if (papers.length === 0 || papers.length > 3) continue;
    if (!papers.every((c) => c.accept.includes('png') || c.accept.includes('jpeg'))) continue;
    try {
      return { procedure: p, papers, data: exampleData(p.id) };
    } catch {
      continue;
    }
  }
  throw new Error('no seed procedure can be filed with images only');
}

function image(text: string): string {
  const canvas = createCanvas(320, 200);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 320, 200);
  ctx.fillStyle = '#123a7a';
  ctx.font = '16px sans-serif';
  ctx.fillText(text, 10, 100);
  return canvas.toBuffer('image/png').toString('base64');
}

async function ok<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; en: string } }>,
): Promise<T> {
  const r = await promise;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.en}`);
  return r.value;
}

async function main(): Promise<void> {
  if (env.CRASH_TIMING) process.stderr.write(`loaded ${Math.round(performance.now())} ms\n`);
  const core = await createCore({ dataDir, config, env: {}, clock });
  out('ready');
  if (env.CRASH_TIMING) process.stderr.write(`ready ${Math.round(performance.now())} ms\n`);

  const syncStatus = async () =>
    (await ok(core.call('sync.status', {}, local))) as {
      waiting: number;
      sending: number;
      attention: number;
    };

  if (mode === 'drain') {
    for (let i = 0; i < 1200; i++) {
      const s = await syncStatus();
      if (s.attention > 0) throw new Error(`${s.attention} dossiers need attention`);
      if (s.waiting === 0 && s.sending === 0) {
        out('drained');
        await core.close();
        process.exit(0);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('outbox not drained in 120 s');
  }

  const { procedure, papers, data } = pickProcedure();
  for (let n = 0; n < 100_000; n++) {
    const draft = (await ok(core.call('dossier.create', { procedureId: procedure.id }, local))) as {
      id: string;
      draftToken: string;
    };
    const { draftToken } = draft;
    await ok(
      core.call(
        'dossier.update',
        { id: draft.id, draftToken, data, contact: { phone: '0912345678' } },
        local,
      ),
    );
    for (const paper of papers) {
      const dataBase64 = image(`${process.pid} ${n} ${paper.id} ${Math.random()}`);
      await ok(
        core.call(
          'dossier.attach',
          { id: draft.id, draftToken, componentId: paper.id, source: { kind: 'capture', dataBase64 } },
          local,
        ),
      );
    }
    const submitted = (await ok(core.call('dossier.submit', { id: draft.id, draftToken }, local))) as {
      code: string;
    };
    out(`submitted ${draft.id} ${submitted.code}`);
  }
}

main().catch((error: unknown) => {
  out(`error ${error instanceof Error ? error.message : String(error)}`);
  process.exit(3);
});
