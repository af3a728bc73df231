/**
 * The filing wizard's state and what each answer does to it, with no React: the step, the draft as main
 * last returned it, the e-form's data and the errors shown under its fields, the completeness check, the
 * submit, and the questions on leaving. DossierWizard makes the calls (in the same order as ever) and
 * dispatches their answers here; texts arrive already in words, so the model never translates.
 */
import type {
  CheckResult,
  Dossier,
  KioskError,
  PrintJobEvent,
  Problem,
  Procedure,
  Result,
  Submitted,
} from '../../../../../preload/api';
import type { CardReading, FormData, PendingConflict } from '../lib/persons';
import { formPath, isFormProblem, problemTarget, valueAt, type Step } from '../lib/steps';

/** The line under the steps: the last scan, a resumed draft, a draft that could not start. */
export type Notice = { tone: 'info' | 'error'; text: string } | null;

export interface FieldError {
  field: string;
  message: string;
  /** The value when the error was found: editing the field clears the error. */
  value: unknown;
}

/** The questions on leaving: a citizen's "Dừng nộp hồ sơ?", staff's "Tạm giữ hay bỏ?", then the park code. */
export type Leaving =
  | { kind: 'none' }
  | { kind: 'ask' }
  | { kind: 'park-ask'; error: string | null }
  | { kind: 'parked'; code: string };

/** Print events kept for the receipt screen (they can arrive before dossier.submit answers). */
const PRINT_EVENTS_KEPT = 100;

export interface WizardState {
  step: Step;
  procedure: Procedure | null;
  dossier: Dossier | null;
  loadError: KioskError | null;
  formData: FormData;
  /** dossier.create is on its way after the privacy notice was accepted. */
  starting: boolean;
  notice: Notice;
  /** A card read with more than one person on the form and none chosen: "Thẻ này của ai?". */
  askWho: CardReading | null;
  conflict: PendingConflict | null;
  chipOpen: boolean;
  /** "Tiếp tục" was pressed on the form once: from then on the form's own errors show as well. */
  tried: boolean;
  fieldErrors: FieldError[];
  checking: boolean;
  check: CheckResult | null;
  checkError: KioskError | null;
  submitting: boolean;
  submitError: KioskError | null;
  submitted: Submitted | null;
  printEvents: PrintJobEvent[];
  leaving: Leaving;
  parking: boolean;
}

export const initialWizardState: WizardState = {
  step: 'privacy',
  procedure: null,
  dossier: null,
  loadError: null,
  formData: {},
  starting: false,
  notice: null,
  askWho: null,
  conflict: null,
  chipOpen: false,
  tried: false,
  fieldErrors: [],
  checking: false,
  check: null,
  checkError: null,
  submitting: false,
  submitError: null,
  submitted: null,
  printEvents: [],
  leaving: { kind: 'none' },
  parking: false,
};

