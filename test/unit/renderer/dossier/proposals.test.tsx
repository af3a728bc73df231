// One-tap proposals on the e-form (issue 22, fewer taps): what the birth registration proposes from its own
// data and its uiSchema, that nothing is proposed for a field already filled or from outside the dossier,
// the writes a tap makes, the recent years of a date, and the buttons as the kiosk theme renders them.
import { describe, expect, it } from 'vitest';
import { SEED_PROCEDURES } from '../../../../main/core/catalogue/seed';
import type { Procedure } from '../../../../preload/api';
import {
  dayText,
  monthWeeks,
  recentYears,
  shiftMonth,
} from '../../../../renderer/src/screens/dossier/form/date';
import { mergeIn, proposalsFor, setIn } from '../../../../renderer/src/screens/dossier/form/proposals';
import { createFormValidation } from '../../../../renderer/src/screens/dossier/form/validator';
import type { FormData } from '../../../../renderer/src/screens/dossier/lib/persons';
import { FormStep } from '../../../../renderer/src/screens/dossier/steps/FormStep';
import { TRANG_TIEN } from '../../../e2e/support/addresses';
import { render } from '../render';

const khaiSinh = SEED_PROCEDURES.find((p) => p.id === 'dang-ky-khai-sinh') as Procedure;

const parents: FormData = {
  me: {
    fullName: 'Trần Thị Bình',
    idNumber: '001190001234',
    birthDate: '1990-01-01',
    address: TRANG_TIEN,
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
  },
  cha: { fullName: 'Nguyễn Văn Cường', birthDate: '1989-05-05', ethnicity: 'Tày' },
};

const proposals = (data: FormData) => proposalsFor(khaiSinh.form.schema, khaiSinh.form.uiSchema, data);
const labels = (data: FormData, id: string) =>
  proposals(data)
    .fields.get(id)
    ?.proposals.map((p) => `${p.label}${p.from ? ` (${p.from})` : ''}`) ?? [];

describe('what the birth registration proposes', () => {
  it('the child’s ethnicity and nationality from the parents, nationality Việt Nam, a surname from each', () => {
    expect(labels(parents, 'root_tre_ethnicity')).toEqual(['Kinh (Mẹ)', 'Tày (Cha)']);
    expect(labels(parents, 'root_tre_nationality')).toEqual(['Việt Nam (Mẹ)']);
    expect(labels(parents, 'root_tre_fullName')).toEqual(['Nguyễn (Cha)', 'Trần (Mẹ)']);
    const surname = proposals(parents).fields.get('root_tre_fullName')?.proposals[0];
    expect(surname).toMatchObject({ value: 'Nguyễn ', mode: 'start' });
    expect(proposals(parents).fields.get('root_tre_fullName')?.path).toEqual(['tre', 'fullName']);
  });

  it('a parent’s ethnicity as the other’s; the usual first words of a birth place; recent years of birth', () => {
    expect(labels(parents, 'root_cha_nationality')).toEqual(['Việt Nam (Mẹ)']);
    expect(labels({ cha: { ethnicity: 'Tày' } }, 'root_me_ethnicity')).toEqual(['Tày (Cha)']);
    expect(labels({}, 'root_tre_birthPlace')).toEqual(['Bệnh viện', 'Trạm y tế', 'Trung tâm y tế']);
    const ui = khaiSinh.form.uiSchema as { tre: { birthDate: { 'ui:options': { proposeYears: number } } } };
    expect(ui.tre.birthDate['ui:options'].proposeYears).toBe(2);
  });

  it('nothing for a field already filled, and nothing the dossier does not hold', () => {
    const filled = { ...parents, tre: { ethnicity: 'Mường', fullName: 'Lò Văn A' } };
    expect(proposals(filled).fields.has('root_tre_ethnicity')).toBe(false);
    expect(proposals(filled).fields.has('root_tre_fullName')).toBe(false);
    // No parent yet: the child's ethnicity has nothing to come from, no guess.
    expect(labels({}, 'root_tre_ethnicity')).toEqual([]);
    expect(labels({}, 'root_tre_nationality')).toEqual(['Việt Nam']);
  });

  it('the applicant is the mother or the father in one tap: their fields and the relationship', () => {
    const group = proposals(parents).groups.get('root_nguoiYeuCau');
    expect(group?.path).toEqual(['nguoiYeuCau']);
    expect(group?.sameAs.map((s) => [s.path, s.title, s.name])).toEqual([
      ['me', 'Mẹ', 'Trần Thị Bình'],
      ['cha', 'Cha', 'Nguyễn Văn Cường'],
    ]);
    // Only what the applicant's part of the form asks: name, ID, address; then "mẹ".
    expect(group?.sameAs[0]?.values).toEqual({
      fullName: 'Trần Thị Bình',
      idNumber: '001190001234',
      address: TRANG_TIEN,
      quanHe: 'mẹ',
    });
    expect(group?.sameAs[1]?.values).toEqual({ fullName: 'Nguyễn Văn Cường', quanHe: 'cha' });
    // An applicant with a name is somebody already.
    const named = { ...parents, nguoiYeuCau: { fullName: 'Lê Văn Dũng' } };
    expect(proposals(named).groups.has('root_nguoiYeuCau')).toBe(false);
  });

  it('a tap writes the value where it goes, and keeps the rest', () => {
    const data: FormData = { tre: { fullName: 'A' }, me: { fullName: 'B' } };
    expect(setIn(data, ['tre', 'ethnicity'], 'Kinh')).toEqual({
      tre: { fullName: 'A', ethnicity: 'Kinh' },
      me: { fullName: 'B' },
    });
    expect(setIn({}, ['tre', 'ethnicity'], 'Kinh')).toEqual({ tre: { ethnicity: 'Kinh' } });
    expect(mergeIn(data, ['me'], { quanHe: 'mẹ' })).toEqual({
      tre: { fullName: 'A' },
      me: { fullName: 'B', quanHe: 'mẹ' },
    });
    expect(data).toEqual({ tre: { fullName: 'A' }, me: { fullName: 'B' } });
  });
});

