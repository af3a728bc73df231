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

describe('a card scanned in the session', () => {
  const qr = {
    ok: true as const,
    value: {
      kind: 'cccd-qr' as const,
      person: {
        idNumber: '001190001234',
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-01-01',
        sex: 'male' as const,
        address: 'Hà Nội',
        issueDate: '2021-08-15',
      },
      extra: [],
    },
  };
  const draft = {
    id: '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718',
    procedureId: 'dang-ky-khai-sinh',
    procedureName: 'Đăng ký khai sinh',
    createdAt: '2026-12-07T02:00:00.000Z',
    draftToken: 'q2Xh0bN7rX4cT9vLw1sYk8uF3mZp6aEd5gHj2Ri0PoA',
  };
  const scanned = citizenReducer(initialCitizenSession, scanAction(qr, all));

  it('is held for the filing, through the screens opened after it', () => {
    expect(scanned.card?.person).toMatchObject({ fullName: 'Nguyễn Văn An', idNumber: '001190001234' });
    const filing = citizenReducer(citizenReducer(scanned, { type: 'open', screen: { name: 'queue' } }), {
      type: 'open',
      screen: { name: 'dossier', procedureId: 'dang-ky-khai-sinh' },
    });
    expect(filing.card).toBe(scanned.card);
  });

  it('is wiped by the idle reset, by "Không phải tôi", and once a form used it', () => {
    expect(citizenReducer(scanned, { type: 'reset' }).card).toBeNull();
    expect(citizenReducer(scanned, { type: 'scan-dismiss' }).card).toBeNull();
    expect(citizenReducer(scanned, { type: 'card-used' }).card).toBeNull();
  });

  it('a receipt or an unreadable scan neither carries nor wipes a card', () => {
    const receipt = {
      ok: true as const,
      value: { kind: 'dossier-code' as const, code: 'X', provisional: true },
    };
    const error = {
      ok: false as const,
      error: { code: 'scan-unreadable', vi: 'Không đọc được', en: 'Unreadable' },
    };
    expect(scanAction(receipt, ['queue'])).not.toHaveProperty('reading');
    expect(citizenReducer(scanned, scanAction(error, all)).card).toBe(scanned.card);
  });

  it('the drafts it took back join its greeting, and nobody else’s', () => {
    const found = citizenReducer(scanned, { type: 'drafts-found', drafts: [draft] });
    expect(found.scan).toMatchObject({ kind: 'person', name: 'Nguyễn Văn An', drafts: [draft] });
    // The greeting was closed, or the session reset, before main answered: nothing to show.
    const closed = citizenReducer(scanned, { type: 'scan-dismiss' });
    expect(citizenReducer(closed, { type: 'drafts-found', drafts: [draft] })).toBe(closed);
    const home = citizenReducer(scanned, { type: 'reset' });
    expect(citizenReducer(home, { type: 'drafts-found', drafts: [draft] })).toEqual(initialCitizenSession);
  });
});
