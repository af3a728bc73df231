// Every staff date field reads and is typed day first (dd/mm/yyyy), whatever the browser's locale: a
// Chromium <input type="date"> follows the browser's language and showed month/day on an en-US machine.
import { describe, expect, it } from 'vitest';
import { DayDossiers } from '../../../renderer/src/screens/staff/DayDossiers';
import { DayFormDialog } from '../../../renderer/src/screens/staff/HolidayForms';
import { blankForm } from '../../../renderer/src/screens/staff/holidaysModel';
import { Indicators } from '../../../renderer/src/screens/staff/indicators/Indicators';
import { TrackingExport } from '../../../renderer/src/screens/staff/reception/TrackingExport';
import { Report } from '../../../renderer/src/screens/staff/Report';
import { appInfo } from './appInfo';
import { render, type Language } from './render';

const onError = () => false;
const noop = () => undefined;
const options = { info: appInfo(), clockOffsetMs: Date.parse('2026-11-23T03:00:00Z') - Date.now() };

/** The date fields of a render: each <input> whose test id names a day, with its attributes. */
const dateFields = (html: string): string[] =>
  (html.match(/<input[^>]*>/g) ?? []).filter((tag) =>
    /data-testid="(report-day|dossier-day|tracking-(from|to)|indicators-(from|to)|holiday-date)"/.test(tag),
  );

const screens: [string, () => string][] = [
  ['the day report', () => render(<Report onError={onError} />, 'en', options)],
  ['the day’s dossiers', () => render(<DayDossiers onError={onError} />, 'en', options)],
  ['Mẫu 06/07', () => render(<TrackingExport onError={onError} />, 'en', options)],
  ['the 766 indicators', () => render(<Indicators onError={onError} />, 'en', options)],
  [
    'a holiday',
    () =>
      render(
        <DayFormDialog
          initial={{ ...blankForm(), date: '2026-11-23' }}
          editing={false}
          busy={false}
          error={undefined}
          onCancel={noop}
          onSave={noop}
        />,
        'en' as Language,
      ),
  ],
];

describe('staff date fields', () => {
  it.each(screens)('%s: dd/mm/yyyy, not a locale-ordered date input', (_, html) => {
    const fields = dateFields(html());
    expect(fields.length).toBeGreaterThan(0);
    for (const tag of fields) {
      expect(tag).not.toContain('type="date"');
      expect(tag).toContain('placeholder="dd/mm/yyyy"');
      expect(tag).toContain('lang="vi"');
      expect(tag).toContain('inputMode="numeric"');
    }
    // 23 November 2026 (the centre's today, or the day given): day first.
    expect(fields.some((tag) => tag.includes('value="23/11/2026"'))).toBe(true);
  });
});
