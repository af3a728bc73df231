import type { KioskConfig, PrinterConfig } from '../config/schema';
import { createLogger } from '../log';
import { PrinterError } from './errors';
import { encodeRasterJob } from './escpos';
import { loadFonts, type TicketFonts } from './fonts';
import type { Deliver } from './jobs';
import type { TicketLayout } from './layout';
import { renderTicketPdf } from './pdf';
import { renderTicketRaster } from './raster';
import { formPdf } from './forms';
import { FORM_WORDS, type FormWords } from './forms/words';
import {
  FORM_JOB_KIND,
  PARK_SLIP_JOB_KIND,
  RECEIPT_JOB_KIND,
  type ReceiptJobPayload,
  type TicketJobPayload,
  formJobPayload,
  receiptJobPayload,
  ticketJobPayload,
} from './payloads';
import { receiptPdf } from './receipt-pdf';
import { layoutReceiptThermal, paperFor, receiptThermalPdf } from './receipt-thermal';
import { layoutParkSlip, parkSlipData } from './park-slip';
import { layoutTicket, type TicketData } from './ticket';
import { sendToCups } from './transports/cups';
import { writeDevice } from './transports/device';
import { sendTcp } from './transports/tcp';

const log = createLogger('print.printers');

export type { TicketJobPayload } from './payloads';

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

/** How bytes reach a printer. Tests pass fakes; the kiosk uses the real transports. */
export interface PrintTransports {
  tcp: typeof sendTcp;
  device: typeof writeDevice;
  cups: typeof sendToCups;
}

export const defaultTransports: PrintTransports = { tcp: sendTcp, device: writeDevice, cups: sendToCups };

async function sendPdf(queue: string, pdf: Uint8Array, title: string, t: PrintTransports): Promise<void> {
  const id = await t.cups(queue, pdf, { title });
  log.info('job accepted by CUPS', { queue, id });
}

/** Renders a job for one printer and sends it: ESC/POS raster for thermal printers, PDF for CUPS. */
export async function printTo(
  printer: PrinterConfig,
  layout: TicketLayout,
  fonts: TicketFonts,
  title: string,
  transports: PrintTransports = defaultTransports,
): Promise<void> {
  switch (printer.kind) {
    case 'escpos-tcp': {
      const bytes = encodeRasterJob(renderTicketRaster(layout, fonts, { dots: printer.dots }));
      await transports.tcp({ host: printer.host, port: printer.port, timeoutMs: 5_000 }, bytes, {
        queryStatus: true,
      });
      return;
    }
    case 'escpos-device': {
      const bytes = encodeRasterJob(renderTicketRaster(layout, fonts, { dots: printer.dots }));
      await transports.device(printer.path, bytes, { timeoutMs: 15_000 });
      return;
    }
    case 'system':
      await sendPdf(printer.queue, await renderTicketPdf(layout, fonts), title, transports);
      return;
  }
}

/**
 * A receipt goes out as Mẫu 01 on A4 to a system printer set up for A4, and as the roll version
 * everywhere else: a thermal printer cannot print A4, and a CUPS queue set to 80 mm gets the roll PDF.
 */
async function printReceipt(
  printer: PrinterConfig,
  payload: ReceiptJobPayload,
  fonts: TicketFonts,
  title: string,
  transports: PrintTransports,
  words: FormWords,
): Promise<void> {
  const { data, format } = payload;
  if (printer.kind === 'system') {
    const pdf =
      format === 'a4'
        ? await receiptPdf(data, { fonts, words })
        : await receiptThermalPdf(data, { fonts, words });
    await sendPdf(printer.queue, pdf, title, transports);
    return;
  }
  if (format === 'a4') {
    log.info('A4 receipt asked of a thermal printer: printing the 80 mm version', { printer: printer.id });
  }
  await printTo(printer, layoutReceiptThermal(data, paperFor(printer.dots), words), fonts, title, transports);
}

// Wired beside createDeliver by createCore: which printers answer again (jobs.ts probes them).
export { createPrintRecovery } from './recovery';

/**
 * The production `deliver`: the configured printers. Fonts are read once, on the first job; `words` are
 * the forms' words (forms/words.ts loadFormWords), the defaults unless a centre corrected them.
 */
export function createDeliver(
  config: KioskConfig,
  transports: PrintTransports = defaultTransports,
  words: FormWords = FORM_WORDS,
): Deliver {
  const printers = new Map(config.printers.map((p) => [p.id, p]));
  let fonts: TicketFonts | undefined;
  return async (job) => {
    const printer = printers.get(job.printerId);
    if (!printer)
      throw new PrinterError('printer-unreachable', `no printer "${job.printerId}" in the configuration`);
    fonts ??= loadFonts();
    const title = job.ref ?? `job ${job.id}`;
    switch (job.kind) {
      case 'ticket': {
        const data = ticketData(ticketJobPayload(job.payload));
        await printTo(
          printer,
          layoutTicket(data, { widthMm: 80, timeZone: config.timeZone }),
          fonts,
          title,
          transports,
        );
        return;
      }
      case RECEIPT_JOB_KIND:
        await printReceipt(printer, receiptJobPayload(job.payload), fonts, title, transports, words);
        return;
      case FORM_JOB_KIND: {
        const payload = formJobPayload(job.payload);
        // Mẫu 02 and 03 are A4 letters: a roll version would not be the form. Failed at once (jobs.ts).
        if (printer.kind !== 'system') {
          throw new PrinterError(
            'printer-needs-a4',
            `${payload.form} form sent to ESC/POS printer ${printer.id}`,
          );
        }
        await sendPdf(printer.queue, await formPdf(payload, { fonts, words }), title, transports);
        return;
      }
      case PARK_SLIP_JOB_KIND: {
        // 58 mm paper on a 384-dot head, 80 mm otherwise, as for the thermal receipt (paperFor).
        const layout = layoutParkSlip(parkSlipData(job.payload), {
          widthMm: printer.kind === 'system' ? 80 : paperFor(printer.dots),
          timeZone: config.timeZone,
        });
        await printTo(printer, layout, fonts, title, transports);
        return;
      }
      default:
        throw new Error(`unknown print job kind ${job.kind}`);
    }
  };
}