describe('what the other two journeys propose', () => {
  const seedOf = (id: string) => SEED_PROCEDURES.find((p) => p.id === id) as Procedure;

  it('a certified copy: the usual papers, and counts as numbers', () => {
    const p = seedOf('chung-thuc-ban-sao-tu-ban-chinh');
    const found = proposalsFor(p.form.schema, p.form.uiSchema, {});
    expect(found.fields.get('root_giayTo_tenGiayTo')?.proposals.map((x) => x.label)).toContain(
      'Giấy khai sinh',
    );
    const copies = found.fields.get('root_giayTo_soBan')?.proposals ?? [];
    expect(copies.map((x) => x.value)).toEqual([1, 2, 3, 5]);
    // A count typed is a count: no proposal for it any more.
    const typed = proposalsFor(p.form.schema, p.form.uiSchema, { giayTo: { soBan: 4 } });
    expect(typed.fields.has('root_giayTo_soBan')).toBe(false);
  });

  it('a permanent residence: the request as the law’s cases', () => {
    const p = seedOf('dang-ky-thuong-tru');
    const found = proposalsFor(p.form.schema, p.form.uiSchema, {});
    expect(found.fields.get('root_noiDung')?.proposals.map((x) => x.value)).toEqual([
      'Đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của tôi',
      'Đăng ký thường trú vào chỗ ở của người thân (vợ, chồng, cha, mẹ, con) với sự đồng ý của chủ hộ',
      'Đăng ký thường trú tại chỗ ở hợp pháp do thuê, mượn, ở nhờ',
    ]);
  });
});

describe('a date’s recent years', () => {
  it('offers this year and the last once day and month are typed, and not before or after', () => {
    expect(recentYears('10/11', 2026, 2)).toEqual([2026, 2025]);
    expect(recentYears('10/1', 2026, 2)).toEqual([]);
    expect(recentYears('10/11/2', 2026, 2)).toEqual([]);
    expect(recentYears('10/11', 2026, 0)).toEqual([]);
  });
});

describe('a recent date on a calendar', () => {
  it('lays a month out Monday to Sunday, and steps across years', () => {
    // 1 December 2026 is a Tuesday.
    const weeks = monthWeeks(2026, 12);
    expect(weeks[0]).toEqual([null, 1, 2, 3, 4, 5, 6]);
    expect(weeks.at(-1)).toEqual([28, 29, 30, 31, null, null, null]);
    expect(
      monthWeeks(2028, 2)
        .flat()
        .filter((d) => d !== null),
    ).toHaveLength(29);
    expect(shiftMonth(2026, 1, -1)).toEqual([2025, 12]);
    expect(shiftMonth(2026, 12, 1)).toEqual([2027, 1]);
    expect(dayText(2026, 3, 5)).toBe('05/03/2026');
  });
});

describe('the proposals as the kiosk theme renders them', () => {
  const html = render(
    <FormStep
      procedure={khaiSinh}
      formData={parents as never}
      onChange={() => undefined}
      validation={createFormValidation(false)}
      extraErrors={{}}
      tried={false}
      errorCount={0}
      checking={false}
      formContext={{ filled: new Set(), noDiacritics: new Set(), verified: new Set() }}
      formRef={null}
      chosenSlot="me"
      onChooseSlot={() => undefined}
      onChip={() => undefined}
    />,
  );

  it('shows a button per proposal by its empty field, saying where it comes from', () => {
    expect(html).toContain('data-testid="proposals-root_tre_ethnicity"');
    expect(html).toMatch(/data-proposal="Kinh"[^>]*>Kinh<span class="df-proposal-from">\(như Mẹ\)<\/span>/);
    expect(html).toContain('data-proposal="Nguyễn"');
    expect(html).toContain('Nguyễn …');
    // Filled fields have none.
    expect(html).not.toContain('data-testid="proposals-root_me_ethnicity"');
  });

  it('puts this month’s days under the child’s birth date, days after today not to be chosen', () => {
    expect(html).toContain('data-testid="calendar-root_tre_birthDate"');
    expect(html).not.toContain('data-testid="calendar-root_me_birthDate"');
    const now = new Date();
    const first = dayText(now.getFullYear(), now.getMonth() + 1, 1);
    expect(html).toMatch(new RegExp(`data-day="${first}"(?![^>]*disabled)`));
    const last = new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate();
    if (last > now.getDate()) {
      const future = dayText(now.getFullYear(), now.getMonth() + 1, last);
      expect(html).toMatch(new RegExp(`data-day="${future}"[^>]*disabled`));
    }
  });

  it('offers the applicant as the mother or the father, by name', () => {
    expect(html).toContain('data-testid="same-as-root_nguoiYeuCau"');
    expect(html).toContain('Người yêu cầu là:');
    expect(html).toContain('Mẹ – Trần Thị Bình');
    expect(html).toContain('Cha – Nguyễn Văn Cường');
  });
});
