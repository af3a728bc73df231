import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the kiosk keeps its data when KIOSK_DATA_DIR is not set: outside the install folder, so an
 * update or uninstall never touches citizens' dossiers. Windows uses ProgramData because a kiosk is a
 * machine, not a person: every Windows account on it must see the same queue and dossiers.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.PROGRAMDATA ?? 'C:\\ProgramData', 'MotCuaKiosk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'mot-cua-kiosk');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'mot-cua-kiosk');
}

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KIOSK_DATA_DIR && env.KIOSK_DATA_DIR.trim() !== '' ? env.KIOSK_DATA_DIR : defaultDataDir();
}

/** KIOSK_PORT, or the default; a bad value is a startup error with a clear message. */
export function resolvePort(env: NodeJS.ProcessEnv, fallback: number): number | null {
  const raw = env.KIOSK_PORT;
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null;
}
