import type { KioskConfig } from '../config/schema';
import { KioskFailure } from '../errors';
import type { Feedback } from '../feedback';
import { type HandlersOf, requireStaff } from '../handlers';
import { vietQrPayload } from '../payment/vietqr';
import { createRateLimiter } from '../policy';
import { createLanBudget, LAN_RATINGS, lanBudgetErrors } from '../policy/lan-budget';
import { keepErrors } from './keep-messages';
import { dossierErrors } from './messages';
import type { Dossiers } from './service';

/** Public lookups one caller may make in a minute; card scans that take drafts back too. */
export const LOOKUPS_PER_MINUTE = 20;
/** Wrong park codes or birth dates one caller may give (dossier.resumeByCode) in 10 minutes. */
export const WRONG_PARK_CODES = { limit: 10, windowMs: 10 * 60_000 };

export type DossierHandlers = HandlersOf<'dossier.'> & HandlersOf<'payment.'> & HandlersOf<'feedback.'>;

/**
 * The contract methods of dossiers, fee QR codes and ratings, wired to their services. Due dates and the
 * holiday calendar are main/core/calendar's (createCalendarHandlers).
 */
export function createDossierHandlers(deps: {
  dossiers: Dossiers;
  feedback: Feedback;
  config: KioskConfig;
  /** Milliseconds now, for the lookup limit (the core's clock). */
  now: () => number;
}): DossierHandlers {
  const { dossiers, feedback, config } = deps;
  // Codes are sequential, so the public lookup is limited per caller (the kiosk screen, each LAN
  // client): a citizen checking a receipt needs a few tries, a script walking codes gets a wait.
  // Staff are not limited.
  // The budget is the service's: a queue ticket taken by a receipt QR spends it too (ticket-link.ts).
  const { lookups } = dossiers;
  // Scanning a card hands out the drafts that name it: a LAN peer must not walk ID numbers through it.
  const cardScans = createRateLimiter({ limit: LOOKUPS_PER_MINUTE, windowMs: 60_000 });
  // Every wrong answer counts, code or birth date alike (they look the same to the caller).
  const wrongCodes = createRateLimiter(WRONG_PARK_CODES);
  // One LAN address leaves a few ratings an hour (they go into the staff report); the kiosk, any number.
  const ratings = createLanBudget(LAN_RATINGS, lanBudgetErrors.ratings);
  return {
    'dossier.create': (input, ctx) => dossiers.create(input.procedureId, { staff: ctx.staff }),
    // A draft's methods: staff by their session, anyone else by the draft's token (capability.ts).
    // The token is taken out of the input here, so no service, log or audit row ever sees it.
    'dossier.get': ({ id, draftToken }, ctx) => dossiers.getFor(id, { staff: ctx.staff, draftToken }),
    'dossier.update': ({ draftToken, ...input }, ctx) => {
      dossiers.authorize(input.id, { staff: ctx.staff, draftToken });
      return dossiers.update(input);
    },
    'dossier.importSources': () => dossiers.importSources(),
    'dossier.attach': ({ draftToken, ...input }, ctx) => {
      // The import folders (scanner output, a USB drive) are this machine's: another device names a
      // file there only by guessing, and would read it back as a thumbnail.
      if (input.source.kind === 'folder' && ctx.caller.kind !== 'window') throw dossierErrors.folderLocal();
      dossiers.authorize(input.id, { staff: ctx.staff, draftToken });
      return dossiers.attach(input);
    },
    'dossier.arrange': ({ draftToken, ...input }, ctx) => {
      dossiers.authorize(input.id, { staff: ctx.staff, draftToken });
      return dossiers.arrange(input);
    },
    'dossier.check': ({ id, draftToken }, ctx) => {
      dossiers.authorize(id, { staff: ctx.staff, draftToken });
      return dossiers.check(id);
    },
    // A repeated submit (the answer was lost) gives the same code again: its answer has no personal data.
    'dossier.submit': ({ id, draftToken }, ctx) => {
      dossiers.authorize(id, { staff: ctx.staff, draftToken }, 'allow');
      return dossiers.submit(id, { staff: ctx.staff });
    },
    'dossier.discard': ({ id, draftToken }, ctx) => {
      dossiers.authorize(id, { staff: ctx.staff, draftToken });
      dossiers.discard(id);
      return {};
    },
    'dossier.lookup': (input, ctx) => {
      if (!ctx.staff) {
        const wait = lookups.take(ctx.client ?? ctx.transport, deps.now());
        if (wait > 0) throw dossierErrors.tooManyLookups(wait);
      }
      const factor =
        input.secret !== undefined
          ? { secret: input.secret }
          : input.birthDate !== undefined
            ? { birthDate: input.birthDate }
            : null;
      return dossiers.lookup(input.code, {
        staff: ctx.staff !== undefined && ctx.staff !== null,
        factor,
        // Wrong birth dates are counted per paired device across all dossiers; the kiosk's own screen
        // is held only by each dossier's count (the person is standing at it).
        ...(ctx.device ? { caller: `device:${ctx.device.id}` } : {}),
      });
    },
    'dossier.receipt': (input, ctx) => dossiers.receipt(input.code, input.print ?? false, requireStaff(ctx)),
    'dossier.park': (input, ctx) => dossiers.park(input.id, requireStaff(ctx)),
    'dossier.printParkSlip': (input, ctx) => dossiers.printParkSlip(input.id, requireStaff(ctx)),
    'dossier.resume': (input, ctx) => dossiers.resume(input.parkCode, requireStaff(ctx)),
    'dossier.parked': () => dossiers.parked(),
    // Drafts kept past the moment (keep.ts).
    'dossier.setAside': ({ id, draftToken }, ctx) => {
      dossiers.authorize(id, { staff: ctx.staff, draftToken });
      return dossiers.setAside(id, ctx.staff);
    },
    'dossier.resumeByCard': (input, ctx) => {
      if (!ctx.staff) {
        const wait = cardScans.take(ctx.client ?? ctx.transport, deps.now());
        if (wait > 0) throw keepErrors.tooManyScans(wait);
      }
      return dossiers.resumeByCard(input.text, ctx.staff);
    },
    'dossier.saveForLater': ({ id, draftToken, birthDate }, ctx) => {
      dossiers.authorize(id, { staff: ctx.staff, draftToken });
      return dossiers.saveForLater(id, birthDate, ctx.staff);
    },
    'dossier.resumeByCode': (input, ctx) => {
      const caller = ctx.client ?? ctx.transport;
      const wait = wrongCodes.peek(caller, deps.now());
      if (wait > 0) throw keepErrors.tooManyCodes(wait);
      try {
        return dossiers.resumeByCode(input.parkCode, input.birthDate);
      } catch (error) {
        if (error instanceof KioskFailure && error.error.code.startsWith('park-resume-'))
          wrongCodes.take(caller, deps.now());
        throw error;
      }
    },
    'dossier.today': (input) => dossiers.today(input.day),
    'dossier.correct': (input, ctx) => dossiers.correct(input.id, input.data, requireStaff(ctx)),
    'dossier.pending': () => dossiers.pending(),
    'dossier.receive': (input, ctx) => dossiers.receive(input.id, requireStaff(ctx)),
    'dossier.refuse': (input, ctx) => dossiers.refuse(input.id, input.reason, requireStaff(ctx)),
    'dossier.supplementRequest': (input, ctx) =>
      dossiers.supplementRequest(
        input.id,
        { ...(input.note !== undefined ? { note: input.note } : {}), print: input.print ?? false },
        requireStaff(ctx),
      ),
    'dossier.tracking': (input, ctx) => dossiers.tracking(input, requireStaff(ctx)),
    'payment.vietQr': (input) => {
      if (!config.payment) throw dossierErrors.paymentNotConfigured();
      return {
        payload: vietQrPayload({ account: config.payment, amount: input.amount, purpose: input.purpose }),
      };
    },
    'feedback.rate': (input, ctx) => {
      ratings.spend(ctx, deps.now());
      return feedback.rate(input);
    },
    'feedback.report': (input) => feedback.report(input.day),
  };
}
