/**
 * "Thêm tệp cho …": the files in the configured import folders (USB drive, scanner output) as a large
 * list to tap, and the camera. A refused file (wrong kind, too large, a strange name) is explained in the
 * words main gives, and the list stays open to choose another.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../../preload/api';
import { errorText } from '../../../api';
import { useKiosk } from '../../../context';
import { useCall } from '../../../hooks/useCall';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatBytes, inLang, langOf } from '../lib/format';
import { CameraCapture } from './CameraCapture';

function loadSources(client: ReturnType<typeof useKiosk>) {
  return client.call('dossier.importSources', {});
}

export type AttachSource =
  { kind: 'folder'; sourceId: string; name: string } | { kind: 'capture'; dataBase64: string };

export function FileChooser({
  paper,
  onAttach,
  onClose,
}: {
  paper: string;
  /** Resolves to null when attached, else the refusal to show. */
  onAttach: (source: AttachSource) => Promise<KioskError | null>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const lang = langOf(i18n.language);
  const [tab, setTab] = useState<'folder' | 'camera'>('folder');
  const listed = useCall(loadSources, []);
  const { reload } = listed;
  const sources = listed.value ?? null;
  const loadError = listed.error ?? null;
  const [refusal, setRefusal] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  // A scan landing in the scanner folder, or a USB drive plugged in, lists again by itself (the event is
  // local to this machine; a counter PC over the LAN keeps the "Tải lại" button).
  useEffect(() => client.on('dossier.sources', reload), [client, reload]);

  const attach = async (source: AttachSource): Promise<boolean> => {
    setBusy(true);
    setRefusal(null);
    const error = await onAttach(source);
    setBusy(false);
    if (error) setRefusal(error);
    return error === null;
  };

  const files = (sources ?? []).flatMap((s) => s.files.map((f) => ({ source: s, file: f })));

  return (
    <ConfirmDialog
      title={t('dossier.attach.chooser.title', { paper })}
      onCancel={onClose}
      testId="file-chooser"
      actions={
        <button type="button" className="btn btn-primary btn-xl" data-testid="chooser-done" onClick={onClose}>
          {t('dossier.attach.chooser.done')}
        </button>
      }
    >
      <div className="chooser-tabs" role="group" aria-label={t('dossier.attach.add')}>
        <button
          type="button"
          className="btn btn-tool"
          aria-pressed={tab === 'folder'}
          onClick={() => setTab('folder')}
        >
          {t('dossier.attach.chooser.fromFolder')}
        </button>
        <button
          type="button"
          className="btn btn-tool"
          aria-pressed={tab === 'camera'}
          data-testid="chooser-camera"
          onClick={() => setTab('camera')}
        >
          {t('dossier.attach.chooser.camera')}
        </button>
      </div>

      <div
        role="alert"
        className={refusal ? 'error-box chooser-refusal' : 'error-box-empty'}
        data-testid="attach-error"
      >
        {refusal ? (
          <>
            <p className="chooser-refusal-title">{t('dossier.attach.refused')}</p>
            <p>{errorText(refusal, i18n.language)}</p>
          </>
        ) : null}
      </div>
      <p role="status" className={busy ? 'chooser-busy' : 'sr-only'}>
        {busy ? t('dossier.attach.busy') : ''}
      </p>

      {tab === 'camera' ? (
        <CameraCapture onCapture={(dataBase64) => attach({ kind: 'capture', dataBase64 })} />
      ) : (
        <div className="chooser-folder">
          {loadError ? (
            <p className="error-box">{errorText(loadError, i18n.language)}</p>
          ) : sources === null ? (
            <p role="status">{t('dossier.attach.chooser.loading')}</p>
          ) : sources.length === 0 ? (
            <p>{t('dossier.attach.chooser.noSources')}</p>
          ) : (
            <>
              <div className="chooser-lead">
                <p>{t('dossier.attach.chooser.folderLead')}</p>
                <button
                  type="button"
                  className="btn btn-secondary"
                  data-testid="chooser-reload"
                  onClick={reload}
                >
                  {t('dossier.attach.chooser.reload')}
                </button>
              </div>
              {sources
                .filter((s) => !s.available)
                .map((s) => (
                  <p key={s.id} className="chooser-unavailable">
                    {inLang(s.label.vi, s.label.en, lang)}: {t('dossier.attach.chooser.unavailable')}
                  </p>
                ))}
              {files.length === 0 ? (
                <p>{t('dossier.attach.chooser.noFiles')}</p>
              ) : (
                <ul className="chooser-files" data-testid="chooser-files">
                  {files.map(({ source, file }) => (
                    <li key={`${source.id}/${file.name}`}>
                      <button
                        type="button"
                        className="chooser-file"
                        disabled={busy}
                        data-testid={`file-${file.name}`}
                        onClick={() => void attach({ kind: 'folder', sourceId: source.id, name: file.name })}
                      >
                        <span className="chooser-file-name">{file.name}</span>
                        <span className="chooser-file-meta">
                          {inLang(source.label.vi, source.label.en, lang)} ·{' '}
                          {t('dossier.attach.chooser.fileMeta', { size: formatBytes(file.bytes, lang) })}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
