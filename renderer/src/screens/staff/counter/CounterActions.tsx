/**
 * The counter's buttons (each with its shortcut key) and the list of shortcuts under them. What a button
 * does is CounterPanel's `onAct`; pause shows "Tiếp tục" and is pressed while the counter is paused.
 */
import { useTranslation } from 'react-i18next';
import { COUNTER_SHORTCUTS, type CounterAction } from '../../../lib/queue';

const actionLabel = {
  callNext: 'counter.callNext',
  recall: 'counter.recall',
  served: 'counter.served',
  noShow: 'counter.noShow',
  transfer: 'counter.transfer',
  pause: 'counter.pause',
} as const satisfies Record<CounterAction, string>;

export function CounterActions({
  paused,
  hasCurrent,
  onAct,
}: {
  paused: boolean;
  hasCurrent: boolean;
  onAct: (action: CounterAction) => void;
}) {
  const { t } = useTranslation();
  const noCurrent = !hasCurrent;
  const button = (action: CounterAction, testId: string, className: string, disabled = false) => (
    <button
      type="button"
      className={`btn ${className}`}
      data-testid={testId}
      disabled={disabled}
      aria-keyshortcuts={COUNTER_SHORTCUTS[action]}
      onClick={() => onAct(action)}
    >
      <span>{t(actionLabel[action])}</span>
      <kbd aria-hidden="true">{COUNTER_SHORTCUTS[action]}</kbd>
    </button>
  );

  return (
    <div className="counter-actions" role="group" aria-label={t('counter.actionsLabel')}>
      {button('callNext', 'call-next', 'btn-primary btn-xl action-next')}
      {button('recall', 'recall', 'btn-secondary', noCurrent)}
      {button('served', 'mark-served', 'btn-secondary', noCurrent)}
      {button('noShow', 'mark-no-show', 'btn-secondary', noCurrent)}
      {button('transfer', 'transfer', 'btn-secondary', noCurrent)}
      <button
        type="button"
        className="btn btn-tool action-pause"
        data-testid="pause-toggle"
        aria-pressed={paused}
        aria-keyshortcuts={COUNTER_SHORTCUTS.pause}
        onClick={() => onAct('pause')}
      >
        <span>{paused ? t('counter.resume') : t('counter.pause')}</span>
        <kbd aria-hidden="true">{COUNTER_SHORTCUTS.pause}</kbd>
      </button>
    </div>
  );
}

/** The shortcut keys, listed for a clerk new to the console. */
export function ShortcutList() {
  const { t } = useTranslation();
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-title">
      <h3 id="shortcuts-title">{t('counter.shortcutsTitle')}</h3>
      <ul>
        {(Object.keys(COUNTER_SHORTCUTS) as CounterAction[]).map((a) => (
          <li key={a}>
            <kbd>{COUNTER_SHORTCUTS[a]}</kbd> {t(actionLabel[a])}
          </li>
        ))}
      </ul>
      <p className="shortcuts-hint">{t('counter.shortcutsHint')}</p>
    </section>
  );
}
