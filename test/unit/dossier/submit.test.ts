import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasValidCrc, parseTlv } from '../../../main/core/payment/vietqr';
import { paymentPurpose } from '../../../main/core/dossier';
import { tempDir } from '../helpers';
import {
  type Harness,
  MOTHER_ID,
  birthData,
  birthProcedure,
  count,
  feeProcedure,
  harness,
  imageBytes,
  addStaff,
  fromUsb,
  staff,
} from './fixtures';
import { failure } from '../failures';

let h: Harness;
afterEach(() => h?.close());

/** A birth registration draft that passes the check. */
async function readyBirth(actor = {}): Promise<string> {
  const { id } = h.dossiers.create(birthProcedure.id, actor);
  h.dossiers.update({ id, data: birthData, contact: { phone: '0912345678' } });
  writeFileSync(join(h.importDir, 'cs.jpg'), imageBytes('jpeg'));
  await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('cs.jpg') });
  await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('cs.jpg') });
  await h.dossiers.attach({ id, componentId: 'anh-cccd', source: fromUsb('cs.jpg') });
  return id;
}

async function readyFee(): Promise<string> {
  const { id } = h.dossiers.create(feeProcedure.id);
  h.dossiers.update({
    id,
    data: { nguoiYeuCau: { fullName: 'Lê Văn Cường', idNumber: '079200012345' } },
    contact: { email: 'cuong@example.vn' },
  });
  writeFileSync(join(h.importDir, 'bc.jpg'), imageBytes('jpeg'));
  await h.dossiers.attach({ id, componentId: 'ban-chinh', source: fromUsb('bc.jpg') });
  return id;
}

