import { build } from 'esbuild';
import { TEST_FILE_WORKER } from './file-worker';

/** Bundles the attachment worker once for the whole unit run (see file-worker.ts). */
export default async function setup(): Promise<void> {
  await build({
    entryPoints: ['main/core/dossier/decode/worker.ts'],
    outfile: TEST_FILE_WORKER,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sharp'],
    logLevel: 'warning',
  });
}
