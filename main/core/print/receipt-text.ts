import type { ProcedureComponent } from '../../../preload/api';
import { FORM_WORDS, type FormWords, fill } from './forms/words';
import { nfc } from './layout';
import type { ReceiptData } from './receipt-data';
import { formatIssuedAt } from './ticket';

/**
 * The facts of the dossier receipt (Mẫu 01, Thông tư 03/2025/TT-VPCP) and of the self-service submission
 * slip, shared by the A4 PDF and the 80 mm print so both say exactly the same. Everything printed comes
 * from `ReceiptData` and the words (forms/words.ts); nothing is guessed.
 */
const PAPER_FORM: Record<ProcedureComponent['form'], keyof FormWords['receipt']['paperForms']> = {
  original: 'original',
  copy: 'copy',
  'certified-copy': 'certifiedCopy',
  'original-or-copy': 'originalOrCopy',
};

export { nfc };

const number = new Intl.NumberFormat('vi-VN');
const two = (n: number): string => String(n).padStart(2, '0');

/** "Hà Nội" from "…, phường Ba Đình, thành phố Hà Nội": the place name of the date line (địa danh). */
export function placeOf(address: string | null): string | null {
  const last = address?.split(',').pop()?.trim();
  if (!last) return null;
  return nfc(last.replace(/^(thành phố|tp\.?|tỉnh)\s+/iu, '')) || null;
}

/** The local day and time of an instant in the centre's time zone. */
export function localParts(
  iso: string,
  timeZone: string,
): { day: string; month: string; year: string; time: string } {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`receivedAt is not an instant: ${iso}`);
  const [date = '', time = ''] = formatIssuedAt(at, timeZone).split(' ');
  const [day = '', month = '', year = ''] = date.split('/');
  return { day, month, year, time };
}

/** "01/12/2026" from "2026-12-01" (a calendar day: no time zone applies). */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`dueDate is not YYYY-MM-DD: ${day}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "Hà Nội, ngày 23 tháng 11 năm 2026" (or "Ngày …" when the centre has no address): every form's date line. */
export function placeDate(words: FormWords, address: string | null, iso: string, timeZone: string): string {
  const { day, month, year } = localParts(iso, timeZone);
  const place = placeOf(address);
  return place
    ? fill(words.common.placeDate, { place, day, month, year })
    : fill(words.common.date, { day, month, year });
}

export interface ReceiptFacts {
  stage: ReceiptData['stage'];
  /** "01" for Mẫu 01; null for the slip, which is not an annex form. */
  formNumber: string | null;
  title: string;
  agency: string | null;
  receivingUnit: string;
  centreName: string;
  /** "Hà Nội, ngày 23 tháng 11 năm 2026" (or "Ngày …" when the centre has no address). */
  placeDate: string;
  code: string;
  /** The "Mã tra cứu", or null (a dossier filed before receipts carried one). */
  secret: string | null;
  /** What the lookup QR carries: `<code>#<secret>`, or the code alone without a secret. */
  qr: string;
  procedure: string;
  applicantName: string;
  /** "Tiếp nhận hồ sơ của: " on Mẫu 01, "Người nộp hồ sơ: " on the slip. */
  applicantLabel: string;
  /**
   * Label and value pairs of the applicant block, only those known; `note` marks a line printed smaller
   * (the card's old address under the new one, so the receipt keeps to one page).
   */
  applicant: { label: string; value: string; note?: true }[];
  documents: { index: number; name: string; form: string; copies: string; files: string }[];
  sets: string;
  processing: string;
  /** Label and value: received at (Mẫu 01) or submitted at (slip). */
  receivedLabel: string;
  received: string;
  /** The due line's label; the slip's says "dự kiến" itself. */
  dueLabel: string;
  due: string;
  /** The roll version's received and due lines, whole. */
  roll: { received: string; due: string };
  delivery: string;
  fee: string;
  /** Null when the receipt has no payment to show. */
  payment: { state: string; payload: string | null } | null;
  receiver: string;
  receiverHint: string;
  /** The slip's note in place of the receiving officer's signature; null on Mẫu 01. */
  slipNote: string | null;
  /** Document title (PDF metadata). */
  documentTitle: string;
}

function deliveryText(data: ReceiptData, words: FormWords): string {
  const T = words.receipt;
  const centre = nfc(data.centre.name);
  const unit = nfc(data.centre.receivingUnit);
  if (data.delivery.method === 'counter') {
    return unit.toLocaleLowerCase('vi') === centre.toLocaleLowerCase('vi')
      ? centre
      : fill(T.atCounter, { unit, centre });
  }
  const a = data.delivery.address;
  const address = [a.street, a.ward, a.province].map(nfc).join(', ');
  return fill(T.byPost, { recipient: nfc(a.recipient), address, phone: a.phone });
}

