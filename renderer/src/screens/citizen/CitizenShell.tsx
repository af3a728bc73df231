/**
 * The citizen kiosk: header (centre, clock, language, text size, contrast), the current screen, and the
 * idle reset that hands the kiosk back clean to the next person.
 */
import { useCallback, useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAppInfo } from '../../context';
import { useRouter } from '../../router';
import { Brand } from '../../components/Brand';
import { Clock } from '../../components/Clock';
import { A11yControls, LanguageToggle } from '../../components/DisplayControls';
import { IdleDialog } from '../../components/IdleDialog';
import { useI18nInstance } from '../../i18n/useI18nInstance';
import { useIdleReset } from '../../hooks/useIdleReset';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useScan } from '../../hooks/useScan';
import {
  citizenReducer,
  initialCitizenSession,
  rootClasses,
  scanNotice,
  screenFor,
  type CitizenScreen,
} from './session';
import { ScanDialog } from './ScanDialog';
import { Home } from './Home';
import { ComingSoon } from './ComingSoon';
import { QueueFlow } from './queue/QueueFlow';

function screenTitle(screen: CitizenScreen, t: TFunction): string {
  switch (screen.name) {
    case 'home':
      return t('home.title');
    case 'coming-soon':
      return t(`features.${screen.feature}.title`);
    case 'queue':
      return t('queue.title');
    case 'ticket':
      return t('ticket.title');
  }
}

export function CitizenShell() {
  const { info } = useAppInfo();
  const { navigate } = useRouter();
  const { t, i18n: current } = useTranslation();
  const i18n = useI18nInstance();
  const [session, dispatch] = useReducer(citizenReducer, initialCitizenSession);
  const languageChanged = current.language !== info.defaultLanguage;

  // Text size and contrast live on <html> (rem root, palette) and leave with the citizen screens.
  useEffect(() => {
    const classes = rootClasses(session);
    document.documentElement.classList.add(...classes);
    return () => document.documentElement.classList.remove(...classes);
  }, [session]);

  const reset = useCallback(() => {
    dispatch({ type: 'reset' });
    void i18n.changeLanguage(info.defaultLanguage);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  }, [i18n, info.defaultLanguage]);

  const idle = useIdleReset({
    enabled: session.touched || languageChanged,
    timeoutSeconds: info.idleTimeoutSeconds,
    warningSeconds: info.idleWarningSeconds,
    onExpire: reset,
  });

  // A card scanned on any citizen screen greets the person (or says calmly why it could not be read).
  useScan((outcome) => dispatch({ type: 'scanned', notice: scanNotice(outcome.result) }));

  const screen = session.screen;
  useDocumentTitle(screenTitle(screen, t));
  const open = (next: CitizenScreen): void => dispatch({ type: 'open', screen: next });

  return (
    <div className="citizen">
      <header className="citizen-header">
        <div className="header-top">
          <Brand />
          <Clock />
        </div>
        <div className="header-tools">
          <LanguageToggle languages={info.languages} onChange={() => dispatch({ type: 'touched' })} />
          <A11yControls
            textSize={session.textSize}
            highContrast={session.highContrast}
            onTextSize={(size) => dispatch({ type: 'text-size', size })}
            onToggleContrast={() => dispatch({ type: 'toggle-contrast' })}
          />
        </div>
      </header>

      <main className="citizen-main" id="main">
        {screen.name === 'home' ? (
          <Home features={info.features} onOpen={(feature) => open(screenFor(feature, info.features))} />
        ) : screen.name === 'coming-soon' ? (
          <ComingSoon key={screen.feature} feature={screen.feature} onHome={() => open({ name: 'home' })} />
        ) : (
          <QueueFlow
            ticket={screen.name === 'ticket' ? screen.ticket : undefined}
            onTicket={(ticket) => open({ name: 'ticket', ticket })}
            onHome={() => open({ name: 'home' })}
          />
        )}
      </main>

      <footer className="citizen-footer">
        <div className="footer-text">
          <p className="help">{t('home.help')}</p>
          {info.demo ? <p className="demo-note">{t('app.demo')}</p> : null}
        </div>
        {screen.name === 'home' ? (
          <button
            type="button"
            className="btn btn-quiet staff-entry"
            data-testid="staff-entry"
            onClick={() => navigate('staff')}
          >
            {t('home.staffEntry')}
          </button>
        ) : null}
      </footer>

      {session.scan ? (
        <ScanDialog
          notice={session.scan}
          features={info.features}
          onOpen={(feature) => open(screenFor(feature, info.features))}
          onDismiss={() => dispatch({ type: 'scan-dismiss' })}
        />
      ) : null}

      {idle.secondsLeft !== null ? (
        <IdleDialog
          secondsLeft={idle.secondsLeft}
          warningSeconds={Math.min(info.idleWarningSeconds, info.idleTimeoutSeconds)}
          onContinue={idle.stillHere}
        />
      ) : null}
    </div>
  );
}
