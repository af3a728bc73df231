import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import type { NationalStatus, PortalReception, PortalStatus } from '../../../preload/contract/portal';
import type { Portal } from '../../portal';
import { addWorkingDays, workingDaysBetween } from '../../portal/due';
import { ADMIN, dossierWith, postDossier, send, startPortal } from './fixtures';

const PENDING: PortalReception = { state: 'pending', at: null, by: null, reason: null };
const NOTE = 'Lý do của cơ quan';

let portal: Portal | null = null;
afterEach(async () => {
  await portal?.close();
  portal = null;
});

/** A portal on a manual clock, Monday 2026-11-23 09:00 in Vietnam. */
async function start() {
  const clock = manualClock('2026-11-23T02:00:00.000Z');
  portal = await startPortal({ clock });
  return { portal, clock };
}

async function submit(p: Portal, reception: PortalReception | null = null, dueDate = '2026-11-26') {
  const dossier = dossierWith([], { dueDate, ...(reception ? { reception } : {}) });
  const reply = await postDossier(p, dossier);
  expect(reply.status).toBe(201);
  return (reply.json() as { portalCode: string }).portalCode;
}

/** Walks a dossier along `path` (each step with a reason), from a received one or a pending one. */
async function at(p: Portal, path: PortalStatus[], pending = false): Promise<string> {
  const code = await submit(p, pending ? PENDING : null);
  for (const s of path) expect(p.admin.setStatus(code, s, NOTE)).toMatchObject({ ok: true });
  return code;
}

const ALL: PortalStatus[] = [
  'received',
  'refused',
  'processing',
  'supplement',
  'financial',
  'withdrawn',
  'stopped',
  'done',
  'returned',
];

/** From each state (reached by its path), the moves a one-stop office makes; every other is refused. */
const TABLE: { from: NationalStatus; pending?: boolean; path: PortalStatus[]; allowed: PortalStatus[] }[] = [
  { from: 'submitted', pending: true, path: [], allowed: ['received', 'refused', 'supplement'] },
  { from: 'supplement', pending: true, path: ['supplement'], allowed: ['received', 'refused'] },
  {
    from: 'received',
    path: [],
    allowed: ['processing', 'supplement', 'financial', 'withdrawn', 'stopped'],
  },
  { from: 'processing', path: ['processing'], allowed: ['supplement', 'financial', 'stopped', 'done'] },
  { from: 'supplement', path: ['supplement'], allowed: ['processing'] },
  { from: 'financial', path: ['financial'], allowed: ['processing'] },
  { from: 'done', path: ['processing', 'done'], allowed: ['returned'] },
  { from: 'returned', path: ['processing', 'done', 'returned'], allowed: [] },
  { from: 'withdrawn', path: ['withdrawn'], allowed: [] },
  { from: 'stopped', path: ['stopped'], allowed: [] },
  { from: 'refused', pending: true, path: ['refused'], allowed: [] },
];

