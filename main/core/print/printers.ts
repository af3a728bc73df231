import type { Ticket } from '../../../preload/api';
import type { KioskConfig, PrinterConfig } from '../config/schema';
import { createLogger } from '../log';
import { PrinterError } from './errors';
import { encodeRasterJob } from './escpos';
import { loadFonts, type TicketFonts } from './fonts';
import type { Deliver, PrintJob } from './jobs';
import type { TicketLayout } from './layout';
import { renderTicketPdf } from './pdf';
import { renderTicketRaster } from './raster';
import { layoutTicket, type TicketData } from './ticket';
import { sendToCups } from './transports/cups';
import { writeDevice } from './transports/device';
import { sendTcp } from './transports/tcp';

const log = createLogger('print.printers');

/** What a ticket print job stores: enough to print it again after a restart. */
export interface TicketJobPayload {
  ticket: Ticket;
  centreName: string;
  priorityLabel?: string;
  language?: 'vi' | 'en';
}

export function ticketData(payload: TicketJobPayload): TicketData {
  const { ticket } = payload;
  const language = payload.language ?? 'vi';
  return {
    centreName: payload.centreName,
    serviceName: ticket.serviceNames[language],
    number: ticket.number,
    priority: ticket.priority,
    priorityLabel: payload.priorityLabel,
    issuedAt: new Date(ticket.issuedAt),
    peopleAhead: ticket.peopleAhead,
    estimatedWaitMinutes: ticket.estimatedWaitMinutes,
    ticketCode: ticket.code,
    language,
  };
}

function layoutFor(job: PrintJob, timeZone: string): TicketLayout {
  if (job.kind !== 'ticket') throw new Error(`unknown print job kind ${job.kind}`);
  return layoutTicket(ticketData(job.payload as TicketJobPayload), { widthMm: 80, timeZone });
}

/** Renders a job for one printer and sends it: ESC/POS raster for thermal printers, PDF for CUPS. */
export async function printTo(
  printer: PrinterConfig,
  layout: TicketLayout,
  fonts: TicketFonts,
  title: string,
): Promise<void> {
  switch (printer.kind) {
    case 'escpos-tcp': {
      const bytes = encodeRasterJob(renderTicketRaster(layout, fonts, { dots: printer.dots }));
      await sendTcp({ host: printer.host, port: printer.port, timeoutMs: 5_000 }, bytes, {
        queryStatus: true,
      });
      return;
    }
    case 'escpos-device': {
      const bytes = encodeRasterJob(renderTicketRaster(layout, fonts, { dots: printer.dots }));
      await writeDevice(printer.path, bytes, { timeoutMs: 15_000 });
      return;
    }
    case 'system': {
      const pdf = await renderTicketPdf(layout, fonts);
      const id = await sendToCups(printer.queue, pdf, { title });
      log.info('job accepted by CUPS', { queue: printer.queue, id });
      return;
    }
  }
}

/** The production `deliver`: the configured printers. Fonts are read once, on the first job. */
export function createDeliver(config: KioskConfig): Deliver {
  const printers = new Map(config.printers.map((p) => [p.id, p]));
  let fonts: TicketFonts | undefined;
  return async (job) => {
    const printer = printers.get(job.printerId);
    if (!printer)
      throw new PrinterError('printer-unreachable', `no printer "${job.printerId}" in the configuration`);
    fonts ??= loadFonts();
    const layout = layoutFor(job, config.timeZone);
    await printTo(printer, layout, fonts, job.ref ?? `job ${job.id}`);
  };
}
