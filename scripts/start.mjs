// `npm start`: builds if the sources are newer than the build, then runs the app in Electron where its
// binary is installed, and otherwise in browser mode (core + bridge under Node, the UI in the system
// Chromium with --app). Either way it works with no configuration (the embedded demo centre).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

function newest(dir) {
  let latest = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else latest = Math.max(latest, statSync(full).mtimeMs);
    }
  }
  return latest;
}

const outputs = ['dist/main/node-entry.cjs', 'dist/renderer/index.html'];
const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
const sources = Math.max(...['main', 'preload', 'renderer'].map(newest), statSync('package.json').mtimeMs);
if (built < sources) {
  process.stdout.write('Đang dựng ứng dụng… / Building the app…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = findElectronBinary();
let child;
if (electron && existsSync('dist/main/electron.cjs')) {
  child = spawn(electron, ['.'], { stdio: 'inherit' });
} else {
  process.stdout.write(
    'Không có Electron trên máy này: chạy ở chế độ trình duyệt. / Electron is not installed here: running in browser mode.\n',
  );
  child = spawn(process.execPath, ['dist/main/node-entry.cjs'], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
