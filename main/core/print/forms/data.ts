import { z } from 'zod';

/**
 * What the annex forms of Thông tư 03/2025/TT-VPCP print (DOMAIN.md "The 2025 reform"). main/core/dossier
 * builds these from the stored dossiers; the forms only lay them out, so nothing here is guessed.
 */

/** The centre as the forms' header names it. */
export interface FormUnit {
  centreName: string;
  /** The cơ quan above the receiving unit (e.g. "Ủy ban nhân dân phường Ba Đình"); null: none printed. */
  agency: string | null;
  /** Trung tâm Phục vụ hành chính công …, or Bộ phận Một cửa: who receives and returns dossiers. */
  receivingUnit: string;
  address: string | null;
  phone: string | null;
  timeZone: string;
}

export interface FormApplicant {
  fullName: string;
  idNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface FormProcedure {
  code: string;
  name: string;
  /** The catalogue's legal basis (căn cứ pháp lý), one act per line. */
  legalBasis: string[];
}

/** Mẫu 02: every paper to bring or correct, at once (the rule allows one request, complete). */
export interface SupplementData {
  unit: FormUnit;
  /** Null: a draft at the counter, no code yet. */
  code: string | null;
  applicant: FormApplicant;
  procedure: FormProcedure;
  items: { paper: string; request: string }[];
  portalNote: string | null;
  officer: string | null;
  /** ISO instant, the form's date. */
  at: string;
}

/** Mẫu 03: the refusal to receive a dossier, with its reason. */
export interface RefusalData {
  unit: FormUnit;
  code: string;
  applicant: FormApplicant;
  procedure: FormProcedure;
  reason: string;
  officer: string | null;
  at: string;
}

/** A status of a dossier's timeline as the forms track it: the national ones and the kiosk's `sent`. */
export type TrackedStatus =
  | 'submitted'
  | 'received'
  | 'refused'
  | 'processing'
  | 'supplement'
  | 'financial'
  | 'withdrawn'
  | 'stopped'
  | 'done'
  | 'returned'
  | 'sent';

/** One dossier as Mẫu 06 and Mẫu 07 track it. */
export interface TrackedDossier {
  code: string;
  portalCode: string | null;
  procedure: { code: string; name: string };
  applicant: { fullName: string; address: string | null; phone: string | null };
  sets: number;
  channel: 'kiosk' | 'counter';
  reception: 'pending' | 'received' | 'refused';
  submittedAt: string;
  receivedAt: string | null;
  receivedBy: string | null;
  /** YYYY-MM-DD. */
  dueDate: string;
  dueEstimated: boolean;
  refusalReason: string | null;
  /** The dossier's timeline, oldest first. */
  events: { status: TrackedStatus; at: string; note: string | null; source: 'kiosk' | 'portal' }[];
}

/** The dossiers of a day or a range, for the control slips (Mẫu 06) and the book (Mẫu 07). */
export interface TrackingData {
  unit: FormUnit;
  /** YYYY-MM-DD, both included. */
  from: string;
  to: string;
  printedAt: string;
  dossiers: TrackedDossier[];
}

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO instant');

export const FormUnitSchema = z.object({
  centreName: z.string().min(1),
  agency: z.string().nullable(),
  receivingUnit: z.string().min(1),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  timeZone: z.string().min(1),
}) satisfies z.ZodType<FormUnit>;

export const FormApplicantSchema = z.object({
  fullName: z.string().min(1),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
}) satisfies z.ZodType<FormApplicant>;

export const FormProcedureSchema = z.object({
  code: z.string(),
  name: z.string().min(1),
  legalBasis: z.array(z.string()),
}) satisfies z.ZodType<FormProcedure>;

export const SupplementDataSchema = z.object({
  unit: FormUnitSchema,
  code: z.string().min(1).nullable(),
  applicant: FormApplicantSchema,
  procedure: FormProcedureSchema,
  // A request with nothing to bring is not a Mẫu 02.
  items: z.array(z.object({ paper: z.string().min(1), request: z.string().min(1) })).min(1),
  portalNote: z.string().nullable(),
  officer: z.string().nullable(),
  at: instant,
}) satisfies z.ZodType<SupplementData>;

export const RefusalDataSchema = z.object({
  unit: FormUnitSchema,
  code: z.string().min(1),
  applicant: FormApplicantSchema,
  procedure: FormProcedureSchema,
  // The reason is what the form is for: a blank one is refused.
  reason: z.string().refine((s) => s.trim() !== '', 'a refusal needs its reason'),
  officer: z.string().nullable(),
  at: instant,
}) satisfies z.ZodType<RefusalData>;
