import { useId, type Ref } from 'react';
import { MAX_PIN, pinDigits } from './pin';

/**
 * A labelled, masked PIN field that keeps only digits, at most MAX_PIN of them: the sign-in screen's, the
 * first admin's (twice) and the account dialogs'. `help` adds a line under it that the field is
 * described by (`<id>-help`). Without `id` it makes its own: the account dialogs' fields can share a page.
 */
export function PinField({
  id,
  label,
  value,
  onChange,
  testId,
  autoComplete = 'new-password',
  name,
  help,
  invalid,
  inputRef,
}: {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  autoComplete?: string;
  name?: string;
  help?: string;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const ownId = useId();
  const fieldId = id ?? ownId;
  const helpId = `${fieldId}-help`;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <input
        id={fieldId}
        ref={inputRef}
        name={name}
        type="password"
        inputMode="numeric"
        autoComplete={autoComplete}
        maxLength={MAX_PIN}
        aria-describedby={help === undefined ? undefined : helpId}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(pinDigits(e.target.value))}
        data-testid={testId}
      />
      {help !== undefined && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}
