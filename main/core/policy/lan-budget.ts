import { KioskFailure, kioskError } from '../errors';
import type { CallContext } from '../types';
import { createRateLimiter } from './rate-limit';

/**
 * What one LAN address may do without staff: take a few tickets and leave a few ratings. The kiosk's own
 * screen (IPC, loopback) and signed-in staff are not limited: a citizen at the kiosk takes tickets one at
 * a time by hand, and staff issue for people at the counter. Before this, 200 tickets from one LAN script
 * in a third of a second used up a service's day, and 200 "unsatisfied" ratings went into the report.
 * Until device pairing, a LAN address is the best key there is; a paired device will be one.
 */
export const LAN_TICKETS = { limit: 5, windowMs: 10 * 60_000 };
export const LAN_RATINGS = { limit: 5, windowMs: 60 * 60_000 };

export interface LanBudget {
  /** Throws a 429 when this LAN caller has used its budget; does nothing for the kiosk or staff. */
  spend(ctx: CallContext & { staff?: unknown }, now: number): void;
}

export function createLanBudget(
  options: { limit: number; windowMs: number },
  refusal: (seconds: number) => KioskFailure,
): LanBudget {
  const limiter = createRateLimiter(options);
  return {
    spend(ctx, now) {
      if (ctx.local || ctx.staff) return;
      const wait = limiter.take(ctx.client ?? 'unknown', now);
      if (wait > 0) throw refusal(wait);
    },
  };
}

const minutes = (seconds: number): number => Math.max(1, Math.ceil(seconds / 60));

export const lanBudgetErrors = {
  tickets: (seconds: number) =>
    new KioskFailure(
      kioskError(
        'too-many-requests',
        `Thiết bị này đã lấy nhiều số thứ tự liên tiếp. Vui lòng đợi ${minutes(seconds)} phút, hoặc lấy số tại ki-ốt.`,
        `This device has taken many queue numbers in a row. Please wait ${minutes(seconds)} minute(s), or take a number at the kiosk.`,
      ),
    ),
  ratings: (seconds: number) =>
    new KioskFailure(
      kioskError(
        'too-many-requests',
        `Thiết bị này đã gửi nhiều đánh giá liên tiếp. Vui lòng đợi ${minutes(seconds)} phút.`,
        `This device has sent many ratings in a row. Please wait ${minutes(seconds)} minute(s).`,
      ),
    ),
};
