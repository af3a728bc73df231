import { access, constants } from 'node:fs/promises';
import { connect } from 'node:net';
import type Database from 'better-sqlite3';
import type { KioskError } from '../../../preload/api';
import type { Clock } from '../clock';
import type { KioskConfig } from '../config/schema';
import { kioskError } from '../errors';
import { serviceDay } from '../queue/time';

/** A job given up because its printer did not answer, as the recovery sees it. */
export interface GivenUpJob {
  kind: string;
  ref: string | null;
}

/** How jobs.ts learns that a printer is back and which given-up jobs are still worth paper. */
export interface PrintRecovery {
  /** Does the printer answer again? Cheap (one connect, one file check); false or a rejection: not yet. */
  probe(printerId: string): Promise<boolean>;
  /** Null: print it now; otherwise why it is no longer printed (kept as the job's error in print.jobs). */
  stale(job: GivenUpJob): KioskError | null;
}

const PROBE_TIMEOUT_MS = 2_000;

/** A TCP connect to the printer's port: a switched-off or unplugged printer refuses or times out. */
function tcpAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const ticketGone = (): KioskError =>
  kioskError(
    'print-not-needed',
    'Không in lại: số thứ tự này đã được gọi, đã xong hoặc không còn thuộc ngày hôm nay.',
    'Not printed again: this number was already called, served, or belongs to another day.',
  );

// Receipts, park slips and forms are not printed by themselves once given up. The printer was down for
// at least the retries' ~15 s and the probe's interval: the citizen who waited for a receipt or slip has
// had it on screen and is most likely gone, and the paper would lie in the tray for the next person to
// take (a receipt's QR opens the dossier's lookup, a slip's code resumes the draft). Staff print them
// again from their screens when the citizen is there.
const paperLeftBehind = (): KioskError =>
  kioskError(
    'print-not-reprinted',
    'Không tự in lại: công dân có lẽ đã rời đi và giấy sẽ nằm lại ở máy in. In lại từ màn hình khi cần.',
    'Not printed by itself: the citizen has likely left and the paper would stay in the tray. Print it again from its screen if needed.',
  );

/** The production recovery: probes the configured printers; tickets still waiting today are worth it. */
export function createPrintRecovery(db: Database.Database, config: KioskConfig, clock: Clock): PrintRecovery {
  const printers = new Map(config.printers.map((p) => [p.id, p]));
  const services = new Map(config.services.map((s) => [s.id, s]));
  const ticket = db.prepare('SELECT status, day, service_id AS serviceId FROM tickets WHERE id = ?');
  return {
    async probe(printerId) {
      const printer = printers.get(printerId);
      if (!printer) return false;
      if (printer.kind === 'escpos-tcp') return tcpAnswers(printer.host, printer.port);
      if (printer.kind === 'escpos-device')
        return access(printer.path, constants.W_OK).then(
          () => true,
          () => false,
        );
      // CUPS spools whatever its queue's state: the job's own next try is the probe (once per interval).
      return true;
    },
    stale(job) {
      if (job.kind !== 'ticket') return paperLeftBehind();
      const id = Number(job.ref?.replace(/^ticket:/, ''));
      const row = ticket.get(id) as { status: string; day: string; serviceId: string } | undefined;
      const service = row && services.get(row.serviceId);
      if (!row || !service || row.status !== 'waiting') return ticketGone();
      return row.day === serviceDay(clock.now(), config.timeZone, service.resetAt) ? null : ticketGone();
    },
  };
}
