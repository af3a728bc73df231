/**
 * "Thiết bị đã ghép nối": the devices paired, and the confirmation "Thu hồi" asks before it takes effect.
 */
import { useTranslation } from 'react-i18next';
import type { DeviceRecord } from '../../../../../preload/api';
import { ConfirmDialog } from '../../dossier/ConfirmDialog';
import { canRevoke } from '../lanModel';
import { when } from './when';

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
