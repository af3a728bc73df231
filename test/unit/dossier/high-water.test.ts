import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGH_WATER_FILE, createHighWater } from '../../../main/core/dossier/high-water';
import { maskName } from '../../../main/core/identity';

describe('dossier sequence high-water mark (outside the database)', () => {
  it('remembers the last number per day across instances', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-'));
    createHighWater(dir).set('2026-11-23', 7);
    const again = createHighWater(dir);
    expect(again.get('2026-11-23')).toBe(7);
    expect(again.get('2026-11-24')).toBe(0);
  });

  it('keeps only the last week of days', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-'));
    const hw = createHighWater(dir);
    for (let d = 1; d <= 10; d += 1) hw.set(`2026-11-${String(d).padStart(2, '0')}`, d);
    const kept = Object.keys(JSON.parse(readFileSync(join(dir, HIGH_WATER_FILE), 'utf8')) as object);
    expect(kept).toHaveLength(7);
    expect(hw.get('2026-11-10')).toBe(10);
    expect(hw.get('2026-11-01')).toBe(0);
  });

  it('a damaged file counts as empty rather than stopping submissions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-'));
    writeFileSync(join(dir, HIGH_WATER_FILE), '{not json');
    expect(createHighWater(dir).get('2026-11-23')).toBe(0);
  });
});

describe('maskName', () => {
  it('keeps the family name and initials of the rest', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
    expect(maskName('  Trần   thị   Ánh Tuyết ')).toBe('Trần T. Á. T.');
    expect(maskName('An')).toBe('A.');
    expect(maskName('')).toBe('');
  });
});
