/**
 * A staff date field typed day first, dd/mm/yyyy, as Vietnamese write dates, whatever the browser's locale:
 * Chromium's <input type="date"> orders its parts by the browser's language, not the page's `lang`, and an
 * en-US machine showed month/day. The digits are typed, the slashes appear by themselves (as in the e-form,
 * screens/dossier/form/date.ts). The value in and out stays ISO YYYY-MM-DD, '' while the text is not a
 * whole, real date, as the date input's was, so the screens using it keep their logic.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { dateTextToIso, formatDateDigits, isoToDateText } from '../screens/dossier/form/date';

export interface DayInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type' | 'defaultValue'
> {
  /** ISO YYYY-MM-DD, or ''. */
  value: string;
  onChange: (iso: string) => void;
}

export function DayInput({ value, onChange, ...rest }: DayInputProps) {
  const [text, setText] = useState(() => isoToDateText(value));
  // The last value this field gave out: a different one came from outside (a "today" button, a reset) and
  // is shown; otherwise what is being typed ("03/0") stays as typed.
  const given = useRef(value);
  useEffect(() => {
    if (value !== given.current) {
      given.current = value;
      setText(isoToDateText(value));
    }
  }, [value]);

  return (
    <input
      {...rest}
      type="text"
      lang="vi"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder="dd/mm/yyyy"
      value={text}
      onChange={(e) => {
        const next = formatDateDigits(e.target.value);
        setText(next);
        const iso = dateTextToIso(next) ?? '';
        given.current = iso;
        onChange(iso);
      }}
    />
  );
}
