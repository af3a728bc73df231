import { describe, expect, it } from 'vitest';
import type { PortalStatusChange } from '../../../main/core/sync/types';
import { harness } from './support';

/**
 * Each national status the portal reports, on the kiosk: the dossier's current status, its reception,
 * its due date (and the first one given), what else the change says, and the portal's rows on the
 * citizen's timeline. Table-driven, hand-written expectations.
 */

const PULL_MS = 60_000;
/** The seed's due date (test/unit/sync/seed.ts). */
const DUE = '2026-11-30';
/** What the fake dossier module answers for the appointment after papers the portal gave no date for. */
const KIOSK_COUNTED = '2026-12-02';

type Change = Omit<PortalStatusChange, 'id' | 'portalCode' | 'at' | 'note' | 'paid'> &
  Partial<Pick<PortalStatusChange, 'note' | 'paid'>>;

interface Case {
  name: string;
  reception: 'pending' | 'received';
  changes: Change[];
  expect: {
    current: string;
    reception: string;
    due?: string;
    firstDue?: string | null;
    /** The portal's rows on the timeline, oldest first. */
    timeline: string[];
    paid?: number | null;
    paidVia?: string | null;
    resultElectronic?: number | null;
    apology?: [string, string] | null;
    supplementAlert?: boolean;
  };
}

const CASES: Case[] = [
  {
    name: '1 → 2: the portal receives a pending dossier',
    reception: 'pending',
    changes: [{ status: 'received' }],
    expect: { current: 'received', reception: 'received', timeline: ['received'] },
  },
  {
    name: '1 → 3: the portal refuses to receive it, with its reason',
    reception: 'pending',
    changes: [{ status: 'refused', note: 'Không thuộc thẩm quyền' }],
    expect: { current: 'refused', reception: 'refused', timeline: ['refused'] },
  },
  {
    name: '1 → 5: papers first; still pending, staff alerted',
    reception: 'pending',
    changes: [{ status: 'supplement', note: 'Thiếu bản sao CCCD' }],
    expect: { current: 'supplement', reception: 'pending', timeline: ['supplement'], supplementAlert: true },
  },
  {
    name: '1 → 7: withdrawn before reception; no reception',
    reception: 'pending',
    changes: [{ status: 'withdrawn', note: 'Công dân rút hồ sơ' }],
    expect: { current: 'withdrawn', reception: 'pending', timeline: ['withdrawn'] },
  },
  {
    name: '1 → 4: a portal merging steps received it',
    reception: 'pending',
    changes: [{ status: 'processing' }],
    expect: { current: 'processing', reception: 'received', timeline: ['processing'] },
  },
  {
    name: '2 at the counter, 2 from the portal: already its status, no second row',
    reception: 'received',
    changes: [{ status: 'received' }],
    expect: { current: 'received', reception: 'received', timeline: [] },
  },
  {
    name: '2 → 5 → 4 with no date from the portal: the kiosk counts the pause (dueAfterSupplement)',
    reception: 'received',
    changes: [{ status: 'supplement', note: 'Thiếu bản sao' }, { status: 'processing' }],
    expect: {
      current: 'processing',
      reception: 'received',
      due: KIOSK_COUNTED,
      firstDue: DUE,
      timeline: ['supplement', 'processing'],
    },
  },
  {
    name: '2 → 4 → 5 → 4: the papers brought move the appointment, the first one kept',
    reception: 'received',
    changes: [
      { status: 'processing' },
      { status: 'supplement', note: 'Bản sao giấy chứng sinh bị mờ' },
      { status: 'processing', dueDate: '2026-12-03' },
    ],
    expect: {
      current: 'processing',
      reception: 'received',
      due: '2026-12-03',
      firstDue: DUE,
      timeline: ['processing', 'supplement', 'processing'],
      supplementAlert: false,
    },
  },
  {
    name: '4 → 6 → 4: fees asked, then paid online',
    reception: 'received',
    changes: [
      { status: 'processing' },
      { status: 'financial' },
      { status: 'processing', paid: true, paidVia: 'online' },
    ],
    expect: {
      current: 'processing',
      reception: 'received',
      timeline: ['processing', 'financial', 'processing'],
      paid: 1,
      paidVia: 'online',
      due: DUE,
      firstDue: null,
    },
  },
  {
    name: '4 → 9 (electronic result) → 10',
    reception: 'received',
    changes: [{ status: 'processing' }, { status: 'done', resultElectronic: true }, { status: 'returned' }],
    expect: {
      current: 'returned',
      reception: 'received',
      timeline: ['processing', 'done', 'returned'],
      resultElectronic: 1,
    },
  },
  {
    name: '2 → 8: stopped after reception, with its reason',
    reception: 'received',
    changes: [{ status: 'stopped', note: 'Hồ sơ giả mạo' }],
    expect: { current: 'stopped', reception: 'received', timeline: ['stopped'] },
  },
  {
    name: '2 → 7: withdrawn at the citizen’s request',
    reception: 'received',
    changes: [{ status: 'withdrawn', note: 'Công dân rút hồ sơ' }],
    expect: { current: 'withdrawn', reception: 'received', timeline: ['withdrawn'] },
  },
  {
    name: '4, late: Mẫu 04 repeats the status; stored, no second row, the appointment unchanged',
    reception: 'received',
    changes: [
      { status: 'processing' },
      { status: 'processing', apology: { text: 'Xin lỗi vì giải quyết chậm.', newDueDate: '2026-12-07' } },
    ],
    expect: {
      current: 'processing',
      reception: 'received',
      due: DUE,
      timeline: ['processing'],
      apology: ['Xin lỗi vì giải quyết chậm.', '2026-12-07'],
    },
  },
];

