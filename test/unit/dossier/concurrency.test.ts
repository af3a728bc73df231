import { spawn } from 'node:child_process';
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { type Harness, formOnlyProcedure, harness } from './fixtures';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

function submitOne(h: Harness): string {
  const { id } = h.dossiers.create(formOnlyProcedure.id);
  h.dossiers.update({ id, data: { nguoiYeuCau: { fullName: 'Phạm Văn D' } } });
  return h.dossiers.submit(id).code;
}

const seqOf = (code: string) => Number(code.slice(-4));

/** Bundles submit-worker.ts (esbuild, as `npm run bench` does) so plain Node can run it. */
async function bundleWorker(dir: string): Promise<string> {
  const outfile = join(dir, 'submit-worker.cjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'submit-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', '@napi-rs/canvas'],
    loader: { '.sql': 'text' },
    logLevel: 'error',
  });
  return outfile;
}

function run(script: string, dataDir: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dataDir, String(count)], {
      env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules'), KIOSK_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const limit = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(limit);
      if (code === 0) resolve(out.trim().split('\n'));
      else reject(new Error(`worker exited ${code}: ${err.slice(0, 2000)}`));
    });
  });
}

describe('dossier codes never collide', () => {
  it('across two connections to one database file, taking turns', () => {
    const dir = tempDir();
    const a = harness(dir);
    const b = harness(dir);
    open.push(a, b);
    const codes = [submitOne(a), submitOne(b), submitOne(b), submitOne(a), submitOne(b)];
    expect(new Set(codes).size).toBe(5);
    expect(codes.map(seqOf)).toEqual([1, 2, 3, 4, 5]);
  });

  it('across three processes submitting at once, and after a restart', async () => {
    const dir = tempDir();
    const first = harness(dir); // migrates the file before the workers open it
    first.close();
    const script = await bundleWorker(tempDir('kiosk-worker-'));
    const results = await Promise.all([1, 2, 3].map(() => run(script, dir, 12)));
    const codes = results.flat();
    expect(codes).toHaveLength(36);
    expect(new Set(codes).size).toBe(36);
    // Every number of the day used once, none skipped: the sequence is allocated inside the transaction.
    expect(codes.map(seqOf).sort((x, y) => x - y)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    for (const r of results) expect(r.map(seqOf)).toEqual([...r.map(seqOf)].sort((x, y) => x - y));

    const restarted = harness(dir);
    open.push(restarted);
    expect(submitOne(restarted)).toBe('000.00.12.H29-K07-261123-0037');
    expect(restarted.db.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(37);
  }, 90_000);

  it("a database lost to damage does not reissue the day's codes (high-water mark beside it)", () => {
    const dir = tempDir();
    const first = harness(dir);
    expect(submitOne(first)).toMatch(/-0001$/);
    expect(submitOne(first)).toMatch(/-0002$/);
    first.close();
    // What db/open.ts does with a damaged file: moved aside, a new empty database in its place.
    for (const name of readdirSync(dir).filter((n) => n.startsWith('kiosk.db')))
      renameSync(join(dir, name), join(dir, `${name}.corrupt-test`));
    const fresh = harness(dir);
    open.push(fresh);
    expect(fresh.db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()).toBe(0);
    expect(submitOne(fresh)).toMatch(/-0003$/);
  });
});
