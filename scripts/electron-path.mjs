// Finds the Electron executable without requiring the `electron` package: its index.js downloads the
// binary when it is missing, which hangs or fails offline. Used by the Electron smoke test to skip cleanly.
//
//   node scripts/electron-path.mjs   → prints the executable's path, or nothing when it is not installed
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const electronDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));

/**
 * The Electron executable named by node_modules/electron/path.txt, when that file and the executable exist
 * (ELECTRON_OVERRIDE_DIST_PATH is honoured as the electron package itself does); otherwise null.
 * @returns {string | null}
 */
export function findElectronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable = null;
  if (override) executable = path.join(override, relative || 'electron');
  else if (relative) executable = path.join(electronDir, 'dist', relative);
  return executable !== null && existsSync(executable) ? executable : null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findElectronBinary();
  if (found) process.stdout.write(`${found}\n`);
}
