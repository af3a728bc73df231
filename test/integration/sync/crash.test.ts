import { expect, it } from 'vitest';
import { runCrashLoop } from './crash-run';

/**
 * kill -9 at random moments while the kiosk files and syncs (≥ 50 kills here; more in `npm run soak`).
 * CRASH_KILLS / CRASH_SEED change the run (e.g. to replay a failure).
 */
it('survives 50 kill -9 while filing and syncing: integrity after each, the same sets at the end', async () => {
  const report = await runCrashLoop({
    root: process.cwd(),
    kills: Number(process.env.CRASH_KILLS ?? 50),
    kiosks: Number(process.env.CRASH_KIOSKS ?? 2),
    minMs: 0,
    maxMs: 4000,
    startupShare: 0.2,
    seed: Number(process.env.CRASH_SEED ?? 20261123),
    log: process.env.CRASH_VERBOSE ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  process.stderr.write(
    `crash: ${report.kills} kills, ${report.acknowledged} submits acknowledged, ${report.submitted} submitted, ` +
      `${report.onPortal} on the portal, ${report.files} files, ${report.seconds} s\n`,
  );
  expect(report.problems).toEqual([]);
  expect(report.submitted).toBeGreaterThan(0);
  expect(report.onPortal).toBe(report.submitted);
  expect(report.acknowledged).toBeLessThanOrEqual(report.submitted);
}, 300_000);
