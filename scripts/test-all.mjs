// `npm test`: everything CI checks, in order, each step's output shown as it runs:
// lint → types → unit tests → sync crash test (kill -9 a kiosk mid-sync) → electronegativity → build → e2e in Chromium → Electron smoke.
// Every step runs even when an earlier one failed, so one run shows every problem; the exit code is
// non-zero if any failed. The last line is the plain "N passed, N failed, N skipped" summary.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['unit', ['run', 'test:unit']],
  ['crash', ['run', 'test:crash']],
  ['electronegativity', ['run', 'electronegativity']],
  ['build', ['run', 'build']],
  ['e2e', ['run', 'test:e2e']],
  ['electron', ['run', 'test:electron']],
];

for (const f of [
  'test-results/unit.json',
  'test-results/crash.json',
  'test-results/e2e.json',
  'test-results/electron/results.json',
])
  rmSync(f, { force: true });

const outcomes = [];
for (const [name, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const r = spawnSync(npm, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  outcomes.push({ name, ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of ['test-results/unit.json', 'test-results/crash.json']) {
  const vitest = read(f);
  if (!vitest) continue;
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}
for (const f of ['test-results/e2e.json', 'test-results/electron/results.json']) {
  const pw = read(f);
  if (!pw) continue;
  passed += pw.stats.expected + pw.stats.flaky;
  failed += pw.stats.unexpected;
  skipped += pw.stats.skipped;
}
const stepFailures = outcomes.filter((o) => !o.ok);

process.stdout.write('\n━━ summary ━━\n');
for (const o of outcomes) process.stdout.write(`${o.ok ? 'ok  ' : 'FAIL'} ${o.name} (${o.seconds}s)\n`);
// A failed step with no failed test (lint, types, a crash before tests ran) still counts as a failure.
const failures = Math.max(failed, stepFailures.length > 0 && failed === 0 ? stepFailures.length : failed);
process.stdout.write(`tests: ${passed} passed, ${failures} failed, ${skipped} skipped\n`);
process.exit(stepFailures.length > 0 ? 1 : 0);
