/**
 * "Biên nhận đang được in": the print state of a receipt's jobs (one per copy or one for all), folded from
 * `print.job` events with the queue's rules (lib/queue.ts): once done or failed, a job stays so.
 */
import type { PrintJobEvent } from '../../../../../preload/api';
import { nextPrintView, type PrintView } from '../../../lib/queue';

export function receiptPrintView(jobIds: readonly number[], events: readonly PrintJobEvent[]): PrintView {
  if (jobIds.length === 0) return 'none';
  const views = jobIds.map((id) => {
    let view: PrintView = 'queued';
    for (const event of events) if (event.jobId === id) view = nextPrintView(view, event);
    return view;
  });
  if (views.includes('failed')) return 'failed';
  if (views.includes('problem')) return 'problem';
  if (views.every((v) => v === 'done')) return 'done';
  return views.includes('sent') || views.includes('done') ? 'sent' : 'queued';
}
