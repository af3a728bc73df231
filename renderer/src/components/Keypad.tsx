import { useTranslation } from 'react-i18next';
import { BackspaceIcon } from './icons';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * On-screen number pad for PIN entry on a touch screen with no keyboard. It types into the PIN field
 * named by `controls`; a physical keyboard still works on the field itself.
 */
export function Keypad({
  controls,
  disabled,
  onDigit,
  onBackspace,
  onClear,
}: {
  controls: string;
  disabled?: boolean;
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const digit = (d: string) => (
    <button
      key={d}
      type="button"
      className="btn key"
      aria-controls={controls}
      disabled={disabled}
      onClick={() => onDigit(d)}
    >
      {d}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={t('staff.signIn.keypadLabel')}>
      {DIGITS.map(digit)}
      <button
        type="button"
        className="btn key key-aux"
        aria-controls={controls}
        disabled={disabled}
        onClick={onClear}
      >
        {t('staff.signIn.clear')}
      </button>
      {digit('0')}
      <button
        type="button"
        className="btn key key-aux"
        aria-controls={controls}
        aria-label={t('staff.signIn.backspace')}
        disabled={disabled}
        onClick={onBackspace}
      >
        <BackspaceIcon />
      </button>
    </div>
  );
}
