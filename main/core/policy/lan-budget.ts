import { KioskFailure, kioskError } from '../errors';
import type { CallContext } from '../types';
import { addressKey } from '../staff/source';
import { createRateLimiter } from './rate-limit';

/**
 * What a paired kiosk on the LAN may do without staff: take tickets and leave ratings at the pace of
 * people at a screen, counted per device and per source address (two browser profiles paired from one
 * PC share the address's budget). Only paired kiosks reach these methods without staff at all: a counter
 * PC needs staff signed in, a display and an unpaired client are refused (policy/callers.ts).
 *
 * The kiosk's own screen and signed-in staff are not limited: a citizen at the kiosk takes tickets one
 * at a time by hand, and staff issue for people at the counter. Before devices were paired, 200 tickets
 * from one LAN script in a third of a second used up a service's day, and 200 "unsatisfied" ratings went
 * into the report.
 *
 * One ticket every 10 seconds is faster than a person can walk up, choose a service and take the paper.
 */
export const LAN_TICKETS = { limit: 60, windowMs: 10 * 60_000 };
export const LAN_RATINGS = { limit: 60, windowMs: 60 * 60_000 };

export interface LanBudget {
  /** Throws a 429 when this LAN caller has used its budget; does nothing for the kiosk or staff. */
  spend(ctx: CallContext & { staff?: unknown; device?: { id: string } }, now: number): void;
}

export function createLanBudget(
  options: { limit: number; windowMs: number },
  refusal: (seconds: number) => KioskFailure,
): LanBudget {
  const limiter = createRateLimiter(options);
  return {
    spend(ctx, now) {
      if (ctx.local || ctx.staff) return;
      const keys = [`addr:${addressKey(ctx.client)}`];
      if (ctx.device) keys.push(`device:${ctx.device.id}`);
      // Both counted only when both have room, so a refused call costs neither budget.
      const wait = Math.max(...keys.map((key) => limiter.peek(key, now)));
      if (wait > 0) throw refusal(wait);
      for (const key of keys) limiter.take(key, now);
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
