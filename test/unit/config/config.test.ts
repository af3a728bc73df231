import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, loadConfig, parseConfig } from '../../../main/core/config/load';
import { demoConfig } from '../../../main/core/config/demo';
import { failure } from '../failures';
import { tempDir } from '../helpers';

const minimal = { centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' } };

describe('configuration', () => {
  it('uses the embedded demo centre when the data folder has no file', () => {
    const loaded = loadConfig(tempDir());
    expect(loaded.demo).toBe(true);
    expect(loaded.config.services.length).toBeGreaterThan(0);
    expect(loaded.config.centre.name).toBe(demoConfig.centre.name);
  });

  it('fills defaults so a short file is enough', () => {
    const c = parseConfig(minimal);
    expect(c.idleTimeoutSeconds).toBe(90);
    expect(c.defaultLanguage).toBe('vi');
    expect(c.bridge.lan).toBe(false);
    expect(c.portal).toBeNull();
  });

  it('reads the file from the data folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, CONFIG_FILE), JSON.stringify({ ...minimal, idleTimeoutSeconds: 45 }));
    const loaded = loadConfig(dir);
    expect(loaded.demo).toBe(false);
    expect(loaded.config.idleTimeoutSeconds).toBe(45);
  });

  it.each([
    [{ ...minimal, centre: { name: 'X', unitCode: 'H29' } }, 'centre.unitCode', 'QCVN 102'],
    [{ ...minimal, idleTimeoutSeconds: 5 }, 'idleTimeoutSeconds', 'tối thiểu 15'],
    [{ ...minimal, idleTimeoutSeconds: 30, idleWarningSeconds: 30 }, 'idleWarningSeconds', 'cảnh báo'],
    [{ ...minimal, colour: 'red' }, '', 'colour'],
    [
      {
        ...minimal,
        services: [
          { id: 'a', name: { vi: 'A', en: 'A' }, prefix: 'A' },
          { id: 'b', name: { vi: 'B', en: 'B' }, prefix: 'A' },
        ],
      },
      'services.1.prefix',
      'trùng',
    ],
    [
      { ...minimal, counters: [{ id: 1, services: ['missing'] }] },
      'counters.0.services.0',
      'Không có lĩnh vực',
    ],
    [{ ...minimal, ticketPrinter: 'p1' }, 'ticketPrinter', 'máy in'],
    [
      {
        ...minimal,
        services: [
          { id: 'a', name: { vi: 'A', en: 'A' }, prefix: 'A', hours: { open: '7h', close: '17:00' } },
        ],
      },
      'services.0.hours.open',
      'HH:MM',
    ],
  ])('names the bad field in Vietnamese and English (%#)', (raw, field, viFragment) => {
    const error = failure(() => parseConfig(raw));
    expect(error.code).toBe('config-invalid');
    if (field) {
      expect(error.field).toBe(field);
      expect(error.vi).toContain(`"${field}"`);
      expect(error.en).toContain(`"${field}"`);
    }
    expect(error.vi).toContain(viFragment);
  });

  it('explains a file that is not JSON instead of crashing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, CONFIG_FILE), '{ "centre": ');
    const error = failure(() => loadConfig(dir));
    expect(error.code).toBe('config-unreadable');
    expect(error.vi).toContain('Không đọc được tệp cấu hình');
    expect(error.en).toContain('Cannot read the configuration file');
  });
});
