// The filing wizard's model: the order of the steps, what a failed start, check or submit leaves on screen,
// a draft resumed after a reload or from the parked list, the errors under the fields, and leaving.
import { describe, expect, it } from 'vitest';
import type {
  CheckResult,
  Dossier,
  KioskError,
  PrintJobEvent,
  Problem,
  Submitted,
} from '../../../../preload/api';
import {
  errorCount,
  exitChoice,
  formCheckOutcome,
  initialWizardState,
  wizardReducer,
  type WizardEvent,
  type WizardState,
} from '../../../../renderer/src/screens/dossier/wizard/model';
import { birthRegistration } from './fixtures';

const draft: Dossier = {
  id: '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718',
  procedureId: birthRegistration.id,
  procedureName: birthRegistration.name,
  status: 'draft',
  data: { tre: { fullName: 'Nguyễn Văn An' } },
  delivery: { method: 'counter' },
  contact: {},
  attachments: [],
  assistedBy: null,
  parkCode: null,
  code: null,
  createdAt: '2026-11-23T02:00:00.000Z',
  updatedAt: '2026-11-23T02:00:00.000Z',
};
const parked: Dossier = { ...draft, status: 'parked', parkCode: 'H7K2QD' };

const submitted: Submitted = {
  id: draft.id,
  code: '000.00.12.H29-K01-261123-0007',
  provisional: true,
  procedureName: draft.procedureName,
  receivedAt: '2026-11-23T02:15:00.000Z',
  dueDate: '2026-11-24',
  dueDateEstimated: false,
  fee: { amount: 0, text: 'Miễn phí' },
  payment: null,
  reception: 'received',
  receipt: { jobIds: [5], copies: 2, form: 'receipt' },
  lookupSecret: 'K7Q2XF',
};

const offline: KioskError = { code: 'network', vi: 'Mất kết nối', en: 'Offline' };
const required = (field: string): Problem => ({
  code: 'form-required',
  vi: 'Chưa điền',
  en: 'Missing',
  field,
});
const missingPaper: Problem = {
  code: 'attachment-missing',
  vi: 'Thiếu',
  en: 'Missing',
  componentId: 'to-khai',
};

const run = (events: WizardEvent[], from: WizardState = initialWizardState): WizardState =>
  events.reduce(wizardReducer, from);

/** A citizen's draft just started, on the form step. */
const onForm = (): WizardState =>
  run([
    { type: 'opened', procedure: birthRegistration },
    { type: 'start-begin' },
    { type: 'started', dossier: draft },
  ]);

describe('opening and starting', () => {
  it('a new filing starts at the privacy notice, with no draft yet', () => {
    const state = run([{ type: 'opened', procedure: birthRegistration }]);
    expect(state).toMatchObject({ step: 'privacy', procedure: birthRegistration, dossier: null });
  });
  it('after the notice the draft exists and its form opens, with what the draft already holds', () => {
    const begun = run([{ type: 'opened', procedure: birthRegistration }, { type: 'start-begin' }]);
    expect(begun.starting).toBe(true);
    const state = onForm();
    expect(state).toMatchObject({ step: 'form', starting: false, dossier: draft, notice: null });
    expect(state.formData).toEqual(draft.data);
  });
  it('a draft that could not start leaves the person on the notice, saying why', () => {
    const state = run([
      { type: 'opened', procedure: birthRegistration },
      { type: 'start-begin' },
      { type: 'start-failed', notice: 'Mất kết nối' },
    ]);
    expect(state).toMatchObject({ step: 'privacy', starting: false, dossier: null });
    expect(state.notice).toEqual({ tone: 'error', text: 'Mất kết nối' });
  });
  it('a catalogue that cannot be read keeps the error for the loading screen', () => {
    expect(run([{ type: 'load-failed', error: offline }]).loadError).toBe(offline);
  });
});

describe('a draft resumed', () => {
  it('opens at its form with its data, saying it was resumed', () => {
    const state = run([
      {
        type: 'resumed',
        procedure: birthRegistration,
        dossier: parked,
        notice: 'Đã mở lại hồ sơ đang khai.',
      },
    ]);
    expect(state).toMatchObject({ step: 'form', dossier: parked, procedure: birthRegistration });
    expect(state.formData).toEqual(parked.data);
    expect(state.notice).toEqual({ tone: 'info', text: 'Đã mở lại hồ sơ đang khai.' });
  });
  it('a parked draft resumed by staff is left as it is (after a save), a citizen is asked', () => {
    const state = run([{ type: 'resumed', procedure: birthRegistration, dossier: parked, notice: '' }]);
    expect(exitChoice(state, true)).toBe('staff');
    expect(exitChoice(state, false)).toBe('ask');
  });
});