function feeText(data: ReceiptData, words: FormWords): string {
  const text = nfc(data.fee.text);
  if (data.fee.amount === 0) return text || words.receipt.noFee;
  const amount = fill(words.receipt.amount, { amount: number.format(data.fee.amount) });
  return text && text !== amount ? `${amount} (${text})` : amount;
}

/** Checks what would make a receipt wrong rather than ugly: a missing code or a nonsense count. */
function check(data: ReceiptData): void {
  if (!data.code.trim()) throw new RangeError('Receipt without a dossier code');
  if (!Number.isInteger(data.sets) || data.sets < 1) throw new RangeError(`Bad number of sets ${data.sets}`);
  if (!Number.isInteger(data.procedure.processingDays) || data.procedure.processingDays < 0) {
    throw new RangeError(`Bad processing time ${data.procedure.processingDays}`);
  }
}

export function receiptFacts(data: ReceiptData, words: FormWords = FORM_WORDS): ReceiptFacts {
  check(data);
  const T = words.receipt;
  const slip = data.stage === 'submitted';
  const centreName = nfc(data.centre.name);
  const received = localParts(data.receivedAt, data.timeZone);
  const { day, month, year } = received;
  const code = nfc(data.code);
  const applicant = [
    { label: T.idNumber, value: data.applicant.idNumber },
    { label: T.address, value: data.applicant.address },
    { label: T.addressOnCard, value: data.applicant.addressOnCard, note: true as const },
    { label: T.phone, value: data.applicant.phone },
    { label: T.email, value: data.applicant.email },
  ].flatMap(({ label, value, note }) =>
    value?.trim() ? [{ label, value: nfc(value), ...(note ? { note } : {}) }] : [],
  );
  const days = data.procedure.processingDays;
  const receivedAt = fill(T.at, { time: received.time, date: `${day}/${month}/${year}` });
  const dueDate = formatDay(data.dueDate);
  // The slip's due date is always an estimate: the clock starts only when an officer receives it.
  const due = slip
    ? fill(T.dueValue, { date: dueDate })
    : `${fill(T.dueValue, { date: dueDate })}${data.dueEstimated ? ` ${words.common.estimated}` : ''}`;
  const staff = data.receivedBy?.trim() ? nfc(data.receivedBy) : null;
  return {
    stage: data.stage,
    formNumber: slip ? null : '01',
    title: slip ? words.slip.title : T.title,
    agency: data.centre.agency?.trim() ? nfc(data.centre.agency) : null,
    receivingUnit: nfc(data.centre.receivingUnit),
    centreName,
    placeDate: placeDate(words, data.centre.address, data.receivedAt, data.timeZone),
    code,
    secret: data.lookupSecret,
    qr: data.lookupSecret === null ? code : `${code}#${data.lookupSecret}`,
    procedure: nfc(data.procedure.name),
    applicantName: nfc(data.applicant.fullName),
    applicantLabel: slip ? words.slip.applicant : T.applicant,
    applicant,
    documents: data.documents.map((d, i) => ({
      index: i + 1,
      name: nfc(d.name),
      form: T.paperForms[PAPER_FORM[d.form]],
      copies: fill(T.copies, { copies: d.copies }),
      files: d.files > 0 ? fill(T.files, { files: d.files, pages: d.pages }) : '—',
    })),
    sets: fill(T.setsValue, { sets: two(data.sets) }),
    processing: days === 0 ? T.sameDay : fill(T.processingDays, { days }),
    receivedLabel: slip ? words.slip.submitted : T.received,
    received: receivedAt,
    dueLabel: slip ? words.slip.due : T.due,
    due,
    roll: slip
      ? {
          received: fill(words.slip.rollSubmitted, { at: receivedAt }),
          due: fill(words.slip.rollDue, { date: due }),
        }
      : { received: fill(T.roll.received, { at: receivedAt }), due: fill(T.roll.due, { date: due }) },
    delivery: deliveryText(data, words),
    fee: feeText(data, words),
    payment: data.payment
      ? data.payment.paid
        ? { state: T.paid, payload: null }
        : { state: T.unpaid, payload: data.payment.payload }
      : null,
    receiver:
      staff ??
      (data.receivedVia === 'portal' ? T.portalReceiver : fill(T.kioskReceiver, { kiosk: data.kioskId })),
    receiverHint: staff
      ? words.common.signHint
      : data.receivedVia === 'portal'
        ? T.portalSignHint
        : T.kioskSignHint,
    slipNote: slip ? words.slip.note : null,
    documentTitle: fill(slip ? words.slip.documentTitle : T.documentTitle, { code }),
  };
}
