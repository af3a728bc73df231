/**
 * The citizen kiosk: header (centre, clock, language, text size, contrast), the current screen, and the
 * idle reset that hands the kiosk back clean to the next person.
 */
import { lazy, Suspense, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAppInfo, useKiosk } from '../../context';
import { useRouter } from '../../router';
import { Brand } from '../../components/Brand';
import { Clock } from '../../components/Clock';
import { OnlineIndicator } from '../../components/OnlineIndicator';
import { A11yControls, LanguageToggle } from '../../components/DisplayControls';
import { IdleDialog } from '../../components/IdleDialog';
import { useI18nInstance } from '../../i18n/useI18nInstance';
import { useIdleReset } from '../../hooks/useIdleReset';
import { idleTimes } from '../../lib/idle';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useScan } from '../../hooks/useScan';
import { OnScreenKeyboard } from '../../components/keyboard/OnScreenKeyboard';
import {
  citizenReducer,
  isAvailable,
  rootClasses,
  scanAction,
  screenFor,
  screenReadsScans,
  startSession,
  type CitizenScreen,
} from './session';
import { ScanDialog } from './ScanDialog';
import { Home } from './Home';
import { ComingSoon } from './ComingSoon';
import { QueueFlow } from './queue/QueueFlow';
import type { QueueLink } from './queue/link';
import { ProceduresScreen } from '../dossier/ProceduresScreen';
import { readDraft } from '../dossier/lib/draft';
import { findDrafts, setAsideDraft, takeBack } from '../dossier/draftStart';
import { LookupScreen } from '../lookup/LookupScreen';

// The wizard carries the form library (rjsf, ajv): loaded when someone files, not with the home screen.
const DossierWizard = lazy(() =>
  import('../dossier/DossierWizard').then((m) => ({ default: m.DossierWizard })),
);

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
    case 'procedures':
      return t('features.procedures.title');
    case 'dossier-pick':
    case 'dossier':
      return t('features.dossier.title');
    case 'lookup':
      return t('features.tracking.title');
  }
}

export function CitizenShell() {
  const { info } = useAppInfo();
  const { navigate } = useRouter();
  const { t, i18n: current } = useTranslation();
  const i18n = useI18nInstance();
  const client = useKiosk();
  // A page reloaded mid-filing (a crash, a power blip) opens the citizen's draft again.
  const [session, dispatch] = useReducer(citizenReducer, null, () =>
    startSession(readDraft(), info.features),
  );
  const languageChanged = current.language !== info.defaultLanguage;

  // Text size and contrast live on <html> (rem root, palette) and leave with the citizen screens.
  useEffect(() => {
    const classes = rootClasses(session);
    document.documentElement.classList.add(...classes);
    return () => document.documentElement.classList.remove(...classes);
  }, [session]);

  // Which scan a dossier.resumeByCard answer belongs to: a later scan or the reset makes it stale.
  const scanSeq = useRef(0);

  const reset = useCallback(() => {
    // The citizen walked away mid-filing: the screen clears, the draft is set aside for their card (no
    // slip for someone who has left); only "Hủy hồ sơ" wipes a draft.
    void setAsideDraft(client);
    scanSeq.current += 1;
    dispatch({ type: 'reset' });
    void i18n.changeLanguage(info.defaultLanguage);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  }, [client, i18n, info.defaultLanguage]);

  const screen = session.screen;
  // The wizard's longer wait is for filing; its receipt and saved-code screens take the short one.
  const [filingOver, setFilingOver] = useState(false);
  const times = idleTimes(info, screen.name === 'dossier' && !filingOver);
  const idle = useIdleReset({
    enabled: session.touched || languageChanged,
    ...times,
    onExpire: reset,
  });

  // A card scanned on a citizen screen greets the person (or says calmly why it could not be read), and
  // offers the drafts it takes back; a receipt QR opens its lookup. Screens that read scans themselves
  // (the wizard, the lookup) get them alone.
  useScan(
    (outcome) => {
      const action = scanAction(outcome.result, info.features);
      dispatch(action);
      if (action.type !== 'scanned' || !action.reading || !isAvailable('dossier', info.features)) return;
      const seq = ++scanSeq.current;
      void findDrafts(client, outcome.text).then((drafts) => {
        if (seq === scanSeq.current && drafts.length > 0) dispatch({ type: 'drafts-found', drafts });
      });
    },
    { enabled: !screenReadsScans(screen) },
  );

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
          <OnlineIndicator />
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
        ) : screen.name === 'procedures' || screen.name === 'dossier-pick' ? (
          <ProceduresScreen
            key={screen.name}
            mode={screen.name === 'procedures' ? 'browse' : 'file'}
            canFile={isAvailable('dossier', info.features)}
            onFile={(procedureId) => open({ name: 'dossier', procedureId })}
            onHome={() => open({ name: 'home' })}
            onResume={(draft) =>
              open({ name: 'dossier', procedureId: draft.procedureId, dossierId: draft.id })
            }
          />
        ) : screen.name === 'dossier' ? (
          <Suspense fallback={<p role="status">{t('dossier.common.loading')}</p>}>
            <DossierWizard
              key={screen.dossierId ?? screen.procedureId ?? 'wizard'}
              procedureId={screen.procedureId}
              dossierId={screen.dossierId}
              carriedCard={session.card}
              onCardUsed={() => dispatch({ type: 'card-used' })}
              onExit={() => open({ name: 'home' })}
              onSessionEnd={reset}
              onFinished={setFilingOver}
              {...(isAvailable('queue', info.features)
                ? { onQueue: (link: QueueLink) => open({ name: 'queue', link }) }
                : {})}
            />
          </Suspense>
        ) : screen.name === 'lookup' ? (
          <LookupScreen
            key={screen.code ?? 'lookup'}
            initialCode={screen.code}
            initialSecret={screen.secret}
            onHome={() => open({ name: 'home' })}
          />
        ) : (
          <QueueFlow
            ticket={screen.name === 'ticket' ? screen.ticket : undefined}
            onTicket={(ticket) => open({ name: 'ticket', ticket })}
            onHome={() => open({ name: 'home' })}
            link={screen.name === 'queue' ? screen.link : undefined}
            onBackToDossier={() => {
              const link = screen.name === 'queue' ? screen.link : undefined;
              if (link?.kind === 'draft')
                open({ name: 'dossier', procedureId: link.procedureId, dossierId: link.id });
            }}
            onOtherScan={(outcome) => dispatch(scanAction(outcome.result, info.features))}
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
          onResume={(draft) => open(takeBack(draft))}
          onDismiss={() => dispatch({ type: 'scan-dismiss' })}
        />
      ) : null}

      <OnScreenKeyboard />

      {idle.secondsLeft !== null ? (
        <IdleDialog
          secondsLeft={idle.secondsLeft}
          warningSeconds={times.warningSeconds}
          onContinue={idle.stillHere}
        />
      ) : null}
    </div>
  );
}