describe('national statuses pulled from the portal', () => {
  it.each(CASES)('$name', async (c) => {
    const h = harness({
      reception: {
        // As the dossier module does (dossier/reception.ts byPortal): the reception, not the status.
        byPortal(change) {
          h.db
            .prepare(
              `UPDATE dossiers SET reception = ?, reception_at = ?, reception_source = 'portal' WHERE id = ?`,
            )
            .run(change.status, change.at, change.id);
        },
        dueAfterSupplement: () => KIOSK_COUNTED,
      },
    });
    const d = h.seed(
      c.reception === 'pending'
        ? { reception: { state: 'pending' } }
        : { assistedBy: 1, reception: { state: 'received', at: '2026-11-23T02:00:00.000Z', by: 'Lan' } },
    );
    h.sync.start();
    await h.advance(0);
    const { portalCode } = h.portal.dossiers.get(d.id)!;
    c.changes.forEach((change, i) => {
      h.portal.changeLog.push({
        note: null,
        paid: null,
        ...change,
        id: d.id,
        portalCode,
        at: `2026-11-24T0${i + 1}:00:00.000Z`,
      });
    });
    await h.advance(PULL_MS);

    const row = h.db
      .prepare(
        `SELECT current_status AS current, reception, due_date AS due, first_due_date AS firstDue, paid,
           paid_via AS paidVia, result_electronic AS resultElectronic, apology_text AS apologyText,
           apology_due_date AS apologyDue
         FROM dossiers WHERE id = ?`,
      )
      .get(d.id) as Record<string, string | number | null>;
    const timeline = h.db
      .prepare(`SELECT status FROM dossier_events WHERE dossier_id = ? AND source = 'portal' ORDER BY id`)
      .pluck()
      .all(d.id);
    const e = c.expect;
    expect({ current: row.current, reception: row.reception, timeline }).toEqual({
      current: e.current,
      reception: e.reception,
      timeline: e.timeline,
    });
    expect(row.current).not.toBe('sent');
    if (e.due !== undefined) expect(row.due).toBe(e.due);
    if (e.firstDue !== undefined) expect(row.firstDue).toBe(e.firstDue);
    if (e.paid !== undefined) expect(row.paid).toBe(e.paid);
    if (e.paidVia !== undefined) expect(row.paidVia).toBe(e.paidVia);
    if (e.resultElectronic !== undefined) expect(row.resultElectronic).toBe(e.resultElectronic);
    if (e.apology !== undefined) {
      expect(e.apology === null ? null : [row.apologyText, row.apologyDue]).toEqual(e.apology);
    }
    if (e.supplementAlert !== undefined) {
      const alert = h.alerts.find((a) => a.code === 'dossier-supplement');
      expect(alert !== undefined && !alert.settled).toBe(e.supplementAlert);
    }
  });

  it('a fee reported unpaid again forgets how it was paid', async () => {
    const h = harness();
    const d = h.seed({ assistedBy: 1, reception: { state: 'received', at: '2026-11-23T02:00:00.000Z' } });
    h.sync.start();
    await h.advance(0);
    const { portalCode } = h.portal.dossiers.get(d.id)!;
    const base = { id: d.id, portalCode, note: null, status: 'processing' as const };
    h.portal.changeLog.push({ ...base, at: '2026-11-24T01:00:00.000Z', paid: true, paidVia: 'counter' });
    h.portal.changeLog.push({ ...base, at: '2026-11-24T02:00:00.000Z', paid: false });
    await h.advance(PULL_MS);
    expect(h.db.prepare('SELECT paid, paid_via AS via FROM dossiers WHERE id = ?').get(d.id)).toEqual({
      paid: 0,
      via: null,
    });
  });
});

