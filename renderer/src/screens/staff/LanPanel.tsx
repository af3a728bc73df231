/**
 * "Mạng nội bộ": counter PCs, waiting-room displays and other kiosks on the centre's LAN.
 *
 * - "Ghép thiết bị mới" (admins, LAN on): the device's role as three large choices and a name, then a
 *   one-time code in very large digits (3 + 3) with a live countdown and what to do on the device. The
 *   list is read again every few seconds while the code waits, so the admin sees the device arrive.
 * - "Thiết bị đã ghép nối" (admins): name, role, paired when and by whom, last contact and address,
 *   state, and "Thu hồi" after a confirmation (it takes effect at once). Other staff read one calm line.
 * - The kiosk's HTTPS certificate: the fingerprint of its CA, in groups of 4 bytes so it can be read
 *   aloud and compared by eye on the PC before trusting it, its LAN addresses and the setup steps.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRecord, KioskError, PairingStart, StaffUser } from '../../../../preload/api';
import { useAppInfo, useKiosk } from '../../context';
import { ErrorRegion } from '../../components/ErrorRegion';
import { useCall } from '../../hooks/useCall';
import { isAdminOnly, justPaired, revokeAndList, secondsLeft } from './lanModel';
import { CertificateSection } from './lan/Certificate';
import { DeviceTable, RevokeDialog } from './lan/DeviceTable';
import { NewDeviceForm, PendingCode } from './lan/NewDevice';
import '../../styles/dossier.css';
import '../../styles/staff-dossier.css';
import '../../styles/holidays.css';
import '../../styles/lan.css';

// The parts, as the unit tests render them.
export { DeviceTable, RevokeDialog } from './lan/DeviceTable';
export { NewDeviceFields, PairingCodeCard } from './lan/NewDevice';

/** While a code waits, the list is read this often to see the device arrive. */
const PAIRED_POLL_MS = 4000;

export function LanPanel({ user, onError }: { user: StaffUser; onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const certificate = useCall((client) => client.call('bridge.certificate', {}), [], { onError });
  const info = certificate.value ?? null;

  return (
    <section className="lan-panel" data-testid="lan-panel" aria-labelledby="lan-title">
      <h2 id="lan-title">{t('lan.title')}</h2>
      {user.role === 'admin' ? (
        <Devices lanOn={info?.enabled === true} onError={onError} />
      ) : (
        <p className="lan-note" data-testid="lan-admin-only">
          {t('lan.devices.adminOnly')}
        </p>
      )}
      <CertificateSection info={info} error={certificate.error} />
    </section>
  );
}

/** The admin's part: the new-device form or its code, and the devices paired. */
function Devices({ lanOn, onError }: { lanOn: boolean; onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const [adminOnly, setAdminOnly] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The code on screen, and the devices there were when it was made (to notice the one that pairs).
  const [start, setStart] = useState<PairingStart | null>(null);
  const known = useRef<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<DeviceRecord | null>(null);
  const [busy, setBusy] = useState(false);

  /** A refusal: the session's end goes to the console, `forbidden` is said calmly (true: not shown). */
  const handled = useCallback(
    (error: KioskError): boolean => {
      if (onError(error)) return true;
      if (isAdminOnly(error)) setAdminOnly(true);
      return isAdminOnly(error);
    },
    [onError],
  );
  const list = useCall((client) => client.call('lan.devices', {}), [], { onError: handled });
  const { reload, setError: setListError } = list;
  const devices = list.value ?? null;
  const listError = list.error;

  // The device the code paired: the code gives way to the news.
  useEffect(() => {
    if (!start || !devices) return;
    const device = justPaired(start, known.current, devices);
    if (!device) return;
    setStart(null);
    setNotice(t('lan.code.paired', { name: device.name }));
  }, [start, devices, t]);

  // While the code waits, read the list now and then; stop when it runs out.
  useEffect(() => {
    if (!start) return;
    const id = window.setInterval(() => {
      if (secondsLeft(start.expiresAt, Date.now() + clockOffsetMs) === 0) window.clearInterval(id);
      else reload();
    }, PAIRED_POLL_MS);
    return () => window.clearInterval(id);
  }, [start, clockOffsetMs, reload]);

  const started = (next: PairingStart): void => {
    known.current = new Set((devices ?? []).map((d) => d.id));
    setNotice(null);
    setStart(next);
  };

  const revoke = async (device: DeviceRecord): Promise<void> => {
    setBusy(true);
    const outcome = await revokeAndList(client, device.id);
    setBusy(false);
    setConfirming(null);
    if (!outcome.ok) {
      if (!handled(outcome.error)) setListError(outcome.error);
      return;
    }
    setListError(undefined);
    setNotice(t('lan.devices.revokedNotice', { name: outcome.revoked.name }));
    const { devices: listed } = outcome;
    if (listed) list.update(() => listed);
    else reload();
  };

  if (adminOnly) {
    return (
      <p className="lan-note" data-testid="lan-admin-only">
        {t('lan.devices.adminOnly')}
      </p>
    );
  }

  return (
    <>
      {lanOn ? (
        <section className="lan-section" aria-labelledby="lan-new-title" data-testid="lan-new-device">
          <h3 id="lan-new-title">{t('lan.newDevice.title')}</h3>
          {start ? (
            <PendingCode start={start} onAnother={() => setStart(null)} />
          ) : (
            <NewDeviceForm onStarted={started} onError={onError} onAdminOnly={() => setAdminOnly(true)} />
          )}
        </section>
      ) : null}
      <section className="lan-section" aria-labelledby="lan-devices-title" data-testid="lan-devices">
        <h3 id="lan-devices-title">{t('lan.devices.title')}</h3>
        <ErrorRegion error={listError} testId="lan-devices-error" />
        <p role="status" className="sync-notice reprint-notice is-done" data-testid="lan-notice">
          {notice}
        </p>
        {devices === null ? (
          listError ? null : (
            <p role="status">{t('lan.devices.loading')}</p>
          )
        ) : (
          <DeviceTable devices={devices} busy={busy} onRevoke={setConfirming} />
        )}
      </section>
      {confirming ? (
        <RevokeDialog
          device={confirming}
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void revoke(confirming)}
        />
      ) : null}
    </>
  );
}
