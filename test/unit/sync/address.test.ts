import { describe, expect, it } from 'vitest';
import type { PortalDossier } from '../../../main/core/sync/types';
import { harness } from './support';

const OLD = 'Số 5 ngõ 12 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội';
const STRUCTURED = {
  street: 'Số 5 ngõ 12 phố Kim Mã',
  communeCode: '00004',
  commune: 'Phường Ba Đình',
  province: 'Thành phố Hà Nội',
  provinceCode: '01',
  text: 'Số 5 ngõ 12 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
  asWritten: OLD,
};

describe('addresses in the dossier sent to the portal', () => {
  it('sends the structured address with its text and the card’s old text, and an old dossier’s string as filed', async () => {
    const h = harness();
    const now = h.seed({ data: { me: { fullName: 'Nguyễn Thị Giang', address: STRUCTURED } } });
    const before = h.seed({ data: { me: { fullName: 'Trần Văn Hà', address: OLD } } });
    h.sync.start();
    await h.advance(0);
    const sent = (id: string) => (JSON.parse(h.portal.dossiers.get(id)!.body) as PortalDossier).data;
    expect(sent(now.id)).toEqual({ me: { fullName: 'Nguyễn Thị Giang', address: STRUCTURED } });
    expect(sent(before.id)).toEqual({ me: { fullName: 'Trần Văn Hà', address: OLD } });
  });
});
