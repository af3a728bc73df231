import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir, resolvePort } from '../../main/core/paths';

describe('data folder and port', () => {
  it('keeps data outside the install folder, per platform', () => {
    expect(defaultDataDir('linux', {}, '/home/kiosk')).toBe('/home/kiosk/.local/share/mot-cua-kiosk');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/srv/data' }, '/home/kiosk')).toBe(
      '/srv/data/mot-cua-kiosk',
    );
    expect(defaultDataDir('win32', { PROGRAMDATA: 'D:\\PD' }, 'C:\\Users\\k')).toContain('MotCuaKiosk');
    expect(defaultDataDir('darwin', {}, '/Users/k')).toBe(
      '/Users/k/Library/Application Support/mot-cua-kiosk',
    );
  });

  it('prefers KIOSK_DATA_DIR when it is set and not blank', () => {
    expect(resolveDataDir({ KIOSK_DATA_DIR: '/tmp/k' })).toBe('/tmp/k');
    expect(resolveDataDir({ KIOSK_DATA_DIR: '  ' })).not.toBe('  ');
  });

  it('reads KIOSK_PORT, and refuses a value that is not a port', () => {
    expect(resolvePort({}, 8787)).toBe(8787);
    expect(resolvePort({ KIOSK_PORT: '0' }, 8787)).toBe(0);
    expect(resolvePort({ KIOSK_PORT: '9000' }, 8787)).toBe(9000);
    for (const bad of ['-1', '65536', 'abc', '80.5'])
      expect(resolvePort({ KIOSK_PORT: bad }, 8787)).toBeNull();
  });
});
