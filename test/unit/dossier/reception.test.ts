import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Day } from '../../../preload/contract/base';
import { createDossiers } from '../../../main/core/dossier';
import { vietnamCalendar } from '../../../main/core/calendar';
import {
  PORTAL_REFUSAL_WITHOUT_REASON,
  portalInstant,
  shiftByPause,
} from '../../../main/core/dossier/reception';
import type { FormSink } from '../../../main/core/dossier/types';
import type { RefusalData, SupplementData, TrackingData } from '../../../main/core/print/forms/data';
import type { ReceiptData } from '../../../main/core/print/receipt-data';
import { asyncFailure } from '../failures';
import { tempDir } from '../helpers';
import {
  type Harness,
  addStaff,
  birthData,
  birthProcedure,
  fromUsb,
  harness,
  imageBytes,
  staff,
} from './fixtures';

/**
 * Receiving a dossier under Nghị định 118/2025 (issue 20): the citizen alone submits and waits; staff
 * receive (Mẫu 01 from that moment), refuse (Mẫu 03, kept and sent as refused), or ask for papers
 * (Mẫu 02, everything at once); the portal may receive or refuse a pending one.
 */

interface Printed {
  receipts: ReceiptData[];
  supplement: SupplementData[];
  refusal: RefusalData[];
  tracking: { kind: string; format: string; data: TrackingData }[];
}

function recordingForms(printed: Printed, hasPrinter = true): FormSink {
  let next = 100;
  const pdf = (what: string) => Promise.resolve(new TextEncoder().encode(`%PDF ${what}`));
  return {
    hasPrinter,
    receipt(data, copies) {
      printed.receipts.push(data);
      return Array.from({ length: copies }, () => next++);
    },
    receiptPdf: (data) => pdf(data.code),
    form(kind: 'supplement' | 'refusal', data: SupplementData | RefusalData) {
      if (kind === 'supplement') printed.supplement.push(data as SupplementData);
      else printed.refusal.push(data as RefusalData);
      return [next++];
    },
    pdf: (kind: string) => pdf(kind),
    tracking(kind, format, data) {
      printed.tracking.push({ kind, format, data });
      return Promise.resolve(format === 'csv' ? 'csv' : new Uint8Array([1]));
    },
  } as FormSink;
}

let h: Harness;
let printed: Printed;
let dossiers: ReturnType<typeof createDossiers>;
afterEach(() => h?.close());

function setup(): void {
  h = harness(tempDir());
  addStaff(h.db);
  printed = { receipts: [], supplement: [], refusal: [], tracking: [] };
  dossiers = createDossiers({ ...h.deps, forms: recordingForms(printed) });
}

async function draft(actor = {}, complete = true): Promise<string> {
  const { id } = dossiers.create(birthProcedure.id, actor);
  dossiers.update({ id, data: birthData, contact: { phone: '0912345678' } });
  if (complete) {
    writeFileSync(join(h.importDir, 'cs.jpg'), imageBytes('jpeg'));
    await dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('cs.jpg') });
    await dossiers.attach({ id, componentId: 'anh-cccd', source: fromUsb('cs.jpg') });
  }
  return id;
}

const row = (id: string) =>
  h.db
    .prepare(
      `SELECT reception, reception_at, reception_by, reception_source, refusal_reason, due_date, current_status
       FROM dossiers WHERE id = ?`,
    )
    .get(id) as Record<string, unknown>;
const events = (id: string) =>
  h.db.prepare('SELECT status, note_vi FROM dossier_events WHERE dossier_id = ? ORDER BY id').all(id);
const updates = () => h.db.prepare('SELECT dossier_id FROM reception_updates').pluck().all();

describe('two paths into the centre', () => {
  it('alone at the kiosk: submitted, the slip, a due date only expected; with staff: received, Mẫu 01 on A4', async () => {
    setup();
    const alone = dossiers.submit(await draft());
    expect(alone).toMatchObject({ reception: 'pending', receipt: { form: 'slip' } });
    expect(h.receipts.queued.map((q) => q.data.stage)).toEqual(['submitted']);
    expect(row(alone.id)).toMatchObject({
      reception: 'pending',
      reception_at: null,
      current_status: 'submitted',
    });

    const withStaff = dossiers.submit(await draft({ staff }), { staff });
    expect(withStaff).toMatchObject({
      reception: 'received',
      receipt: { form: 'receipt', jobIds: [100, 101] },
    });
    // Mẫu 01 of the assisted filing went to the counter's A4 printer, not the kiosk's receipt printer.
    expect(printed.receipts).toHaveLength(1);
    expect(printed.receipts[0]).toMatchObject({ stage: 'received', receivedBy: staff.displayName });
    expect(row(withStaff.id)).toMatchObject({
      reception: 'received',
      reception_by: staff.displayName,
      reception_source: 'counter',
    });
    expect(events(withStaff.id)).toEqual([{ status: 'received', note_vi: null }]);
  });
});

