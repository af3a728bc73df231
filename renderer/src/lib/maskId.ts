/**
 * The renderer's copy of main's `maskId` (the renderer may not import from main/): every character but
 * the last four becomes `•` (`001090001234` → `••••••••1234`); four characters or fewer are all masked.
 */
export function maskId(id: string): string {
  const chars = [...id];
  if (chars.length <= 4) return '•'.repeat(chars.length);
  return '•'.repeat(chars.length - 4) + chars.slice(-4).join('');
}

/** Masks every run of 9 or more digits (an ID or old CMND number) inside free text, e.g. a raw scan. */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d{9,}/g, (run) => maskId(run));
}
