/**
 * The kiosk's HTTPS certificate: the fingerprint of its CA, in groups of 4 bytes so it can be read aloud
 * and compared by eye on the PC before trusting it, its LAN addresses and the setup steps.
 */
import { useTranslation } from 'react-i18next';
import type { KioskError, LanCertificate } from '../../../../../preload/api';
import { ErrorRegion } from '../../../components/ErrorRegion';
import { when } from './when';

/** "AB:CD:…" in groups of four bytes: "AB:CD:EF:01", "23:45:67:89", … */
function groupsOf4(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) groups.push(bytes.slice(i, i + 4).join(':'));
  return groups;
}

/** `info` null: still loading, or refused (`error`). */
export function CertificateSection({
  info,
  error,
}: {
  info: LanCertificate | null;
  error: KioskError | undefined;
}) {
  const { t } = useTranslation();
  const lanIps = info?.serverIps.filter((ip) => !ip.startsWith('127.')) ?? [];
  const example = lanIps[0] ?? '<ip>';
  // Read only once the steps show (a static render in tests has no window).
  const port = (): string => window.location.port || '8787';

  return (
    <section className="lan-section" aria-labelledby="lan-cert-title">
      <h3 id="lan-cert-title">{t('lan.certificate')}</h3>
      <ErrorRegion error={error} />
      {info === null ? (
        error ? null : (
          <p role="status">{t('lan.loading')}</p>
        )
      ) : !info.enabled ? (
        <p data-testid="lan-off">{t('lan.off')}</p>
      ) : (
        <>
          <h4>{t('lan.fingerprint')}</h4>
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
            <dd>{when(t, info.caValidUntil)}</dd>
            <dt>{t('lan.serverValidUntil')}</dt>
            <dd>{when(t, info.serverValidUntil)}</dd>
          </dl>
          <h4>{t('lan.steps')}</h4>
          <ol className="lan-steps">
            <li>{t('lan.step1', { url: `http://${example}:${port()}/ca.crt` })}</li>
            <li>{t('lan.step2')}</li>
            <li>{t('lan.step3')}</li>
            <li>{t('lan.step4', { url: `https://${example}:${port()}/staff` })}</li>
          </ol>
        </>
      )}
    </section>
  );
}
