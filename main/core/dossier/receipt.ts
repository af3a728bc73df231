import type { KioskConfig } from '../config/schema';
import { MAX_PURPOSE_LENGTH, vietQrPayload } from '../payment/vietqr';
import {
  type AttachmentRow,
  type SubmittedRow,
  applicantOf,
  deliveryOf,
  procedureOf,
  receptionOf,
} from './rows';
import type { Procedure, ReceiptData } from './types';

/**
 * The VietQR transfer note for a dossier: its code's last dash-separated segments, as many as fit in
 * the 25 characters EMVCo allows (field 62-08). A provisional code `000.00.12.H29-K01-240815-0007`
 * (29 characters) gives `K01-240815-0007`; an official one `000.00.12.H29-240815-0007` (25) fits
 * whole. The unit id is what gets dropped: the money goes to this centre's own account, so the
 * centre's accountant only needs what tells its dossiers apart — the kiosk, the day and the number.
 */
export function paymentPurpose(code: string): string {
  const segments = code.split('-');
  let purpose = segments.pop() ?? '';
  while (segments.length > 0 && `${segments.at(-1)}-${purpose}`.length <= MAX_PURPOSE_LENGTH)
    purpose = `${segments.pop()}-${purpose}`;
  return purpose.slice(-MAX_PURPOSE_LENGTH);
}

/** A VietQR for the fee when the procedure is level 4, has a fee, and the centre has an account. */
export function feePayment(
  procedure: Procedure,
  code: string,
  config: Pick<KioskConfig, 'payment'>,
  paid: boolean,
): { payload: string; paid: boolean } | null {
  if (procedure.level !== 4 || procedure.fee.amount <= 0 || !config.payment) return null;
  const payload = vietQrPayload({
    account: config.payment,
    amount: procedure.fee.amount,
    purpose: paymentPurpose(code),
  });
  return { payload, paid };
}

/**
 * Everything the receipt (Mẫu 01) prints, from the stored dossier: used right after submit and for a
 * staff reprint, so both give the same paper. The citizen's own receipt carries the full ID number.
 */
export function buildReceiptData(input: {
  row: SubmittedRow;
  attachments: readonly AttachmentRow[];
  config: KioskConfig;
}): ReceiptData {
  const { row, attachments, config } = input;
  const procedure = procedureOf(row);
  const applicant = applicantOf(row);
  const documents = procedure.components
    .map((component) => {
      const files = attachments.filter((a) => a.componentId === component.id);
      return { component, files };
    })
    // The declaration (from the e-form) is always handed in; other papers only when attached.
    .filter(({ component, files }) => component.fromForm || files.length > 0)
    .map(({ component, files }) => ({
      name: component.name,
      form: component.form,
      copies: component.copies,
      files: files.length,
      pages: files.reduce((sum, f) => sum + f.pages, 0),
    }));
  const reception = receptionOf(row);
  // Mẫu 01 once an officer (or the portal) received it, from that moment; the slip before, from the submit.
  const received = reception.state !== 'pending';
  return {
    stage: received ? 'received' : 'submitted',
    code: row.code,
    // The kiosk's code stays "tạm" (provisional) until the portal's official code is known.
    provisional: row.portalCode === null,
    lookupSecret: row.lookupSecret,
    portalCode: row.portalCode,
    centre: {
      name: config.centre.name,
      address: config.centre.address ?? null,
      unitCode: config.centre.unitCode,
      agency: config.centre.agency ?? null,
      receivingUnit: config.centre.receivingUnit,
    },
    kioskId: config.kioskId,
    applicant: { ...applicant, fullName: applicant.fullName ?? '' },
    procedure: { code: procedure.code, name: procedure.name, processingDays: procedure.processingDays },
    documents,
    sets: procedure.sets,
    receivedAt: (received ? reception.at : null) ?? row.receivedAt,
    dueDate: row.dueDate,
    dueEstimated: row.dueEstimated === 1,
    timeZone: config.timeZone,
    delivery: deliveryOf(row),
    // The officer who received it; a pre-2025 self-service dossier was received by the kiosk (null).
    receivedBy: received ? (reception.by ?? (reception.source === 'portal' ? null : row.assistedName)) : null,
    ...(received && reception.source !== null ? { receivedVia: reception.source } : {}),
    fee: procedure.fee,
    payment: feePayment(procedure, row.code, config, row.paid === 1),
  };
}
