/**
 * Loads `app.info` before any screen shows: a calm loading screen meanwhile, a bilingual error with
 * "Thử lại" if it fails. Once loaded it sets the default language and `data-ready="true"` on <body>, which
 * e2e tests wait on instead of sleeping.
 *
 * A browser on the LAN that the kiosk does not know (`device-not-paired`) gets the pairing screen
 * instead, and the app once it is paired. No screen of the app mounts before that, so nothing subscribes
 * to events and the event socket (opened on the first subscription) is not tried while it would be
 * refused. A device revoked while in use gets the pairing screen back at its next call.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, KioskError, Result } from '../../../preload/api';
import { AppInfoContext, KioskProvider, useKiosk, type AppInfoValue } from '../context';
import { Emblem } from './icons';
import { useI18nInstance } from '../i18n/useI18nInstance';
import {
  gateAfterInfo,
  gateAfterPairing,
  revokedNotice,
  watchPairing,
  type GateState,
  type PairingOutcome,
} from './pairing';
import { PairingScreen } from './PairingScreen';

export function AppInfoGate({ children }: { children: ReactNode }) {
  const client = useKiosk();
  const i18n = useI18nInstance();
  const [state, setState] = useState<GateState>({ status: 'loading' });

  const apply = useCallback(
    async (result: Result<AppInfo>, first: boolean): Promise<void> => {
      if (first && result.ok && result.value.languages.includes(result.value.defaultLanguage))
        await i18n.changeLanguage(result.value.defaultLanguage);
      setState((current) => gateAfterInfo(current, result, Date.now()));
    },
    [i18n],
  );
  const fetchInfo = useCallback(
    (first: boolean) => client.call('app.info', {}).then((result) => apply(result, first)),
    [client, apply],
  );

  useEffect(() => {
    let live = true;
    void client.call('app.info', {}).then((result) => {
      if (live) void apply(result, true);
    });
    return () => {
      live = false;
    };
  }, [client, apply]);

  // The screens' client: a call refused because this device is no longer paired brings the pairing back.
  const screensClient = useMemo(
    () =>
      watchPairing(client, () =>
        setState((current) =>
          current.status === 'ready' ? { status: 'pairing', notice: revokedNotice() } : current,
        ),
      ),
    [client],
  );

  const ready = state.status === 'ready';
  useEffect(() => {
    if (ready) document.body.dataset.ready = 'true';
    else delete document.body.dataset.ready;
  }, [ready]);

  const retry = (): void => {
    setState({ status: 'loading' });
    void fetchInfo(true);
  };

  const value = useMemo<AppInfoValue | null>(
    () =>
      state.status === 'ready'
        ? { info: state.info, clockOffsetMs: state.clockOffsetMs, refresh: () => fetchInfo(false) }
        : null,
    [state, fetchInfo],
  );

  const paired = async (outcome: PairingOutcome & { kind: 'paired' }): Promise<void> => {
    const next = gateAfterPairing(outcome, Date.now());
    if (next.status === 'ready' && next.info.languages.includes(next.info.defaultLanguage))
      await i18n.changeLanguage(next.info.defaultLanguage);
    setState(next);
  };

  return (
    <GateView state={state} value={value} onRetry={retry} onPaired={(outcome) => void paired(outcome)}>
      <KioskProvider client={screensClient}>{children}</KioskProvider>
    </GateView>
  );
}

/**
 * What the gate shows for a state: loading, the pairing screen, the start-up error, or the app. Pure, so
 * tests render it for each state the gate reaches.
 */
export function GateView({
  state,
  value,
  onRetry,
  onPaired,
  children,
}: {
  state: GateState;
  value: AppInfoValue | null;
  onRetry: () => void;
  onPaired: (outcome: PairingOutcome & { kind: 'paired' }) => void;
  children: ReactNode;
}) {
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'pairing') {
    return (
      <PairingScreen
        // A new notice (revoked, cookie not kept) starts the form afresh with it.
        key={state.notice?.code ?? 'pairing'}
        {...(state.notice ? { notice: state.notice } : {})}
        onPaired={onPaired}
      />
    );
  }
  if (state.status === 'ready' && value) return <AppInfoContext value={value}>{children}</AppInfoContext>;
  return <LoadErrorScreen error={state.status === 'error' ? state.error : undefined} onRetry={onRetry} />;
}

function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <main className="splash" aria-busy="true">
      <Emblem className="splash-emblem" />
      <h1 className="splash-title">{t('app.name')}</h1>
      <div className="spinner" aria-hidden="true" />
      <p role="status" className="splash-text">
        {t('app.loading')}
      </p>
    </main>
  );
}

/** Before `app.info` we do not know the language, so this screen speaks both. */
function LoadErrorScreen({ error, onRetry }: { error: KioskError | undefined; onRetry: () => void }) {
  const { i18n } = useTranslation();
  const tvi = i18n.getFixedT('vi');
  const ten = i18n.getFixedT('en');
  return (
    <main className="splash splash-error">
      <Emblem className="splash-emblem" />
      <h1 className="splash-title">{tvi('app.loadFailedTitle')}</h1>
      <p className="splash-title-en" lang="en">
        {ten('app.loadFailedTitle')}
      </p>
      <div role="alert" className="splash-message">
        <p>{error?.vi ?? tvi('errors.network')}</p>
        <p lang="en" className="splash-en">
          {error?.en ?? ten('errors.network')}
        </p>
      </div>
      <p className="splash-text">{tvi('app.loadFailedHelp')}</p>
      <p className="splash-text splash-en" lang="en">
        {ten('app.loadFailedHelp')}
      </p>
      <button type="button" className="btn btn-primary btn-xl bilingual" onClick={onRetry}>
        <span>{tvi('app.retry')}</span>
        <span lang="en" className="bilingual-en">
          {ten('app.retry')}
        </span>
      </button>
    </main>
  );
}
