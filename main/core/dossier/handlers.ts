import { dueDate, vietnamCalendar, type WorkingCalendar } from '../calendar';
import type { KioskConfig } from '../config/schema';
import type { Feedback } from '../feedback';
import { type HandlersOf, requireStaff } from '../handlers';
import { vietQrPayload } from '../payment/vietqr';
import { dossierErrors } from './messages';
import type { Dossiers } from './service';

export type DossierHandlers = HandlersOf<'dossier.'> &
  HandlersOf<'calendar.'> &
  HandlersOf<'payment.'> &
  HandlersOf<'feedback.'>;

/** The contract methods of dossiers, due dates, fee QR codes and ratings, wired to their services. */
export function createDossierHandlers(deps: {
  dossiers: Dossiers;
  feedback: Feedback;
  config: KioskConfig;
  calendar?: WorkingCalendar;
}): DossierHandlers {
  const { dossiers, feedback, config } = deps;
  const calendar = deps.calendar ?? vietnamCalendar;
  return {
    'dossier.create': (input, ctx) => dossiers.create(input.procedureId, { staff: ctx.staff }),
    'dossier.get': (input) => dossiers.get(input.id),
    'dossier.update': (input) => dossiers.update(input),
    'dossier.importSources': () => dossiers.importSources(),
    'dossier.attach': (input) => dossiers.attach(input),
    'dossier.arrange': (input) => dossiers.arrange(input),
    'dossier.check': (input) => dossiers.check(input.id),
    'dossier.submit': (input, ctx) => dossiers.submit(input.id, { staff: ctx.staff }),
    'dossier.discard': (input) => {
      dossiers.discard(input.id);
      return {};
    },
    'dossier.lookup': (input) => dossiers.lookup(input.code),
    'dossier.receipt': (input, ctx) => dossiers.receipt(input.code, input.print ?? false, requireStaff(ctx)),
    'dossier.park': (input, ctx) => dossiers.park(input.id, requireStaff(ctx)),
    'dossier.resume': (input, ctx) => dossiers.resume(input.parkCode, requireStaff(ctx)),
    'dossier.parked': () => dossiers.parked(),
    'dossier.today': (input) => dossiers.today(input.day),
    'dossier.correct': (input, ctx) => dossiers.correct(input.id, input.data, requireStaff(ctx)),
    'calendar.dueDate': (input) =>
      dueDate({
        receivedAt: input.receivedAt,
        workingDays: input.workingDays,
        cutoff: input.cutoff,
        timeZone: config.timeZone,
        calendar,
      }),
    'payment.vietQr': (input) => {
      if (!config.payment) throw dossierErrors.paymentNotConfigured();
      return {
        payload: vietQrPayload({ account: config.payment, amount: input.amount, purpose: input.purpose }),
      };
    },
    'feedback.rate': (input) => feedback.rate(input),
    'feedback.report': (input) => feedback.report(input.day),
  };
}
