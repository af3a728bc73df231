import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setLogSink } from '../../main/core/log';
import { createPortal, DEFAULT_ADMIN_TOKEN } from './index';

/**
 * `npm run portal`: the reference portal from environment variables (test/portal/README.md).
 * Bundled and started by scripts/portal.mjs; stops cleanly on Ctrl+C / SIGTERM.
 */
const DEFAULT_KIOSK_TOKEN = 'kiosk-dev-token';
// Not 8787: that is the kiosk bridge's default port, and the two usually run on the same machine.
const DEFAULT_PORT = 8788;

function fail(message: string): never {
  process.stderr.write(`portal: ${message}\n`);
  process.exit(2);
}

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    fail(`${name} must be an integer ${min}–${max}`);
  return value;
}

// Readable lines for a person watching the terminal, instead of the kiosk's JSON log lines.
setLogSink((line) => {
  try {
    const { t, level, module, message, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    process.stdout.write(
      `${String(t).slice(11, 19)} ${String(level).padEnd(5)} ${String(module)}: ${String(message)}${extra}\n`,
    );
  } catch {
    process.stdout.write(`${line}\n`);
  }
});

// A CommonJS bundle (so NODE_PATH finds the native modules) has no top-level await.
async function main(): Promise<void> {
  const env = process.env;
  const tokens = (env.PORTAL_KIOSK_TOKEN ?? DEFAULT_KIOSK_TOKEN)
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 0) fail('PORTAL_KIOSK_TOKEN holds no token');
  const adminToken = env.PORTAL_ADMIN_TOKEN || DEFAULT_ADMIN_TOKEN;
  const host = env.PORTAL_HOST || '127.0.0.1';
  const dataDir = env.PORTAL_DATA_DIR
    ? resolve(env.PORTAL_DATA_DIR)
    : mkdtempSync(join(tmpdir(), 'mot-cua-portal-'));

  let portal: Awaited<ReturnType<typeof createPortal>>;
  try {
    portal = await createPortal({
      dataDir,
      tokens,
      adminToken,
      host,
      port: intFromEnv('PORTAL_PORT', DEFAULT_PORT, 0, 65535),
      catalogue: env.PORTAL_CATALOGUE ? resolve(env.PORTAL_CATALOGUE) : undefined,
      limits: { maxBlobBytes: intFromEnv('PORTAL_MAX_BLOB_BYTES', 50 * 1024 * 1024, 1, 2 ** 31) },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  const defaultsInUse = tokens.includes(DEFAULT_KIOSK_TOKEN) || adminToken === DEFAULT_ADMIN_TOKEN;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`Cổng dịch vụ công tham chiếu (reference portal — a development and test fixture, not a real portal)`);
  out(`  url:          ${portal.url}`);
  out(`  data folder:  ${dataDir}`);
  out(
    `  kiosk tokens: ${tokens.length} (${tokens.includes(DEFAULT_KIOSK_TOKEN) ? `includes the dev token ${DEFAULT_KIOSK_TOKEN}` : 'from PORTAL_KIOSK_TOKEN'})`,
  );
  out(
    `  admin page:   ${portal.url}/admin (any user name; password: ${adminToken === DEFAULT_ADMIN_TOKEN ? DEFAULT_ADMIN_TOKEN : 'PORTAL_ADMIN_TOKEN'})`,
  );
  out(
    `  catalogue:    ${env.PORTAL_CATALOGUE ? resolve(env.PORTAL_CATALOGUE) : 'empty'} (ETag ${portal.catalogue.get().etag})`,
  );
  out(`Point a kiosk at it: KIOSK_PORTAL_URL=${portal.url} KIOSK_PORTAL_TOKEN=<a kiosk token> npm start`);
  if (defaultsInUse && host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    out(
      'WARNING: listening beyond this machine with a default token: set PORTAL_KIOSK_TOKEN and PORTAL_ADMIN_TOKEN.',
    );
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    out(`${signal}: stopping`);
    portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
