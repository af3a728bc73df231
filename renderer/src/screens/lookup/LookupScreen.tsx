/**
 * "Tra cứu hồ sơ": scan the receipt's QR or type its code, then the dossier's timeline, due date and fee
 * state, and the satisfaction rating.
 *
 * The code pad carries only what a code holds (digits, dot, dash, the centre's unit letter and K) and a
 * key that types this centre's unit id at once: codes are long and almost all start with it. A physical
 * keyboard works in the field too. The ID number is shown masked, as main sends it, and masked again here.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, Lookup, LookupStatus } from '../../../../preload/api';
import { useAppInfo, useKiosk } from '../../context';
import { useScan } from '../../hooks/useScan';
import { BackspaceIcon, HomeIcon, TrackingIcon } from '../../components/icons';
import { errorText, localError } from '../../api';
import { Rating } from '../../components/Rating';
import { canLookUp, cleanCodeInput, codeKeys, factorProblem, lookupProblem, unitPrefix } from './model';
import { LookupResult } from './LookupResult';
import { type Factor, LookupStatusView } from './LookupStatusView';
import '../../styles/lookup.css';

type State =
  | { kind: 'enter'; error?: KioskError }
  | { kind: 'loading'; code: string }
  /** Found by its code alone: the status, and the second factor asked for (`busy` while it is checked). */
  | { kind: 'status'; status: LookupStatus; busy: boolean; error?: KioskError }
  | { kind: 'result'; lookup: Lookup };

