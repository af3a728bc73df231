/**
 * Contract: the events main sends the renderer (main → renderer), each with its payload's schema and who
 * may receive it. Payload shapes belong to their domains; this file names the events. Rules as in base.ts.
 */
import { z } from 'zod';
import { DossierId } from './dossier';
import { ScanEventSchema } from './devices';
import { ChipStatusSchema } from './identity';
import { PrintJobEventSchema } from './print';
import { BoardSchema, CallSchema } from './queue';
import { AlertSchema } from './staff';
import { SyncStatusSchema } from './sync';

interface EventDef<P extends z.ZodType = z.ZodType> {
  /**
   * `public` events reach every screen (kiosk, display); `staff` events only signed-in staff screens;
   * `local` events only this machine (the kiosk window over IPC, or a bridge client on loopback): a raw
   * scan may be a citizen's ID card and must never reach the waiting-room display on the LAN.
   */
  audience: 'public' | 'staff' | 'local';
  payload: P;
}
const event = <P extends z.ZodType>(def: EventDef<P>): EventDef<P> => def;

export const events = {
  'staff.alert': event({ audience: 'staff', payload: AlertSchema }),
  /** A ticket called (or called again) to a counter: the display shows it and says it aloud. */
  'queue.called': event({ audience: 'public', payload: CallSchema }),
  'queue.board': event({ audience: 'public', payload: BoardSchema }),
  'print.job': event({ audience: 'public', payload: PrintJobEventSchema }),
  /**
   * A scanner read something. Public so the (unsigned-in) citizen screen receives it; note it carries
   * what was scanned, possibly an ID card's QR, to every connected client (see README).
   */
  'device.scan': event({ audience: 'local', payload: ScanEventSchema }),
  /** A card reader appeared or went, or a card was put on or taken off it. */
  'chip.reader': event({ audience: 'local', payload: ChipStatusSchema }),
  /** Progress of a chip read, for the "Đặt thẻ lên đầu đọc" screen. */
  'chip.progress': event({
    audience: 'local',
    payload: z.object({
      step: z.enum(['waiting', 'authenticating', 'reading', 'verifying', 'done']),
      percent: z.number(),
    }),
  }),
  /** Online/offline and counts changed: the home screen's small indicator, the staff sync screen. */
  'sync.status': event({ audience: 'public', payload: SyncStatusSchema }),
  /**
   * An import folder (scanner output, USB drive) changed: a file arrived or went, or the drive was
   * plugged in or pulled. Only the folder's id: the chooser lists the files again. Local, because file
   * names may be a citizen's.
   */
  'dossier.sources': event({
    audience: 'local',
    payload: z.object({ sourceId: z.string(), available: z.boolean() }),
  }),
  /** A dossier changed state (submitted, sent, refused, status from the portal): staff lists refresh. */
  'dossier.changed': event({
    audience: 'staff',
    payload: z.object({ id: DossierId, code: z.string().nullable(), change: z.string() }),
  }),
} as const satisfies Record<string, EventDef>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** An event as it travels over the bridge's WebSocket. */
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}
