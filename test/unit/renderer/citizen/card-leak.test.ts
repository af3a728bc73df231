// A card carried in the session fills this citizen's filing, never the next citizen's (issue 22 review).
import { describe, expect, it } from 'vitest';
import {
  citizenReducer,
  initialCitizenSession,
  scanAction,
} from '../../../../renderer/src/screens/citizen/session';

const all = ['queue', 'procedures', 'dossier', 'tracking'] as const;
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

describe('a card scanned by one citizen', () => {
  it('does not reach the filing of the next one after "Xong" on the ticket', () => {
    // A scans a card at home, takes a ticket from the greeting, taps "Xong" on the ticket: home again.
    let s = citizenReducer(initialCitizenSession, scanAction(qr, all));
    s = citizenReducer(s, { type: 'open', screen: { name: 'queue' } });
    s = citizenReducer(s, { type: 'open', screen: { name: 'home' } });
    // B walks up (touching the screen, so no idle reset), "Nộp hồ sơ", a procedure: the wizard opens.
    s = citizenReducer(s, { type: 'open', screen: { name: 'dossier-pick' } });
    s = citizenReducer(s, { type: 'open', screen: { name: 'dossier', procedureId: 'dang-ky-khai-sinh' } });
    expect(s.card).toBeNull();
  });

  it('still fills the filing the same citizen starts from the greeting', () => {
    let s = citizenReducer(initialCitizenSession, scanAction(qr, all));
    s = citizenReducer(s, { type: 'open', screen: { name: 'dossier-pick' } });
    s = citizenReducer(s, { type: 'open', screen: { name: 'dossier', procedureId: 'dang-ky-khai-sinh' } });
    expect(s.card?.person.fullName).toBe('Nguyễn Văn An');
  });
});