describe('dossier.receive', () => {
  it('counts the due date from the moment an officer receives it and prints Mẫu 01 (audited)', async () => {
    setup();
    // Friday 27 November 2026, 16:00 in Hà Nội; received on Monday 30 November at 09:00.
    h.clock.set(new Date('2026-11-27T09:00:00.000Z'));
    const { id, code, dueDate: expected } = dossiers.submit(await draft());
    expect(expected).toBe('2026-12-02'); // Friday + 3 working days, dự kiến
    h.clock.set(new Date('2026-11-30T02:00:00.000Z'));
    const received = await dossiers.receive(id, staff);
    expect(received).toMatchObject({ code, receivedAt: '2026-11-30T02:00:00.000Z', dueDate: '2026-12-03' });
    expect(row(id)).toMatchObject({
      reception: 'received',
      reception_at: '2026-11-30T02:00:00.000Z',
      reception_by: staff.displayName,
      due_date: '2026-12-03',
      current_status: 'received',
    });
    expect(events(id)).toEqual([
      { status: 'submitted', note_vi: null },
      { status: 'received', note_vi: null },
    ]);
    expect(printed.receipts.at(-1)).toMatchObject({
      stage: 'received',
      receivedAt: '2026-11-30T02:00:00.000Z',
      dueDate: '2026-12-03',
      receivedBy: staff.displayName,
    });
    expect(updates()).toEqual([id]);
    expect(
      h.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.receive'").pluck().get(),
    ).toBe(1);
    // Twice is refused in words, and changes nothing.
    expect((await asyncFailure(dossiers.receive(id, staff))).code).toBe('dossier-already-received');
    expect(printed.receipts).toHaveLength(1);
  });

  it('the staff reprint gives the paper the reception calls for', async () => {
    setup();
    const { id, code } = dossiers.submit(await draft());
    expect((await dossiers.receipt(code, false, staff)).form).toBe('slip');
    await dossiers.receive(id, staff);
    expect((await dossiers.receipt(code, false, staff)).form).toBe('receipt');
  });
});

describe('dossier.refuse (Mẫu 03)', () => {
  it('a pending dossier: kept, refused with the reason, the portal told, Mẫu 03 printed', async () => {
    setup();
    const { id, code } = dossiers.submit(await draft());
    const reason = 'Thủ tục không thuộc thẩm quyền giải quyết của UBND phường.';
    const answer = await dossiers.refuse(id, reason, staff);
    expect(answer).toMatchObject({ code, jobIds: [100] });
    expect(row(id)).toMatchObject({
      reception: 'refused',
      refusal_reason: reason,
      current_status: 'refused',
    });
    expect(events(id)).toEqual([
      { status: 'submitted', note_vi: null },
      { status: 'refused', note_vi: reason },
    ]);
    expect(printed.refusal[0]).toMatchObject({ code, reason, officer: staff.displayName });
    expect(printed.refusal[0]?.applicant.fullName).toBe('Trần Thị Bình');
    expect(updates()).toEqual([id]);
    expect(h.db.prepare('SELECT COUNT(*) FROM outbox WHERE dossier_id = ?').pluck().get(id)).toBe(1);
    expect((await asyncFailure(dossiers.receive(id, staff))).code).toBe('dossier-refused');
    expect((await dossiers.receipt(code, false, staff)).form).toBe('refusal');
  });

  it('an incomplete assisted draft: given a code and an outbox row, sent as refused', async () => {
    setup();
    const id = await draft({ staff }, false);
    const reason = 'Người nộp không phải người có yêu cầu và không có văn bản ủy quyền.';
    const { code } = await dossiers.refuse(id, reason, staff);
    expect(code).toMatch(/^000\.00\.12\.H29-K07-\d{6}-0001$/);
    expect(row(id)).toMatchObject({
      reception: 'refused',
      refusal_reason: reason,
      reception_source: 'counter',
    });
    expect(h.db.prepare('SELECT state FROM outbox WHERE dossier_id = ?').pluck().get(id)).toBe('waiting');
    expect(events(id)).toEqual([{ status: 'refused', note_vi: reason }]);
    // The POST carries the refusal: no separate update needed.
    expect(updates()).toEqual([]);
  });

  it("a citizen's own draft cannot be refused; a received dossier neither", async () => {
    setup();
    const own = await draft();
    expect((await asyncFailure(dossiers.refuse(own, 'Không đủ điều kiện', staff))).code).toBe(
      'dossier-not-assisted',
    );
    const { id } = dossiers.submit(await draft({ staff }), { staff });
    expect((await asyncFailure(dossiers.refuse(id, 'Không đủ điều kiện', staff))).code).toBe(
      'dossier-already-received',
    );
    expect(printed.refusal).toEqual([]);
  });
});

