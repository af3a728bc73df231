// Delivery checks, the stored draft id, the receipt's print state, camera problems, formatting.
import { describe, expect, it } from 'vitest';
import type { PrintJobEvent } from '../../../../preload/api';
import {
  checkDelivery,
  draftOf,
  type DeliveryDraft,
} from '../../../../renderer/src/screens/dossier/lib/delivery';
import { clearDraft, readDraft, writeDraft } from '../../../../renderer/src/screens/dossier/lib/draft';
import { receiptPrintView } from '../../../../renderer/src/screens/dossier/lib/print';
import {
  base64OfDataUrl,
  cameraProblem,
  captureSize,
} from '../../../../renderer/src/screens/dossier/lib/camera';
import {
  formatAmount,
  formatBytes,
  formatDateTime,
  formatDay,
  inLang,
} from '../../../../renderer/src/screens/dossier/lib/format';
import { moved } from '../../../../renderer/src/screens/dossier/steps/AttachmentsStep';

const empty: DeliveryDraft = {
  method: 'counter',
  recipient: '',
  street: '',
  ward: '',
  province: '',
  postPhone: '',
  phone: '',
  email: '',
};

describe('delivery and contact', () => {
  it('at the counter with no contact is fine', () => {
    expect(checkDelivery(empty, true)).toEqual({ errors: {}, delivery: { method: 'counter' }, contact: {} });
  });

  it('by post needs every address line and a phone, all named at once', () => {
    const out = checkDelivery({ ...empty, method: 'post', street: 'Số 1', postPhone: '123' }, true);
    expect(out.errors).toEqual({
      recipient: 'required',
      ward: 'required',
      province: 'required',
      postPhone: 'phone',
    });
  });

  it('by post with a whole address gives the contract’s delivery', () => {
    const out = checkDelivery(
      {
        ...empty,
        method: 'post',
        recipient: 'An',
        street: 'Số 1',
        ward: 'Bến Nghé',
        province: 'TP HCM',
        postPhone: '0912345678',
      },
      true,
    );
    expect(out.errors).toEqual({});
    expect(out.delivery).toEqual({
      method: 'post',
      address: { recipient: 'An', street: 'Số 1', ward: 'Bến Nghé', province: 'TP HCM', phone: '0912345678' },
    });
  });

  it('post is ignored where the procedure does not offer it', () => {
    expect(checkDelivery({ ...empty, method: 'post' }, false).delivery).toEqual({ method: 'counter' });
  });

  it('checks a phone and an e-mail only when given', () => {
    expect(checkDelivery({ ...empty, phone: '09123', email: 'not-an-email' }, true).errors).toEqual({
      phone: 'phone',
      email: 'email',
    });
    expect(checkDelivery({ ...empty, phone: ' 0912345678 ', email: 'an@example.vn' }, true).contact).toEqual({
      phone: '0912345678',
      email: 'an@example.vn',
    });
  });

  it('starts from what the draft has', () => {
    expect(
      draftOf({
        delivery: {
          method: 'post',
          address: { recipient: 'A', street: 'B', ward: 'C', province: 'D', phone: '0912345678' },
        },
        contact: { email: 'a@b.vn' },
      }),
    ).toEqual({
      ...empty,
      method: 'post',
      recipient: 'A',
      street: 'B',
      ward: 'C',
      province: 'D',
      postPhone: '0912345678',
      email: 'a@b.vn',
    });
  });
});

describe('the stored draft id', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
      map,
    };
  };
  const id = '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718';
  const draftToken = 'q2Xh0bN7rX4cT9vLw1sYk8uF3mZp6aEd5gHj2Ri0PoA';

  it('is written, read back and cleared', () => {
    const store = memory();
    writeDraft({ id, procedureId: 'dang-ky-khai-sinh', draftToken }, store);
    expect(readDraft(store)).toEqual({ id, procedureId: 'dang-ky-khai-sinh', draftToken });
    clearDraft(store);
    expect(readDraft(store)).toBeNull();
  });

  it('ignores anything that is not a draft id (never sends garbage to dossier.get)', () => {
    const store = memory();
    store.setItem('kiosk.dossierDraft', '{not json');
    expect(readDraft(store)).toBeNull();
    store.setItem('kiosk.dossierDraft', JSON.stringify({ id: '../../x', procedureId: 'a' }));
    expect(readDraft(store)).toBeNull();
    expect(readDraft(null)).toBeNull();
  });

  it('drops a draft stored without its token (an older version): it could not be opened anyway', () => {
    const store = memory();
    store.setItem('kiosk.dossierDraft', JSON.stringify({ id, procedureId: 'dang-ky-khai-sinh' }));
    expect(readDraft(store)).toBeNull();
    store.setItem('kiosk.dossierDraft', JSON.stringify({ id, procedureId: 'a', draftToken: 'x"<y' }));
    expect(readDraft(store)).toBeNull();
  });
});

describe('the receipt’s print state', () => {
  const ev = (jobId: number, status: PrintJobEvent['status'], error = false): PrintJobEvent => ({
    jobId,
    ref: `receipt:${jobId}`,
    status,
    error: error ? { code: 'printer-offline', vi: 'x', en: 'x' } : null,
  });
  it('is done when every copy is printed, queued before anything happened', () => {
    expect(receiptPrintView([1, 2], [])).toBe('queued');
    expect(receiptPrintView([1, 2], [ev(1, 'done')])).toBe('sent');
    expect(receiptPrintView([1, 2], [ev(1, 'done'), ev(2, 'done')])).toBe('done');
  });
  it('a problem or a failure on any copy shows', () => {
    expect(receiptPrintView([1, 2], [ev(1, 'done'), ev(2, 'queued', true)])).toBe('problem');
    expect(receiptPrintView([1, 2], [ev(1, 'failed', true), ev(2, 'done')])).toBe('failed');
  });
  it('ignores other jobs, and says so when nothing was sent to a printer', () => {
    expect(receiptPrintView([1], [ev(9, 'failed', true)])).toBe('queued');
    expect(receiptPrintView([], [])).toBe('none');
  });
});

describe('camera', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'missing'],
    ['NotReadableError', 'busy'],
    ['TypeError', 'unsupported'],
    [undefined, 'other'],
  ] as const)('%s → %s', (name, problem) => {
    expect(cameraProblem(name)).toBe(problem);
  });
  it('sends the base64 body of a JPEG or PNG only', () => {
    expect(base64OfDataUrl('data:image/jpeg;base64,/9j/4AAQ')).toBe('/9j/4AAQ');
    expect(base64OfDataUrl('data:text/html;base64,PGI+')).toBeNull();
  });
  it('scales a large capture down, never up', () => {
    expect(captureSize(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(captureSize(1280, 720)).toEqual({ width: 1280, height: 720 });
  });
});

describe('reordering papers', () => {
  it('moves up and down, and not past the ends', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('formatting', () => {
  it('writes amounts, days and times the Vietnamese way', () => {
    expect(formatAmount(1500000, 'vi')).toBe('1.500.000');
    expect(formatAmount(1500000, 'en')).toBe('1,500,000');
    expect(formatDay('2026-11-23')).toBe('23/11/2026');
    expect(formatDateTime('2026-11-23T01:05:00.000Z')).toBe('08:05 23/11/2026');
    expect(formatBytes(2_500_000, 'vi')).toBe('2,5 MB');
    expect(formatBytes(300, 'en')).toBe('1 KB');
    expect(inLang('Hộ tịch', 'Civil status', 'en')).toBe('Civil status');
    expect(inLang('Hộ tịch', '', 'en')).toBe('Hộ tịch');
  });
});