describe('submitting', () => {
  it('writes the dossier, its timeline, the outbox row and the audit row together; alone, it waits to be received', async () => {
    h = harness(tempDir());
    const id = await readyBirth();
    h.clock.advance(5 * 60_000); // 09:05 in Hà Nội, Monday 23 November 2026
    const submitted = h.dossiers.submit(id);

    expect(submitted).toMatchObject({
      id,
      code: '000.00.12.H29-K07-261123-0001',
      provisional: true,
      procedureName: 'Đăng ký khai sinh',
      receivedAt: '2026-11-23T02:05:00.000Z',
      dueDate: '2026-11-26', // Monday + 3 working days
      dueDateEstimated: false,
      fee: birthProcedure.fee,
      payment: null,
      // Filed by the citizen alone (Nghị định 118/2025): submitted, waiting for an officer; the slip.
      reception: 'pending',
      receipt: { jobIds: [1, 2], copies: 2, form: 'slip' },
      lookupSecret: expect.stringMatching(/^[2-9A-HJ-NP-Z]{6}$/) as unknown as string,
    });
    expect(h.receipts.queued[0]?.data.stage).toBe('submitted');
    const row = h.db.prepare('SELECT * FROM dossiers WHERE id = ?').get(id);
    expect(row).toMatchObject({
      status: 'submitted',
      code: submitted.code,
      day: '2026-11-23',
      seq: 1,
      received_at: submitted.receivedAt,
      due_date: '2026-11-26',
      applicant_name: 'Trần Thị Bình', // the mother (has an ID), not the child in the first slot
      applicant_id: MOTHER_ID,
      current_status: 'submitted',
      fee_amount: 0,
      paid: null,
      reception: 'pending',
      reception_at: null,
      reception_by: null,
    });
    expect(
      h.db.prepare('SELECT status, at, source FROM dossier_events WHERE dossier_id = ?').all(id),
    ).toEqual([{ status: 'submitted', at: submitted.receivedAt, source: 'kiosk' }]);
    expect(
      h.db.prepare('SELECT state, attempts, next_attempt_at FROM outbox WHERE dossier_id = ?').get(id),
    ).toEqual({
      state: 'waiting',
      attempts: 0,
      next_attempt_at: submitted.receivedAt,
    });
    const audit = h.db
      .prepare("SELECT target_id, details FROM audit_log WHERE action = 'dossier.submit'")
      .all();
    expect(audit).toEqual([{ target_id: id, details: expect.stringContaining(submitted.code) }]);
    expect(JSON.stringify(audit)).not.toContain(MOTHER_ID); // no personal data in the audit log
    expect(h.events).toEqual([
      { event: 'dossier.changed', payload: { id, code: submitted.code, change: 'submitted' } },
    ]);
  });

  it('hands the printer the receipt data: applicant, papers with files and pages, dates, copies', async () => {
    h = harness(tempDir(), {
      config: {
        centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29', address: '92 Nguyễn Hữu Cảnh' },
      },
    });
    addStaff(h.db);
    const id = await readyBirth({ staff });
    h.dossiers.submit(id, { staff });
    const [{ data, copies }] = h.receipts.queued as [(typeof h.receipts.queued)[number]];
    expect(copies).toBe(2);
    expect(data).toMatchObject({
      code: '000.00.12.H29-K07-261123-0001',
      provisional: true,
      portalCode: null,
      centre: { name: 'UBND phường Bến Nghé', address: '92 Nguyễn Hữu Cảnh', unitCode: '000.00.12.H29' },
      kioskId: 'K07',
      applicant: {
        fullName: 'Trần Thị Bình',
        idNumber: MOTHER_ID,
        // The structured address's text, and the card's old text beside it.
        address: '12 Lý Thái Tổ, Phường Hoàn Kiếm, Thành phố Hà Nội',
        addressOnCard: '12 Lý Thái Tổ, Phường Lý Thái Tổ, Quận Hoàn Kiếm, Hà Nội',
        phone: '0912345678',
        email: null,
      },
      procedure: { code: '1.001193', name: 'Đăng ký khai sinh', processingDays: 3 },
      sets: 1,
      dueDate: '2026-11-26',
      timeZone: 'Asia/Ho_Chi_Minh',
      delivery: { method: 'counter' },
      receivedBy: 'Nguyễn Thị Lan',
    });
    // The declaration (from the form) and the attached papers; the conditional one was not handed in.
    expect(data.documents).toEqual([
      { name: 'Giấy to-khai', form: 'original', copies: 1, files: 0, pages: 0 },
      { name: 'Giấy giay-chung-sinh', form: 'original', copies: 1, files: 2, pages: 2 },
      { name: 'Giấy anh-cccd', form: 'copy', copies: 1, files: 1, pages: 1 },
    ]);
  });

  it('refuses an incomplete dossier with every problem, and changes nothing', async () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(birthProcedure.id);
    h.dossiers.update({ id, data: { child: { fullName: 'An' } } });
    const error = failure(() => h.dossiers.submit(id));
    expect(error.code).toBe('dossier-incomplete');
    expect(error.vi).toContain('(3 mục)');
    expect(error.vi).toContain('Giấy giay-chung-sinh');
    expect(error.vi).toContain('Giấy anh-cccd');
    expect(h.db.prepare('SELECT status, code FROM dossiers').get()).toEqual({ status: 'draft', code: null });
    expect([count(h.db, 'day_sequences'), count(h.db, 'outbox'), count(h.db, 'dossier_events')]).toEqual([
      0, 0, 0,
    ]);
    expect(h.receipts.queued).toEqual([]);
  });

  it('answers a repeated submit with the same code and no second receipt', async () => {
    h = harness(tempDir());
    const id = await readyBirth();
    const first = h.dossiers.submit(id);
    const again = h.dossiers.submit(id);
    expect(again).toMatchObject({
      code: first.code,
      dueDate: first.dueDate,
      receipt: { jobIds: [], copies: 0 },
    });
    expect(count(h.db, 'outbox')).toBe(1);
    expect(h.receipts.queued).toHaveLength(1);
    expect(failure(() => h.dossiers.update({ id, data: {} })).code).toBe('dossier-submitted');
    expect(failure(() => h.dossiers.discard(id)).code).toBe('dossier-submitted');
  });

  it('numbers each day from 0001 in the centre’s time zone', async () => {
    h = harness(tempDir(), { now: '2026-11-23T16:30:00.000Z' }); // 23:30 Monday in Hà Nội
    const a = h.dossiers.submit(await readyBirth());
    const b = h.dossiers.submit(await readyBirth());
    h.clock.advance(60 * 60_000); // 00:30 Tuesday there (still Monday in UTC)
    const c = h.dossiers.submit(await readyBirth());
    expect([a.code, b.code, c.code]).toEqual([
      '000.00.12.H29-K07-261123-0001',
      '000.00.12.H29-K07-261123-0002',
      '000.00.12.H29-K07-261124-0001',
    ]);
  });

  it('moves receipt after the procedure’s 15:00 cut-off to the next working day', async () => {
    h = harness(tempDir(), { now: '2026-11-23T08:00:00.000Z' }); // 15:00:00 exactly: still on time
    const onTime = h.dossiers.submit(await readyFee());
    h.clock.advance(60_000); // 15:01
    const late = h.dossiers.submit(await readyFee());
    expect(onTime.dueDate).toBe('2026-11-25'); // Mon + 2
    expect(late.dueDate).toBe('2026-11-26'); // from Tue + 2
  });

  it('gives a level-4 fee a VietQR with the code in the transfer note, unpaid', async () => {
    h = harness(tempDir(), { config: { payment: { bankBin: '970436', accountNumber: '0011001234567' } } });
    const submitted = h.dossiers.submit(await readyFee());
    expect(submitted.fee.amount).toBe(20000);
    expect(submitted.payment?.paid).toBe(false);
    const payload = submitted.payment!.payload;
    expect(hasValidCrc(payload)).toBe(true);
    const fields = parseTlv(payload)!;
    expect(fields.get('54')).toBe('20000');
    expect(parseTlv(fields.get('62')!)!.get('08')).toBe('K07-261123-0001');
    expect(h.db.prepare('SELECT fee_amount, paid FROM dossiers').get()).toEqual({
      fee_amount: 20000,
      paid: 0,
    });
    expect(h.dossiers.lookup(submitted.code, { staff: true })).toMatchObject({ paid: false });
  });

  it('shows no QR when the centre has no account configured', async () => {
    h = harness(tempDir());
    expect(h.dossiers.submit(await readyFee()).payment).toBeNull();
  });
});

