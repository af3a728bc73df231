// A draft kept for later and a ticket linked to a dossier (issue 22), citizen side: the calls the screens
// make through a fake client, what they leave in sessionStorage, and the words the screens show.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskError, MethodName, Result, Submitted, Ticket } from '../../../../preload/api';
import {
  isParkCode,
  normaliseParkCode,
  resumeByCode,
  resumeRefusal,
  saveForLater,
} from '../../../../renderer/src/screens/dossier/lib/keep';
import { readDraft, writeDraft } from '../../../../renderer/src/screens/dossier/lib/draft';
import { issueLinkedTicket, linkInput, queueScan } from '../../../../renderer/src/screens/citizen/queue/link';
import { screenReadsScans } from '../../../../renderer/src/screens/citizen/session';
import { SavedForLater } from '../../../../renderer/src/screens/dossier/SaveLater';
import { ResumeByCode } from '../../../../renderer/src/screens/dossier/ResumeByCode';
import { WizardHeader } from '../../../../renderer/src/screens/dossier/WizardHeader';
import { Receipt } from '../../../../renderer/src/screens/dossier/Receipt';
import { Catalogue } from '../../../../renderer/src/screens/dossier/Catalogue';
import { TicketView } from '../../../../renderer/src/screens/citizen/queue/TicketView';
import { ServicePicker } from '../../../../renderer/src/screens/citizen/queue/ServicePicker';
import { ids, recordingClient, render, text } from '../render';

const id = '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718';
const draftToken = 'q2Xh0bN7rX4cT9vLw1sYk8uF3mZp6aEd5gHj2Ri0PoA';
const newToken = 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0PpOoNnMmLlKk';
const procedureId = 'dang-ky-khai-sinh';
const fail = (code: string): Result<never> => ({ ok: false, error: { code, vi: code, en: code } });
const noop = (): void => undefined;

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  (globalThis as { window?: unknown }).window = {
    sessionStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  };
  writeDraft({ id, procedureId, draftToken });
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

/** A client answering each method from `answers` (in turn, when a list), recording every call. */
function client(answers: Partial<Record<MethodName, Result<unknown> | Result<unknown>[]>>) {
  return recordingClient((name) => {
    const answer = answers[name];
    if (Array.isArray(answer)) return answer.shift() ?? fail('no-answer');
    return answer ?? fail('no-answer');
  });
}

describe('"Lưu lại, làm tiếp sau"', () => {
  const saved = { ok: true, value: { parkCode: 'H7K2QD', keptUntil: '2026-12-21', jobId: 12 } } as const;

  it('parks the draft with its token, and forgets its handle (parked, so the reset must not wipe it)', async () => {
    const { calls, client: c } = client({ 'dossier.saveForLater': saved });
    const outcome = await saveForLater(c, { id, draftToken });
    expect(outcome).toEqual({ kind: 'saved', parkCode: 'H7K2QD', keptUntil: '2026-12-21', printed: true });
    expect(calls).toEqual([{ name: 'dossier.saveForLater', input: { id, draftToken } }]);
    expect(readDraft()).toBeNull();
  });

  it('says when no slip printed (no ticket printer), so the screen asks to write the code down', async () => {
    const { client: c } = client({
      'dossier.saveForLater': { ok: true, value: { ...saved.value, jobId: null } },
    });
    expect(await saveForLater(c, { id, draftToken })).toMatchObject({ printed: false });
  });

  it('asks for the birth date when the draft names none, and sends it on the retry', async () => {
    const { calls, client: c } = client({ 'dossier.saveForLater': [fail('birth-date-needed'), saved] });
    expect(await saveForLater(c, { id, draftToken })).toEqual({ kind: 'birth-date-needed' });
    expect(readDraft()).not.toBeNull();
    expect(await saveForLater(c, { id, draftToken }, '1990-09-05')).toMatchObject({ kind: 'saved' });
    expect(calls[1]?.input).toEqual({ id, draftToken, birthDate: '1990-09-05' });
  });

  it('keeps the draft handle when saving failed (the citizen is still filing)', async () => {
    const { client: c } = client({ 'dossier.saveForLater': fail('internal') });
    expect(await saveForLater(c, { id, draftToken })).toMatchObject({ kind: 'failed' });
    expect(readDraft()).toEqual({ id, procedureId, draftToken });
  });
});

