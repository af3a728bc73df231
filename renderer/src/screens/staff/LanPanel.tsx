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
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  DeviceRecord,
  DeviceRole,
  KioskError,
  LanCertificate,
  PairingStart,
  StaffUser,
} from '../../../../preload/api';
import { localError } from '../../api';
import { useAppInfo, useKiosk } from '../../context';
import { formatDateTime } from '../../components/Clock';
import { ErrorRegion } from '../../components/ErrorRegion';
import { ConfirmDialog } from '../dossier/ConfirmDialog';
import {
  canRevoke,
  codeGroups,
  countdownText,
  DEVICE_NAME_MAX,
  deviceNameProblem,
  isAdminOnly,
  justPaired,
  revokeAndList,
  secondsLeft,
} from './lanModel';
import '../../styles/dossier.css';
import '../../styles/staff-dossier.css';
import '../../styles/holidays.css';
import '../../styles/lan.css';

/** While a code waits, the list is read this often to see the device arrive. */
const PAIRED_POLL_MS = 4000;
const ROLES: readonly DeviceRole[] = ['counter', 'display', 'kiosk'];

/** "AB:CD:…" in groups of four bytes: "AB:CD:EF:01", "23:45:67:89", … */
function groupsOf4(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) groups.push(bytes.slice(i, i + 4).join(':'));
  return groups;
}

const when = (t: TFunction, iso: string | null): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTime(t, date);
};

export function LanPanel({ user, onError }: { user: StaffUser; onError: (error: KioskError) => boolean }) {
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

  const lanIps = info?.serverIps.filter((ip) => !ip.startsWith('127.')) ?? [];
  const example = lanIps[0] ?? '<ip>';
  // Read only once the steps show (a static render in tests has no window).
  const port = (): string => window.location.port || '8787';

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
    </section>
  );
}

/** The admin's part: the new-device form or its code, and the devices paired. */
function Devices({ lanOn, onError }: { lanOn: boolean; onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const [devices, setDevices] = useState<DeviceRecord[] | null>(null);
  const [listError, setListError] = useState<KioskError | undefined>();
  const [adminOnly, setAdminOnly] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // The code on screen, and the devices there were when it was made (to notice the one that pairs).
  const [start, setStart] = useState<PairingStart | null>(null);
  const known = useRef<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<DeviceRecord | null>(null);
  const [busy, setBusy] = useState(false);

  /** A refusal: the session's end goes to the console, `forbidden` is said calmly, the rest shown. */
  const fail = useCallback(
    (error: KioskError): void => {
      if (onError(error)) return;
      if (isAdminOnly(error)) setAdminOnly(true);
      else setListError(error);
    },
    [onError],
  );

  useEffect(() => {
    let live = true;
    void client.call('lan.devices', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return fail(result.error);
      setListError(undefined);
      setDevices(result.value);
    });
    return () => {
      live = false;
    };
  }, [client, fail, version]);

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
      else setVersion((n) => n + 1);
    }, PAIRED_POLL_MS);
    return () => window.clearInterval(id);
  }, [start, clockOffsetMs]);

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
    if (!outcome.ok) return fail(outcome.error);
    setListError(undefined);
    setNotice(t('lan.devices.revokedNotice', { name: outcome.revoked.name }));
    if (outcome.devices) setDevices(outcome.devices);
    else setVersion((n) => n + 1);
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

/** Role and name, then `lan.startPairing`. */
function NewDeviceForm({
  onStarted,
  onError,
  onAdminOnly,
}: {
  onStarted: (start: PairingStart) => void;
  onError: (error: KioskError) => boolean;
  onAdminOnly: () => void;
}) {
  const client = useKiosk();
  const [role, setRole] = useState<DeviceRole>('counter');
  const [name, setName] = useState('');
  const [error, setError] = useState<KioskError | undefined>();
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    if (deviceNameProblem(name)) {
      setError(localError('name-required', (m) => m.lan.newDevice.nameRequired, 'name'));
      nameInput.current?.focus();
      return;
    }
    setBusy(true);
    const result = await client.call('lan.startPairing', { role, name: name.trim() });
    setBusy(false);
    if (result.ok) return onStarted(result.value);
    if (onError(result.error)) return;
    if (isAdminOnly(result.error)) return onAdminOnly();
    setError(result.error);
  };

  return (
    <NewDeviceFields
      role={role}
      name={name}
      error={error}
      busy={busy}
      nameRef={nameInput}
      onRole={setRole}
      onName={(next) => {
        setName(next);
        if (error?.field === 'name') setError(undefined);
      }}
      onSubmit={(event) => void submit(event)}
    />
  );
}