export function LookupScreen({
  initialCode,
  initialSecret,
  onHome,
}: {
  initialCode?: string;
  /** The secret a receipt's QR carried (scanned on another screen): the whole dossier at once. */
  initialSecret?: string;
  onHome: () => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const { info } = useAppInfo();
  const [code, setCode] = useState(() => cleanCodeInput(initialCode ?? ''));
  const [state, setState] = useState<State>(() =>
    initialCode !== undefined && canLookUp(cleanCodeInput(initialCode))
      ? { kind: 'loading', code: cleanCodeInput(initialCode) }
      : { kind: 'enter' },
  );
  // The newest lookup wins: a scan while a typed code is being looked up replaces it.
  const generation = useRef(0);

  /**
   * Asks main; only the newest request may set the state (no state is set before the answer). With a
   * factor, a refusal keeps the status on screen and shows the refusal under the factor's field.
   */
  const request = useCallback(
    (clean: string, factor?: Factor, shown?: LookupStatus): Promise<void> => {
      const mine = ++generation.current;
      return client.call('dossier.lookup', { code: clean, ...factor }).then(async (result) => {
        if (mine !== generation.current) return;
        if (result.ok) {
          setState(
            result.value.detail === 'full'
              ? { kind: 'result', lookup: result.value }
              : { kind: 'status', status: result.value, busy: false },
          );
          return;
        }
        let status = shown;
        // A scanned receipt whose details are locked: still show its status, with the refusal under it.
        if (!status && factor && factorProblem(result.error)) {
          const plain = await client.call('dossier.lookup', { code: clean });
          if (mine !== generation.current) return;
          if (plain.ok && plain.value.detail === 'status') status = plain.value;
        }
        setState(
          status
            ? { kind: 'status', status, busy: false, error: result.error }
            : { kind: 'enter', error: result.error },
        );
      });
    },
    [client],
  );

  const lookUp = (raw: string, factor?: Factor): void => {
    const clean = cleanCodeInput(raw);
    if (!canLookUp(clean)) return;
    setCode(clean);
    setState({ kind: 'loading', code: clean });
    void request(clean, factor);
  };

  const confirm = (status: LookupStatus, factor: Factor): void => {
    setState({ kind: 'status', status, busy: true });
    void request(status.code, factor, status);
  };

  // A code given by the caller (a receipt scanned on the home screen) is looked up at once; the state
  // already says "loading" from the first render.
  const first = useRef(state.kind === 'loading' ? state.code : null);
  const firstSecret = useRef(initialSecret);
  useEffect(() => {
    const code = first.current;
    const secret = firstSecret.current;
    first.current = null;
    if (code !== null) void request(code, secret === undefined ? undefined : { secret });
  }, [request]);

  useScan((outcome) => {
    if (!outcome.result.ok) {
      setState({ kind: 'enter', error: outcome.result.error });
      return;
    }
    const scan = outcome.result.value;
    // A new receipt's QR carries its secret too: no typing, the whole dossier at once.
    if (scan.kind === 'dossier-code')
      lookUp(scan.code, scan.secret === undefined ? undefined : { secret: scan.secret });
    else setState({ kind: 'enter', error: localError('not-a-receipt', (m) => m.lookup.otherScan) });
  });

  const again = (): void => {
    generation.current++;
    setCode('');
    setState({ kind: 'enter' });
  };

  return (
    <section className="lookup" data-testid="lookup" aria-labelledby="lookup-title">
      {state.kind === 'result' ? (
        <>
          <LookupResult lookup={state.lookup} />
          {/* One rating per dossier looked up: another receipt scanned here starts a fresh one. */}
          <Rating key={state.lookup.code} context="lookup" code={state.lookup.code} />
          <ResultActions onAgain={again} onHome={onHome} />
        </>
      ) : state.kind === 'status' ? (
        <>
          <LookupStatusView
            status={state.status}
            busy={state.busy}
            error={state.error}
            onFactor={(factor) => confirm(state.status, factor)}
          />
          <ResultActions onAgain={again} onHome={onHome} />
        </>
      ) : (
        <>
          <EntryHeading />
          <div className="lookup-entry">
            <div className="lookup-scan">
              <span className="lookup-scan-icon">
                <ReceiptQrIcon />
              </span>
              <h2>{t('lookup.scanTitle')}</h2>
              <p>{t('lookup.scanHelp')}</p>
            </div>
            <p className="lookup-or" aria-hidden="true">
              {t('lookup.or')}
            </p>
            <CodeEntry
              code={code}
              unitCode={info.unitCode}
              busy={state.kind === 'loading'}
              onChange={setCode}
              onSubmit={() => lookUp(code)}
            />
          </div>
          {state.kind === 'loading' ? (
            <p role="status" className="lookup-busy" data-testid="lookup-busy">
              {t('lookup.searching')}
            </p>
          ) : (
            <LookupError error={state.error} />
          )}
          <div className="lookup-actions">
            <HomeButton onHome={onHome} />
          </div>
        </>
      )}
    </section>
  );
}

function EntryHeading() {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // A new screen: focus its heading so a screen reader says where the citizen is.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="lookup-intro">
      <div className="lookup-intro-title">
        <span className="lookup-intro-icon">
          <TrackingIcon />
        </span>
        <h1 id="lookup-title" ref={heading} tabIndex={-1}>
          {t('lookup.title')}
        </h1>
      </div>
      <p className="lookup-lead">{t('lookup.lead')}</p>
    </div>
  );
}

/** Under a result, whatever it showed: look up another code, or go home. */
function ResultActions({ onAgain, onHome }: { onAgain: () => void; onHome: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="lookup-actions">
      <button type="button" className="btn btn-secondary btn-xl" data-testid="lookup-again" onClick={onAgain}>
        {t('lookup.another')}
      </button>
      <HomeButton onHome={onHome} />
    </div>
  );
}

function HomeButton({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn-primary btn-xl" data-testid="home-button" onClick={onHome}>
      <HomeIcon />
      <span>{t('lookup.home')}</span>
    </button>
  );
}