describe('reference portal: national status moves', () => {
  it.each(TABLE)('from $from (pending: $pending) only $allowed', async (row) => {
    const { portal: p } = await start();
    for (const to of ALL) {
      const code = await at(p, row.path, row.pending);
      expect(p.store.dossier(code)?.status).toBe(row.from);
      const outcome = p.admin.setStatus(code, to, NOTE);
      if (row.allowed.includes(to)) {
        expect(outcome, `${row.from} → ${to}`).toMatchObject({ ok: true });
        expect(p.store.dossier(code)?.status).toBe(to);
      } else {
        expect(outcome, `${row.from} → ${to}`).toMatchObject({ ok: false, status: 409 });
        // The refusal says from what to what, with the national codes.
        if (!outcome.ok) expect(outcome.error).toMatch(/\(\d+\).*\(\d+\)/);
        expect(p.store.dossier(code)?.status).toBe(row.from);
      }
    }
  });

  it('a reason is required for 3, 5, 7 and 8 (422, nothing moved), not for the others', async () => {
    const { portal: p } = await start();
    const pending = await submit(p, PENDING);
    expect(p.admin.setStatus(pending, 'refused', '  ')).toMatchObject({ ok: false, status: 422 });
    for (const s of ['supplement', 'withdrawn', 'stopped'] as const) {
      const code = await submit(p);
      expect(p.admin.setStatus(code, s)).toMatchObject({ ok: false, status: 422 });
      expect(p.store.dossier(code)?.status).toBe('received');
    }
    const code = await submit(p);
    expect(p.admin.setStatus(code, 'processing')).toMatchObject({ ok: true });
    expect(p.admin.setStatus(code, 'financial')).toMatchObject({ ok: true });
  });

  it('5 → 4 moves the appointment by the working days the citizen took, and says so in the change', async () => {
    const { portal: p, clock } = await start();
    const code = await submit(p, null, '2026-11-26'); // Thursday
    p.admin.setStatus(code, 'processing');
    p.admin.setStatus(code, 'supplement', 'Thiếu bản sao CCCD'); // Monday 23
    clock.advance(4 * 86_400_000); // Friday 27: Tue, Wed, Thu, Fri = 4 working days
    expect(p.admin.setStatus(code, 'processing')).toMatchObject({ ok: true });
    // Thursday 26 + 4 working days (Fri 27, Mon 30, Tue 1, Wed 2) = Wednesday 2 December.
    expect(p.store.dossier(code)?.due_date).toBe('2026-12-02');
    const changes = (await send(p.url, '/api/v1/dossiers')).json() as {
      changes: { status: string; dueDate: string | null }[];
    };
    expect(changes.changes.map((c) => [c.status, c.dueDate])).toEqual([
      ['processing', null],
      ['supplement', null],
      ['processing', '2026-12-02'],
    ]);
    // The same day: nothing taken, no new date.
    const quick = await submit(p, null, '2026-12-10');
    p.admin.setStatus(quick, 'supplement', 'Thiếu chữ ký');
    p.admin.setStatus(quick, 'processing');
    expect(p.store.dossier(quick)?.due_date).toBe('2026-12-10');
  });

  it('Mon–Fri counting (due.ts): weekends do not count', () => {
    expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1); // Fri → Mon
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // a Saturday
  });

  it('a pending dossier received by the portal counts its appointment from then', async () => {
    const { portal: p, clock } = await start();
    const code = await submit(p, PENDING, '2026-11-26');
    clock.advance(86_400_000); // received Tuesday: one working day later
    p.admin.setStatus(code, 'received');
    expect(p.store.dossier(code)?.due_date).toBe('2026-11-27');
  });

  it('paid online, paid at the counter; done with an electronic result', async () => {
    const { portal: p } = await start();
    const pending = await submit(p, PENDING);
    expect(p.store.setPaid(pending, true, 'online')).toMatchObject({ ok: false, status: 409 });
    const code = await submit(p);
    expect(p.store.setPaid(code, true, 'online')).toMatchObject({ ok: true });
    p.admin.setStatus(code, 'processing');
    expect(p.store.moveStatus(code, 'done', null, true)).toMatchObject({ ok: true });
    const changes = (await send(p.url, '/api/v1/dossiers')).json() as {
      changes: {
        status: string;
        paid: boolean | null;
        paidVia: string | null;
        resultElectronic: boolean | null;
      }[];
    };
    expect(changes.changes.map((c) => [c.status, c.paid, c.paidVia, c.resultElectronic])).toEqual([
      ['received', true, 'online', null],
      ['processing', true, null, null],
      ['done', true, null, true],
    ]);
    expect(p.store.dossier(code)).toMatchObject({ paid: 1, paid_via: 'online', result_electronic: 1 });
  });

  it('Mẫu 04 only on a late dossier still open, with words and a date from today', async () => {
    const { portal: p, clock } = await start();
    const code = await submit(p, null, '2026-11-24');
    p.admin.setStatus(code, 'processing');
    expect(p.store.apologise(code, 'Xin lỗi', '2026-12-01')).toMatchObject({ ok: false, status: 409 });
    clock.advance(3 * 86_400_000); // Thursday 26: late
    expect(p.store.apologise(code, '  ', '2026-12-01')).toMatchObject({ ok: false, status: 422 });
    expect(p.store.apologise(code, 'Xin lỗi', '2026-11-25')).toMatchObject({ ok: false, status: 422 });
    expect(p.store.apologise(code, 'Xin lỗi vì chậm trễ.', '2026-12-01')).toMatchObject({ ok: true });
    const changes = (await send(p.url, '/api/v1/dossiers')).json() as {
      changes: { status: string; apology: unknown }[];
    };
    expect(changes.changes.at(-1)).toMatchObject({
      status: 'processing',
      apology: { text: 'Xin lỗi vì chậm trễ.', newDueDate: '2026-12-01' },
    });
    p.admin.setStatus(code, 'done');
    expect(p.store.apologise(code, 'Xin lỗi', '2026-12-01')).toMatchObject({ ok: false, status: 409 });
  });

  it('admin page: a button per allowed move, "kết quả điện tử" beside done, online payment, Mẫu 04 when late', async () => {
    const { portal: p, clock } = await start();
    const code = await submit(p, null, '2026-11-24');
    p.admin.setStatus(code, 'processing');
    clock.advance(3 * 86_400_000);
    const html = (
      await send(p.url, '/admin', {
        token: null,
        headers: { Authorization: `Basic ${Buffer.from(`t:${ADMIN}`).toString('base64')}` },
      })
    ).text;
    const row = html.slice(html.indexOf(`<strong>${code}</strong>`));
    for (const s of ['supplement', 'financial', 'stopped', 'done']) expect(row).toContain(`value="${s}"`);
    expect(row).not.toContain('value="returned"');
    expect(row).toContain('4 · Đang xử lý');
    expect(row).toContain('kết quả điện tử');
    expect(row).toContain('Đã thanh toán trực tuyến');
    expect(row).toContain('Xin lỗi, gia hạn (Mẫu 04)');
    expect(row).toContain('(quá hạn)');
  });
});