describe('paymentPurpose', () => {
  it.each([
    ['000.00.12.H29-K01-240815-0007', 'K01-240815-0007'],
    ['000.00.12.H29-240815-0007', '000.00.12.H29-240815-0007'], // 25 characters: fits whole
    ['H29-K01-240815-0007', 'H29-K01-240815-0007'],
  ])('%s → %s', (code, purpose) => {
    expect(paymentPurpose(code)).toBe(purpose);
    expect(paymentPurpose(code).length).toBeLessThanOrEqual(25);
  });
});

describe('lookup and the day list', () => {
  it('finds a dossier by its provisional or official code, with the ID masked', async () => {
    h = harness(tempDir());
    const id = await readyBirth();
    const { code } = h.dossiers.submit(id);
    h.db.prepare("UPDATE dossiers SET portal_code = 'H29.99-261123-0042' WHERE id = ?").run(id);
    h.db
      .prepare(
        "INSERT INTO dossier_events (dossier_id, status, at, note_vi, note_en, source) VALUES (?, 'supplement', '2026-11-24T03:00:00.000Z', 'Thiếu bản sao', 'Copy missing', 'portal')",
      )
      .run(id);
    h.db.prepare("UPDATE dossiers SET current_status = 'supplement' WHERE id = ?").run(id);

    const viaLocal = h.dossiers.lookup(`  ${code.toLowerCase()} `, { staff: true });
    const viaPortal = h.dossiers.lookup('H29.99-261123-0042', { staff: true });
    expect(viaPortal).toEqual(viaLocal);
    expect(viaLocal).toMatchObject({
      detail: 'full',
      code,
      portalCode: 'H29.99-261123-0042',
      provisional: false,
      applicant: 'Trần T. B.',
      idMasked: '••••••••2345',
      dueDate: '2026-11-26',
      status: 'supplement',
      paid: null,
      reception: { state: 'pending', at: null, by: null, source: null, reason: null },
      timeline: [
        { status: 'submitted', note: null },
        { status: 'supplement', note: { vi: 'Thiếu bản sao', en: 'Copy missing' } },
      ],
    });
    expect(JSON.stringify(viaLocal)).not.toContain(MOTHER_ID);
    expect(failure(() => h.dossiers.lookup('000.00.12.H29-K07-261123-0009')).code).toBe(
      'dossier-code-not-found',
    );
  });

  it('does not find a draft by any code', async () => {
    h = harness(tempDir());
    await readyBirth();
    expect(failure(() => h.dossiers.lookup('000.00.12.H29-K07-261123-0001')).code).toBe(
      'dossier-code-not-found',
    );
  });

  it('lists the day’s dossiers with masked IDs, who assisted and the sync state', async () => {
    h = harness(tempDir());
    addStaff(h.db);
    const a = h.dossiers.submit(await readyBirth());
    const b = h.dossiers.submit(await readyBirth({ staff }), { staff });
    h.db.prepare("UPDATE outbox SET state = 'done' WHERE dossier_id = ?").run(b.id);
    const list = h.dossiers.today();
    expect(list.map((d) => [d.code, d.applicant, d.assistedBy, d.sync])).toEqual([
      [a.code, 'Trần Thị Bình (••••••••2345)', null, 'waiting'],
      [b.code, 'Trần Thị Bình (••••••••2345)', 'Nguyễn Thị Lan', 'synced'],
    ]);
    expect(JSON.stringify(list)).not.toContain(MOTHER_ID);
    expect(h.dossiers.today('2026-11-22')).toEqual([]);
  });
});