/** The form as it stands (unit tests render it). */
export function NewDeviceFields({
  role,
  name,
  error,
  busy,
  nameRef,
  onRole,
  onName,
  onSubmit,
}: {
  role: DeviceRole;
  name: string;
  error: KioskError | undefined;
  busy: boolean;
  nameRef?: Ref<HTMLInputElement>;
  onRole: (role: DeviceRole) => void;
  onName: (name: string) => void;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <form className="lan-new-form" noValidate onSubmit={onSubmit}>
      <p className="section-help">{t('lan.newDevice.intro')}</p>
      <fieldset className="lan-roles">
        <legend>{t('lan.newDevice.roleLegend')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="lan-role" data-testid={`lan-role-${r}`}>
            <input
              type="radio"
              name="lan-role"
              value={r}
              checked={role === r}
              disabled={busy}
              aria-labelledby={`${id}-${r}-name`}
              aria-describedby={`${id}-${r}-help`}
              onChange={() => onRole(r)}
            />
            <span className="lan-role-text">
              <span className="lan-role-name" id={`${id}-${r}-name`}>
                {t(`lan.role.${r}`)}
              </span>
              <span className="lan-role-help" id={`${id}-${r}-help`}>
                {t(`lan.newDevice.roleHelp.${r}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field lan-name-field">
        <label htmlFor={`${id}-name`}>{t('lan.newDevice.name')}</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          type="text"
          autoComplete="off"
          maxLength={DEVICE_NAME_MAX}
          aria-describedby={`${id}-name-help`}
          aria-invalid={error?.field === 'name' ? true : undefined}
          value={name}
          onChange={(e) => onName(e.target.value)}
          data-testid="lan-device-name"
        />
        <p id={`${id}-name-help`} className="field-help">
          {t('lan.newDevice.nameHelp')}
        </p>
      </div>
      <ErrorRegion error={error} testId="lan-new-error" />
      <div>
        <button
          type="submit"
          className="btn btn-primary btn-xl"
          disabled={busy}
          data-testid="lan-start-pairing"
        >
          {busy ? t('lan.newDevice.pending') : t('lan.newDevice.submit')}
        </button>
      </div>
    </form>
  );
}

/** The code with its countdown on the server's clock, ticking each second. */
function PendingCode({ start, onAnother }: { start: PairingStart; onAnother: () => void }) {
  const { clockOffsetMs } = useAppInfo();
  const [now, setNow] = useState(() => Date.now() + clockOffsetMs);
  const left = secondsLeft(start.expiresAt, now);
  useEffect(() => {
    if (left === 0) return;
    const id = window.setInterval(() => setNow(Date.now() + clockOffsetMs), 1000);
    return () => window.clearInterval(id);
  }, [left, clockOffsetMs]);
  return <PairingCodeCard start={start} secondsLeft={left} onAnother={onAnother} />;
}

/** The code in very large digits, 3 + 3, what is left of its 5 minutes, and what to do on the device. */
export function PairingCodeCard({
  start,
  secondsLeft: left,
  onAnother,
}: {
  start: PairingStart;
  secondsLeft: number;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const expired = left === 0;
  return (
    <div className={`lan-code-card${expired ? ' is-expired' : ''}`} data-testid="lan-code-card">
      <p className="lan-code-title">
        {t('lan.code.title', { name: start.name, role: t(`lan.role.${start.role}`) })}
      </p>
      <p className="lan-code" data-testid="lan-pairing-code">
        {codeGroups(start.code).map((group, i) => (
          <span key={i} className="lan-code-group">
            {group}
          </span>
        ))}
      </p>
      {expired ? (
        <p className="lan-code-expired" role="status" data-testid="lan-code-expired">
          {t('lan.code.expired')}
        </p>
      ) : (
        <p className="lan-countdown" role="timer" data-testid="lan-countdown">
          {t('lan.code.countdown', { time: countdownText(left) })}
        </p>
      )}
      <div className="lan-code-steps">
        <p>{t('lan.code.onDevice')}</p>
        <ol>
          <li>{t('lan.code.step1')}</li>
          <li>{t('lan.code.step2')}</li>
        </ol>
        <p className="section-help">{t('lan.code.tries')}</p>
      </div>
      <div>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={onAnother}
          data-testid="lan-another-code"
        >
          {t('lan.code.another')}
        </button>
      </div>
    </div>
  );
}

/** The devices paired: live ones with "Thu hồi", revoked ones greyed with when and by whom. */
export function DeviceTable({
  devices,
  busy,
  onRevoke,
}: {
  devices: readonly DeviceRecord[];
  busy: boolean;
  onRevoke: (device: DeviceRecord) => void;
}) {
  const { t } = useTranslation();
  if (devices.length === 0) {
    return (
      <p className="lan-empty" data-testid="lan-devices-empty">
        {t('lan.devices.empty')}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="report-table lan-device-table" data-testid="lan-device-table">
        <caption className="sr-only">{t('lan.devices.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lan.devices.columns.name')}</th>
            <th scope="col">{t('lan.devices.columns.role')}</th>
            <th scope="col">{t('lan.devices.columns.paired')}</th>
            <th scope="col">{t('lan.devices.columns.lastSeen')}</th>
            <th scope="col">{t('lan.devices.columns.state')}</th>
            <th scope="col">{t('lan.devices.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => {
            const live = canRevoke(device);
            return (
              <tr
                key={device.id}
                data-device={device.id}
                data-testid="lan-device-row"
                className={live ? undefined : 'is-revoked'}
              >
                <th scope="row" className="lan-device-name">
                  {device.name}
                </th>
                <td>{t(`lan.role.${device.role}`)}</td>
                <td>
                  <span className="lan-line">{when(t, device.pairedAt)}</span>
                  <span className="lan-line lan-sub">
                    {t('lan.devices.pairedBy', { user: device.pairedBy })}
                  </span>
                </td>
                <td>
                  {device.lastSeenAt ? (
                    <>
                      <span className="lan-line">{when(t, device.lastSeenAt)}</span>
                      {device.lastAddress ? (
                        <span className="lan-line lan-sub">
                          {t('lan.devices.from', { address: device.lastAddress })}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    t('lan.devices.never')
                  )}
                </td>
                <td data-testid="lan-device-state">
                  {live ? (
                    <span className="sync-badge lan-live">{t('lan.devices.live')}</span>
                  ) : (
                    <>
                      <span className="sync-badge lan-revoked">{t('lan.devices.revoked')}</span>
                      <span className="lan-line lan-sub">
                        {t('lan.devices.revokedBy', {
                          time: when(t, device.revokedAt),
                          user: device.revokedBy ?? '—',
                        })}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  {live ? (
                    <button
                      type="button"
                      className="btn btn-danger-quiet"
                      disabled={busy}
                      aria-label={t('lan.devices.revokeLabel', { name: device.name })}
                      data-testid="lan-revoke"
                      onClick={() => onRevoke(device)}
                    >
                      {t('lan.devices.revoke')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Thu hồi thiết bị …?": says it takes effect at once, and what that ends. */
export function RevokeDialog({
  device,
  busy,
  onCancel,
  onConfirm,
}: {
  device: DeviceRecord;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('lan.devices.confirm.title', { name: device.name })}
      onCancel={onCancel}
      testId="lan-revoke-confirm"
      actions={
        <>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('lan.devices.confirm.keep')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            data-testid="lan-revoke-confirm-button"
            onClick={onConfirm}
          >
            {t('lan.devices.confirm.confirm')}
          </button>
        </>
      }
    >
      <p>{t('lan.devices.confirm.body')}</p>
    </ConfirmDialog>
  );
}
