import { use, useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChipRead, EventPayload, KioskError, MethodOutput } from '../../../../preload/api';
import { AppInfoContext, useKiosk } from '../../context';
import { ErrorRegion } from '../../components/ErrorRegion';
import { useScan } from '../../hooks/useScan';
import { accessFromMrz, documentNumberFrom, nextStepFor, parseDayText, type ChipAccess } from './access';
import { ChipAnimation } from './ChipAnimation';
import { ChipSummary } from './ChipSummary';
import { ChipDemoContext } from './demo';
import '../../styles/chip.css';

type Status = MethodOutput<'identity.chipStatus'>;
type Progress = EventPayload<'chip.progress'>;

type Phase =
  | { kind: 'mrz' }
  | { kind: 'reading'; access: ChipAccess | undefined; demo: boolean }
  | { kind: 'error'; error: KioskError; access: ChipAccess | undefined; demo: boolean }
  | { kind: 'done'; result: ChipRead };

interface Typed {
  documentNumber: string;
  birthDate: string;
  expiryDate: string;
  noExpiry: boolean;
}

type TypedErrors = Partial<Record<'documentNumber' | 'birthDate' | 'expiryDate', string>>;

const EMPTY_TYPED: Typed = { documentNumber: '', birthDate: '', expiryDate: '', noExpiry: false };

/**
 * "Đặt thẻ lên đầu đọc": reads the chip of a CCCD to fill a form with verified data.
 *
 * 1. The MRZ: the chip opens only with the document number, birth and expiry dates printed on the back,
 *    so the person scans the back (a `mrz` scan through useScan) or staff type the three fields.
 * 2. The read: an animation of a card going onto the reader, progress from 'chip.progress'.
 * 3. A refusal says what happened (main's vi/en text) and offers the one next step that helps.
 * 4. The summary, with "Đã xác thực chip" only when passive authentication passed; "Dùng thông tin này"
 *    hands the result to `onRead`.
 *
 * The sample card is offered only where `ChipDemoContext` allows it (staff diagnostics) or in the embedded
 * demo centre, and only when there is no reader. Nothing read here is kept after the dialog closes.
 */
