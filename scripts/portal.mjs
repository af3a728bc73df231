// `npm run portal`: bundles test/portal/main.ts (the reference central portal) with esbuild into a
// temporary folder and runs it with Node, as scripts/bench.mjs does. Native modules stay external and load
// from this checkout's node_modules (NODE_PATH). It serves until Ctrl+C or SIGTERM, which are passed on so
// the portal closes its database cleanly. Settings: test/portal/README.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kiosk-portal-bundle-'));
const outfile = join(work, 'portal.cjs');
let code = 1;
try {
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'test', 'portal', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });

  const nodePath = [join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(delimiter);
  code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [outfile], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_PATH: nodePath,
        // Each request is logged at debug: a person starting the portal by hand wants to see them.
        KIOSK_LOG_LEVEL: process.env.KIOSK_LOG_LEVEL ?? 'debug',
      },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('exit', (exitCode, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(signal ? 1 : (exitCode ?? 1));
    });
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
