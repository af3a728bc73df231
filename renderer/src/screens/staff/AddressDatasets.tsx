/**
 * The console's "Địa giới hành chính" tab: the administrative-unit dataset addresses are read with (the
 * version in force, its effective date and source), every version installed, and for an admin the install
 * of a newer one from a file (a later resolution). The core checks the file; its refusal is shown as it
 * gives it, since it says what is wrong and that nothing changed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressDataset, KioskError, StaffUser } from '../../../../preload/api';
import { useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { ErrorRegion } from '../../components/ErrorRegion';
import { formatDateTime } from '../../components/Clock';
import { displayDate } from './holidaysModel';
import '../../styles/dossier.css';
import '../../styles/staff-dossier.css';
import '../../styles/holidays.css';
import '../../styles/address.css';

/** The one in force, else the latest by effective date (the list is never empty on a working kiosk). */
export function datasetInForce(datasets: readonly AddressDataset[]): AddressDataset | null {
  return (
    datasets.find((d) => d.inForce) ??
    [...datasets].sort((a, b) => b.effective.localeCompare(a.effective))[0] ??
    null
  );
}

export function AddressDatasets({
  user,
  onError,
}: {
  user: StaffUser;
  onError: (error: KioskError) => boolean;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const admin = user.role === 'admin';
  const datasets = useCall((c) => c.call('address.dataset', {}), [], { onError });
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [installError, setInstallError] = useState<KioskError | undefined>();
  const [unreadable, setUnreadable] = useState(false);

  const list = datasets.value?.datasets ?? [];
  const current = datasetInForce(list);

  const install = async (): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setNotice(null);
    setInstallError(undefined);
    setUnreadable(false);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setBusy(false);
      setUnreadable(true);
      return;
    }
    const result = await client.call('address.installDataset', { dataset: text });
    setBusy(false);
    if (!result.ok) {
      if (!onError(result.error)) setInstallError(result.error);
      return;
    }
    setNotice(
      t('address.datasets.installDone', {
        version: result.value.version,
        effective: displayDate(result.value.effective),
      }),
    );
    setFile(null);
    datasets.reload();
  };

  return (
    <section
      className="report holidays"
      data-testid="address-datasets"
      aria-labelledby="address-datasets-title"
      aria-busy={datasets.value === undefined && !datasets.error}
    >
      <div className="report-bar">
        <h2 id="address-datasets-title">{t('address.datasets.title')}</h2>
      </div>
      <ErrorRegion error={datasets.error} testId="address-datasets-error" />
      {current ? (
        <div className="holiday-how" data-testid="address-dataset-current">
          <p className="holiday-year-status">
            {t('address.datasets.inForce', {
              version: current.version,
              effective: displayDate(current.effective),
            })}
          </p>
          <p>{t('address.datasets.source', { source: current.source })}</p>
          <p>
            {t('address.datasets.counts', {
              provinces: current.provinces,
              communes: current.communes,
            })}
          </p>
        </div>
      ) : datasets.error ? null : (
        <p role="status">{t('address.datasets.loading')}</p>
      )}

      {list.length > 0 ? (
        <table className="report-table holiday-table" data-testid="address-dataset-table">
          <caption>{t('address.datasets.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('address.datasets.columns.version')}</th>
              <th scope="col">{t('address.datasets.columns.effective')}</th>
              <th scope="col">{t('address.datasets.columns.source')}</th>
              <th scope="col">{t('address.datasets.columns.origin')}</th>
              <th scope="col">{t('address.datasets.columns.units')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.version}>
                <th scope="row">
                  {d.version}
                  {d.inForce ? (
                    <>
                      {' '}
                      <span className="sync-badge">{t('address.datasets.current')}</span>
                    </>
                  ) : null}
                </th>
                <td>{displayDate(d.effective)}</td>
                <td>{d.source}</td>
                <td>
                  {d.origin === 'shipped'
                    ? t('address.datasets.shipped')
                    : t('address.datasets.installed', {
                        at: d.installedAt ? formatDateTime(t, new Date(d.installedAt)) : '',
                        by: d.installedBy ?? '',
                      })}
                </td>
                <td>{t('address.datasets.counts', { provinces: d.provinces, communes: d.communes })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {admin ? (
        <section className="holiday-how address-install" aria-labelledby="address-install-title">
          <h3 id="address-install-title">{t('address.datasets.installTitle')}</h3>
          <p id="address-install-help">{t('address.datasets.installHelp')}</p>
          <div className="field">
            <label htmlFor="address-install-file">{t('address.datasets.installFile')}</label>
            <input
              id="address-install-file"
              type="file"
              accept=".json,application/json"
              data-testid="address-install-file"
              aria-describedby="address-install-help"
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setInstallError(undefined);
                setNotice(null);
              }}
            />
          </div>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="address-install"
            disabled={busy || file === null}
            onClick={() => void install()}
          >
            {busy ? t('address.datasets.installing') : t('address.datasets.installButton')}
          </button>
          <div role="alert" className={unreadable ? 'error-box' : 'error-box-empty'}>
            {unreadable ? t('address.datasets.fileUnreadable') : null}
          </div>
          <ErrorRegion error={installError} testId="address-install-error" />
        </section>
      ) : (
        <p className="holiday-readonly">{t('address.datasets.readOnly')}</p>
      )}
      <p role="status" className="sync-notice reprint-notice is-done" data-testid="address-install-notice">
        {notice}
      </p>
    </section>
  );
}
