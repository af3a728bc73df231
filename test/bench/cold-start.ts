import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, ms } from './stats';

const RUNS = 5;
const START_LIMIT_MS = 20_000;

/** Spawns browser mode once and times spawn → first 200 on /healthz. */
function coldStartOnce(entry: string): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-cold-'));
  const start = performance.now();
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      KIOSK_NO_OPEN: '1',
      KIOSK_DATA_DIR: dataDir,
      KIOSK_PORT: '0',
      KIOSK_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<number>((resolve, reject) => {
    let done = false;
    const finish = (error: Error | null, value?: number): void => {
      if (done) return;
      done = true;
      clearTimeout(limit);
      const exited = new Promise((r) => child.once('exit', r));
      if (child.exitCode === null) child.kill('SIGTERM');
      void Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]).then(() => {
        if (child.exitCode === null) child.kill('SIGKILL');
        rmSync(dataDir, { recursive: true, force: true });
        if (error) reject(error);
        else resolve(value!);
      });
    };
    const limit = setTimeout(
      () => finish(new Error(`no /healthz within ${START_LIMIT_MS} ms:\n${output}`)),
      START_LIMIT_MS,
    );
    // The port is only known once the app prints its address; then /healthz is polled until it answers.
    const poll = async (url: string): Promise<void> => {
      while (!done) {
        try {
          const r = await fetch(`${url}/healthz`);
          if (r.status === 200) {
            finish(null, performance.now() - start);
            return;
          }
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      const before = output;
      output += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (m?.[1] && !/(http:\/\/127\.0\.0\.1:\d+)\//.test(before)) void poll(m[1]);
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => finish(new Error(`the app exited with ${code}:\n${output}`)));
  });
}

/** (c) Cold start of browser mode (node dist/main/node-entry.cjs) to the first 200 on /healthz, 5 times. */
export async function benchColdStart(root: string): Promise<Record<string, number | string>> {
  const entry = join(root, 'dist', 'main', 'node-entry.cjs');
  if (!existsSync(entry)) return { 'coldStart.skipped': `${entry} is missing (npm run build)` };
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await coldStartOnce(entry));
  return {
    'coldStart.runs': RUNS,
    'coldStart.median.ms': ms(median(times)),
    'coldStart.all.ms': times.map((t) => ms(t)).join(', '),
  };
}