describe('found in review: repeats, second requests, requests before reception', () => {
  const pulled = async (
    reception: 'pending' | 'received',
    changes: (Change & { at: string })[],
    dueAfterSupplement: (id: string, at: string) => string | null = () => KIOSK_COUNTED,
  ) => {
    const h = harness({
      reception: {
        byPortal(change) {
          h.db
            .prepare(
              `UPDATE dossiers SET reception = ?, reception_at = ?, reception_source = 'portal', due_date = '2026-12-09' WHERE id = ?`,
            )
            .run(change.status, change.at, change.id);
        },
        dueAfterSupplement,
      },
    });
    const d = h.seed(
      reception === 'pending'
        ? { reception: { state: 'pending' } }
        : { assistedBy: 1, reception: { state: 'received', at: '2026-11-23T02:00:00.000Z', by: 'Lan' } },
    );
    h.sync.start();
    await h.advance(0);
    const { portalCode } = h.portal.dossiers.get(d.id)!;
    for (const change of changes)
      h.portal.changeLog.push({ note: null, paid: null, ...change, id: d.id, portalCode });
    await h.advance(PULL_MS);
    const row = h.db
      .prepare('SELECT current_status AS current, due_date AS due FROM dossiers WHERE id = ?')
      .get(d.id) as { current: string; due: string };
    const timeline = h.db
      .prepare(
        `SELECT status, note_vi AS note FROM dossier_events WHERE dossier_id = ? AND source = 'portal' ORDER BY id`,
      )
      .all(d.id);
    return { row, timeline };
  };

  it('an older change repeated after a later one sets nothing back (its status, its date)', async () => {
    const { row, timeline } = await pulled('received', [
      { status: 'processing', at: '2026-11-24T01:00:00.000Z', dueDate: '2026-12-03' },
      { status: 'done', at: '2026-11-25T01:00:00.000Z', dueDate: '2026-12-10' },
      { status: 'processing', at: '2026-11-24T01:00:00.000Z', dueDate: '2026-12-03' },
    ]);
    expect(row).toEqual({ current: 'done', due: '2026-12-10' });
    expect(timeline.map((t) => (t as { status: string }).status)).toEqual(['processing', 'done']);
  });

  it('a second request for papers while one is open is shown with its own list', async () => {
    const { row, timeline } = await pulled('received', [
      { status: 'supplement', at: '2026-11-24T01:00:00.000Z', note: 'Thiếu bản sao CCCD' },
      { status: 'supplement', at: '2026-11-26T01:00:00.000Z', note: 'Thêm giấy xác nhận cư trú' },
    ]);
    expect(row.current).toBe('supplement');
    expect(timeline).toEqual([
      { status: 'supplement', note: 'Thiếu bản sao CCCD' },
      { status: 'supplement', note: 'Thêm giấy xác nhận cư trú' },
    ]);
  });

  it('papers asked before reception (1 → 5 → 4): the date counted from reception stands, not shifted', async () => {
    let asked = 0;
    const { row } = await pulled(
      'pending',
      [
        { status: 'supplement', at: '2026-11-24T01:00:00.000Z', note: 'Thiếu bản sao' },
        { status: 'processing', at: '2026-11-26T01:00:00.000Z' },
      ],
      () => {
        asked++;
        return KIOSK_COUNTED;
      },
    );
    expect(asked).toBe(0);
    expect(row).toEqual({ current: 'processing', due: '2026-12-09' });
  });
});