export type WizardEvent =
  | { type: 'opened'; procedure: Procedure }
  /** A draft opened again (a reload, or staff resuming a parked one): straight to its form. */
  | { type: 'resumed'; procedure: Procedure; dossier: Dossier; notice: string }
  | { type: 'load-failed'; error: KioskError }
  | { type: 'start-begin' }
  | { type: 'start-failed'; notice: string }
  | { type: 'started'; dossier: Dossier }
  /** Main's answer to a save, an attachment, an arrangement or the delivery choice. */
  | { type: 'dossier'; dossier: Dossier }
  | { type: 'form-changed'; data: FormData }
  /** dossier.update refused one field's text (markup in a name …). */
  | { type: 'field-refused'; error: FieldError }
  | { type: 'notice'; notice: Notice }
  | { type: 'ask-who'; reading: CardReading | null }
  | { type: 'conflict'; conflict: PendingConflict | null }
  | { type: 'chip'; open: boolean }
  | { type: 'moved'; step: Step }
  | { type: 'tried' }
  /** The check step's own check. */
  | { type: 'check-start' }
  | { type: 'check-done'; result: Result<CheckResult> }
  /** The form step's check on "Tiếp tục": its answer only sets the errors under the fields. */
  | { type: 'form-check-start' }
  | { type: 'form-checked'; errors: FieldError[] | null }
  /** "Sửa" on a problem of the check: its step, with a form problem shown under its field. */
  | { type: 'fix'; problem: Problem; message: string }
  | { type: 'submit-start' }
  | { type: 'submit-failed'; error: KioskError }
  | { type: 'submitted'; submitted: Submitted }
  | { type: 'print-event'; event: PrintJobEvent }
  | { type: 'leave-ask' }
  | { type: 'park-ask' }
  | { type: 'leave-cancel' }
  | { type: 'park-start' }
  | { type: 'park-failed'; message: string }
  | { type: 'parked'; dossier: Dossier };

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'opened':
      return { ...state, procedure: event.procedure };
    case 'resumed':
      return {
        ...state,
        procedure: event.procedure,
        dossier: event.dossier,
        formData: event.dossier.data as FormData,
        step: 'form',
        notice: { tone: 'info', text: event.notice },
      };
    case 'load-failed':
      return { ...state, loadError: event.error };
    case 'start-begin':
      return { ...state, starting: true };
    case 'start-failed':
      return { ...state, starting: false, notice: { tone: 'error', text: event.notice } };
    case 'started':
      return {
        ...state,
        starting: false,
        dossier: event.dossier,
        formData: event.dossier.data as FormData,
        notice: null,
        step: 'form',
      };
    case 'dossier':
      return { ...state, dossier: event.dossier };
    case 'form-changed':
      return {
        ...state,
        formData: event.data,
        // An error found for a value goes away as soon as that value changes.
        fieldErrors: state.fieldErrors.filter((e) => valueAt(event.data, e.field) === e.value),
      };
    case 'field-refused':
      return { ...state, fieldErrors: withError(state.fieldErrors, event.error) };
    case 'notice':
      return { ...state, notice: event.notice };
    case 'ask-who':
      return { ...state, askWho: event.reading };
    case 'conflict':
      return { ...state, conflict: event.conflict };
    case 'chip':
      return { ...state, chipOpen: event.open };
    case 'moved':
      return { ...state, notice: null, step: event.step };
    case 'tried':
      return { ...state, tried: true };
    case 'check-start':
      return { ...state, checking: true, checkError: null };
    case 'check-done':
      // A check that failed keeps the last result on screen, with the error above it.
      return event.result.ok
        ? { ...state, checking: false, check: event.result.value }
        : { ...state, checking: false, checkError: event.result.error };
    case 'form-check-start':
      return { ...state, checking: true };
    case 'form-checked':
      return event.errors
        ? { ...state, checking: false, fieldErrors: event.errors }
        : { ...state, checking: false };
    case 'fix':
      return fix(state, event.problem, event.message);
    case 'submit-start':
      return { ...state, submitting: true, submitError: null };
    case 'submit-failed':
      // Everything else stays: the review, the draft and its data, for another try.
      return { ...state, submitting: false, submitError: event.error };
    case 'submitted':
      return { ...state, submitting: false, submitted: event.submitted };
    case 'print-event':
      return { ...state, printEvents: [...state.printEvents, event.event].slice(-PRINT_EVENTS_KEPT) };
    case 'leave-ask':
      return { ...state, leaving: { kind: 'ask' } };
    case 'park-ask':
      return { ...state, leaving: { kind: 'park-ask', error: null } };
    case 'leave-cancel':
      return { ...state, leaving: { kind: 'none' } };
    case 'park-start':
      return {
        ...state,
        parking: true,
        leaving: state.leaving.kind === 'park-ask' ? { kind: 'park-ask', error: null } : state.leaving,
      };
    case 'park-failed':
      // Asked again, saying why, even when parking began from the header's button.
      return { ...state, parking: false, leaving: { kind: 'park-ask', error: event.message } };
    case 'parked': {
      const code = event.dossier.parkCode;
      return {
        ...state,
        parking: false,
        dossier: event.dossier,
        leaving: code ? { kind: 'parked', code } : { kind: 'none' },
      };
    }
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled wizard event: ${JSON.stringify(value)}`);
}

/** The errors with `error` in place of any earlier one about the same field. */
function withError(list: readonly FieldError[], error: FieldError): FieldError[] {
  return [...list.filter((e) => e.field !== error.field), error];
}

function fix(state: WizardState, problem: Problem, message: string): WizardState {
  const target = problemTarget(problem);
  if (!target) return state;
  const next: WizardState = { ...state, step: target.step, notice: null };
  if (target.step === 'form') {
    const field = formPath(problem.field ?? '');
    next.tried = true;
    next.fieldErrors = withError(state.fieldErrors, {
      field,
      message,
      value: valueAt(state.formData, field),
    });
  }
  return next;
}

/**
 * What the form step's "Tiếp tục" does with the check's answer: the problems about form fields become the
 * errors under them (none while the form's own validation already shows some), and the wizard goes on only
 * when there are none. A check that could not run (offline) changes no error, and does not hold the
 * person back unless the form's own validation does: main checks again before submit.
 */
export function formCheckOutcome(
  result: Result<CheckResult>,
  clientErrors: number,
  data: FormData,
  text: (problem: Problem) => string,
): { errors: FieldError[] | null; proceed: boolean } {
  if (!result.ok) return { errors: null, proceed: clientErrors === 0 };
  const problems = clientErrors > 0 ? [] : result.value.problems.filter(isFormProblem);
  const errors = problems.map((p) => {
    const field = formPath(p.field ?? '');
    return { field, message: text(p), value: valueAt(data, field) };
  });
  return { errors, proceed: problems.length + clientErrors === 0 };
}

/**
 * What leaving ("Về trang chủ", staff's "Về bảng điều khiển") does: with nothing to lose (no draft yet, or submitted) it leaves; a citizen is asked
 * before the draft is wiped; staff save first, then leave a parked draft as it is or are asked to park.
 */
export function exitChoice(
  state: Pick<WizardState, 'submitted' | 'dossier'>,
  assisted: boolean,
): 'leave' | 'ask' | 'staff' {
  if (state.submitted || !state.dossier) return 'leave';
  return assisted ? 'staff' : 'ask';
}

/** The count in "Còn N ô cần sửa": errors from main, plus the form's own once "Tiếp tục" was pressed. */
export function errorCount(state: Pick<WizardState, 'fieldErrors' | 'tried'>, clientErrors: number): number {
  return state.fieldErrors.length + (state.tried ? clientErrors : 0);
}
