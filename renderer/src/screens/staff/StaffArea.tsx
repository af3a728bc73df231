/**
 * The staff area at /staff: first-start admin setup, sign-in, then the console. It is not subject to the
 * citizen idle reset; sessions expire on the server.
 */
import { useTranslation } from 'react-i18next';
import { Brand } from '../../components/Brand';
import type { Session } from '../../../../preload/api';
import { useAppInfo } from '../../context';
import { useRouter } from '../../router';
import { LanguageToggle } from '../../components/DisplayControls';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useStaffSession } from './useStaffSession';
import { SignIn } from './SignIn';
import { SetupAdmin } from './SetupAdmin';
import { Console } from './Console';

export function StaffArea() {
  const { t } = useTranslation();
  const { info, refresh } = useAppInfo();
  const { navigate } = useRouter();
  const session = useStaffSession();
  const { state } = session;

  useDocumentTitle(
    state.status === 'signed-in'
      ? t('staff.console.title')
      : info.needsAdminSetup
        ? t('staff.setup.title')
        : t('staff.signIn.title'),
  );

  const onSignedIn = (s: Session): void => {
    session.signedIn(s);
    // Creating the admin ends first-start setup: fetch app.info again so the flag is fresh.
    if (info.needsAdminSetup) void refresh();
  };

  return (
    <div className="staff">
      <header className="staff-header">
        <Brand
          subtitle={t('staff.areaLabel')}
          detail={
            info.device ? (
              <span data-testid="device-name">{t('lan.thisDevice', { name: info.device.name })}</span>
            ) : undefined
          }
        />
        <div className="header-tools">
          <LanguageToggle languages={info.languages} />
          {/* Leaving is offered only while signed out, so a session is never left open behind the kiosk.
              A counter PC has no citizen screens to go back to. */}
          {state.status === 'signed-out' && info.device?.role !== 'counter' ? (
            <button type="button" className="btn btn-secondary" onClick={() => navigate('citizen')}>
              {t('staff.backToKiosk')}
            </button>
          ) : null}
        </div>
      </header>
      <main className="staff-main" id="main">
        {state.status === 'checking' ? (
          <p role="status" className="staff-checking">
            {t('staff.loading')}
          </p>
        ) : state.status === 'signed-in' ? (
          <Console user={state.user} onSignOut={session.signOut} onError={session.handleError} />
        ) : info.needsAdminSetup ? (
          <SetupAdmin onSignedIn={onSignedIn} />
        ) : (
          <SignIn key={state.notice?.code ?? 'signin'} notice={state.notice} onSignedIn={onSignedIn} />
        )}
      </main>
    </div>
  );
}
