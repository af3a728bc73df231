import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/**
 * Taps as the page sees them (issue 22: "a tap is one press on the screen; on-screen keyboard keys count;
 * a hardware scan does not"). An init script counts every trusted `pointerdown` on window in the capture
 * phase, before any handler can stop it, so a press counts whatever it lands on (a key, a button, a
 * field, or nothing). Scans injected through the bridge make no pointer event and so do not count.
 *
 * Playwright's `click()` makes one trusted pointerdown, as a finger does. Two things a finger does that
 * Playwright does not press for: picking from a native <select>'s list (`selectOption` sets the value
 * with no pointer), which `pickFromSelect` counts as the two presses it is (open, choose); and scrolling,
 * which Playwright does by itself before a click: swipes are not counted.
 */

interface TapState {
  count: number;
  firstAt: number | null;
}

declare global {
  interface Window {
    __kioskTaps?: TapState;
  }
}

/** Counts presses from the next document the page loads (call before `page.goto`). */
export async function countTaps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state: TapState = { count: 0, firstAt: null };
    window.__kioskTaps = state;
    window.addEventListener(
      'pointerdown',
      (event) => {
        if (!event.isTrusted) return;
        state.firstAt ??= Date.now();
        state.count += 1;
      },
      { capture: true },
    );
  });
}

/** The presses so far, and when the first was made (ms since the epoch, the page's clock). */
export async function readTaps(page: Page): Promise<TapState> {
  return page.evaluate(() => ({ ...(window.__kioskTaps ?? { count: 0, firstAt: null }) }));
}

/** Starts the count again (e.g. after a set-up done by hand that is not part of the journey). */
export async function resetTaps(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__kioskTaps) Object.assign(window.__kioskTaps, { count: 0, firstAt: null });
  });
}

/**
 * A native select: one press opens its list, one chooses. Playwright's `selectOption` presses neither, so
 * the select is clicked (one counted press) and the choice is counted as the second.
 */
export async function pickFromSelect(page: Page, selector: string, label: string): Promise<void> {
  const select = page.locator(selector);
  await select.click();
  await select.selectOption({ label });
  await page.evaluate(() => {
    if (window.__kioskTaps) window.__kioskTaps.count += 1;
  });
}

/** Digits on the on-screen number pad, one press per digit. */
export async function typeDigitsOnScreen(page: Page, digits: string): Promise<void> {
  const osk = page.getByTestId('osk');
  await expect(osk).toHaveAttribute('data-kind', 'numeric');
  for (const d of digits) await osk.getByRole('button', { name: d, exact: true }).click();
}

/**
 * Where a journey's presses went: `mark(label)` files the presses made since the previous mark under
 * `label` (labels may repeat: they add up), so the breakdown always sums to the page's own count.
 */
export class TapMeter {
  private last = 0;
  readonly parts: { label: string; taps: number }[] = [];

  constructor(private readonly page: Page) {}

  async mark(label: string): Promise<number> {
    const { count } = await readTaps(this.page);
    const taps = count - this.last;
    this.last = count;
    const part = this.parts.find((p) => p.label === label);
    if (part) part.taps += taps;
    else this.parts.push({ label, taps });
    return taps;
  }

  total(): number {
    return this.parts.reduce((sum, p) => sum + p.taps, 0);
  }
}

export interface JourneyResult {
  procedure: string;
  taps: number;
  ms: number;
  breakdown: { label: string; taps: number }[];
}

const results = fileURLToPath(new URL('../../../test-results/', import.meta.url));

/**
 * Writes this journey's figures to test-results/taps/<procedure>.json and gathers every journey's into
 * test-results/taps.json (journeys run in parallel workers: each writes its own file, then the whole).
 */
export function writeJourney(result: JourneyResult): void {
  const dir = join(results, 'taps');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${result.procedure}.json`), JSON.stringify(result, null, 2));
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as JourneyResult)
    .sort((a, b) => a.procedure.localeCompare(b.procedure));
  writeFileSync(join(results, 'taps.json'), JSON.stringify(all, null, 2));
}
