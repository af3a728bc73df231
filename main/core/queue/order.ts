import type { TicketRow } from './store';

/**
 * Calling order for one counter. Tickets transferred to this counter come first (they have waited
 * already); then priority tickets, but never more than `ratio` in a row while an ordinary ticket waits;
 * within each group, first come first served across all the counter's services. Tickets transferred to
 * another counter are not this counter's to call.
 */
export function orderForCall(
  rows: TicketRow[],
  counterId: number,
  streak: number,
  ratio: number,
): TicketRow[] {
  const byArrival = [...rows].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id - b.id);
  const targeted = byArrival.filter((t) => t.targetCounter === counterId);
  const rest = byArrival.filter((t) => t.targetCounter === null);
  const priority = rest.filter((t) => t.priority !== null);
  const ordinary = rest.filter((t) => t.priority === null);
  const order: TicketRow[] = [...targeted];
  let run = streak;
  let p = 0;
  let o = 0;
  while (p < priority.length || o < ordinary.length) {
    const nextPriority = priority[p];
    const nextOrdinary = ordinary[o];
    if (nextPriority && (run < ratio || !nextOrdinary)) {
      order.push(nextPriority);
      p += 1;
      run += 1;
    } else if (nextOrdinary) {
      order.push(nextOrdinary);
      o += 1;
      run = 0;
    }
  }
  return order;
}
