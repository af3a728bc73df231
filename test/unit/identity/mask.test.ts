import { describe, expect, it } from 'vitest';
import { maskId } from '../../../main/core/identity';

describe('maskId', () => {
  it('shows only the last four characters, keeping the length', () => {
    expect(maskId('001090001234')).toBe('••••••••1234');
    expect(maskId('079300005678')).toBe('••••••••5678');
    expect(maskId('025123456')).toBe('•••••3456');
    expect(maskId(' 0010 9000 1234 ')).toBe('••••••••1234');
  });

  it('never reveals a short value whole', () => {
    expect(maskId('1234')).toBe('••••');
    expect(maskId('12')).toBe('••');
    expect(maskId('')).toBe('');
    expect(maskId(undefined as unknown as string)).toBe('');
  });
});