describe('"Làm tiếp hồ sơ đã lưu"', () => {
  const draft = { ok: true, value: { id, procedureId, status: 'draft', draftToken: newToken } } as const;

  it('folds what was typed to the printed code', () => {
    expect(normaliseParkCode('h7k 2-qd')).toBe('H7K2QD');
    expect(isParkCode('H7K2QD')).toBe(true);
    expect(isParkCode('H7K')).toBe(false);
  });

  it('stores the draft with its new token, so the wizard opens it as after a reload', async () => {
    store.clear();
    const { calls, client: c } = client({ 'dossier.resumeByCode': draft });
    expect(await resumeByCode(c, 'H7K2QD', '1990-09-05')).toEqual({ kind: 'resumed', id, procedureId });
    expect(calls).toEqual([
      { name: 'dossier.resumeByCode', input: { parkCode: 'H7K2QD', birthDate: '1990-09-05' } },
    ]);
    expect(readDraft()).toEqual({ id, procedureId, draftToken: newToken });
  });

  it('says a wrong code and a wrong date the same way, and a locked code as "ask staff"', async () => {
    for (const code of ['park-code-not-found', 'invalid-input', 'park-resume-wrong'])
      expect(
        await resumeByCode(client({ 'dossier.resumeByCode': fail(code) }).client, 'H7K2QD', '1990-09-05'),
      ).toEqual({ kind: 'wrong' });
    expect(
      await resumeByCode(
        client({ 'dossier.resumeByCode': fail('park-resume-locked') }).client,
        'H7K2QD',
        '1990-09-05',
      ),
    ).toEqual({ kind: 'locked' });
    const other: KioskError = { code: 'internal', vi: 'Lỗi', en: 'Error' };
    expect(resumeRefusal(other)).toBe('other');
    // The caller's wait after many wrong codes is no lock of this code: main's words say how long.
    expect(resumeRefusal({ ...other, code: 'too-many-requests' })).toBe('other');
  });

  it('draws the code and the date fields, each labelled, on the numeric and letter keyboards', () => {
    const html = render(<ResumeByCode onResumed={noop} onBack={noop} />);
    expect(text(html)).toContain('Mã lưu hồ sơ');
    expect(text(html)).toContain('Ngày sinh (ngày/tháng/năm)');
    expect(html).toMatch(/id="keep-code"[^>]*data-osk="text"|data-osk="text"[^>]*id="keep-code"/);
    expect(html).toContain('data-osk="numeric"');
    expect(ids(html)).toEqual(expect.arrayContaining(['keep-resume-open', 'keep-resume-back']));
  });

  it('is offered on "Nộp hồ sơ" when the screen can resume, not otherwise', () => {
    const offered = render(<Catalogue mode="file" onChoose={noop} onHome={noop} onResumeSaved={noop} />);
    expect(text(offered)).toContain('Làm tiếp hồ sơ đã lưu');
    expect(ids(render(<Catalogue mode="file" onChoose={noop} onHome={noop} />))).not.toContain(
      'resume-saved',
    );
  });
});

describe('the saved screen', () => {
  const saved = { parkCode: 'H7K2QD', keptUntil: '2026-12-21', printed: true };

  it('shows the code large, the last day it is kept, and that the slip is printing', () => {
    const html = render(<SavedForLater saved={saved} onDone={noop} />);
    expect(html).toMatch(/data-testid="keep-code"[^>]*>H7K2QD</);
    expect(text(html)).toContain('Giữ đến hết ngày 21/12/2026');
    expect(text(html)).toContain('Phiếu có mã đang được in');
    expect(ids(html)).toContain('keep-done');
  });

  it('asks to write the code down when no slip printed, in both languages', () => {
    expect(text(render(<SavedForLater saved={{ ...saved, printed: false }} onDone={noop} />))).toContain(
      'Vui lòng ghi lại mã này',
    );
    expect(
      text(render(<SavedForLater saved={{ ...saved, printed: false }} onDone={noop} />, 'en')),
    ).toContain('Please write this code down');
  });
});

describe('the wizard header', () => {
  const header = (extra: object) =>
    render(
      <WizardHeader
        title="Đăng ký khai sinh"
        assisted={false}
        step="form"
        canJump
        saveState="saved"
        notice={null}
        saveProblem={null}
        onJump={noop}
        onExit={noop}
        {...extra}
      />,
    );

  it('offers "Lưu lại, làm tiếp sau" and "Nhờ cán bộ giúp" when the wizard gives them', () => {
    const html = header({ onSaveLater: noop, onAskStaff: noop });
    expect(text(html)).toContain('Lưu lại, làm tiếp sau');
    expect(text(html)).toContain('Nhờ cán bộ giúp');
  });

  it('offers neither without them (staff, or before the draft exists)', () => {
    expect(ids(header({}))).not.toEqual(expect.arrayContaining(['wizard-save-later']));
    expect(ids(header({}))).not.toContain('wizard-ask-staff');
  });
});

