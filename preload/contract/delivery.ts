/**
 * Contract: how a dossier's result reaches the citizen (at the counter or by post) and how to reach them.
 * Its own module, importing zod alone, because the renderer's delivery step checks its fields with these
 * very schemas at run time (renderer/src/screens/dossier/lib/delivery.ts): the renderer's lint allows a
 * runtime import from this file and transport.ts only, so the rest of the contract stays out of its bundle.
 */
import { z } from 'zod';

const Phone = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9,10}$/, { message: 'phone-format' });

export const PostalAddressSchema = z.object({
  recipient: z.string().trim().min(1).max(120),
  street: z.string().trim().min(1).max(200),
  ward: z.string().trim().min(1).max(120),
  province: z.string().trim().min(1).max(120),
  phone: Phone,
});

export const DeliverySchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('counter') }),
  z.object({ method: z.literal('post'), address: PostalAddressSchema }),
]);
export type Delivery = z.infer<typeof DeliverySchema>;

export const ContactSchema = z.object({
  phone: Phone.optional(),
  email: z.email().max(120).optional(),
});
