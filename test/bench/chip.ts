import { randomBytes } from 'node:crypto';
import { createDemoCard, DEMO_MRZ_INFORMATION, readCard } from '../../main/core/devices/chip';
import { median, ms, percentile } from './stats';

const RUNS = 40;
const WARMUP = 3;

/**
 * Full BAC + secure-messaging read of EF.COM, DG1 and DG13 against the software card: the kiosk's own
 * protocol and crypto cost, excluding the reader's radio latency (which dominates on real hardware:
 * typically 20–60 ms per APDU over NFC, ~12 APDUs here).
 */
export async function benchChip(): Promise<Record<string, number>> {
  const random = (n: number) => new Uint8Array(randomBytes(n));
  const times: number[] = [];
  let apdus = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const card = createDemoCard();
    const t0 = performance.now();
    const result = await readCard(card, { mrzInformation: DEMO_MRZ_INFORMATION, random });
    const elapsed = performance.now() - t0;
    if (!result.personal?.idNumber) throw new Error('the software card read returned no DG13');
    if (i >= WARMUP) times.push(elapsed);
    apdus = card.log.length;
  }
  return {
    'chip.bacRead.median.ms': ms(median(times)),
    'chip.bacRead.p95.ms': ms(percentile(times, 95)),
    'chip.bacRead.runs': RUNS,
    'chip.bacRead.apdus': apdus,
  };
}
