// The staff "Hồ sơ" and "Đồng bộ" tabs, the satisfaction report and the citizen's online note: the rules
// behind them, and static renders of what staff read.
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { PrintJobEvent, SyncStatus } from '../../../../preload/api';
import { createI18n } from '../../../../renderer/src/i18n';
import {
  base64ToBytes,
  cleanParkCode,
  isParkCode,
  looksLikePdf,
  newestFirst,
  receiptFileName,
  reprintView,
} from '../../../../renderer/src/screens/staff/dossierModel';
import {
  byOldest,
  canRetryAll,
  countTiles,
  listsChanged,
} from '../../../../renderer/src/screens/staff/syncModel';
import { shares } from '../../../../renderer/src/screens/staff/SatisfactionReport';
import { loadWizard, type WizardProps } from '../../../../renderer/src/screens/staff/WizardHost';
import { indicatorState } from '../../../../renderer/src/components/OnlineIndicator';
import { render } from '../render';

const job = (jobId: number, status: PrintJobEvent['status'], error = false): PrintJobEvent => ({
  jobId,
  ref: 'receipt:x',
  status,
  error: error ? { code: 'printer-offline', vi: 'Máy in tắt', en: 'Printer off' } : null,
});

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  portalConfigured: true,
  online: true,
  waiting: 0,
  sending: 0,
  attention: 0,
  synced: 0,
  lastContactAt: null,
  nextAttemptAt: null,
  ...over,
});

describe('reprinting a receipt', () => {
  it('is done only when every copy printed', () => {
    expect(reprintView([1, 2], [job(1, 'done')]).view).toBe('sent');
    expect(reprintView([1, 2], [job(1, 'done'), job(2, 'sent'), job(2, 'done')]).view).toBe('done');
  });

  it('one copy given up makes it failed, with that printer error', () => {
    const r = reprintView([1, 2], [job(1, 'done'), job(2, 'failed', true)]);
    expect(r.view).toBe('failed');
    expect(r.error?.code).toBe('printer-offline');
  });

  it('an error while retrying is a problem; events of other jobs are ignored', () => {
    expect(reprintView([1], [job(1, 'queued', true)]).view).toBe('problem');
    expect(reprintView([1], [job(9, 'failed', true)]).view).toBe('sent');
  });

  it('no job at all means no receipt printer', () => {
    expect(reprintView([], []).view).toBe('none');
  });
});

describe('receipt file', () => {
  it('decodes base64 to the exact bytes and recognises a PDF by its header', () => {
    const pdf = base64ToBytes(Buffer.from('%PDF-1.7\n%âãÏÓ').toString('base64'));
    expect(looksLikePdf(pdf)).toBe(true);
    expect(pdf[9]).toBe(0x25);
    expect(looksLikePdf(base64ToBytes(Buffer.from('<html>').toString('base64')))).toBe(false);
  });

  it('names the download after the code, safely', () => {
    expect(receiptFileName('000.00.12.H29-K01-261123-0007')).toBe(
      'bien-nhan-000.00.12.H29-K01-261123-0007.pdf',
    );
    expect(receiptFileName('a/b\\c')).toBe('bien-nhan-a_b_c.pdf');
  });
});

describe('park codes and lists', () => {
  it('a typed park code is upper case letters and digits, 4 to 8', () => {
    expect(cleanParkCode(' h7k-2qd ')).toBe('H7K2QD');
    expect(cleanParkCode('ABCDEFGHIJ')).toBe('ABCDEFGH');
    expect(isParkCode('H7K')).toBe(false);
    expect(isParkCode('H7K2')).toBe(true);
  });

  it('the day list is newest first; the attention list oldest first', () => {
    const rows = [{ receivedAt: '2026-11-23T01:00:00Z' }, { receivedAt: '2026-11-23T03:00:00Z' }];
    expect(newestFirst(rows)[0]?.receivedAt).toBe('2026-11-23T03:00:00Z');
    const refused = [{ since: '2026-11-23T03:00:00Z' }, { since: '2026-11-22T03:00:00Z' }];
    expect(byOldest(refused)[0]?.since).toBe('2026-11-22T03:00:00Z');
  });
});

