// The calendar.* methods through createCore (access as the bridge enforces it), and a due date that an
// admin's change moves for the next dossier while a submitted dossier keeps the date on its receipt.
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../../preload/api';
import { createCalendarStore } from '../../../main/core/calendar';
import { createDossiers } from '../../../main/core/dossier';
import { type Harness, formOnlyProcedure, harness } from '../dossier/fixtures';
import { lanDevice, makeCore, quietLogs, remote, tempDir } from '../helpers';
import { insertStaff } from '../staff-rows';

quietLogs();

const ADMIN_PIN = '246810';

async function signedIn() {
  const { core } = await makeCore({ env: { KIOSK_ADMIN_PIN: ADMIN_PIN } });
  // A counter PC on the LAN: staff sign in on it, and their sessions work from it.
  const counter = await lanDevice(core, 'counter', { adminPin: ADMIN_PIN });
  const token = async (user: string, pin: string): Promise<string> => {
    const r = await core.call('staff.signIn', { user, pin }, counter);
    if (!r.ok) throw new Error(r.error.en);
    return (r.value as { token: string }).token;
  };
  const admin = { ...counter, token: await token('admin', ADMIN_PIN) };
  const created = await core.call(
    'staff.createUser',
    { user: 'lan', displayName: 'Nguyễn Thị Lan', role: 'staff', pin: '555666' },
    admin,
  );
  if (!created.ok) throw new Error(created.error.en);
  const staff = { ...counter, token: await token('lan', '555666') };
  return { core, counter, admin, staff };
}

const swapOff = {
  date: '2026-03-03',
  kind: 'swap-off' as const,
  name: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' },
  status: 'official' as const,
  source: 'Thông báo của UBND',
};

describe('calendar methods through the core', () => {
  it('lets staff read a year, only admins change it, and nobody without a session', async () => {
    const { core, counter, admin, staff } = await signedIn();
    const anonymous = await core.call('calendar.year', { year: 2026 }, counter);
    expect(!anonymous.ok && anonymous.error.code).toBe('unauthorized');
    const unpaired = await core.call('calendar.year', { year: 2026 }, { ...remote, token: staff.token });
    expect(!unpaired.ok && unpaired.error.code).toBe('device-not-paired');
    const read = await core.call('calendar.year', { year: 2026 }, staff);
    expect(read.ok && read.value).toMatchObject({ year: { year: 2026 }, years: [2026, 2027] });

    for (const [method, input] of [
      ['calendar.setDay', swapOff],
      ['calendar.removeDay', { date: '2026-09-01' }],
      ['calendar.restoreDay', { date: '2026-09-01' }],
      ['calendar.setYear', { year: 2028, status: 'official', note: '' }],
    ] as const) {
      const refused = await core.call(method, input, staff);
      expect(!refused.ok && refused.error.code, method).toBe('forbidden');
    }
    const unchanged = await core.call('calendar.year', { year: 2026 }, staff);
    expect(unchanged).toEqual(read);

    const set = await core.call('calendar.setDay', swapOff, admin);
    expect(set.ok && set.value).toMatchObject({ origin: 'staff', changedBy: 'Quản trị viên' });
  });

  it('moves calendar.dueDate by one working day once an admin adds a day off', async () => {
    const { core, admin } = await signedIn();
    const kiosk = await lanDevice(core, 'kiosk', { adminPin: ADMIN_PIN, client: '192.168.1.60' });
    const ask = { receivedAt: '2026-03-02T09:00:00+07:00', workingDays: 1 };
    const before = await core.call('calendar.dueDate', ask, kiosk);
    expect(before.ok && before.value).toMatchObject({ dueDate: '2026-03-03' });
    expect((await core.call('calendar.setDay', swapOff, admin)).ok).toBe(true);
    const after = await core.call('calendar.dueDate', ask, kiosk);
    expect(after.ok && after.value).toMatchObject({ dueDate: '2026-03-04' });
    expect((await core.call('calendar.removeDay', { date: swapOff.date }, admin)).ok).toBe(true);
    const back = await core.call('calendar.dueDate', ask, kiosk);
    expect(back.ok && back.value).toMatchObject({ dueDate: '2026-03-03' });
  });

  it('works out due dates in the centre’s time zone, with the procedure’s cut-off', async () => {
    const { core } = await makeCore();
    const kiosk = await lanDevice(core, 'kiosk');
    // Thursday 26 November 2026, 16:00 in Hà Nội (09:00 UTC): after a 15:00 cut-off it counts from
    // Friday, and one working day later is Monday (the weekend skipped).
    const late = await core.call(
      'calendar.dueDate',
      { receivedAt: '2026-11-26T09:00:00Z', workingDays: 1, cutoff: '15:00' },
      kiosk,
    );
    expect(late.ok && late.value).toEqual({
      effectiveReceivedDate: '2026-11-27',
      dueDate: '2026-11-30',
      workingDays: 1,
      estimated: false,
    });
    const noCutoff = await core.call(
      'calendar.dueDate',
      { receivedAt: '2026-11-26T09:00:00Z', workingDays: 1 },
      kiosk,
    );
    expect(noCutoff.ok && noCutoff.value).toMatchObject({
      effectiveReceivedDate: '2026-11-26',
      dueDate: '2026-11-27',
    });
  });

  it('answers an edit the calendar refuses with a vi/en message for the field', async () => {
    const { core, admin } = await signedIn();
    const r = await core.call('calendar.setDay', { ...swapOff, date: '2028-03-07' }, admin);
    expect(!r.ok && r.error).toMatchObject({ code: 'calendar-year-not-covered', field: 'date' });
    const bad = await core.call('calendar.setDay', { ...swapOff, kind: 'swap-work' }, admin);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-calendar-entry', field: 'kind' });
  });
});

describe('due dates of submitted dossiers', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it('a new dossier gets the changed date; one already submitted keeps the date on its receipt', () => {
    h = harness(tempDir()); // Monday 23 November 2026, 09:00 in Hà Nội
    insertStaff(h.db, { id: 1, user: 'admin', displayName: 'Trần Văn Quản', role: 'admin' });
    const admin: StaffUser = { id: 1, user: 'admin', displayName: 'Trần Văn Quản', role: 'admin' };
    const calendar = createCalendarStore(h.db, { clock: h.clock, audit: h.deps.audit });
    const dossiers = createDossiers({ ...h.deps, calendar });
    const file = (name: string) => {
      const { id } = dossiers.create(formOnlyProcedure.id);
      dossiers.update({ id, data: { nguoiYeuCau: { fullName: name } } });
      return dossiers.submit(id, {});
    };

    const first = file('Nguyễn Văn An');
    expect(first.dueDate).toBe('2026-11-26'); // 3 working days: Tue, Wed, Thu
    calendar.setDay({ ...swapOff, date: '2026-11-24' }, admin);
    const second = file('Trần Thị Bình');
    expect(second.dueDate).toBe('2026-11-27'); // Tuesday is now off: Wed, Thu, Fri
    expect(dossiers.lookup(first.code).dueDate).toBe('2026-11-26');
  });
});
