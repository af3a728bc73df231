import { loadShippedDataset } from '../../main/core/address/dataset';
import { resolveAddress } from '../../main/core/address/resolve';
import { foldText } from '../../main/core/address/text';
import { buildChain } from '../../main/core/address/world';
import { median, ms, percentile } from './stats';

const ADDRESSES = 10_000;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * `address.resolve`'s own cost (main/core/address) over 10,000 old addresses generated from the shipped
 * dataset in the spellings cards and people use (as written, no diacritics, abbreviated, lower case, with
 * a street in front), and what loading the dataset costs: its time and the process's RSS before and after.
 */
export async function benchAddress(): Promise<Record<string, number>> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const dataset = loadShippedDataset();
  const t1 = performance.now();
  const chain = buildChain([dataset]);
  const loadedAt = performance.now();
  global.gc?.();
  const rssAfter = process.memoryUsage().rss;
  const heapAfter = process.memoryUsage().heapUsed;

  const districts = new Map(
    dataset.before.districts.map(([code, name, province]) => [code, { name, province }]),
  );
  const provinces = new Map(dataset.before.provinces);
  const spell = [
    (s: string) => s,
    (s: string) => foldText(s),
    (s: string) => s.toLowerCase(),
    (s: string) =>
      s
        .replace(/Phường /g, 'P. ')
        .replace(/Quận /g, 'Q. ')
        .replace(/Huyện /g, 'H. ')
        .replace(/Xã /g, 'X. ')
        .replace(/Thành phố /g, 'TP. ')
        .replace(/Tỉnh /g, ''),
    (s: string) => `Số 12 ngõ 3 đường Lê Lợi, ${s}`,
  ];
  const texts: string[] = [];
  const communes = dataset.before.communes;
  for (let i = 0; texts.length < ADDRESSES; i++) {
    const c = communes[(i * 7919) % communes.length];
    const d = c && districts.get(c[2]);
    if (!c || !d) continue;
    const write = spell[i % spell.length];
    if (write) texts.push(write(`${c[1]}, ${d.name}, ${provinces.get(d.province) ?? ''}`));
  }

  const times: number[] = [];
  let found = 0;
  for (const text of texts) {
    const s = performance.now();
    const r = resolveAddress(chain, text, 1);
    times.push(performance.now() - s);
    if (r.candidates.length > 0) found++;
  }
  return {
    'address.load.json+check.ms': ms(t1 - t0),
    'address.load.index.ms': ms(loadedAt - t1),
    'address.rss.before.MB': mb(rssBefore),
    'address.rss.loaded.MB': mb(rssAfter),
    // What the loaded dataset and its index hold on to, after a garbage collection (--expose-gc).
    'address.heap.held.MB': mb(heapAfter - heapBefore),
    'address.resolve.count': texts.length,
    'address.resolve.withCandidates': found,
    'address.resolve.p50.ms': ms(median(times) * 100) / 100,
    'address.resolve.p95.ms': ms(percentile(times, 95) * 100) / 100,
    'address.resolve.max.ms': ms(Math.max(...times)),
  };
}
