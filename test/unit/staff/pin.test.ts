import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, hashPin, parseHash, verifyPin } from '../../../main/core/staff/pin';
import { FAST_SCRYPT } from '../helpers';

describe('PIN hashing', () => {
  it('stores scrypt with its parameters and a random salt, never the PIN', async () => {
    const a = await hashPin('123456', { params: FAST_SCRYPT });
    const b = await hashPin('123456', { params: FAST_SCRYPT });
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('123456');
    expect(a).not.toBe(b);
  });

  it('verifies the right PIN and rejects a wrong or malformed one', async () => {
    const stored = await hashPin('987654', { params: FAST_SCRYPT });
    expect(await verifyPin('987654', stored)).toBe(true);
    expect(await verifyPin('987655', stored)).toBe(false);
    expect(await verifyPin('987654', stored.replace('scrypt', 'md5'))).toBe(false);
    expect(await verifyPin('987654', 'scrypt$1000$8$1$AAAA$BBBB')).toBe(false);
  });

  it('uses a production cost of at least N=2^15', async () => {
    expect(DEFAULT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15);
    const stored = await hashPin('135790');
    expect(parseHash(stored)?.params).toEqual(DEFAULT_PARAMS);
    expect(await verifyPin('135790', stored)).toBe(true);
  });
});