const ticket: Ticket = {
  id: 15,
  number: 'A015',
  serviceId: 'ho-tich',
  serviceName: 'Tư pháp – Hộ tịch',
  serviceNames: { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' },
  priority: false,
  priorityCategory: null,
  status: 'waiting',
  issuedAt: '2026-11-23T02:15:00.000Z',
  day: '2026-11-23',
  counterId: null,
  peopleAhead: 3,
  estimatedWaitMinutes: 15,
  code: 'MCK-20261123-A015',
  print: { jobId: 7, status: 'queued' },
  dossier: null,
};

describe('a ticket linked to a dossier', () => {
  const receiptCode = '000.00.12.H29-261123-0007';

  it('sends the draft with its token, and forgets the handle once the ticket is issued', async () => {
    const { calls, client: c } = client({ 'queue.issueTicket': { ok: true, value: ticket } });
    const link = { kind: 'draft', id, draftToken, procedureId } as const;
    expect((await issueLinkedTicket(c, { serviceId: 'ho-tich' }, link)).ok).toBe(true);
    expect(calls[0]?.input).toEqual({ serviceId: 'ho-tich', draft: { id, draftToken } });
    expect(readDraft()).toBeNull();
  });

  it('keeps the draft handle when no ticket was issued', async () => {
    const { client: c } = client({ 'queue.issueTicket': fail('queue-closed') });
    await issueLinkedTicket(c, { serviceId: 'ho-tich' }, { kind: 'draft', id, draftToken, procedureId });
    expect(readDraft()).not.toBeNull();
  });

  it('sends a receipt as its code and secret, and nothing without a link', () => {
    expect(linkInput({ kind: 'receipt', code: receiptCode, secret: 'K7Q2XF' })).toEqual({
      receipt: { code: receiptCode, secret: 'K7Q2XF' },
    });
    expect(linkInput(null)).toEqual({});
  });

  it('a receipt QR scanned at the queue links; one without its secret cannot; a card is not a link', () => {
    const receipt = { kind: 'dossier-code', code: receiptCode, provisional: false } as const;
    expect(queueScan({ ok: true, value: { ...receipt, secret: 'K7Q2XF' } })).toEqual({
      kind: 'link',
      link: { kind: 'receipt', code: receiptCode, secret: 'K7Q2XF' },
    });
    expect(queueScan({ ok: true, value: receipt })).toEqual({ kind: 'receipt-without-secret' });
    expect(queueScan(fail('scan-unknown'))).toEqual({ kind: 'other' });
    // So the shell's greeting stays away from the queue's picker, which reads scans itself.
    expect(screenReadsScans({ name: 'queue' })).toBe(true);
    expect(screenReadsScans({ name: 'ticket', ticket })).toBe(false);
  });

  it('the picker says which dossier the next ticket is for before the service is chosen', () => {
    const link = { kind: 'receipt', code: receiptCode, secret: 'K7Q2XF' } as const;
    const html = render(<ServicePicker onTicket={noop} onHome={noop} link={link} />);
    expect(text(html)).toContain(`Vé này gắn với hồ sơ ${receiptCode}`);
    const draft = render(
      <ServicePicker
        onTicket={noop}
        onHome={noop}
        link={{ kind: 'draft', id, draftToken, procedureId }}
        onBackToDossier={noop}
      />,
    );
    expect(text(draft)).toContain('Vé này gắn với hồ sơ Quý vị đang làm');
    expect(ids(draft)).toContain('queue-back-dossier');
  });

  it('the ticket says the officer opens the dossier when calling its number', () => {
    const dossier = { id, procedureName: 'Đăng ký khai sinh', status: 'parked', code: null } as const;
    const html = render(<TicketView ticket={{ ...ticket, dossier }} printEvents={[]} onDone={noop} />);
    expect(text(html)).toContain('Cán bộ sẽ mở hồ sơ của Quý vị khi gọi số A015');
    const filed = render(
      <TicketView
        ticket={{ ...ticket, dossier: { ...dossier, status: 'submitted', code: receiptCode } }}
        printEvents={[]}
        onDone={noop}
      />,
    );
    expect(text(filed)).toContain(`Vé này gắn với hồ sơ ${receiptCode}`);
    expect(ids(render(<TicketView ticket={ticket} printEvents={[]} onDone={noop} />))).not.toContain(
      'ticket-dossier',
    );
  });

  it('the receipt offers "Lấy số gặp cán bộ" when the kiosk has a queue', () => {
    const submitted: Submitted = {
      id,
      code: receiptCode,
      provisional: false,
      procedureName: 'Đăng ký khai sinh',
      receivedAt: '2026-11-23T02:15:00.000Z',
      dueDate: '2026-11-24',
      dueDateEstimated: false,
      fee: { amount: 0, text: null },
      payment: null,
      reception: 'pending',
      receipt: { jobIds: [5], copies: 1, form: 'slip' },
      lookupSecret: 'K7Q2XF',
    } as unknown as Submitted;
    const html = render(<Receipt submitted={submitted} printEvents={[]} onHome={noop} onTicket={noop} />);
    expect(text(html)).toContain('Lấy số gặp cán bộ');
    expect(ids(render(<Receipt submitted={submitted} printEvents={[]} onHome={noop} />))).not.toContain(
      'receipt-ticket',
    );
  });
});
