import type Fontkit from '@pdf-lib/fontkit';

export type { Fontkit };

let loading: Promise<typeof Fontkit> | null = null;

/**
 * fontkit, loaded on first use. Evaluating it decompresses its Brotli dictionary and Unicode tables: a
 * third of the whole start-up's CPU when it was imported eagerly, paid before the kiosk could answer.
 * The core warms it up shortly after start (see `warmFontkit`), so the first ticket does not pay it.
 */
export function loadFontkit(): Promise<typeof Fontkit> {
  loading ??= import('@pdf-lib/fontkit').then((m) => m.default);
  return loading;
}

/** Loads fontkit in the background once the kiosk is up; a failure is left for the first print to report. */
export function warmFontkit(delayMs = 1500): void {
  setTimeout(() => void loadFontkit().catch(() => undefined), delayMs).unref();
}
