// The citizen shell's routing for the dossier features: tiles, scans, and resuming after a reload.
import { describe, expect, it } from 'vitest';
import {
  citizenReducer,
  initialCitizenSession,
  scanAction,
  screenFor,
  screenReadsScans,
  startSession,
} from '../../../../renderer/src/screens/citizen/session';

const all = ['queue', 'procedures', 'dossier', 'tracking'] as const;

describe('home tiles', () => {
  it('open the screens when main offers the feature', () => {
    expect(screenFor('procedures', all)).toEqual({ name: 'procedures' });
    expect(screenFor('dossier', all)).toEqual({ name: 'dossier-pick' });
    expect(screenFor('tracking', all)).toEqual({ name: 'lookup' });
  });
  it('stay honest when main does not', () => {
    expect(screenFor('dossier', ['queue'])).toEqual({ name: 'coming-soon', feature: 'dossier' });
  });
});

describe('scans on the shell', () => {
  const receipt = {
    ok: true as const,
    value: { kind: 'dossier-code' as const, code: '000.00.12.H29-K01-261123-0001', provisional: true },
  };
  it('a receipt QR opens its lookup', () => {
    expect(scanAction(receipt, all)).toEqual({
      type: 'open',
      screen: { name: 'lookup', code: receipt.value.code },
    });
  });
  it('without tracking it is the calm receipt notice', () => {
    expect(scanAction(receipt, ['queue'])).toEqual({ type: 'scanned', notice: { kind: 'receipt' } });
  });
  it('the wizard and the lookup read scans themselves', () => {
    expect(screenReadsScans({ name: 'dossier', procedureId: 'x' })).toBe(true);
    expect(screenReadsScans({ name: 'lookup' })).toBe(true);
    expect(screenReadsScans({ name: 'home' })).toBe(false);
    expect(screenReadsScans({ name: 'procedures' })).toBe(false);
  });
});

describe('after a reload', () => {
  const draft = { id: '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718', procedureId: 'dang-ky-khai-sinh' };
  it('the citizen’s draft opens again, and the idle reset still runs', () => {
    const session = startSession(draft, all);
    expect(session.screen).toEqual({ name: 'dossier', procedureId: draft.procedureId, dossierId: draft.id });
    expect(session.touched).toBe(true);
    expect(citizenReducer(session, { type: 'reset' })).toEqual(initialCitizenSession);
  });
  it('no draft, or filing switched off: home', () => {
    expect(startSession(null, all)).toEqual(initialCitizenSession);
    expect(startSession(draft, ['queue'])).toEqual(initialCitizenSession);
  });
});