describe('sync counts', () => {
  it('the attention count is the one that alerts, and only when not zero', () => {
    expect(countTiles(status({ attention: 2 })).find((c) => c.key === 'attention')?.tone).toBe('alert');
    expect(countTiles(status()).find((c) => c.key === 'attention')?.tone).toBe('plain');
    expect(countTiles(status({ waiting: 5, synced: 3 })).map((c) => [c.key, c.value])).toEqual([
      ['waiting', 5],
      ['sending', 0],
      ['attention', 0],
      ['synced', 3],
    ]);
  });

  it('lists are fetched again when a count with rows or the link changed, not on a probe', () => {
    expect(listsChanged(null, status())).toBe(true);
    expect(listsChanged(status(), status({ attention: 1 }))).toBe(true);
    expect(listsChanged(status(), status({ online: false }))).toBe(true);
    expect(listsChanged(status(), status({ lastContactAt: '2026-11-23T03:00:00Z' }))).toBe(false);
  });

  it('retry needs a portal', () => {
    expect(canRetryAll(null)).toBe(false);
    expect(canRetryAll(status({ portalConfigured: false }))).toBe(false);
    expect(canRetryAll(status())).toBe(true);
  });
});

describe('the citizen online note', () => {
  it('is hidden without a portal or a status, and says online or offline otherwise', () => {
    expect(indicatorState(null)).toBe('hidden');
    expect(indicatorState(status({ portalConfigured: false, online: false }))).toBe('hidden');
    expect(indicatorState(status())).toBe('online');
    expect(indicatorState(status({ online: false }))).toBe('offline');
  });

  it('its words are calm: offline says dossiers are still accepted', () => {
    const i18n = createI18n('vi');
    expect(i18n.t('sync.indicator.offline')).toBe(
      'Đang làm việc ngoại tuyến – hồ sơ vẫn được nhận và sẽ tự gửi đi',
    );
    expect(i18n.t('sync.indicator.online')).toBe('Đang kết nối');
  });
});

describe('procedure times in the picker', () => {
  it('a procedure done the same day says so rather than "0 days"', () => {
    const vi = createI18n('vi');
    expect(vi.t('staffDossier.file.days', { count: 0 })).toBe('Trả trong ngày');
    expect(vi.t('staffDossier.file.days', { count: 3 })).toBe('3 ngày làm việc');
    const en = createI18n('en');
    expect(en.t('staffDossier.file.days', { count: 1 })).toBe('1 working day');
    expect(en.t('staffDossier.file.days', { count: 0 })).toBe('Same day');
  });
});

describe('satisfaction shares', () => {
  it('whole percentages that add up to 100', () => {
    const s = shares({ 'very-satisfied': 1, satisfied: 1, unsatisfied: 1 });
    expect(s['very-satisfied'] + s.satisfied + s.unsatisfied).toBe(100);
    expect(s).toEqual({ 'very-satisfied': 34, satisfied: 33, unsatisfied: 33 });
    expect(shares({ 'very-satisfied': 7, satisfied: 2, unsatisfied: 1 })).toEqual({
      'very-satisfied': 70,
      satisfied: 20,
      unsatisfied: 10,
    });
  });

  it('all zero when nobody rated', () => {
    expect(shares({ 'very-satisfied': 0, satisfied: 0, unsatisfied: 0 })).toEqual({
      'very-satisfied': 0,
      satisfied: 0,
      unsatisfied: 0,
    });
  });
});

describe('the filing wizard for staff', () => {
  const props: WizardProps = { onExit: () => undefined, assisted: true };
  const html = (node: ReactNode) => render(node);

  it('uses the wizard when it is built', async () => {
    const Wizard = (p: WizardProps) => <p>wizard {p.assisted ? 'assisted' : 'citizen'}</p>;
    const { default: C } = await loadWizard({
      './DossierWizard.tsx': async () => ({ DossierWizard: Wizard }),
    });
    expect(html(<C {...props} />)).toContain('wizard assisted');
  });

  it('says plainly that it is missing when it is not built, lacks the export, or fails to load', async () => {
    const cases: Record<string, () => Promise<{ DossierWizard?: never }>>[] = [
      {},
      { './DossierWizard.tsx': async () => ({}) },
      { './DossierWizard.tsx': () => Promise.reject(new Error('chunk failed')) },
    ];
    for (const loaders of cases) {
      const { default: C } = await loadWizard(loaders);
      expect(html(<C {...props} />)).toContain('data-testid="wizard-missing"');
    }
  });
});
