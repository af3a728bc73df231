import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert, KioskError, Result, StaffUser } from '../../../../preload/api';
import { errorText } from '../../api';
import { useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { formatDateTime } from '../../components/Clock';
import { ErrorRegion } from '../../components/ErrorRegion';
import { CounterPanel } from './CounterPanel';
import { ScanDiagnostics } from './ScanDiagnostics';
import { LanPanel } from './LanPanel';
import { ChipDiagnostics } from './ChipDiagnostics';
import { Dossiers } from './Dossiers';
import { SyncPanel } from './SyncPanel';
import { Holidays } from './Holidays';
import { AddressDatasets } from './AddressDatasets';
import { Accounts } from './Accounts';
import { ChangePin } from './ChangePin';

// The report pulls in the charting library: load it only when someone opens the report.
const ReportScreen = lazy(() => import('./Report').then((m) => ({ default: m.Report })));
const IndicatorsScreen = lazy(() =>
  import('./indicators/Indicators').then((m) => ({ default: m.Indicators })),
);

const levelKey = {
  info: 'staff.alerts.levelInfo',
  warning: 'staff.alerts.levelWarning',
  critical: 'staff.alerts.levelCritical',
} as const;

/** Newest first, one entry per id (an event may repeat an alert we already fetched). */
function upsert(alerts: Alert[], alert: Alert): Alert[] {
  return [alert, ...alerts.filter((a) => a.id !== alert.id)].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
}

/**
 * The staff console: who is signed in, sign out, the alerts panel, then one tab: the counter (call,
 * recall, serve, transfer, pause), the day's dossiers ("Hồ sơ"), sync with the portal ("Đồng bộ"), the
 * holiday calendar due dates are counted with ("Ngày nghỉ lễ"), the administrative units addresses are
 * read with ("Địa giới hành chính"), the day report, the 766 scores ("Chỉ số 766"), the scanner check, or (admins) the staff accounts
 * ("Tài khoản"). "Đổi mã PIN" beside sign-out is everyone's own PIN.
 */
type ConsoleView =
  | 'counter'
  | 'dossiers'
  | 'sync'
  | 'holidays'
  | 'addresses'
  | 'report'
  | 'indicators'
  | 'scanner'
  | 'chip'
  | 'lan'
  | 'accounts';

/** The console's tabs; the test ids are what e2e tests click. */
const views = [
  { id: 'counter', testId: 'counter-link', label: 'staff.console.navCounter' },
  { id: 'dossiers', testId: 'dossiers-link', label: 'staffDossier.nav' },
  { id: 'sync', testId: 'sync-link', label: 'sync.nav' },
  { id: 'holidays', testId: 'holidays-link', label: 'calendar.nav' },
  { id: 'addresses', testId: 'addresses-link', label: 'address.datasets.nav' },
  { id: 'report', testId: 'report-link', label: 'staff.console.navReport' },
  { id: 'indicators', testId: 'indicators-link', label: 'indicators.nav' },
  { id: 'scanner', testId: 'scanner-link', label: 'staff.scanner.nav' },
  { id: 'chip', testId: 'chip-link', label: 'chip.diag.nav' },
  { id: 'lan', testId: 'lan-link', label: 'lan.nav' },
  { id: 'accounts', testId: 'accounts-link', label: 'accounts.nav' },
] as const satisfies readonly { id: ConsoleView; testId: string; label: string }[];

export function Console({
  user,
  onSignOut,
  onError,
}: {
  user: StaffUser;
  onSignOut: () => Promise<void>;
  onError: (error: KioskError) => boolean;
}) {
  const { t } = useTranslation();
  const [signingOut, setSigningOut] = useState(false);
  const [view, setView] = useState<ConsoleView>('counter');
  // Pressing "Hồ sơ" again leaves a wizard or picker for the list (drafts are saved at every step).
  const [dossiersVisit, setDossiersVisit] = useState(0);
  return (
    <section className="console" data-testid="staff-console" aria-labelledby="console-title">
      <div className="console-head">
        <div>
          <h1 id="console-title">{t('staff.console.title')}</h1>
          <p className="console-user">
            <span>{t('staff.console.signedInAs', { name: user.displayName })}</span>
            <span className="console-role">
              {t('staff.console.role', {
                role: user.role === 'admin' ? t('staff.console.roleAdmin') : t('staff.console.roleStaff'),
              })}
            </span>
          </p>
        </div>
        <div className="console-actions">
          <ChangePin onError={onError} />
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="staff-signout"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void onSignOut();
            }}
          >
            {t('staff.console.signOut')}
          </button>
        </div>
      </div>
      <AlertsPanel onError={onError} />
      <nav className="console-nav" aria-label={t('staff.console.navLabel')}>
        {views
          .filter(({ id }) => id !== 'accounts' || user.role === 'admin')
          .map(({ id, testId, label }) => (
            <button
              key={id}
              type="button"
              className="btn btn-tool"
              aria-current={view === id ? 'page' : undefined}
              data-testid={testId}
              onClick={() => {
                if (id === 'dossiers') setDossiersVisit((n) => n + 1);
                setView(id);
              }}
            >
              {t(label)}
            </button>
          ))}
      </nav>
      {view === 'counter' ? (
        <CounterPanel onError={onError} />
      ) : view === 'dossiers' ? (
        <Dossiers key={dossiersVisit} onError={onError} />
      ) : view === 'sync' ? (
        <SyncPanel onError={onError} />
      ) : view === 'holidays' ? (
        <Holidays user={user} onError={onError} />
      ) : view === 'addresses' ? (
        <AddressDatasets user={user} onError={onError} />
      ) : view === 'scanner' ? (
        <ScanDiagnostics onError={onError} />
      ) : view === 'chip' ? (
        <ChipDiagnostics />
      ) : view === 'lan' ? (
        <LanPanel user={user} onError={onError} />
      ) : view === 'accounts' ? (
        <Accounts user={user} onError={onError} />
      ) : view === 'indicators' ? (
        <Suspense fallback={<p role="status">{t('indicators.loading')}</p>}>
          <IndicatorsScreen onError={onError} />
        </Suspense>
      ) : (
        <Suspense fallback={<p role="status">{t('report.loading')}</p>}>
          <ReportScreen onError={onError} />
        </Suspense>
      )}
    </section>
  );
}

