import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface KioskApp {
  url: string;
  dataDir: string;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
}

export interface AppOptions {
  /** Written as kiosk.config.json before start; omit for the embedded demo centre. */
  config?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Files to put in the data folder before start (e.g. a damaged kiosk.db). */
  files?: Record<string, string | Buffer>;
  /** Reuse this data folder (a restart): the caller owns it, and stop() leaves it in place. */
  dataDir?: string;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the built app in browser mode with a fresh data folder on a free port, and waits until it
 * answers /healthz: the app tells the test it is ready, the test never sleeps (STYLE.md habit 7).
 */
export async function startApp(
  options: AppOptions = {},
): Promise<KioskApp & { stop(): Promise<void>; kill(): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  if (options.config) writeFileSync(join(dataDir, 'kiosk.config.json'), JSON.stringify(options.config));
  for (const [name, content] of Object.entries(options.files ?? {}))
    writeFileSync(join(dataDir, name), content);
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'main', 'node-entry.cjs')], {
    env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_PORT: '0', KIOSK_NO_OPEN: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in 20 s:\n${output}`)), 20_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  // Still running: neither exited nor ended by a signal (a SIGKILLed child has no exit code).
  const running = (): boolean => child.exitCode === null && child.signalCode === null;

  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (running()) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    /**
     * A power cut or a crash: SIGKILL, no clean stop, nothing flushed or closed by the app. Resolves once
     * the process is gone. The data folder stays, so a restart (`dataDir`) finds what was on disk.
     */
    kill: async () => {
      if (!running()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Every screen gets an axe-core pass: zero violations, whatever their impact. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(root, 'test-results', 'screens', `${name}.png`), fullPage: false });
}

export const test = base.extend<{ app: KioskApp; appOptions: AppOptions }>({
  appOptions: [{}, { option: true }],
  app: async ({ appOptions }, use) => {
    const app = await startApp(appOptions);
    await use(app);
    await app.stop();
  },
});

export { expect };
