import { runCrashLoop } from './crash-run';

/**
 * `npm run soak` (scripts/soak.mjs bundles and runs this): the crash test, longer. SOAK_KILLS (default 300),
 * SOAK_KIOSKS (2), SOAK_SEED (the time). Prints progress, then the report; exits 1 on any problem.
 */
async function main(): Promise<void> {
  const kills = Number(process.env.SOAK_KILLS ?? 300);
  const kiosks = Number(process.env.SOAK_KIOSKS ?? 2);
  const seed = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`soak: ${kills} kills over ${kiosks} kiosks, seed ${seed} (SOAK_SEED=${seed} replays it)`);
  const report = await runCrashLoop({
    root: process.env.KIOSK_SOAK_ROOT ?? process.cwd(),
    kills,
    kiosks,
    minMs: 0,
    maxMs: 4000,
    startupShare: 0.2,
    seed,
    log: say,
  });
  say(JSON.stringify(report, null, 2));
  process.exit(report.problems.length === 0 && report.submitted > 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stdout.write(
    `soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
