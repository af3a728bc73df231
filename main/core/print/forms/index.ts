import { type TicketFonts } from '../fonts';
import type { PrintJobs } from '../jobs';
import { FORM_JOB_KIND, type FormJobPayload, type FormName } from '../payloads';
import { type RefusalData, type SupplementData } from './data';
import { type FormPdfOptions } from './header';
import { refusalPdf } from './refusal';
import { supplementPdf } from './supplement';
import { FORM_WORDS, type FormWords } from './words';

/** The data each printable annex form takes. */
export interface FormDataOf {
  supplement: SupplementData;
  refusal: RefusalData;
}

/** The A4 PDF of a form job's payload (what printers.ts sends to a system printer). */
export function formPdf(payload: FormJobPayload, options: FormPdfOptions = {}): Promise<Uint8Array> {
  return payload.form === 'supplement'
    ? supplementPdf(payload.data, options)
    : refusalPdf(payload.data, options);
}

export interface FormsOptions {
  printJobs: Pick<PrintJobs, 'enqueue'>;
  /** An A4 (system) printer: a thermal printer fails the job with printer-needs-a4. */
  printerId: string;
  words?: FormWords;
  fonts?: TicketFonts;
}

/**
 * Mẫu 02 and Mẫu 03 as print jobs, like the receipts (receipt.ts): a job stores the form's data, the
 * printer renders it when it goes out, so a reprint after a restart needs nothing else.
 */
export function createForms(options: FormsOptions) {
  const { printJobs, printerId, fonts } = options;
  const words = options.words ?? FORM_WORDS;
  const payloadOf = <F extends FormName>(form: F, data: FormDataOf[F]): FormJobPayload =>
    ({ form, data }) as FormJobPayload;
  return {
    /**
     * One job, ref `<form>:<code>` (or the form alone for a counter draft without a code). Only writes a
     * row: call it inside the transaction that records the request or refusal, `printJobs.kick()` after.
     */
    enqueue<F extends FormName>(form: F, data: FormDataOf[F]): number {
      const ref = data.code ? `${form}:${data.code}` : form;
      return printJobs.enqueue({ printerId, kind: FORM_JOB_KIND, ref, payload: payloadOf(form, data) });
    },
    /** The form as an A4 PDF (what is printed), for the screen and for download. */
    pdf<F extends FormName>(form: F, data: FormDataOf[F]): Promise<Uint8Array> {
      return formPdf(payloadOf(form, data), { fonts, words });
    },
  };
}

export type Forms = ReturnType<typeof createForms>;
