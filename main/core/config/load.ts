import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KioskFailure, kioskError } from '../errors';
import { describeIssues } from '../validation';
import { demoConfig } from './demo';
import { ConfigSchema, type KioskConfig } from './schema';

export const CONFIG_FILE = 'kiosk.config.json';

export interface LoadedConfig {
  config: KioskConfig;
  /** True when no file was found and the embedded demo centre is in use. */
  demo: boolean;
  path: string;
}

/** Validates a configuration object; a bad one throws a `KioskFailure` that names the field. */
export function parseConfig(raw: unknown): KioskConfig {
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KioskFailure(
      describeIssues(parsed.error.issues, {
        code: 'config-invalid',
        vi: `Tệp cấu hình ${CONFIG_FILE} không hợp lệ ở mục`,
        en: `${CONFIG_FILE} is invalid at`,
      }),
    );
  }
  return parsed.data;
}

export function loadConfig(dataDir: string): LoadedConfig {
  const path = join(dataDir, CONFIG_FILE);
  if (!existsSync(path)) return { config: parseConfig(demoConfig), demo: true, path };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new KioskFailure(
      kioskError(
        'config-unreadable',
        `Không đọc được tệp cấu hình ${path}: ${detail}. Hãy sửa tệp hoặc xoá nó để dùng cấu hình trình diễn.`,
        `Cannot read the configuration file ${path}: ${detail}. Fix it, or remove it to use the demo centre.`,
      ),
    );
  }
  return { config: parseConfig(raw), demo: false, path };
}
