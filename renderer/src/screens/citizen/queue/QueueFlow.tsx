/**
 * "Lấy số thứ tự": the service picker, then the ticket. One component spans both so the `print.job`
 * subscription starts before the ticket is issued: a fast printer can finish before the issue call
 * answers, and that event must not be lost.
 */
import { useEffect, useState } from 'react';
import type { PrintJobEvent, Ticket } from '../../../../../preload/api';
import { useKiosk } from '../../../context';
import type { ScanOutcome } from '../../../hooks/useScan';
import type { QueueLink } from './link';
import { ServicePicker } from './ServicePicker';
import { TicketView } from './TicketView';

/** Enough for any realistic burst of retries while one citizen stands at the kiosk. */
const MAX_EVENTS = 100;

export function QueueFlow({
  ticket,
  onTicket,
  onHome,
  link,
  onBackToDossier,
  onOtherScan,
}: {
  ticket: Ticket | undefined;
  onTicket: (ticket: Ticket) => void;
  onHome: () => void;
  /** The dossier the ticket is for, when the citizen came from the wizard or the receipt (issue 22). */
  link?: QueueLink | undefined;
  onBackToDossier?: () => void;
  /** A scan on the picker that is not a receipt (the picker reads scans itself). */
  onOtherScan?: (outcome: ScanOutcome) => void;
}) {
  const client = useKiosk();
  const [printEvents, setPrintEvents] = useState<PrintJobEvent[]>([]);

  useEffect(
    () =>
      client.on('print.job', (event) => {
        if (event.ref?.startsWith('ticket:')) setPrintEvents((list) => [...list, event].slice(-MAX_EVENTS));
      }),
    [client],
  );

  return ticket ? (
    <TicketView ticket={ticket} printEvents={printEvents} onDone={onHome} />
  ) : (
    <ServicePicker
      onTicket={onTicket}
      onHome={onHome}
      link={link ?? null}
      {...(onBackToDossier ? { onBackToDossier } : {})}
      {...(onOtherScan ? { onOtherScan } : {})}
    />
  );
}
