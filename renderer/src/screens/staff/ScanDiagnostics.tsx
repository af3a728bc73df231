import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../preload/api';
import { errorText } from '../../api';
import { formatDateTime } from '../../components/Clock';
import { ErrorRegion } from '../../components/ErrorRegion';
import { useCall } from '../../hooks/useCall';
import { useScan, type ScanOutcome } from '../../hooks/useScan';
import { maskDigitRuns, maskId } from '../../lib/maskId';

const hidKey = {
  ready: 'staff.scanner.hidReady',
  loading: 'staff.scanner.hidLoading',
  disabled: 'staff.scanner.hidDisabled',
  unavailable: 'staff.scanner.hidUnavailable',
} as const;

/**
 * "Thử quét thẻ": what `devices.status` says (node-hid, scanners, mode, last scan time) and the last scan
 * received on this screen with its parse, to help staff set a scanner up. ID numbers are masked, also in
 * the raw text (any run of 9+ digits); the raw text is kept in this component only, never logged.
 */
export function ScanDiagnostics({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t, i18n } = useTranslation();
  const devices = useCall((c) => c.call('devices.status', {}), [], { onError });
  const status = devices.value ?? null;
  const { error, reload: load } = devices;
  const [last, setLast] = useState<ScanOutcome | null>(null);

  useScan((outcome) => {
    setLast(outcome);
    load();
  });

  const time = (iso: string | null): string => {
    if (iso === null) return t('staff.scanner.never');
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatDateTime(t, date);
  };

  return (
    <section className="scan-diagnostics" data-testid="scan-diagnostics" aria-labelledby="scan-diag-title">
      <div className="diag-head">
        <h2 id="scan-diag-title">{t('staff.scanner.title')}</h2>
        <button type="button" className="btn btn-secondary" onClick={load}>
          {t('staff.scanner.refresh')}
        </button>
      </div>
      <p>{t('staff.scanner.intro')}</p>
      <ErrorRegion error={error} />
      {status === null ? (
        <p role="status">{t('staff.scanner.loading')}</p>
      ) : (
        <dl className="diag-status">
          <dt>{t('staff.scanner.hid')}</dt>
          <dd data-testid="scan-hid">
            {t(hidKey[status.hid])}
            {status.note ? ` — ${errorText({ code: 'note', ...status.note }, i18n.language)}` : null}
          </dd>
          <dt>{t('staff.scanner.scanners')}</dt>
          <dd>
            {status.scanners.length === 0 ? (
              t('staff.scanner.none')
            ) : (
              <ul className="scan-diag-list">
                {status.scanners.map((s) => (
                  <li key={s.source}>
                    <strong>{[s.manufacturer, s.product].filter(Boolean).join(' ') || s.source}</strong> (
                    {s.source}) ·{' '}
                    {t('staff.scanner.mode', {
                      mode:
                        s.mode === 'hid-pos'
                          ? t('staff.scanner.modeHidPos')
                          : t('staff.scanner.modeKeyboard'),
                    })}{' '}
                    · {s.connected ? t('staff.scanner.connected') : t('staff.scanner.disconnected')} ·{' '}
                    {t('staff.scanner.lastScanAt', { time: time(s.lastScanAt) })}
                    {s.error ? ` — ${errorText({ code: 'scanner', ...s.error }, i18n.language)}` : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('staff.scanner.lastScan')}</dt>
          <dd>{time(status.lastScan?.at ?? null)}</dd>
        </dl>
      )}
      <h3>{t('staff.scanner.lastRaw')}</h3>
      {last === null ? (
        <p data-testid="scan-last-raw">{t('staff.scanner.waiting')}</p>
      ) : (
        <>
          <pre className="scan-raw" data-testid="scan-last-raw">
            {maskDigitRuns(last.text)}
          </pre>
          <p>
            {t('staff.scanner.via', {
              source:
                last.via === 'device'
                  ? t('staff.scanner.viaDevice', { source: last.source })
                  : t('staff.scanner.viaWedge'),
            })}
          </p>
          <h3>{t('staff.scanner.parse')}</h3>
          <div data-testid="scan-last-parse">
            {last.result.ok ? (
              <>
                <p>{t('staff.scanner.parseOk', { kind: last.result.value.kind })}</p>
                {last.result.value.kind === 'dossier-code' ? (
                  <p>{t('staff.scanner.code', { code: last.result.value.code })}</p>
                ) : last.result.value.kind === 'cccd-qr' ? (
                  <>
                    <p>{t('staff.scanner.name', { name: last.result.value.person.fullName })}</p>
                    <p>{t('staff.scanner.id', { id: maskId(last.result.value.person.idNumber) })}</p>
                  </>
                ) : (
                  <>
                    <p>
                      {t('staff.scanner.name', {
                        name: `${last.result.value.person.surname} ${last.result.value.person.givenNames}`,
                      })}
                    </p>
                    <p>
                      {t('staff.scanner.id', {
                        id: maskId(
                          last.result.value.person.idNumber ?? last.result.value.person.documentNumber,
                        ),
                      })}
                    </p>
                  </>
                )}
              </>
            ) : (
              <p>
                {t('staff.scanner.parseFailed')} ({last.result.error.code}):{' '}
                {errorText(last.result.error, i18n.language)}
              </p>
            )}
          </div>
          <p className="scan-diag-note">{t('staff.scanner.maskNote')}</p>
        </>
      )}
    </section>
  );
}
