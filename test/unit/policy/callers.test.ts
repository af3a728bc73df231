/**
 * The access table: who may call what, by caller and method access, before staff sessions are checked.
 * Every cell is asserted, so widening one (a display allowed a citizen method, an unpaired client let
 * past pairing) fails here.
 */
import { describe, expect, it } from 'vitest';
import type { Access } from '../../../preload/api';
import { refusalFor, type Caller } from '../../../main/core/policy/callers';

const callers: Record<string, Caller> = {
  window: { kind: 'window' },
  kiosk: { kind: 'device', role: 'kiosk' },
  counter: { kind: 'device', role: 'counter' },
  display: { kind: 'device', role: 'display' },
  unpaired: { kind: 'unpaired' },
};

// What each caller gets without a staff session: 'ok' or the error code.
const table: Record<Access, Record<keyof typeof callers, string>> = {
  anyone: { window: 'ok', kiosk: 'ok', counter: 'ok', display: 'ok', unpaired: 'ok' },
  read: { window: 'ok', kiosk: 'ok', counter: 'ok', display: 'ok', unpaired: 'device-not-paired' },
  signin: {
    window: 'ok',
    kiosk: 'ok',
    counter: 'ok',
    display: 'device-role',
    unpaired: 'device-not-paired',
  },
  citizen: {
    window: 'ok',
    kiosk: 'ok',
    counter: 'unauthorized',
    display: 'device-role',
    unpaired: 'device-not-paired',
  },
  local: {
    window: 'ok',
    kiosk: 'local-only',
    counter: 'local-only',
    display: 'local-only',
    unpaired: 'device-not-paired',
  },
  staff: { window: 'ok', kiosk: 'ok', counter: 'ok', display: 'device-role', unpaired: 'device-not-paired' },
  admin: { window: 'ok', kiosk: 'ok', counter: 'ok', display: 'device-role', unpaired: 'device-not-paired' },
};

describe('who may call what', () => {
  for (const [access, row] of Object.entries(table) as [Access, Record<string, string>][]) {
    it(`${access}: ${Object.entries(row)
      .map(([c, r]) => `${c} ${r}`)
      .join(', ')}`, () => {
      for (const [name, caller] of Object.entries(callers)) {
        expect(refusalFor(access, caller, false)?.code ?? 'ok', `${access} by ${name}`).toBe(row[name]);
      }
    });
  }

  it('lets a counter PC file for a citizen once staff are signed in on it, and never a display', () => {
    expect(refusalFor('citizen', callers.counter!, true)).toBeNull();
    expect(refusalFor('citizen', callers.display!, true)?.code).toBe('device-role');
    expect(refusalFor('citizen', callers.unpaired!, true)?.code).toBe('device-not-paired');
  });

  it('says in both languages what an unpaired device must do', () => {
    const error = refusalFor('read', callers.unpaired!, false);
    expect(error?.vi).toMatch(/mã ghép nối/);
    expect(error?.en).toMatch(/pairing code/);
  });
});
