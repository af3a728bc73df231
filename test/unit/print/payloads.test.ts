import { describe, expect, it } from 'vitest';
import {
  checkJobPayload,
  parkSlipData,
  receiptJobPayload,
  sampleReceipt,
  ticketJobPayload,
  type ParkSlipJobPayload,
} from '../../../main/core/print';
import { ticketPayload } from './helpers';

const slip: ParkSlipJobPayload = {
  centreName: 'UBND phường Ba Đình',
  parkCode: 'H7K2QD',
  procedureName: 'Chứng thực bản sao từ bản chính',
  keptUntil: '2026-11-30T02:00:00.000Z',
  parkedBy: 'Chị Lan',
  printedAt: '2026-11-23T02:00:00.000Z',
  language: 'vi',
};

describe('print job payloads: one schema per kind', () => {
  it('accepts what each kind stores, as it stores it (through JSON)', () => {
    const post = sampleReceipt({
      delivery: {
        method: 'post',
        address: {
          recipient: 'Nguyễn Văn An',
          street: '12 Phố Huế',
          ward: 'Phường Hai Bà Trưng',
          province: 'Hà Nội',
          phone: '0912345678',
        },
      },
      payment: { payload: '000201010212', paid: false },
      receivedBy: 'Chị Lan',
    });
    const stored = (payload: unknown): unknown => JSON.parse(JSON.stringify(payload));
    for (const [kind, payload] of [
      ['ticket', ticketPayload()],
      ['ticket', { ...ticketPayload(), priorityLabel: 'Người cao tuổi', language: 'en' }],
      ['receipt', { data: sampleReceipt(), format: 'a4' }],
      ['receipt', { data: post, format: '80mm' }],
      ['park-slip', slip],
      ['park-slip', { ...slip, parkedBy: null }],
    ] as const) {
      expect(checkJobPayload(kind, stored(payload))).toEqual({ ok: true, payload });
    }
  });

  it('names the kind and the first field that does not match, and an unknown kind', () => {
    const broken = { ...ticketPayload(), ticket: { ...ticketPayload().ticket, number: 7 } };
    expect(checkJobPayload('ticket', broken)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^ticket payload does not match its schema at ticket\.number: /),
    });
    expect(checkJobPayload('receipt', { data: sampleReceipt(), format: 'a5' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('at format'),
    });
    expect(checkJobPayload('poster', {})).toEqual({ ok: false, reason: 'unknown print job kind poster' });
    expect(checkJobPayload('toString', {})).toMatchObject({ ok: false });
  });

  it('reads each kind for the printer, throwing a TypeError on a damaged one', () => {
    expect(ticketJobPayload(ticketPayload())).toEqual(ticketPayload());
    expect(() => ticketJobPayload({ centreName: 'UBND' })).toThrow(TypeError);
    const { documents: _dropped, ...noDocuments } = sampleReceipt();
    expect(() => receiptJobPayload({ data: noDocuments, format: 'a4' })).toThrow(TypeError);
    // A park slip reads leniently where it always did: no name prints no "kept by", an odd language is vi.
    expect(parkSlipData({ ...slip, parkedBy: 3, language: 'fr' })).toMatchObject({
      parkedBy: null,
      language: 'vi',
      keptUntil: new Date(slip.keptUntil),
    });
    expect(() => parkSlipData({ ...slip, printedAt: undefined })).toThrow(TypeError);
  });

  it('reads a receipt job queued before receipts carried the card’s address, as having none', () => {
    const { addressOnCard: _new, ...before } = sampleReceipt().applicant;
    const data = { ...sampleReceipt(), applicant: before };
    expect(receiptJobPayload({ data, format: 'a4' }).data.applicant.addressOnCard).toBeNull();
  });

  it('reads a receipt job queued before the 2025 forms as Mẫu 01 of the default unit, without an agency', () => {
    const { stage: _stage, ...before } = sampleReceipt();
    const { agency: _agency, receivingUnit: _unit, ...centre } = before.centre;
    const read = receiptJobPayload({ data: { ...before, centre }, format: 'a4' }).data;
    expect(read.stage).toBe('received');
    expect(read.centre).toMatchObject({ agency: null, receivingUnit: 'Bộ phận Tiếp nhận và Trả kết quả' });
  });
});
