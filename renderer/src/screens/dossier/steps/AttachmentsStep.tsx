/**
 * Step 3: a section per paper the procedure asks for (required, or only-if with its condition; the
 * declaration the e-form produces is named but needs no file), its files with thumbnail and page count,
 * and up/down/remove buttons (dossier.arrange) so order can be fixed without dragging.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Attachment,
  Dossier,
  KioskError,
  Procedure,
  ProcedureComponent,
} from '../../../../../preload/api';
import { errorText } from '../../../api';
import { inLang, langOf, paperFormKey } from '../lib/format';
import { kindsText } from '../text';
import { FileChooser, type AttachSource } from './FileChooser';

export function paperSectionId(componentId: string): string {
  return `paper-${componentId}`;
}

/** The order of `ids` with the one at `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. */
export function moved(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return [...ids];
  const next = [...ids];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

export function AttachmentsStep({
  procedure,
  dossier,
  onAttach,
  onArrange,
}: {
  procedure: Procedure;
  dossier: Dossier;
  onAttach: (componentId: string, source: AttachSource) => Promise<KioskError | null>;
  onArrange: (componentId: string, attachmentIds: string[]) => Promise<KioskError | null>;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [chooser, setChooser] = useState<ProcedureComponent | null>(null);
  const [message, setMessage] = useState<string>('');
  const [error, setError] = useState<KioskError | null>(null);

  const arrange = async (paper: ProcedureComponent, ids: string[], done: string): Promise<void> => {
    setError(null);
    const refusal = await onArrange(paper.id, ids);
    if (refusal) setError(refusal);
    else setMessage(done);
  };

  const files = (componentId: string): Attachment[] =>
    dossier.attachments.filter((a) => a.componentId === componentId);

  return (
    <div className="wizard-panel attachments" data-testid="step-attachments">
      <h2 className="step-heading">{t('dossier.attach.heading')}</h2>
      <p className="dossier-lead">{t('dossier.attach.lead')}</p>
      <p role="status" className="attach-message" data-testid="attach-message">
        {message}
      </p>
      <div role="alert" className={error ? 'error-box' : 'error-box-empty'}>
        {error ? errorText(error, i18n.language) : null}
      </div>
      <ol className="papers">
        {procedure.components.map((paper) => {
          const name = inLang(paper.name, paper.nameEn, lang);
          const list = files(paper.id);
          const ids = list.map((a) => a.id);
          return (
            <li key={paper.id}>
              <section
                id={paperSectionId(paper.id)}
                className={`paper${paper.fromForm ? ' is-from-form' : ''}${list.length > 0 ? ' has-files' : ''}`}
                tabIndex={-1}
                aria-labelledby={`${paperSectionId(paper.id)}-name`}
                data-testid={paperSectionId(paper.id)}
              >
                <div className="paper-head">
                  <h3 id={`${paperSectionId(paper.id)}-name`} className="paper-name">
                    {name}
                  </h3>
                  <p className="paper-facts">
                    <span className="badge badge-paper">{t(paperFormKey(paper.form))}</span>{' '}
                    {paper.required ? (
                      <span className="badge badge-required">{t('dossier.attach.required')}</span>
                    ) : null}
                  </p>
                  {!paper.required && paper.condition ? (
                    <p className="paper-condition">
                      {t('dossier.attach.conditional', {
                        condition: inLang(paper.condition, paper.conditionEn ?? '', lang),
                      })}
                    </p>
                  ) : null}
                </div>
                {paper.fromForm ? (
                  <p className="paper-from-form">{t('dossier.attach.fromForm')}</p>
                ) : (
                  <>
                    <p className="paper-accept">
                      {t('dossier.attach.accept', { kinds: kindsText(t, paper.accept) })}
                    </p>
                    {list.length === 0 ? (
                      <p className="paper-none">{t('dossier.attach.none')}</p>
                    ) : (
                      <ul className="paper-files">
                        {list.map((file, index) => (
                          <li
                            key={file.id}
                            className="paper-file"
                            data-testid={`attachment-${paper.id}-${index}`}
                          >
                            {file.thumbnail ? (
                              <img
                                className="paper-thumb"
                                src={file.thumbnail}
                                alt={t('dossier.attach.thumbnail', { name: file.name })}
                              />
                            ) : (
                              <span
                                className="paper-thumb paper-thumb-pdf"
                                role="img"
                                aria-label={t('dossier.attach.pdfIcon')}
                              >
                                PDF
                              </span>
                            )}
                            <span className="paper-file-text">
                              <span className="paper-file-name">
                                {t('dossier.attach.fileName', { n: index + 1, name: file.name })}
                              </span>
                              <span className="paper-file-pages">
                                {t('dossier.attach.pages', { count: file.pages })}
                              </span>
                            </span>
                            <span className="paper-file-actions">
                              <button
                                type="button"
                                className="btn btn-tool"
                                disabled={index === 0}
                                aria-label={`${t('dossier.attach.moveUp')}: ${file.name}`}
                                onClick={() => void arrange(paper, moved(ids, index, -1), '')}
                              >
                                ↑ {t('dossier.attach.moveUp')}
                              </button>
                              <button
                                type="button"
                                className="btn btn-tool"
                                disabled={index === list.length - 1}
                                aria-label={`${t('dossier.attach.moveDown')}: ${file.name}`}
                                onClick={() => void arrange(paper, moved(ids, index, 1), '')}
                              >
                                ↓ {t('dossier.attach.moveDown')}
                              </button>
                              <button
                                type="button"
                                className="btn btn-tool paper-remove"
                                aria-label={`${t('dossier.attach.remove')}: ${file.name}`}
                                data-testid={`remove-${paper.id}-${index}`}
                                onClick={() =>
                                  void arrange(
                                    paper,
                                    ids.filter((id) => id !== file.id),
                                    t('dossier.attach.removed', { name: file.name }),
                                  )
                                }
                              >
                                ✕ {t('dossier.attach.remove')}
                              </button>
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                    <button
                      type="button"
                      className="btn btn-primary paper-add"
                      data-testid={`add-${paper.id}`}
                      onClick={() => {
                        setError(null);
                        setChooser(paper);
                      }}
                    >
                      + {t('dossier.attach.add')}
                    </button>
                  </>
                )}
              </section>
            </li>
          );
        })}
      </ol>
      {chooser ? (
        <FileChooser
          paper={inLang(chooser.name, chooser.nameEn, lang)}
          onClose={() => setChooser(null)}
          onAttach={async (source) => {
            const refusal = await onAttach(chooser.id, source);
            if (!refusal) {
              const name = source.kind === 'folder' ? source.name : t('dossier.attach.chooser.camera');
              setMessage(
                t('dossier.attach.attached', { name, paper: inLang(chooser.name, chooser.nameEn, lang) }),
              );
              setChooser(null);
            }
            return refusal;
          }}
        />
      ) : null}
    </div>
  );
}
