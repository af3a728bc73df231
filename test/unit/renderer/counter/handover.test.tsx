// From ticket to counter (issue 22): what a called ticket's dossier opens with one tap, what a scan at the
// counter asks for, which reception a submitted dossier gets, opening a draft as staff resume a parked one,
// and what the counter shows of it.
import { describe, expect, it } from 'vitest';
import type {
  CounterView,
  CreatedDraft,
  Dossier,
  KioskError,
  MethodName,
  ParsedScan,
  Result,
  Ticket,
  TicketDossier,
} from '../../../../preload/api';
import { CurrentTicket } from '../../../../renderer/src/screens/staff/counter/CounterTickets';
import { CardScanView } from '../../../../renderer/src/screens/staff/counter/CardScan';
import {
  cardScanReducer,
  counterScan,
  idleCardScan,
  modalOpen,
  openForStaff,
  receptionView,
  ticketTarget,
} from '../../../../renderer/src/screens/staff/counter/handover';
import type { PendingDossier } from '../../../../renderer/src/screens/staff/reception/model';
import { ids, recordingClient, render, text } from '../render';

const DRAFT_ID = '3f0c9a52-7d1e-4b6a-9c2f-5e8d1a4b7c60';
const SUBMITTED_ID = '0b6f2c1e-8a4d-4c1b-9f3e-2d7a5b6c8e90';
const CODE = '000.00.12.H29-K01-261123-0007';

const linked = (over: Partial<TicketDossier> = {}): TicketDossier => ({
  id: DRAFT_ID,
  procedureName: 'Đăng ký khai sinh',
  status: 'draft',
  code: null,
  ...over,
});