describe('dossier.supplementRequest (Mẫu 02)', () => {
  it('lists every problem of the check at once, with the legal basis and the officer note', async () => {
    setup();
    const id = await draft({ staff }, false);
    const answer = await dossiers.supplementRequest(
      id,
      { note: 'Giấy chứng sinh bị mờ', print: true },
      staff,
    );
    expect(answer.items.map((i) => i.paper)).toEqual([
      'Giấy giay-chung-sinh',
      'Giấy anh-cccd',
      'Ghi chú của cán bộ tiếp nhận',
    ]);
    expect(answer.jobIds).toEqual([100]);
    expect(printed.supplement[0]).toMatchObject({
      code: null,
      procedure: { legalBasis: ['Luật Hộ tịch 2014'] },
      officer: staff.displayName,
    });
  });

  it("a dossier the portal asked papers for: the portal's words; a complete draft without a note is refused", async () => {
    setup();
    const { id } = dossiers.submit(await draft({ staff }), { staff });
    h.db
      .prepare(
        "INSERT INTO dossier_events (dossier_id, status, at, note_vi, note_en, source) VALUES (?, 'supplement', '2026-11-24T03:00:00.000Z', 'Thiếu bản sao giấy đăng ký kết hôn', 'x', 'portal')",
      )
      .run(id);
    h.db.prepare("UPDATE dossiers SET current_status = 'supplement' WHERE id = ?").run(id);
    const answer = await dossiers.supplementRequest(id, { print: false }, staff);
    expect(answer).toMatchObject({ jobIds: [], items: [{ request: 'Thiếu bản sao giấy đăng ký kết hôn' }] });

    const complete = await draft({ staff });
    expect((await asyncFailure(dossiers.supplementRequest(complete, { print: true }, staff))).code).toBe(
      'dossier-nothing-to-complete',
    );
  });
});

describe('the portal receives or refuses a pending dossier', () => {
  it('received: received by the portal, due date from its moment; a dossier not pending is left alone', async () => {
    setup();
    h.clock.set(new Date('2026-11-27T09:00:00.000Z'));
    const { id } = dossiers.submit(await draft());
    dossiers.receptionByPortal({ id, status: 'received', at: '2026-11-30T03:00:00.000Z', note: null });
    expect(row(id)).toMatchObject({
      reception: 'received',
      reception_source: 'portal',
      reception_by: null,
      reception_at: '2026-11-30T03:00:00.000Z',
      due_date: '2026-12-03',
    });
    dossiers.receptionByPortal({ id, status: 'refused', at: '2026-12-01T03:00:00.000Z', note: 'x' });
    expect(row(id)).toMatchObject({ reception: 'received' });
  });

  it('a pending dossier the portal asked papers for (5), received at the counter, is received (2)', async () => {
    setup();
    const { id } = dossiers.submit(await draft());
    // What the status pull writes for a 'supplement' on a pending dossier: its status, no reception.
    h.db.prepare(`UPDATE dossiers SET current_status = 'supplement' WHERE id = ?`).run(id);
    await dossiers.receive(id, staff);
    expect(row(id)).toMatchObject({ reception: 'received', current_status: 'received' });
  });

  it("refused: refused with the portal's reason", async () => {
    setup();
    const { id } = dossiers.submit(await draft());
    dossiers.receptionByPortal({
      id,
      status: 'refused',
      at: '2026-11-24T03:00:00.000Z',
      note: 'Sai thẩm quyền',
    });
    expect(row(id)).toMatchObject({
      reception: 'refused',
      refusal_reason: 'Sai thẩm quyền',
      reception_source: 'portal',
    });
  });
});

