// `npm run soak`: the kill -9 crash test of the kiosk core while it files and syncs dossiers, longer than
// the default run (test/integration/sync/crash.test.ts). Bundles test/integration/sync/soak.ts with esbuild,
// as scripts/bench.mjs does, and runs it with Node; native modules and esbuild (which bundles the kiosk
// child) load from this checkout's node_modules. SOAK_KILLS, SOAK_KIOSKS, SOAK_SEED; bounded by
// SOAK_LIMIT_S (default: 12 s per kill, at least 10 minutes).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const kills = Number(process.env.SOAK_KILLS ?? 300);
const limitS = Number(process.env.SOAK_LIMIT_S ?? Math.max(600, kills * 12));
const work = mkdtempSync(join(tmpdir(), 'kiosk-soak-bundle-'));
const outfile = join(work, 'soak.cjs');
let code = 1;
try {
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'test', 'integration', 'sync', 'soak.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', '@napi-rs/canvas', 'node-hid', 'bufferutil', 'utf-8-validate', 'esbuild'],
    loader: { '.sql': 'text' },
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  const nodePath = [join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(delimiter);
  code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [outfile], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_PATH: nodePath, KIOSK_SOAK_ROOT: root, KIOSK_LOG_LEVEL: 'error' },
    });
    const limit = setTimeout(() => {
      process.stdout.write(`\nsoak exceeded ${limitS} s: stopped\n`);
      child.kill('SIGKILL');
    }, limitS * 1000);
    child.once('exit', (exitCode, signal) => {
      clearTimeout(limit);
      resolve(signal ? 1 : (exitCode ?? 1));
    });
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