function AlertsPanel({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const open = useCall(
    async (c): Promise<Result<Alert[]>> => {
      const result = await c.call('staff.alerts', {});
      return result.ok ? { ok: true, value: result.value.filter((a) => a.acknowledgedAt === null) } : result;
    },
    [],
    { onError },
  );
  const alerts = open.value ?? null;
  const { error, setError, update: setAlerts } = open;
  const fail = (e: KioskError): void => void (onError(e) || setError(e));

  useEffect(
    () =>
      client.on('staff.alert', (alert) => {
        // An alert closed elsewhere (another staff screen, or settled by the kiosk once its problem was
        // put right) leaves this list too.
        if (alert.acknowledgedAt === null) setAlerts((list) => upsert(list ?? [], alert));
        else setAlerts((list) => (list ?? []).filter((a) => a.id !== alert.id));
      }),
    [client, setAlerts],
  );

  const acknowledge = async (id: number): Promise<void> => {
    const result = await client.call('staff.acknowledgeAlert', { id });
    if (result.ok) {
      setError(undefined);
      setAlerts((list) => (list ?? []).filter((a) => a.id !== id));
    } else fail(result.error);
  };

  return (
    <section className="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('staff.alerts.title')}</h2>
      <ErrorRegion error={error} />
      {alerts === null ? (
        <p role="status">{t('staff.alerts.loading')}</p>
      ) : alerts.length === 0 ? (
        <p className="alerts-empty">{t('staff.alerts.empty')}</p>
      ) : (
        <ul className="alert-list">
          {alerts.map((alert) => {
            const message = errorText(alert, i18n.language);
            const created = new Date(alert.createdAt);
            return (
              <li key={alert.id} className={`alert alert-${alert.level}`} data-level={alert.level}>
                <div className="alert-body">
                  <p className="alert-meta">
                    <span className="alert-level">{t(levelKey[alert.level])}</span>{' '}
                    {Number.isNaN(created.getTime()) ? null : (
                      <time dateTime={alert.createdAt}>
                        {t('staff.alerts.createdAt', { time: formatDateTime(t, created) })}
                      </time>
                    )}
                  </p>
                  <p className="alert-message">{message}</p>
                </div>
                <button
                  type="button"
                  className="btn btn-secondary"
                  aria-label={t('staff.alerts.acknowledgeLabel', { message })}
                  onClick={() => void acknowledge(alert.id)}
                >
                  {t('staff.alerts.acknowledge')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
