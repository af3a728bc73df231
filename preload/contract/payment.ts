/**
 * Contract: paying a fee by VietQR (EMVCo, NAPAS) to the centre's account. Rules as in base.ts.
 */
import { z } from 'zod';
import { method, type MethodTable } from './base';

export const paymentMethods = {
  'payment.vietQr': method({
    access: 'citizen',
    input: z.strictObject({
      amount: z.number().int().min(1).max(9_999_999_999),
      purpose: z.string().max(60),
    }),
    output: z.object({ payload: z.string() }),
    summary: "A VietQR payload (EMVCo, NAPAS) for the centre's account with this amount and purpose.",
  }),
} as const satisfies MethodTable;
