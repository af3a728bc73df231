// Bundles main (Electron shell and browser-mode entry) and the preload into dist/ with esbuild.
// Native modules stay external: they are loaded from node_modules (unpacked from the asar when packaged).
import { build } from 'esbuild';
import { cpSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';

const external = [
  'electron',
  'better-sqlite3',
  'node-hid',
  '@napi-rs/canvas',
  'sharp',
  'bufferutil',
  'utf-8-validate',
];
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external,
  loader: { '.sql': 'text' },
  logLevel: 'warning',
  // print/fonts.ts reads import.meta.url only where __dirname is undefined (ESM under vitest); in these
  // CJS bundles __dirname exists, so the empty import.meta is never read.
  logOverride: { 'empty-import-meta': 'silent' },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { 'node-entry': 'main/node-entry.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
  }),
  // The attachment worker runs in a child process of its own (main/core/dossier/decode).
  build({
    ...common,
    entryPoints: { 'file-worker': 'main/core/dossier/decode/worker.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
  }),
  existsSync('main/shell/main.ts') &&
    build({
      ...common,
      entryPoints: { electron: 'main/shell/main.ts' },
      outdir: 'dist/main',
      outExtension: { '.js': '.cjs' },
    }),
  existsSync('preload/index.ts') &&
    build({
      ...common,
      // A sandboxed preload cannot require modules: everything but electron is bundled in.
      external: ['electron'],
      platform: 'browser',
      entryPoints: { index: 'preload/index.ts' },
      outdir: 'dist/preload',
      outExtension: { '.js': '.cjs' },
    }),
]);

if (existsSync('main/core/print/fonts')) {
  cpSync('main/core/print/fonts', 'dist/main/fonts', { recursive: true });
}
// The administrative-units dataset (main/core/address), read on the first address lookup.
cpSync('main/core/address/data', 'dist/main/address-data', { recursive: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/.main-built', new Date().toISOString());
