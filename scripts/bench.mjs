// `npm run bench`: bundles test/bench/index.ts with esbuild into a temporary folder and runs it with Node.
// Native modules stay external and load from this checkout's node_modules (NODE_PATH); the ticket fonts
// are copied beside the bundle, where main/core/print/fonts.ts looks for them in a CJS bundle.
// Browser mode's cold start needs dist/: it is built first when missing.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOTAL_LIMIT_MS = 420_000;

if (!existsSync(join(root, 'dist', 'main', 'node-entry.cjs'))) {
  process.stdout.write('dist/ is missing: npm run build\n');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', timeout: 180_000 });
  if (built.status !== 0)
    process.stdout.write('npm run build failed: the cold-start bench will be skipped\n');
}

const work = mkdtempSync(join(tmpdir(), 'kiosk-bench-bundle-'));
const outfile = join(work, 'bench.cjs');
let code = 1;
try {
  await build({
    absWorkingDir: root,
    // The attachment worker beside the bench, where the core looks for it (main/core/dossier/decode).
    entryPoints: {
      bench: join(root, 'test', 'bench', 'index.ts'),
      'file-worker': join(root, 'main', 'core', 'dossier', 'decode', 'worker.ts'),
    },
    outdir: work,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', '@napi-rs/canvas', 'sharp', 'node-hid', 'bufferutil', 'utf-8-validate'],
    loader: { '.sql': 'text' },
    logLevel: 'warning',
    // fonts.ts reads import.meta.url only where __dirname is undefined; in this CJS bundle it exists.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  cpSync(join(root, 'main', 'core', 'print', 'fonts'), join(work, 'fonts'), { recursive: true });
  // The administrative-units dataset, where main/core/address/dataset.ts looks for it in a CJS bundle.
  cpSync(join(root, 'main', 'core', 'address', 'data'), join(work, 'address-data'), { recursive: true });

  const nodePath = [join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(delimiter);
  code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_PATH: nodePath, KIOSK_BENCH_ROOT: root, KIOSK_LOG_LEVEL: 'warn' },
    });
    const limit = setTimeout(() => {
      process.stdout.write(`\nbench exceeded ${TOTAL_LIMIT_MS / 1000} s: stopped\n`);
      child.kill('SIGKILL');
    }, TOTAL_LIMIT_MS);
    child.once('exit', (exitCode, signal) => {
      clearTimeout(limit);
      resolve(signal ? 1 : (exitCode ?? 1));
    });
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
