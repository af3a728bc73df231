import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, LanCertificate } from '../../../../preload/api';
import { useKiosk } from '../../context';
import { formatDateTime } from '../../components/Clock';
import { ErrorRegion } from '../../components/ErrorRegion';

/**
 * "Mạng nội bộ": what an admin needs to set up a counter PC or display over HTTPS — the fingerprint of
 * the kiosk's CA, to compare on the PC before trusting it, the kiosk's LAN addresses and the four steps.
 * The fingerprint is shown in groups of 4 bytes so it can be read aloud and compared by eye.
 */
/** "AB:CD:…" in groups of four bytes: "AB:CD:EF:01", "23:45:67:89", … */
function groupsOf4(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) groups.push(bytes.slice(i, i + 4).join(':'));
  return groups;
}

export function LanPanel({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [info, setInfo] = useState<LanCertificate | null>(null);
  const [error, setError] = useState<KioskError | undefined>();

  useEffect(() => {
    let live = true;
    void client.call('bridge.certificate', {}).then((result) => {
      if (!live) return;
      if (result.ok) setInfo(result.value);
      else if (!onError(result.error)) setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [client, onError]);

  const when = (iso: string | null) => (iso ? formatDateTime(t, new Date(iso)) : '—');
  const port = window.location.port || '8787';
  const lanIps = info?.serverIps.filter((ip) => !ip.startsWith('127.')) ?? [];
  const example = lanIps[0] ?? '<ip>';

  return (
    <section className="lan-panel" data-testid="lan-panel" aria-labelledby="lan-title">
      <h2 id="lan-title">{t('lan.title')}</h2>
      <ErrorRegion error={error} />
      {info === null ? (
        <p role="status">{t('lan.loading')}</p>
      ) : !info.enabled ? (
        <p data-testid="lan-off">{t('lan.off')}</p>
      ) : (
        <>
          <h3>{t('lan.fingerprint')}</h3>
          <p className="lan-fingerprint" data-testid="lan-fingerprint" lang="en">
            {groupsOf4(info.caFingerprint256 ?? '').map((group, i) => (
              <span key={i}>{group}</span>
            ))}
          </p>
          <p>{t('lan.fingerprintHelp')}</p>
          <dl className="lan-facts">
            <dt>{t('lan.addresses')}</dt>
            <dd data-testid="lan-addresses">{lanIps.join(', ') || '—'}</dd>
            <dt>{t('lan.caValidUntil')}</dt>
            <dd>{when(info.caValidUntil)}</dd>
            <dt>{t('lan.serverValidUntil')}</dt>
            <dd>{when(info.serverValidUntil)}</dd>
          </dl>
          <h3>{t('lan.steps')}</h3>
          <ol className="lan-steps">
            <li>{t('lan.step1', { url: `http://${example}:${port}/ca.crt` })}</li>
            <li>{t('lan.step2')}</li>
            <li>{t('lan.step3')}</li>
            <li>{t('lan.step4', { url: `https://${example}:${port}/staff` })}</li>
          </ol>
        </>
      )}
    </section>
  );
}
