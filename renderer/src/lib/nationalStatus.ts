/**
 * The national dossier statuses' codes (1–10), for the citizen's lookup and the staff lists alike.
 */
import type { TimelineStatus } from '../../../preload/api';

/**
 * The national codes (contract/portal.ts NATIONAL_STATUS_CODES; the renderer imports only types from the
 * contract, and a unit test keeps the copies equal). `sent` is the kiosk's own step and has none.
 */
export const NATIONAL_CODES: Readonly<Record<Exclude<TimelineStatus, 'sent'>, number>> = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplement: 5,
  financial: 6,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  returned: 10,
};

/** The national code of a status, or null for the kiosk's own `sent`. */
export function statusCode(status: TimelineStatus): number | null {
  return status === 'sent' ? null : NATIONAL_CODES[status];
}
