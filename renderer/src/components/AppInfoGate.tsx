/**
 * Loads `app.info` before any screen shows: a calm loading screen meanwhile, a bilingual error with
 * "Thử lại" if it fails. Once loaded it sets the default language and `data-ready="true"` on <body>, which
 * e2e tests wait on instead of sleeping.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, KioskError, Result } from '../../../preload/api';
import { clockOffset } from '../lib/clock';
import { AppInfoContext, useKiosk, type AppInfoValue } from '../context';
import { Emblem } from './icons';
import { useI18nInstance } from '../i18n/useI18nInstance';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; error: KioskError }
  | { status: 'ready'; info: AppInfo; clockOffsetMs: number };

export function AppInfoGate({ children }: { children: ReactNode }) {
  const client = useKiosk();
  const i18n = useI18nInstance();
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  const apply = useCallback(
    async (result: Result<AppInfo>, first: boolean): Promise<void> => {
      if (!result.ok) {
        // A failed background refresh keeps the screen that works.
        if (first) setState({ status: 'error', error: result.error });
        return;
      }
      const info = result.value;
      if (first && info.languages.includes(info.defaultLanguage))
        await i18n.changeLanguage(info.defaultLanguage);
      setState({ status: 'ready', info, clockOffsetMs: clockOffset(info.now, Date.now()) });
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

  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'error' || !value) {
    return <LoadErrorScreen error={state.status === 'error' ? state.error : undefined} onRetry={retry} />;
  }
  return <AppInfoContext value={value}>{children}</AppInfoContext>;
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
