/**
 * The delivery step's fields, checked with the contract's own schemas (preload/contract/delivery.ts), so
 * the screen and main agree on what a phone number or an address is. Pure.
 */
import type { Delivery, Dossier } from '../../../../../preload/api';
import { ContactSchema, PostalAddressSchema } from '../../../../../preload/contract/delivery';

export interface DeliveryDraft {
  method: 'counter' | 'post';
  recipient: string;
  street: string;
  ward: string;
  province: string;
  postPhone: string;
  phone: string;
  email: string;
}

export type DeliveryField = Exclude<keyof DeliveryDraft, 'method'>;
export type DeliveryErrorKey = 'required' | 'phone' | 'email' | 'tooLong';

export function draftOf(dossier: Pick<Dossier, 'delivery' | 'contact'>): DeliveryDraft {
  const address = dossier.delivery.method === 'post' ? dossier.delivery.address : null;
  return {
    method: dossier.delivery.method,
    recipient: address?.recipient ?? '',
    street: address?.street ?? '',
    ward: address?.ward ?? '',
    province: address?.province ?? '',
    postPhone: address?.phone ?? '',
    phone: dossier.contact.phone ?? '',
    email: dossier.contact.email ?? '',
  };
}

const ADDRESS_FIELDS: Record<string, DeliveryField> = {
  recipient: 'recipient',
  street: 'street',
  ward: 'ward',
  province: 'province',
  phone: 'postPhone',
};

function keyOf(issue: { code: string; message: string }): DeliveryErrorKey {
  if (issue.message === 'phone-format') return 'phone';
  if (issue.code === 'too_big') return 'tooLong';
  if (issue.code === 'invalid_format') return 'email';
  return 'required';
}

export interface DeliveryCheck {
  errors: Partial<Record<DeliveryField, DeliveryErrorKey>>;
  delivery: Delivery;
  contact: { phone?: string; email?: string };
}

export function checkDelivery(draft: DeliveryDraft, postal: boolean): DeliveryCheck {
  const errors: DeliveryCheck['errors'] = {};
  let delivery: Delivery = { method: 'counter' };
  if (postal && draft.method === 'post') {
    const parsed = PostalAddressSchema.safeParse({
      recipient: draft.recipient,
      street: draft.street,
      ward: draft.ward,
      province: draft.province,
      phone: draft.postPhone,
    });
    if (parsed.success) delivery = { method: 'post', address: parsed.data };
    else
      for (const issue of parsed.error.issues) {
        const field = ADDRESS_FIELDS[String(issue.path[0])];
        if (field && !errors[field]) errors[field] = keyOf(issue);
      }
  }
  const contactInput: { phone?: string; email?: string } = {};
  if (draft.phone.trim() !== '') contactInput.phone = draft.phone.trim();
  if (draft.email.trim() !== '') contactInput.email = draft.email.trim();
  const contact = ContactSchema.safeParse(contactInput);
  if (!contact.success)
    for (const issue of contact.error.issues) {
      const field = issue.path[0] === 'email' ? 'email' : 'phone';
      if (!errors[field])
        errors[field] = field === 'email' && issue.code !== 'too_big' ? 'email' : keyOf(issue);
    }
  return { errors, delivery, contact: contact.success ? contact.data : contactInput };
}
