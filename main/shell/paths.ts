/**
 * Where the pieces live at run time. The main process runs from the bundle dist/main/electron.cjs
 * (scripts/build-main.mjs), in a checkout and inside app.asar alike, so everything is relative to it.
 */
import path from 'node:path';

/** The built renderer (Vite): served as app://kiosk and by the HTTP bridge. */
export const rendererDir = path.join(__dirname, '..', 'renderer');

/** The bundled preload (a single CommonJS file: sandboxed preloads cannot require our modules). */
export const preloadPath = path.join(__dirname, '..', 'preload', 'index.cjs');

/**
 * The data folder: `KIOSK_DATA_DIR` when set (tests, a second kiosk profile on one machine), else
 * `<userData>/data`. Never inside the install folder: an update replaces that folder, and on Windows a
 * per-machine install there is not writable by the kiosk user anyway.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const fromEnv = env.KIOSK_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(userDataDir, 'data');
}

/** `KIOSK_PORT` when it is a valid port (0 picks a free one, for tests), else the bridge's default. */
export function resolvePort(env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env.KIOSK_PORT?.trim();
  if (!raw || !/^\d{1,5}$/.test(raw)) return fallback;
  const port = Number(raw);
  return port <= 65_535 ? port : fallback;
}
