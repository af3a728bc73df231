import { ContactSchema, DeliverySchema } from '../../../preload/api';
import type { Attachment, CheckResult, Contact, Delivery, FormData, Problem, Procedure } from './types';

/**
 * The completeness check (DOMAIN.md: Mẫu 02 requires what is missing to be explained once and
 * completely). Every problem is collected, none stops the others, and each names where to fix it:
 * `field` for the form (paths in the form data, as the catalogue's validator gives them; `delivery.…`
 * and `contact.…` for those sections) or `componentId` for a required paper.
 *
 * Rules:
 * - the e-form's own validation (the catalogue's `validateForm`);
 * - every required paper that is not produced by the form (`fromForm`) has at least one file;
 * - every file is of a kind its paper accepts, and its stored copy is still on disk;
 * - delivery by post only where the procedure offers it, and with a complete address;
 * - a phone or e-mail to reach the citizen when the result goes by post or the procedure is level 4
 *   (toàn trình: the result and its notices come remotely), and whatever is given is well-formed.
 */

const KIND_NAMES = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' } as const;

const problem = (p: Problem): Problem => p;

const ADDRESS_LABELS: Record<string, { vi: string; en: string }> = {
  recipient: { vi: 'người nhận', en: 'recipient' },
  street: { vi: 'số nhà, đường', en: 'house number and street' },
  ward: { vi: 'phường/xã', en: 'ward/commune' },
  province: { vi: 'tỉnh/thành phố', en: 'province/city' },
  phone: { vi: 'số điện thoại người nhận', en: "recipient's phone" },
};

function componentProblems(
  procedure: Procedure,
  attachments: readonly Attachment[],
  fileExists: (sha256: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  for (const component of procedure.components) {
    if (component.fromForm) continue;
    const files = attachments.filter((a) => a.componentId === component.id);
    if (component.required && files.length === 0) {
      problems.push(
        problem({
          code: 'component-missing',
          vi: `Thiếu giấy tờ "${component.name}". Hãy đính kèm bản quét hoặc ảnh chụp.`,
          en: `Missing "${component.nameEn}". Attach a scan or a photo of it.`,
          componentId: component.id,
        }),
      );
    }
    const accepted = component.accept.map((k) => KIND_NAMES[k]).join(', ');
    for (const file of files) {
      if (!component.accept.includes(file.kind)) {
        problems.push(
          problem({
            code: 'component-wrong-kind',
            vi: `Tệp "${file.name}" của "${component.name}" là ${KIND_NAMES[file.kind]}; giấy tờ này chỉ nhận ${accepted}.`,
            en: `File "${file.name}" for "${component.nameEn}" is ${KIND_NAMES[file.kind]}; this paper accepts only ${accepted}.`,
            componentId: component.id,
          }),
        );
      } else if (!fileExists(file.sha256)) {
        problems.push(
          problem({
            code: 'attachment-lost',
            vi: `Tệp "${file.name}" của "${component.name}" không còn lưu trên ki-ốt. Hãy xoá và đính kèm lại.`,
            en: `File "${file.name}" for "${component.nameEn}" is no longer stored on the kiosk. Remove it and attach it again.`,
            componentId: component.id,
          }),
        );
      }
    }
  }
  return problems;
}

function deliveryProblems(procedure: Procedure, delivery: Delivery): Problem[] {
  if (delivery.method !== 'post') return [];
  if (!procedure.postal) {
    return [
      {
        code: 'post-not-offered',
        vi: 'Thủ tục này không gửi kết quả qua bưu điện. Hãy chọn nhận kết quả tại quầy.',
        en: 'This procedure does not send the result by post. Choose to collect it at the counter.',
        field: 'delivery.method',
      },
    ];
  }
  const parsed = DeliverySchema.safeParse(delivery);
  if (parsed.success) return [];
  const fields = new Set(
    parsed.error.issues.map((i) =>
      i.path[0] === 'address' ? String(i.path[1] ?? 'recipient') : 'recipient',
    ),
  );
  return [...fields].map((f) => {
    const label = ADDRESS_LABELS[f] ?? { vi: f, en: f };
    return {
      code: 'post-address-incomplete',
      vi: `Địa chỉ nhận kết quả qua bưu điện còn thiếu hoặc sai: ${label.vi}.`,
      en: `The postal address for the result is missing or wrong: ${label.en}.`,
      field: `delivery.address.${f}`,
    };
  });
}

function contactProblems(procedure: Procedure, delivery: Delivery, contact: Contact): Problem[] {
  const problems: Problem[] = [];
  const parsed = ContactSchema.safeParse(contact);
  if (!parsed.success) {
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    if (bad.has('phone'))
      problems.push({
        code: 'contact-phone-invalid',
        vi: 'Số điện thoại liên hệ không đúng (10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84).',
        en: 'The contact phone number is not valid (10 or 11 digits, starting with 0 or +84).',
        field: 'contact.phone',
      });
    if (bad.has('email'))
      problems.push({
        code: 'contact-email-invalid',
        vi: 'Địa chỉ thư điện tử liên hệ không đúng.',
        en: 'The contact e-mail address is not valid.',
        field: 'contact.email',
      });
  }
  const needed = delivery.method === 'post' || procedure.level === 4;
  if (needed && !contact.phone && !contact.email) {
    problems.push({
      code: 'contact-missing',
      vi:
        delivery.method === 'post'
          ? 'Kết quả gửi qua bưu điện: hãy cho số điện thoại hoặc thư điện tử để nhận thông báo.'
          : 'Thủ tục toàn trình: hãy cho số điện thoại hoặc thư điện tử để nhận thông báo kết quả.',
      en:
        delivery.method === 'post'
          ? 'The result goes by post: give a phone number or an e-mail for the notices.'
          : 'A full online procedure: give a phone number or an e-mail for notices of the result.',
      field: 'contact.phone',
    });
  }
  return problems;
}

export function checkDossier(input: {
  procedure: Procedure;
  data: FormData;
  delivery: Delivery;
  contact: Contact;
  attachments: readonly Attachment[];
  validateForm: (procedure: Procedure, data: FormData) => Problem[];
  fileExists: (sha256: string) => boolean;
}): CheckResult {
  const problems = [
    ...input.validateForm(input.procedure, input.data),
    ...componentProblems(input.procedure, input.attachments, input.fileExists),
    ...deliveryProblems(input.procedure, input.delivery),
    ...contactProblems(input.procedure, input.delivery, input.contact),
  ];
  return { complete: problems.length === 0, problems };
}
