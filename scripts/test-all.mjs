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

// The names of the failed tests, with the first line of each error, so the tail of a CI log says what broke.
const failedNames = [];
for (const f of ['test-results/unit.json', 'test-results/crash.json']) {
  for (const file of read(f)?.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed')
        failedNames.push(
          `${file.name.replace(process.cwd() + '/', '')} › ${t.fullName} — ${firstLine(t.failureMessages?.[0])}`,
        );
}
const walk = (suite, file, out) => {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests ?? [])
      if (t.status === 'unexpected' || t.status === 'flaky') {
        // For a flaky test, the error of the attempt that failed (the retry passed).
        const failedRun = t.results?.find((r) => r.status !== 'passed') ?? t.results?.[t.results.length - 1];
        const label = t.status === 'flaky' ? 'flaky, passed on retry: ' : '';
        out.push(
          `${label}${spec.file ?? file}:${spec.line} › ${spec.title} — ${firstLine(failedRun?.error?.message)}`,
        );
      }
  for (const child of suite.suites ?? []) walk(child, suite.file ?? file, out);
};
for (const f of ['test-results/e2e.json', 'test-results/electron/results.json'])
  for (const suite of read(f)?.suites ?? []) walk(suite, suite.file, failedNames);
function firstLine(message) {
  // eslint-disable-next-line no-control-regex
  const plain = String(message ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return (
    plain
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim()
      .slice(0, 200) ?? ''
  );
}

process.stdout.write('\n━━ summary ━━\n');
for (const o of outcomes) process.stdout.write(`${o.ok ? 'ok  ' : 'FAIL'} ${o.name} (${o.seconds}s)\n`);
for (const n of failedNames) process.stdout.write(`  ${n.startsWith('flaky') ? '⚠' : '✘'} ${n}\n`);
// A failed step with no failed test (lint, types, a crash before tests ran) still counts as a failure.
const failures = Math.max(failed, stepFailures.length > 0 && failed === 0 ? stepFailures.length : failed);
process.stdout.write(`tests: ${passed} passed, ${failures} failed, ${skipped} skipped\n`);
process.exit(stepFailures.length > 0 ? 1 : 0);
