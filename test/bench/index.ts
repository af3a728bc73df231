import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAddress } from './address';
import { benchChip } from './chip';
import { benchColdStart } from './cold-start';
import { benchPrint } from './print';
import { benchReceipt } from './receipt';
import { benchSubmit } from './dossier';
import { benchAttach } from './attach';
import { benchIndicators } from './indicators';
import { benchSync } from './sync';
import { benchIssueThroughput, benchTapToPrint } from './queue';
import { benchLanTapToCut, benchLanTapWhileDraining } from './lan';
import { within } from './stats';

/**
 * `npm run bench` (scripts/bench.mjs bundles this file and runs it): queue, printing, start-up and chip figures.
 * Every bench is bounded in count and in time; the whole run stays well under three minutes.
 */

type Figures = Record<string, number | string>;

const benches: { name: string; limitMs: number; run: (root: string) => Promise<Figures> }[] = [
  { name: 'tap → last byte at a TCP printer', limitMs: 60_000, run: () => benchTapToPrint() },
  {
    name: 'tap → last byte over HTTPS from a paired PC',
    limitMs: 60_000,
    run: () => benchLanTapToCut(),
  },
  { name: 'raster encode and ticket PDF', limitMs: 40_000, run: () => benchPrint() },
  { name: 'cold start to /healthz', limitMs: 60_000, run: (root) => benchColdStart(root) },
  { name: '2,000 tickets, 4 clients', limitMs: 60_000, run: () => benchIssueThroughput() },
  { name: 'address: 10,000 old addresses resolved', limitMs: 60_000, run: () => benchAddress() },
  { name: 'chip: BAC + DG1 + DG13 (software card)', limitMs: 30_000, run: () => benchChip() },
  { name: 'receipt PDF (Mẫu 01) and 80 mm', limitMs: 30_000, run: () => benchReceipt() },
  {
    name: 'dossier submit, 3 × 2 MB JPEG → receipt at a TCP printer',
    limitMs: 60_000,
    run: () => benchSubmit(),
  },
  {
    name: 'attach: 12 MP phone photo, and /healthz under the bad-file corpus',
    limitMs: 90_000,
    run: () => benchAttach(),
  },
  { name: 'indicators: 766 scores over 10,000 dossiers', limitMs: 60_000, run: () => benchIndicators() },
  { name: 'sync: 1,000 dossiers × 3 × 200 KB', limitMs: 240_000, run: (root) => benchSync(root) },
  {
    name: 'tap over HTTPS while the sync drains 1,000 dossiers',
    limitMs: 200_000,
    run: (root) => benchLanTapWhileDraining(root),
  },
];

function table(figures: Figures): string {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  return Object.entries(figures)
    .map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)
    .join('\n');
}

async function main(): Promise<void> {
  const root = process.env.KIOSK_BENCH_ROOT ?? process.cwd();
  // Only the benches whose name contains one of the words (case-insensitive): `KIOSK_BENCH_ONLY=sync npm run
  // bench`, or `npm run bench -- sync` where scripts/bench.mjs passes its arguments on.
  const words = [...process.argv.slice(2), ...(process.env.KIOSK_BENCH_ONLY ?? '').split(',')]
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '');
  const chosen = benches.filter(
    (b) => words.length === 0 || words.some((w) => b.name.toLowerCase().includes(w)),
  );
  if (chosen.length === 0) {
    process.stdout.write(`no bench matches ${words.join(', ')}\n`);
    process.exit(1);
  }
  const all: Figures = {};
  let failed = false;
  const started = performance.now();
  for (const bench of chosen) {
    const t0 = performance.now();
    try {
      const figures = await within(bench.limitMs, bench.name, bench.run(root));
      Object.assign(all, figures);
      process.stdout.write(`\n${bench.name} (${Math.round(performance.now() - t0)} ms)\n${table(figures)}\n`);
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      all[`${bench.name}.error`] = message;
      process.stdout.write(`\n${bench.name}: FAILED: ${message}\n`);
    }
  }
  all['bench.total.s'] = Math.round((performance.now() - started) / 100) / 10;
  process.stdout.write(`\nall figures\n${table(all)}\n`);
  const out = join(root, 'test-results');
  mkdirSync(out, { recursive: true });
  // A partial run does not overwrite the full run's figures.
  const file =
    words.length === 0 ? 'bench.json' : `bench.${words.join('-').replace(/[^a-z0-9-]/g, '_')}.json`;
  writeFileSync(join(out, file), JSON.stringify(all, null, 2) + '\n');
  process.exit(failed ? 1 : 0);
}

void main();
