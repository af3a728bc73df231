import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../components/Clock';

/** A time of the LAN tab (paired, last seen, revoked, certificate end) as staff read it; "—" for none. */
export const when = (t: TFunction, iso: string | null): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTime(t, date);
};