const ticket = (dossier: TicketDossier | null): Ticket => ({
  id: 15,
  number: 'A015',
  serviceId: 'ho-tich',
  serviceName: 'Tư pháp – Hộ tịch',
  serviceNames: { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' },
  priority: false,
  priorityCategory: null,
  status: 'called',
  issuedAt: '2026-11-23T02:15:00.000Z',
  day: '2026-11-23',
  counterId: 1,
  peopleAhead: 0,
  estimatedWaitMinutes: 0,
  code: 'MCK-20261123-A015',
  print: { jobId: null, status: 'none' },
  dossier,
});

const counter = (current: Ticket | null): CounterView => ({
  id: 1,
  name: { vi: 'Quầy 1', en: 'Counter 1' },
  services: ['ho-tich'],
  paused: false,
  current,
});

const pendingRow = (over: Partial<PendingDossier> = {}): PendingDossier => ({
  id: SUBMITTED_ID,
  code: CODE,
  portalCode: null,
  procedureName: 'Chứng thực bản sao từ bản chính',
  applicant: 'Trần Thị Bình (••••••••5678)',
  receivedAt: '2026-11-23T02:10:00.000Z',
  dueDate: '2026-11-24',
  assistedBy: null,
  channel: 'kiosk',
  reception: 'pending',
  status: 'submitted',
  sync: 'waiting',
  ...over,
});

const draft = (over: Partial<Dossier> = {}): Dossier =>
  ({
    id: DRAFT_ID,
    procedureId: 'dang-ky-khai-sinh',
    procedureName: 'Đăng ký khai sinh',
    status: 'draft',
    data: { nguoiYeuCau: { fullName: 'Nguyễn Văn An' } },
    delivery: { method: 'counter' },
    contact: {},
    attachments: [],
    assistedBy: null,
    parkCode: null,
    code: null,
    createdAt: '2026-11-23T01:50:00.000Z',
    updatedAt: '2026-11-23T02:05:00.000Z',
    ...over,
  }) as Dossier;

const offline: KioskError = { code: 'network', vi: 'Mất kết nối', en: 'Offline' };

describe('one tap on a called ticket’s dossier', () => {
  it('opens a draft or a parked draft in the assisted wizard by its id', () => {
    expect(ticketTarget(linked())).toEqual({ kind: 'draft', id: DRAFT_ID });
    expect(ticketTarget(linked({ status: 'parked' }))).toEqual({ kind: 'draft', id: DRAFT_ID });
  });
  it('opens a submitted dossier’s reception, by its id and code', () => {
    expect(ticketTarget(linked({ id: SUBMITTED_ID, status: 'submitted', code: CODE }))).toEqual({
      kind: 'reception',
      id: SUBMITTED_ID,
      code: CODE,
    });
  });
  it('offers nothing for a submitted dossier without a code (nothing to receive it by)', () => {
    expect(ticketTarget(linked({ status: 'submitted', code: null }))).toBeNull();
  });
});

describe('what the counter shows beside the called number', () => {
  const shown = (current: Ticket | null, language: 'vi' | 'en' = 'vi') =>
    render(<CurrentTicket counter={counter(current)} onOpenDossier={() => undefined} />, language);

  it('a draft: the procedure, "đang làm dở" and one button to open it', () => {
    const html = shown(ticket(linked()));
    expect(text(html)).toContain('Hồ sơ kèm theo: Đăng ký khai sinh (đang làm dở)');
    expect(ids(html)).toContain('linked-dossier-open');
    expect(html).toContain('aria-label="Mở hồ sơ Đăng ký khai sinh kèm số A015"');
  });
  it('a submitted dossier: "đã nộp, chờ tiếp nhận" and its code', () => {
    const html = shown(ticket(linked({ status: 'submitted', code: CODE })));
    expect(text(html)).toContain(`(đã nộp, chờ tiếp nhận) ${CODE}`);
    expect(text(shown(ticket(linked({ status: 'submitted', code: CODE })), 'en'))).toContain(
      `Dossier attached: Đăng ký khai sinh (submitted, awaiting reception) ${CODE}`,
    );
  });
  it('a ticket without a dossier, or no ticket, shows none', () => {
    expect(ids(shown(ticket(null)))).not.toContain('linked-dossier');
    expect(ids(shown(null))).not.toContain('linked-dossier');
  });
});

describe('a scan at the counter', () => {
  const card: ParsedScan = {
    kind: 'cccd-qr',
    person: {
      idNumber: '001090001234',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-01-01',
      sex: 'male',
      address: 'Số 1 Tràng Tiền',
      issueDate: '2021-08-15',
    },
    extra: [],
  };
  it('an ID card asks for its drafts with the text as scanned (main reads the card again)', () => {
    expect(counterScan('001090001234||Nguyễn Văn An|01011990', card)).toEqual({
      kind: 'card',
      text: '001090001234||Nguyễn Văn An|01011990',
    });
  });
  it('is ignored while a dialog is open in front (a refusal being typed is not switched away)', () => {
    const page = (open: boolean) => ({
      querySelector: (selector: string) => (open && selector === 'dialog[open]' ? ({} as Element) : null),
    });
    expect(modalOpen(page(true))).toBe(true);
    expect(modalOpen(page(false))).toBe(false);
  });
  it('a receipt’s QR opens that dossier by its code', () => {
    const receipt: ParsedScan = { kind: 'dossier-code', code: CODE, provisional: true, secret: 'ABC234' };
    expect(counterScan(`${CODE}#ABC234`, receipt)).toEqual({ kind: 'receipt', code: CODE });
  });
});

describe('which reception a submitted dossier gets', () => {
  it('waiting for an officer (by id): its row, to receive with Mẫu 01', () => {
    const row = pendingRow();
    expect(
      receptionView({ id: SUBMITTED_ID, code: CODE }, [pendingRow({ id: DRAFT_ID, code: 'X' }), row]),
    ).toEqual({ kind: 'pending', row });
  });
  it('from a receipt QR (no id): found by its code, or by the portal’s', () => {
    const row = pendingRow({ portalCode: 'G22.99-261123-0001' });
    expect(receptionView({ id: null, code: CODE.toLowerCase() }, [row])).toEqual({ kind: 'pending', row });
    expect(receptionView({ id: null, code: 'G22.99-261123-0001' }, [row])).toEqual({ kind: 'pending', row });
  });
  it('no longer waiting: its receipt, to view or print again', () => {
    expect(receptionView({ id: SUBMITTED_ID, code: CODE }, [])).toEqual({ kind: 'receipt', code: CODE });
  });
});

describe('a draft opened for staff', () => {
  const answering = (answers: Partial<Record<MethodName, Result<unknown>>>) =>
    recordingClient((name) => answers[name] ?? { ok: false, error: offline });

  it('a parked one is taken up by its park code (dossier.resume: audited), as parked drafts are today', async () => {
    const parked = draft({ status: 'parked', parkCode: 'H7K2QD' });
    const { calls, client } = answering({
      'dossier.get': { ok: true, value: parked },
      'dossier.resume': { ok: true, value: parked },
    });
    const opened = await openForStaff(client, DRAFT_ID);
    expect(opened).toEqual({ ok: true, value: parked });
    expect(calls.map((c) => [c.name, c.input])).toEqual([
      ['dossier.get', { id: DRAFT_ID }],
      ['dossier.resume', { parkCode: 'H7K2QD' }],
    ]);
  });
  it('a draft is read by its id alone, with no token', async () => {
    const { calls, client } = answering({ 'dossier.get': { ok: true, value: draft() } });
    const opened = await openForStaff(client, DRAFT_ID);
    expect(opened.ok && opened.value.data).toEqual({ nguoiYeuCau: { fullName: 'Nguyễn Văn An' } });
    expect(calls.map((c) => c.name)).toEqual(['dossier.get']);
  });
  it('a refusal comes back as it is', async () => {
    const { client } = answering({});
    expect(await openForStaff(client, DRAFT_ID)).toEqual({ ok: false, error: offline });
  });
});

describe('the card just scanned', () => {
  const created = (over: Partial<CreatedDraft>): CreatedDraft => ({
    ...draft(),
    draftToken: 'secret-token-never-kept',
    ...over,
  });

  it('lists the card’s drafts by procedure and start, keeping no token and no form data', () => {
    const state = cardScanReducer(cardScanReducer(idleCardScan, { type: 'scanned', seq: 1 }), {
      type: 'answered',
      seq: 1,
      result: { ok: true, value: [created({})] },
    });
    expect(state).toEqual({
      kind: 'found',
      drafts: [{ id: DRAFT_ID, procedureName: 'Đăng ký khai sinh', createdAt: '2026-11-23T01:50:00.000Z' }],
    });
    expect(JSON.stringify(state)).not.toContain('secret-token');
  });
  it('drops the answer to a card scanned before the last one', () => {
    let state = cardScanReducer(idleCardScan, { type: 'scanned', seq: 1 });
    state = cardScanReducer(state, { type: 'scanned', seq: 2 });
    state = cardScanReducer(state, { type: 'answered', seq: 1, result: { ok: true, value: [created({})] } });
    expect(state).toEqual({ kind: 'looking', seq: 2 });
    state = cardScanReducer(state, { type: 'answered', seq: 2, result: { ok: false, error: offline } });
    expect(state).toEqual({ kind: 'failed', error: offline });
  });
  it('shows each draft with one button to open it, or says there is none', () => {
    const html = render(
      <CardScanView
        state={{
          kind: 'found',
          drafts: [{ id: DRAFT_ID, procedureName: 'Đăng ký khai sinh', createdAt: '2026-11-23T01:50:00Z' }],
        }}
        onOpen={() => undefined}
        onClose={() => undefined}
      />,
    );
    expect(ids(html)).toEqual(expect.arrayContaining(['card-scan-drafts', 'card-scan-open']));
    expect(text(html)).toContain('Đăng ký khai sinh');
    const none = render(
      <CardScanView
        state={{ kind: 'found', drafts: [] }}
        onOpen={() => undefined}
        onClose={() => undefined}
      />,
      'en',
    );
    expect(text(none)).toContain('No unfinished dossier for this card.');
  });
});