describe('receipt reprint and correction (staff)', () => {
  it('rebuilds the same receipt and, when asked, prints one more copy (audited)', async () => {
    h = harness(tempDir());
    addStaff(h.db);
    const { code } = h.dossiers.submit(await readyBirth());
    const shown = await h.dossiers.receipt(code, false, staff);
    expect(Buffer.from(shown.pdfBase64, 'base64').toString()).toBe(`%PDF-1.7 receipt ${code}`);
    expect(shown.jobIds).toEqual([]);
    const printed = await h.dossiers.receipt(code, true, staff);
    expect(printed.jobIds).toEqual([3]);
    expect(h.receipts.queued.at(-1)).toEqual({ data: h.receipts.queued[0]!.data, copies: 1 });
    expect(
      h.db.prepare("SELECT actor, action FROM audit_log WHERE action LIKE 'dossier.re%' ORDER BY id").all(),
    ).toEqual([
      { actor: 'lan', action: 'dossier.receipt' },
      { actor: 'lan', action: 'dossier.reprint' },
    ]);
  });

  it('lets staff correct only a dossier the portal refused, audited, leaving the outbox to sync', async () => {
    h = harness(tempDir());
    addStaff(h.db);
    const id = await readyBirth();
    h.dossiers.submit(id);
    const fixed = { ...birthData, me: { ...birthData.me, fullName: 'Trần Thị Bính' } };
    expect(failure(() => h.dossiers.correct(id, fixed, staff)).code).toBe('dossier-not-refused');

    h.db.prepare("UPDATE outbox SET state = 'attention' WHERE dossier_id = ?").run(id);
    expect(failure(() => h.dossiers.correct(id, { child: birthData.child }, staff))).toMatchObject({
      code: 'form-invalid',
      field: 'me.fullName',
    });
    expect(failure(() => h.dossiers.correct(id, { ...fixed, x: '<b>' }, staff)).code).toBe(
      'text-markup-refused',
    );

    const corrected = h.dossiers.correct(id, fixed, staff);
    expect(corrected.data).toEqual(fixed);
    expect(h.db.prepare('SELECT applicant_name FROM dossiers').pluck().get()).toBe('Trần Thị Bính');
    expect(h.db.prepare('SELECT state FROM outbox').pluck().get()).toBe('attention');
    const audit = h.db
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'dossier.correct'")
      .get() as {
      actor: string;
      details: string;
    };
    expect(audit.actor).toBe('lan');
    expect(JSON.parse(audit.details)).toMatchObject({ fields: ['me'] });
    expect(audit.details).not.toContain('Bính');
    expect(h.events.at(-1)).toEqual({
      event: 'dossier.changed',
      payload: { id, code: corrected.code, change: 'corrected' },
    });
  });
});