describe('the steps', () => {
  it('go in order and back, each move clearing the last notice', () => {
    let state = wizardReducer(onForm(), { type: 'notice', notice: { tone: 'info', text: 'Đã điền' } });
    const seen: string[] = [];
    for (const step of ['attachments', 'delivery', 'check', 'review'] as const) {
      state = wizardReducer(state, { type: 'moved', step });
      seen.push(state.step);
      expect(state.notice).toBeNull();
    }
    expect(seen).toEqual(['attachments', 'delivery', 'check', 'review']);
    state = wizardReducer(state, { type: 'moved', step: 'check' });
    expect(state.step).toBe('check');
    expect(state.dossier).toBe(draft);
  });
  it('a check that fails keeps the last result, with the error', () => {
    const result: CheckResult = { complete: false, problems: [missingPaper] };
    const checked = run(
      [{ type: 'check-start' }, { type: 'check-done', result: { ok: true, value: result } }],
      onForm(),
    );
    expect(checked).toMatchObject({ checking: false, check: result, checkError: null });
    const again = wizardReducer(checked, { type: 'check-start' });
    expect(again).toMatchObject({ checking: true, check: result });
    const failed = wizardReducer(again, { type: 'check-done', result: { ok: false, error: offline } });
    expect(failed).toMatchObject({ checking: false, check: result, checkError: offline });
    expect(wizardReducer(failed, { type: 'check-start' }).checkError).toBeNull();
  });
});

describe('submitting', () => {
  const onReview = (): WizardState => run([{ type: 'moved', step: 'review' }], onForm());
  it('a failed submit leaves the review, the draft and its data as they were, with the error', () => {
    const failed = run([{ type: 'submit-start' }, { type: 'submit-failed', error: offline }], onReview());
    expect(failed).toMatchObject({
      step: 'review',
      submitting: false,
      submitError: offline,
      submitted: null,
    });
    expect(failed.dossier).toBe(draft);
    expect(failed.formData).toEqual(draft.data);
  });
  it('trying again clears the error; success keeps the receipt', () => {
    const failed = run([{ type: 'submit-start' }, { type: 'submit-failed', error: offline }], onReview());
    const retry = wizardReducer(failed, { type: 'submit-start' });
    expect(retry).toMatchObject({ submitting: true, submitError: null });
    const done = wizardReducer(retry, { type: 'submitted', submitted });
    expect(done).toMatchObject({ submitting: false, submitted });
    expect(exitChoice(done, false)).toBe('leave');
  });
  it('keeps the last 100 print events for the receipt', () => {
    const event = (jobId: number): PrintJobEvent => ({
      jobId,
      ref: 'dossier:x',
      status: 'queued',
      error: null,
    });
    const state = run(
      Array.from({ length: 105 }, (_, i) => ({ type: 'print-event' as const, event: event(i) })),
    );
    expect(state.printEvents).toHaveLength(100);
    expect(state.printEvents[0]?.jobId).toBe(5);
  });
});

describe('errors under the fields', () => {
  const data = { tre: { fullName: '', hometown: 'Huế' } };
  const text = (p: Problem): string => `text:${p.field ?? ''}`;

  it('the check’s form problems become errors under their fields, and hold the person on the form', () => {
    const outcome = formCheckOutcome(
      { ok: true, value: { complete: false, problems: [required('data.tre.fullName'), missingPaper] } },
      0,
      data,
      text,
    );
    expect(outcome).toEqual({
      errors: [{ field: 'tre.fullName', message: 'text:data.tre.fullName', value: '' }],
      proceed: false,
    });
  });
  it('a form with no problem goes on; papers are for a later step', () => {
    const outcome = formCheckOutcome(
      { ok: true, value: { complete: false, problems: [missingPaper] } },
      0,
      data,
      text,
    );
    expect(outcome).toEqual({ errors: [], proceed: true });
  });
  it('while the form shows its own errors, main’s are cleared and the person stays', () => {
    const outcome = formCheckOutcome(
      { ok: true, value: { complete: false, problems: [required('tre.fullName')] } },
      1,
      data,
      text,
    );
    expect(outcome).toEqual({ errors: [], proceed: false });
  });
  it('a check that could not run changes no error and holds back only on the form’s own errors', () => {
    expect(formCheckOutcome({ ok: false, error: offline }, 0, data, text)).toEqual({
      errors: null,
      proceed: true,
    });
    expect(formCheckOutcome({ ok: false, error: offline }, 1, data, text)).toEqual({
      errors: null,
      proceed: false,
    });
    const shown = run([
      { type: 'form-check-start' },
      { type: 'form-checked', errors: [{ field: 'tre.fullName', message: 'Chưa điền', value: '' }] },
    ]);
    const kept = run([{ type: 'form-check-start' }, { type: 'form-checked', errors: null }], shown);
    expect(kept.checking).toBe(false);
    expect(kept.fieldErrors).toEqual(shown.fieldErrors);
  });
  it('an error goes away when its field changes, and only then', () => {
    const state = run([
      { type: 'form-changed', data },
      { type: 'field-refused', error: { field: 'tre.hometown', message: 'Không dùng thẻ', value: 'Huế' } },
      { type: 'field-refused', error: { field: 'tre.fullName', message: 'Chưa điền', value: '' } },
    ]);
    expect(state.fieldErrors).toHaveLength(2);
    const typed = wizardReducer(state, {
      type: 'form-changed',
      data: { tre: { fullName: 'An', hometown: 'Huế' } },
    });
    expect(typed.fieldErrors.map((e) => e.field)).toEqual(['tre.hometown']);
  });
  it('a second refusal of a field replaces the first', () => {
    const state = run([
      { type: 'field-refused', error: { field: 'tre.fullName', message: 'một', value: '<b>' } },
      { type: 'field-refused', error: { field: 'tre.fullName', message: 'hai', value: '<i>' } },
    ]);
    expect(state.fieldErrors).toEqual([{ field: 'tre.fullName', message: 'hai', value: '<i>' }]);
  });
  it('counts the form’s own errors only once "Tiếp tục" was pressed', () => {
    const state = run([{ type: 'field-refused', error: { field: 'a', message: 'x', value: 1 } }]);
    expect(errorCount(state, 2)).toBe(1);
    expect(errorCount(wizardReducer(state, { type: 'tried' }), 2)).toBe(3);
  });
});