/** The code field and its pad. Enter in the field looks up, like the "Tra cứu" button. */
function CodeEntry({
  code,
  unitCode,
  busy,
  onChange,
  onSubmit,
}: {
  code: string;
  unitCode: string;
  busy: boolean;
  onChange: (code: string) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const prefix = unitPrefix(unitCode);
  const example = `${prefix || '000.00.12.H29-'}K01-${'240815'}-0007`;
  const type = (text: string): void => onChange(cleanCodeInput(code + text));
  return (
    <form
      className="lookup-type"
      onSubmit={(event) => {
        event.preventDefault();
        if (canLookUp(code) && !busy) onSubmit();
      }}
    >
      <h2>{t('lookup.typeTitle')}</h2>
      <div className="field lookup-field">
        <label htmlFor={inputId}>{t('lookup.codeLabel')}</label>
        <input
          id={inputId}
          className="lookup-code-input"
          data-testid="lookup-code"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="none"
          // The page's on-screen keyboard (components/keyboard) stays away: this field has its own pad.
          data-osk="off"
          aria-describedby={hintId}
          onChange={(e) => onChange(cleanCodeInput(e.target.value))}
        />
        <p id={hintId} className="field-help">
          {t('lookup.codeHint', { example })}
        </p>
      </div>
      <div className="code-pad" role="group" aria-label={t('lookup.keypadLabel')}>
        {prefix !== '' ? (
          <button
            type="button"
            className="btn code-key code-key-prefix"
            aria-controls={inputId}
            aria-label={t('lookup.prefixKeyLabel', { prefix })}
            data-testid="code-key-prefix"
            disabled={busy}
            onClick={() => onChange(code.startsWith(prefix) ? code : cleanCodeInput(prefix + code))}
          >
            {prefix}
          </button>
        ) : null}
        {codeKeys(unitCode).map((key) => (
          <button
            key={key}
            type="button"
            className="btn code-key"
            aria-controls={inputId}
            data-testid={`code-key-${key}`}
            disabled={busy}
            onClick={() => type(key)}
          >
            {key}
          </button>
        ))}
        <button
          type="button"
          className="btn code-key code-key-aux"
          aria-controls={inputId}
          aria-label={t('lookup.backspace')}
          data-testid="code-key-backspace"
          disabled={busy}
          onClick={() => onChange(code.slice(0, -1))}
        >
          <BackspaceIcon />
        </button>
        <button
          type="button"
          className="btn code-key code-key-aux code-key-clear"
          aria-controls={inputId}
          data-testid="code-key-clear"
          disabled={busy}
          onClick={() => onChange('')}
        >
          {t('lookup.clear')}
        </button>
      </div>
      <button
        type="submit"
        className="btn btn-primary btn-xl lookup-submit"
        data-testid="lookup-submit"
        disabled={busy || !canLookUp(code)}
      >
        {t('lookup.submit')}
      </button>
    </form>
  );
}

/** Main's own message, a plain title above it, and what to do next. */
function LookupError({ error }: { error: KioskError | undefined }) {
  const { t, i18n } = useTranslation();
  const problem = error ? lookupProblem(error) : 'other';
  const title = {
    'not-found': t('lookup.errors.notFoundTitle'),
    invalid: t('lookup.errors.invalidTitle'),
    unavailable: t('lookup.errors.unavailableTitle'),
    other: t('lookup.errors.otherTitle'),
  }[problem];
  const help = {
    'not-found': t('lookup.errors.notFoundHelp'),
    invalid: t('lookup.errors.invalidHelp'),
    unavailable: t('lookup.errors.unavailableHelp'),
    other: t('lookup.errors.otherHelp'),
  }[problem];
  // Always in the page, so screen readers hear a message put into it.
  return (
    <div role="alert" className={error ? 'lookup-error' : 'error-box-empty'} data-testid="lookup-error">
      {error ? (
        <>
          <p className="lookup-error-title">{title}</p>
          {/* "not-built" names an internal method: the plain title and help say it better. */}
          {problem === 'unavailable' || error.code === 'not-a-receipt' ? null : (
            <p>{errorText(error, i18n.language)}</p>
          )}
          <p>{error.code === 'not-a-receipt' ? errorText(error, i18n.language) : help}</p>
        </>
      ) : null}
    </div>
  );
}

/** A receipt with a QR code: what to hold under the scanner. */
function ReceiptQrIcon() {
  return (
    <svg
      className="icon"
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M9 4h30v40l-5-3-5 3-5-3-5 3-5-3-5 3z" />
      <path d="M14 11h8v8h-8zM26 11h8v8h-8zM14 23h8v8h-8z" />
      <path d="M26 23h3v3h-3zM31 28h3v3h-3zM26 31h3M15 36h18" />
    </svg>
  );
}