describe('dossier.tracking (Mẫu 06, Mẫu 07)', () => {
  it('the range’s dossiers with their timelines; a range too long is refused', async () => {
    setup();
    const pending = dossiers.submit(await draft());
    const assisted = dossiers.submit(await draft({ staff }), { staff });
    const out = await dossiers.tracking(
      { from: '2026-11-23', to: '2026-11-23', form: 'book', format: 'csv' },
      staff,
    );
    expect(out).toMatchObject({
      filename: 'mau-07-so-theo-doi-ho-so-2026-11-23.csv',
      dossiers: 2,
      content: 'csv',
    });
    const data = printed.tracking[0]?.data;
    expect(data?.dossiers.map((d) => [d.code, d.channel, d.reception])).toEqual([
      [pending.code, 'kiosk', 'pending'],
      [assisted.code, 'counter', 'received'],
    ]);
    expect(data?.dossiers[0]?.events.map((e) => e.status)).toEqual(['submitted']);
    const counterOnly = await dossiers.tracking(
      { from: '2026-11-23', to: '2026-11-23', form: 'control', format: 'pdf', channel: 'counter' },
      staff,
    );
    expect(counterOnly.dossiers).toBe(1);
    expect(
      (
        await asyncFailure(
          dossiers.tracking({ from: '2025-01-01', to: '2026-11-23', form: 'book', format: 'pdf' }, staff),
        )
      ).code,
    ).toBe('tracking-range');
  });
});

describe('dossier.pending', () => {
  it('lists what waits for an officer, oldest first, with channel and reception', async () => {
    setup();
    const a = dossiers.submit(await draft());
    dossiers.submit(await draft({ staff }), { staff });
    const c = dossiers.submit(await draft());
    expect(dossiers.pending().map((d) => [d.code, d.channel, d.reception])).toEqual([
      [a.code, 'kiosk', 'pending'],
      [c.code, 'kiosk', 'pending'],
    ]);
    await dossiers.receive(a.id, staff);
    expect(dossiers.pending().map((d) => d.code)).toEqual([c.code]);
    // The day list carries each dossier's latest status (the screen offers Mẫu 02 on 'supplement').
    expect(dossiers.today().map((d) => d.status)).toEqual(['received', 'received', 'submitted']);
  });
});

describe('what staff type is plain text', () => {
  it('a reason or note with markup or control characters is refused and changes nothing', async () => {
    setup();
    const { id } = dossiers.submit(await draft());
    expect((await asyncFailure(dossiers.refuse(id, 'Lý do <script>alert(1)</script>', staff))).field).toBe(
      'reason',
    );
    expect((await asyncFailure(dossiers.refuse(id, 'Lý do\u0007 chuông', staff))).field).toBe('reason');
    expect(row(id)).toMatchObject({ reception: 'pending', refusal_reason: null });
    const own = await draft({ staff }, false);
    expect(
      (await asyncFailure(dossiers.supplementRequest(own, { note: '<img src=x>', print: true }, staff)))
        .field,
    ).toBe('note');
    expect(printed.refusal).toEqual([]);
    expect(printed.supplement).toEqual([]);
  });
});

describe('found in review', () => {
  it('a dossier without a reception (restored from a manifest of before 0013) counts as received', async () => {
    setup();
    const { id } = dossiers.submit(await draft({ staff }), { staff });
    h.db.prepare('UPDATE dossiers SET reception = NULL, reception_at = NULL WHERE id = ?').run(id);
    expect((await asyncFailure(dossiers.refuse(id, 'Không đủ điều kiện', staff))).code).toBe(
      'dossier-already-received',
    );
    expect((await asyncFailure(dossiers.receive(id, staff))).code).toBe('dossier-already-received');
    expect(events(id)).toEqual([{ status: 'received', note_vi: null }]);
    expect(updates()).toEqual([]);
  });

  it('a form that cannot be queued leaves the decision standing and answers without a job', async () => {
    setup();
    const failing = { ...recordingForms(printed) };
    failing.receipt = () => {
      throw new Error('printer table locked');
    };
    dossiers = createDossiers({ ...h.deps, forms: failing });
    const { id } = dossiers.submit(await draft());
    const received = await dossiers.receive(id, staff);
    expect(received.jobIds).toEqual([]);
    expect(row(id)).toMatchObject({ reception: 'received' });
  });

  it('a portal refusal without words gets a worded reason; the reason stays out of the audit', async () => {
    setup();
    const first = dossiers.submit(await draft());
    dossiers.receptionByPortal({ id: first.id, status: 'refused', at: '2026-11-24T03:00:00Z', note: null });
    expect(row(first.id)).toMatchObject({ refusal_reason: PORTAL_REFUSAL_WITHOUT_REASON });
    const second = dossiers.submit(await draft());
    await dossiers.refuse(second.id, 'Ông Nguyễn Văn A, CCCD 001190012345, không có giấy ủy quyền', staff);
    expect(JSON.stringify(h.db.prepare('SELECT details FROM audit_log').all())).not.toContain('001190012345');
  });

  it('receive on a draft says it is not submitted; Mẫu 02 is not for a citizen’s own draft', async () => {
    setup();
    const own = await draft();
    expect((await asyncFailure(dossiers.receive(own, staff))).code).toBe('dossier-not-submitted');
    expect((await asyncFailure(dossiers.supplementRequest(own, { print: true }, staff))).code).toBe(
      'dossier-not-assisted',
    );
  });

  it('a portal time without an offset is read in the centre’s time zone', () => {
    expect(portalInstant('2026-11-27T16:30:00', 'Asia/Ho_Chi_Minh')).toBe('2026-11-27T09:30:00.000Z');
    expect(portalInstant('2026-11-27T16:30:00+07:00', 'UTC')).toBe('2026-11-27T09:30:00.000Z');
    expect(portalInstant('hôm qua', 'Asia/Ho_Chi_Minh')).toBeNull();
  });
});

