// `npm run openapi`: writes test/portal/openapi.yaml from the portal protocol's zod schemas
// (preload/contract/portal.ts, through test/portal/openapi.ts). Bundles the generator with esbuild into a
// temporary folder under node_modules/.cache and runs it, as scripts/portal.mjs does. test/unit/portal/openapi-current.test.ts fails
// when the committed file is not what this writes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside node_modules, so the bundle's imports of packages resolve to this checkout's (ESM ignores NODE_PATH).
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, 'kiosk-openapi-'));
const outfile = join(work, 'openapi.mjs');
try {
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'test', 'portal', 'openapi.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Only this checkout's TypeScript is bundled; zod, yaml and Prettier load from node_modules.
    packages: 'external',
    // import.meta.url must still point at test/portal/ for OPENAPI_FILE and Prettier's configuration.
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'test', 'portal', 'openapi.ts')).href),
    },
    logLevel: 'warning',
  });
  const { OPENAPI_FILE, portalOpenApiYaml } = await import(pathToFileURL(outfile).href);
  writeFileSync(OPENAPI_FILE, await portalOpenApiYaml());
  console.log(`wrote ${fileURLToPath(OPENAPI_FILE)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
