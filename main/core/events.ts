import { events as contractEvents, type EventName, type EventPayload } from '../../preload/api';
import { createLogger } from './log';
import type { EventListener } from './types';

const log = createLogger('events');

/** The core's one event bus. Payloads are checked against the contract before they leave. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const def = contractEvents[event];
      const checked = def.payload.safeParse(payload);
      if (!checked.success) {
        log.error('event payload does not match the contract', {
          event,
          issues: checked.error.issues.length,
        });
        return;
      }
      for (const listener of listeners) {
        try {
          listener({ event, payload: checked.data as EventPayload<typeof event> }, def.audience);
        } catch (error) {
          log.error('event listener failed', { event, error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
