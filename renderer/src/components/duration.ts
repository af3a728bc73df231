import type { TFunction } from 'i18next';
import { splitDuration } from '../lib/queue';

/** "4 phút 30 giây" / "4 min 30 s"; "—" when there is no figure. */
export function formatDuration(t: TFunction, seconds: number | null): string {
  const d = splitDuration(seconds);
  if (d === null) return t('duration.none');
  if (d.m === 0) return t('duration.sec', { s: d.s });
  if (d.s === 0) return t('duration.min', { m: d.m });
  return t('duration.minSec', { m: d.m, s: d.s });
}