export function ChipReadDialog(props: {
  readParents?: boolean;
  /** Ask the chip for the ethnicity (DG13): only for a form that has a field for it. */
  readEthnicity?: boolean;
  onRead: (result: ChipRead) => void;
  onClose: () => void;
}) {
  const { readParents, readEthnicity, onRead, onClose } = props;
  const { t } = useTranslation();
  const client = useKiosk();
  const appInfo = use(AppInfoContext);
  const demoAllowed = use(ChipDemoContext) || appInfo?.info.demo === true;
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const formId = useId();
  const live = useRef(true);

  const [phase, setPhase] = useState<Phase>({ kind: 'mrz' });
  const [status, setStatus] = useState<Status | null>(null);
  const [statusLoaded, setStatusLoaded] = useState(false);
  const [progress, setProgress] = useState<Progress>({ step: 'waiting', percent: 0 });
  const [scanProblem, setScanProblem] = useState<KioskError | undefined>();
  const [typing, setTyping] = useState(false);
  const [typed, setTyped] = useState<Typed>(EMPTY_TYPED);
  const [typedErrors, setTypedErrors] = useState<TypedErrors>({});

  const hasReader = status !== null && status.pcsc === 'ready' && status.readers.length > 0;
  const useDemo = demoAllowed && statusLoaded && !hasReader;
  const noReader = statusLoaded && !hasReader && !demoAllowed;

  useEffect(() => {
    live.current = true;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => {
      live.current = false;
      d?.close();
    };
  }, []);

  // Reader status, live: a reader plugged in while the dialog is open is used at once.
  useEffect(() => {
    let active = true;
    void client.call('identity.chipStatus', {}).then((r) => {
      if (!active) return;
      setStatus(r.ok ? r.value : null);
      setStatusLoaded(true);
    });
    const off = client.on('chip.reader', (s) => setStatus(s));
    return () => {
      active = false;
      off();
    };
  }, [client]);

  useEffect(() => {
    if (phase.kind !== 'reading') return;
    return client.on('chip.progress', (p) => setProgress(p));
  }, [client, phase.kind]);

  // Each step announces itself: focus its heading (tabIndex -1), so a screen reader reads the new title.
  useEffect(() => {
    heading.current?.focus();
  }, [phase.kind]);

  const read = useCallback(
    async (access: ChipAccess | undefined, demo: boolean): Promise<void> => {
      // The sample card is on the reader at once: no waiting step.
      setProgress(demo ? { step: 'authenticating', percent: 5 } : { step: 'waiting', percent: 0 });
      setPhase({ kind: 'reading', access, demo });
      const input = {
        ...(access ? { access } : {}),
        readParents: readParents === true,
        ...(readEthnicity === true ? { readEthnicity: true } : {}),
        ...(demo ? { demo } : {}),
      };
      const result = await client.call('identity.readChip', input);
      if (!live.current) return;
      if (result.ok) setPhase({ kind: 'done', result: result.value });
      else setPhase({ kind: 'error', error: result.error, access, demo });
    },
    [client, readParents, readEthnicity],
  );

  useScan(
    (outcome) => {
      if (!outcome.result.ok) {
        setScanProblem(outcome.result.error);
        return;
      }
      const scan = outcome.result.value;
      if (scan.kind !== 'mrz') {
        setScanProblem({
          code: 'chip-wrong-side',
          vi: t('chip.dialog.mrzWrongSide', { lng: 'vi' }),
          en: t('chip.dialog.mrzWrongSide', { lng: 'en' }),
        });
        return;
      }
      const access = accessFromMrz(scan.person);
      if (!access) {
        setScanProblem({
          code: 'chip-bad-mrz',
          vi: t('chip.dialog.invalidDocumentNumber', { lng: 'vi' }),
          en: t('chip.dialog.invalidDocumentNumber', { lng: 'en' }),
        });
        return;
      }
      setScanProblem(undefined);
      void read(access, useDemo);
    },
    { enabled: phase.kind === 'mrz' && !noReader },
  );

  const submitTyped = (event: FormEvent): void => {
    event.preventDefault();
    const documentNumber = documentNumberFrom(typed.documentNumber);
    const birthDate = parseDayText(typed.birthDate);
    const expiryDate = typed.noExpiry ? null : parseDayText(typed.expiryDate);
    const errors: TypedErrors = {};
    if (!documentNumber) errors.documentNumber = t('chip.dialog.invalidDocumentNumber');
    if (!birthDate) errors.birthDate = t('chip.dialog.invalidDate');
    if (expiryDate === undefined) errors.expiryDate = t('chip.dialog.invalidDate');
    setTypedErrors(errors);
    if (!documentNumber || !birthDate || expiryDate === undefined) return;
    void read({ documentNumber, birthDate, expiryDate }, useDemo);
  };

  const field = (
    name: 'documentNumber' | 'birthDate' | 'expiryDate',
    label: string,
    hint: string,
    disabled = false,
  ) => {
    const id = `${formId}-${name}`;
    const error = typedErrors[name];
    return (
      <div className="chip-input">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          data-testid={`chip-${name}`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          inputMode={name === 'documentNumber' ? 'text' : 'numeric'}
          value={typed[name]}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setTyped((v) => ({ ...v, [name]: e.target.value }))}
        />
        <span id={`${id}-hint`} className={error ? 'chip-input-error' : 'chip-input-hint'}>
          {error ?? hint}
        </span>
      </div>
    );
  };

  const stepText = t(`chip.progress.${progress.step}`);

  return (
    <dialog
      ref={dialog}
      className="sheet chip-dialog"
      aria-labelledby={titleId}
      data-testid="chip-dialog"
      data-phase={phase.kind}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {phase.kind === 'mrz' ? (
        <>
          <h2 id={titleId} ref={heading} tabIndex={-1} className="chip-title">
            {t('chip.dialog.title')}
          </h2>
          {noReader ? (
            <ErrorRegion
              testId="chip-no-reader"
              error={{
                code: 'chip-no-reader',
                vi: t('chip.dialog.noReader', { lng: 'vi' }),
                en: t('chip.dialog.noReader', { lng: 'en' }),
              }}
            />
          ) : (
            <>
              {useDemo ? (
                <p className="chip-demo-note" data-testid="chip-demo-note">
                  {t('chip.dialog.demoNote')}
                </p>
              ) : null}
              <h3 className="chip-step">{t('chip.dialog.mrzStep')}</h3>
              {typing ? null : (
                <>
                  <div className="chip-mrz-picture" aria-hidden="true">
                    <span>
                      IDVNM<span className="chip-mrz-dim">••••••••••••••••••••••••</span>
                    </span>
                    <span className="chip-mrz-dim">••••••••••••••••••••••••••••••</span>
                    <span className="chip-mrz-dim">••••••••••••••••••••••••••••••</span>
                  </div>
                  <p>{t('chip.dialog.mrzHelp')}</p>
                </>
              )}
              <ErrorRegion error={scanProblem} testId="chip-scan-problem" />
              <div className="chip-actions">
                <button
                  type="button"
                  className="btn btn-secondary"
                  aria-expanded={typing}
                  aria-controls={formId}
                  data-testid="chip-type-toggle"
                  onClick={() => setTyping((v) => !v)}
                >
                  {typing ? t('chip.dialog.typeHide') : t('chip.dialog.typeInstead')}
                </button>
                {useDemo ? (
                  <button
                    type="button"
                    className="btn btn-secondary"
                    data-testid="chip-demo-read"
                    onClick={() => void read(undefined, true)}
                  >
                    {t('chip.dialog.demoButton')}
                  </button>
                ) : null}
              </div>
              {typing ? (
                <form id={formId} className="chip-typed" onSubmit={submitTyped} noValidate>
                  <h3 className="chip-step">{t('chip.dialog.typeTitle')}</h3>
                  {field(
                    'documentNumber',
                    t('chip.dialog.documentNumber'),
                    t('chip.dialog.documentNumberHint'),
                  )}
                  {field('birthDate', t('chip.dialog.birthDate'), t('chip.dialog.dateHint'))}
                  {field(
                    'expiryDate',
                    t('chip.dialog.expiryDate'),
                    t('chip.dialog.dateHint'),
                    typed.noExpiry,
                  )}
                  <label className="chip-check">
                    <input
                      type="checkbox"
                      data-testid="chip-noExpiry"
                      checked={typed.noExpiry}
                      onChange={(e) => setTyped((v) => ({ ...v, noExpiry: e.target.checked }))}
                    />
                    {t('chip.dialog.noExpiry')}
                  </label>
                  <button type="submit" className="btn btn-primary" data-testid="chip-typed-submit">
                    {t('chip.dialog.submitTyped')}
                  </button>
                </form>
              ) : null}
            </>
          )}
          <button type="button" className="btn btn-quiet" data-testid="chip-close" onClick={onClose}>
            {t('chip.dialog.close')}
          </button>
        </>
      ) : phase.kind === 'reading' ? (
        <>
          <h2 id={titleId} ref={heading} tabIndex={-1} className="chip-title">
            {t('chip.dialog.placeTitle')}
          </h2>
          <ChipAnimation active={progress.step === 'waiting'} />
          <p className="chip-help">{t('chip.dialog.placeHelp')}</p>
          <div className="chip-progress">
            <progress
              max={100}
              value={progress.percent}
              aria-label={t('chip.dialog.progressLabel')}
              aria-valuetext={`${stepText} ${String(progress.percent)}%`}
              data-testid="chip-progress"
            />
            <p role="status" className="chip-progress-text" data-testid="chip-progress-text">
              {stepText}
            </p>
          </div>
          <button type="button" className="btn btn-quiet" data-testid="chip-close" onClick={onClose}>
            {t('chip.dialog.cancel')}
          </button>
        </>
      ) : phase.kind === 'error' ? (
        <>
          <h2 id={titleId} ref={heading} tabIndex={-1} className="chip-title">
            {t('chip.dialog.errorTitle')}
          </h2>
          <ErrorRegion error={phase.error} testId="chip-error" />
          {nextStepFor(phase.error.code) === 'none' ? <p>{t('chip.dialog.useQr')}</p> : null}
          <div className="chip-actions">
            {nextStepFor(phase.error.code) === 'retry' ? (
              <button
                type="button"
                className="btn btn-primary"
                data-testid="chip-retry"
                onClick={() => void read(phase.access, phase.demo)}
              >
                {t('chip.dialog.retry')}
              </button>
            ) : nextStepFor(phase.error.code) === 'rescan' ? (
              <button
                type="button"
                className="btn btn-primary"
                data-testid="chip-rescan"
                onClick={() => {
                  setScanProblem(undefined);
                  setPhase({ kind: 'mrz' });
                }}
              >
                {t('chip.dialog.rescan')}
              </button>
            ) : null}
            <button type="button" className="btn btn-secondary" data-testid="chip-close" onClick={onClose}>
              {t('chip.dialog.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id={titleId} ref={heading} tabIndex={-1} className="chip-title">
            {t('chip.dialog.doneTitle')}
          </h2>
          <ChipSummary result={phase.result} />
          <div className="chip-actions">
            <button
              type="button"
              className="btn btn-primary btn-xl"
              data-testid="chip-use"
              onClick={() => onRead(phase.result)}
            >
              {t('chip.dialog.use')}
            </button>
            <button type="button" className="btn btn-secondary" data-testid="chip-close" onClick={onClose}>
              {t('chip.dialog.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