describe('a day in the contract is a day that exists', () => {
  it('2026-02-30 and 2026-13-01 are refused (Date would roll them over), 2028-02-29 is a day', () => {
    expect(Day.safeParse('2026-02-30').success).toBe(false);
    expect(Day.safeParse('2026-13-01').success).toBe(false);
    expect(Day.safeParse('2028-02-29').success).toBe(true);
  });
});

describe('the appointment after a request for papers (the agency’s clock stops meanwhile)', () => {
  it.each([
    // due, asked (day included), papers brought (day excluded), new due; 2026-12-05/06 are a weekend.
    ['2026-12-10', '2026-12-01', '2026-12-01', '2026-12-10'], // brought the same day: no working day lost
    ['2026-12-10', '2026-12-01', '2026-12-03', '2026-12-14'], // Tue, Wed: two days → Fri 11, Mon 14
    ['2026-12-10', '2026-12-04', '2026-12-07', '2026-12-11'], // Fri counted, the weekend not
    // 30 and 31 Dec count (1 Jan is a holiday, then the weekend): from Thu 31 Dec → Mon 4, Tue 5 Jan.
    ['2026-12-31', '2026-12-30', '2027-01-04', '2027-01-05'],
  ])('due %s, asked %s, papers %s → %s', (due, from, to, expected) => {
    expect(shiftByPause(due, from, to, vietnamCalendar)).toBe(expected);
  });

  it('from the timeline: the last request to the moment the papers came, in the centre’s days', async () => {
    setup();
    const { id } = dossiers.submit(await draft({ staff }), { staff });
    h.db.prepare("UPDATE dossiers SET due_date = '2026-12-10' WHERE id = ?").run(id);
    h.db
      .prepare(
        "INSERT INTO dossier_events (dossier_id, status, at, source) VALUES (?, 'supplement', '2026-12-01T02:00:00Z', 'portal')",
      )
      .run(id);
    // Asked Tuesday 1 Dec, papers brought Thursday 3 Dec at 08:00 in Hà Nội: Tue and Wed paused.
    expect(dossiers.dueAfterSupplement(id, '2026-12-03T01:00:00Z')).toBe('2026-12-14');
    expect(dossiers.dueAfterSupplement(id, 'không phải ngày')).toBeNull();
    // Asked before an officer received it (Mẫu 02 instead of receiving it): no pause to count.
    h.db.prepare("UPDATE dossiers SET reception_at = '2026-12-02T02:00:00.000Z' WHERE id = ?").run(id);
    expect(dossiers.dueAfterSupplement(id, '2026-12-03T01:00:00Z')).toBeNull();
  });
});

describe('a dossier the citizen withdrew before reception (7)', () => {
  it('cannot be received, refused or asked papers for at the counter; nothing is printed or queued', async () => {
    setup();
    const { id } = dossiers.submit(await draft());
    h.db.prepare("UPDATE dossiers SET current_status = 'withdrawn' WHERE id = ?").run(id);
    expect((await asyncFailure(dossiers.receive(id, staff))).code).toBe('dossier-withdrawn');
    expect((await asyncFailure(dossiers.refuse(id, 'Không đủ điều kiện', staff))).code).toBe(
      'dossier-withdrawn',
    );
    expect(
      (await asyncFailure(dossiers.supplementRequest(id, { note: 'Thiếu bản sao', print: true }, staff)))
        .code,
    ).toBe('dossier-not-supplementable');
    expect(row(id)).toMatchObject({ reception: 'pending', current_status: 'withdrawn' });
    expect(updates()).toEqual([]);
    expect(printed.receipts).toEqual([]);
  });
});
