import { describe, expect, it } from 'vitest';
import { addressKey, signInSource } from '../../../main/core/staff/source';

describe('sign-in source', () => {
  it('is the kiosk itself for IPC and loopback callers, outside the LAN limit', () => {
    expect(signInSource({ local: true })).toEqual({ key: 'local', lan: false, deviceId: null });
    expect(signInSource({ local: true, client: '127.0.0.1' })).toEqual({
      key: 'local',
      lan: false,
      deviceId: null,
    });
  });

  it('is the paired device for a device on the LAN, its own bucket outside the LAN limit', () => {
    expect(signInSource({ local: false, client: '192.168.1.20', device: { id: 'd1' } })).toEqual({
      key: 'pc:d1',
      lan: false,
      deviceId: 'd1',
    });
    // The same device from another address is the same source: its bucket follows the device.
    expect(signInSource({ local: false, client: '192.168.1.21', device: { id: 'd1' } })).toEqual(
      signInSource({ local: false, client: '192.168.1.20', device: { id: 'd1' } }),
    );
  });

  it('is the address for anyone else, counted toward the LAN limit', () => {
    expect(signInSource({ local: false, client: '192.168.1.20' })).toEqual({
      key: '192.168.1.20',
      lan: true,
      deviceId: null,
    });
    expect(signInSource({ local: false })).toEqual({ key: 'unknown', lan: true, deviceId: null });
  });

  it('counts an IPv4-mapped address as the IPv4 address', () => {
    expect(addressKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
  });

  it('counts IPv6 by its /64, however it is written', () => {
    const key = addressKey('fe80::1%eth0');
    expect(key).toBe('fe80:0:0:0::/64');
    expect(addressKey('FE80:0000:0000:0000:abcd:1:2:3')).toBe(key);
    expect(addressKey('2001:db8:1:2::7')).toBe(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::7')).not.toBe(addressKey('2001:db8:1:3::7'));
    expect(addressKey('64:ff9b::1.2.3.4')).toBe('64:ff9b:0:0::/64');
  });
});
