import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { clockParts, type ClockParts } from '../lib/clock';
import { useAppInfo } from '../context';

/** i18n keys of the weekdays, Sunday (0) first, as Date.getDay counts. */
export const WEEKDAY_KEYS = [
  'clock.weekday0',
  'clock.weekday1',
  'clock.weekday2',
  'clock.weekday3',
  'clock.weekday4',
  'clock.weekday5',
  'clock.weekday6',
] as const;

function words(t: TFunction, parts: ClockParts) {
  return { ...parts, weekday: t(WEEKDAY_KEYS[parts.weekday]) };
}

/** "Thứ Hai, 23/11/2026 09:15" in the current language. */
export function formatDateTime(t: TFunction, date: Date): string {
  return t('clock.format', words(t, clockParts(date)));
}

/** The server's time, re-rendering only when the minute changes. */
function useServerMinute(): Date {
  const { clockOffsetMs } = useAppInfo();
  const [minute, setMinute] = useState(() => Math.floor((Date.now() + clockOffsetMs) / 60_000));
  useEffect(() => {
    const tick = (): void => setMinute(Math.floor((Date.now() + clockOffsetMs) / 60_000));
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [clockOffsetMs]);
  return new Date(minute * 60_000);
}

export function Clock({ variant = 'line' }: { variant?: 'line' | 'big' }) {
  const { t } = useTranslation();
  const now = useServerMinute();
  const parts = words(t, clockParts(now));
  if (variant === 'big') {
    return (
      <time className="clock clock-big" dateTime={now.toISOString()} data-testid="clock">
        <span className="clock-time">{t('clock.time', parts)}</span>{' '}
        <span className="clock-date">{t('clock.date', parts)}</span>
      </time>
    );
  }
  return (
    <time className="clock" dateTime={now.toISOString()} data-testid="clock">
      <span className="clock-date">{t('clock.date', parts)}</span>{' '}
      <span className="clock-time">{t('clock.time', parts)}</span>
    </time>
  );
}
