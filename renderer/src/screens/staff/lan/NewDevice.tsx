/**
 * "Ghép thiết bị mới": the device's role as three large choices and a name, then the one-time code in
 * very large digits with its countdown and what to do on the device.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRole, KioskError, PairingStart } from '../../../../../preload/api';
import { localError } from '../../../api';
import { useAppInfo, useKiosk } from '../../../context';
import { ErrorRegion } from '../../../components/ErrorRegion';
import {
  codeGroups,
  countdownText,
  DEVICE_NAME_MAX,
  deviceNameProblem,
  isAdminOnly,
  secondsLeft,
} from '../lanModel';

const ROLES: readonly DeviceRole[] = ['counter', 'display', 'kiosk'];

/** Role and name, then `lan.startPairing`. */
export function NewDeviceForm({
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
export function PendingCode({ start, onAnother }: { start: PairingStart; onAnother: () => void }) {
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
