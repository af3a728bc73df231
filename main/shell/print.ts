/**
 * Silent printing of a page (receipts, tickets) through Chromium, for the print pipeline to call. Printing
 * in Electron has a long list of regressions, so this wrapper states every option instead of trusting a
 * default, checks what Electron would otherwise get wrong without saying so, and never waits forever.
 *
 * Known traps:
 * - electron#39670: since Electron 25 a print without `pageSize` is laid out on A4, not the printer's
 *   default paper: an 80 mm thermal roll gets a shrunken A4 page. Always pass the paper size, in microns.
 * - electron#12549 and electron#7849 (and the many duplicates of "silent print is blank / ignores options"):
 *   print only a page that has finished loading (fonts and images included), keep `printBackground` explicit,
 *   and expect options to be ignored on some driver/platform combinations — verify on the centre's printers.
 * - A `deviceName` that matches no printer silently prints on the default printer (electron#30340), so the
 *   name is checked against `getPrintersAsync()` first.
 * - The callback has been known not to fire (electron#25801), so a timeout rejects the promise.
 */
import type { WebContents } from 'electron';

export interface SilentPrintJob {
  /** The printer's system name, exactly as `webContents.getPrintersAsync()` reports it. */
  deviceName: string;
  /** The paper in microns: 80 mm roll × 200 mm receipt = `{ width: 80_000, height: 200_000 }`. */
  pageSize: { width: number; height: number };
  copies?: number;
  landscape?: boolean;
  printBackground?: boolean;
  /** Give up waiting for Electron's callback after this long. */
  timeoutMs?: number;
}

/** Resolves once Chromium has handed the job to the OS spooler; rejects with the reason otherwise. */
export async function printSilently(contents: WebContents, job: SilentPrintJob): Promise<void> {
  const { width, height } = job.pageSize;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1_000 || height < 1_000) {
    throw new RangeError('pageSize must be whole microns, at least 1 mm each way');
  }
  const printers = await contents.getPrintersAsync();
  if (!printers.some((printer) => printer.name === job.deviceName)) {
    throw new Error(`printer not found: ${job.deviceName}`);
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('print timed out')), job.timeoutMs ?? 60_000);
    contents.print(
      {
        silent: true,
        deviceName: job.deviceName,
        pageSize: { width, height },
        margins: { marginType: 'none' },
        printBackground: job.printBackground ?? true,
        copies: job.copies ?? 1,
        landscape: job.landscape ?? false,
      },
      (success, failureReason) => {
        clearTimeout(timer);
        if (success) resolve();
        else reject(new Error(`print failed: ${failureReason || 'unknown reason'}`));
      },
    );
  });
}
