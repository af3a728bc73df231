/**
 * Browser mode: the core and the bridge under plain Node, for machines without the Electron binary,
 * for counter PCs' server, and for tests. `npm start` runs this when Electron is not installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, KioskFailure } from './core';
import { createLogger } from './core/log';
import { resolveDataDir, resolvePort } from './core/paths';
import { DEFAULT_PORT, startServer } from './server';
import { openAppWindow } from './browser';

const log = createLogger('main');

function appVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return '0.0.0';
  }
}

function fatal(vi: string, en: string): never {
  process.stderr.write(`\n[Một Cửa Kiosk] ${vi}\n[Một Cửa Kiosk] ${en}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = resolveDataDir(env);
  const port = resolvePort(env, DEFAULT_PORT);
  if (port === null)
    fatal('KIOSK_PORT phải là số cổng từ 0 đến 65535.', 'KIOSK_PORT must be a port number 0–65535.');

  let core;
  try {
    core = await createCore({ dataDir, env, appVersion: appVersion() });
  } catch (error) {
    if (error instanceof KioskFailure) fatal(error.error.vi, error.error.en);
    throw error;
  }
  const server = await startServer({ core, port, rendererDir: join(__dirname, '..', 'renderer') }).catch(
    (error: unknown) => {
      void core.close();
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE') {
        fatal(
          `Cổng ${port} đang được dùng (có thể ki-ốt đã chạy rồi). Đặt KIOSK_PORT khác hoặc tắt chương trình kia.`,
          `Port ${port} is in use (is the kiosk already running?). Set another KIOSK_PORT or stop the other program.`,
        );
      }
      throw error;
    },
  );

  process.stdout.write(
    `Một Cửa Kiosk: ${server.url}/  (nhân viên/staff: ${server.url}/staff, màn hình chờ/display: ${server.url}/display)\n`,
  );
  process.stdout.write(`Dữ liệu / data: ${dataDir}\n`);
  if (env.KIOSK_NO_OPEN !== '1' && !openAppWindow(`${server.url}/`, dataDir, env)) {
    process.stdout.write(
      'Không mở được cửa sổ trình duyệt; hãy mở địa chỉ trên. / No browser window could be opened; open the URL above.\n',
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    server
      .close()
      .then(() => core.close())
      .finally(() => {
        process.exit(0);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  log.error('failed to start', { error });
  process.exit(1);
});