describe('fixing a problem of the check', () => {
  const onCheck = (): WizardState =>
    run(
      [
        { type: 'form-changed', data: { tre: { fullName: '' } } },
        { type: 'moved', step: 'check' },
      ],
      onForm(),
    );
  it('a form problem opens the form with the error under its field', () => {
    const state = wizardReducer(onCheck(), {
      type: 'fix',
      problem: required('data.tre.fullName'),
      message: 'Chưa điền',
    });
    expect(state).toMatchObject({ step: 'form', tried: true, notice: null });
    expect(state.fieldErrors).toEqual([{ field: 'tre.fullName', message: 'Chưa điền', value: '' }]);
  });
  it('a missing paper opens the papers, with no field error', () => {
    const state = wizardReducer(onCheck(), { type: 'fix', problem: missingPaper, message: 'Thiếu' });
    expect(state).toMatchObject({ step: 'attachments', tried: false, fieldErrors: [] });
  });
  it('a problem with nowhere to go changes nothing', () => {
    const before = onCheck();
    const problem: Problem = { code: 'x', vi: 'x', en: 'x' };
    expect(wizardReducer(before, { type: 'fix', problem, message: 'x' })).toBe(before);
  });
});

describe('leaving', () => {
  it('with no draft yet, or once submitted, there is nothing to lose', () => {
    expect(exitChoice(initialWizardState, false)).toBe('leave');
    expect(exitChoice(initialWizardState, true)).toBe('leave');
  });
  it('a citizen is asked; staying closes the question', () => {
    const asked = wizardReducer(onForm(), { type: 'leave-ask' });
    expect(exitChoice(onForm(), false)).toBe('ask');
    expect(asked.leaving).toEqual({ kind: 'ask' });
    expect(wizardReducer(asked, { type: 'leave-cancel' }).leaving).toEqual({ kind: 'none' });
  });
  it('staff: a park that fails asks again with the reason, a retry clears it, success shows the code', () => {
    const asked = wizardReducer(onForm(), { type: 'park-ask' });
    expect(asked.leaving).toEqual({ kind: 'park-ask', error: null });
    const failed = run(
      [{ type: 'park-start' }, { type: 'park-failed', message: 'Không tạm giữ được. Mất kết nối' }],
      asked,
    );
    expect(failed).toMatchObject({
      parking: false,
      leaving: { kind: 'park-ask', error: 'Không tạm giữ được. Mất kết nối' },
    });
    const retry = wizardReducer(failed, { type: 'park-start' });
    expect(retry).toMatchObject({ parking: true, leaving: { kind: 'park-ask', error: null } });
    const done = wizardReducer(retry, { type: 'parked', dossier: parked });
    expect(done).toMatchObject({
      parking: false,
      dossier: parked,
      leaving: { kind: 'parked', code: 'H7K2QD' },
    });
    expect(wizardReducer(done, { type: 'leave-cancel' }).leaving).toEqual({ kind: 'none' });
  });
  it('parking from the header asks nothing unless it fails', () => {
    const started = wizardReducer(onForm(), { type: 'park-start' });
    expect(started).toMatchObject({ parking: true, leaving: { kind: 'none' } });
    expect(wizardReducer(started, { type: 'park-failed', message: 'x' }).leaving).toEqual({
      kind: 'park-ask',
      error: 'x',
    });
  });
});
