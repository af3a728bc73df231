/**
 * The filing wizard's steps and where each problem of the completeness check sends the person. Pure.
 *
 *   privacy → form → attachments → delivery → check → review → (receipt)
 *
 * The person fields (auto-fill from a card) live inside the form step, beside the fields they fill.
 */
import type { KioskError, Problem } from '../../../../../preload/api';
import { fieldId, resolveRef, type FormData, type Json } from './persons';

export const STEPS = ['privacy', 'form', 'attachments', 'delivery', 'check', 'review'] as const;
export type Step = (typeof STEPS)[number];

export function stepIndex(step: Step): number {
  return STEPS.indexOf(step);
}

export function nextStep(step: Step): Step {
  return STEPS[Math.min(stepIndex(step) + 1, STEPS.length - 1)] ?? step;
}

export function previousStep(step: Step): Step {
  return STEPS[Math.max(stepIndex(step) - 1, 0)] ?? step;
}

/** Where fixing a problem happens, and what to focus there. */
export type ProblemTarget =
  | { step: 'form'; focusId: string }
  | { step: 'attachments'; componentId: string }
  | { step: 'delivery'; focusId: string | null };

/** Paths of the form data may come with a `data.` prefix from main; the form itself has none. */
export function formPath(field: string): string {
  return field.replace(/^data\./, '');
}

const DELIVERY_FIELDS: Record<string, string> = {
  'contact.phone': 'contact-phone',
  'contact.email': 'contact-email',
  'delivery.address.recipient': 'post-recipient',
  'delivery.address.street': 'post-street',
  'delivery.address.ward': 'post-ward',
  'delivery.address.province': 'post-province',
  'delivery.address.phone': 'post-phone',
};

export function problemTarget(problem: Pick<Problem, 'field' | 'componentId'>): ProblemTarget | null {
  if (problem.componentId) return { step: 'attachments', componentId: problem.componentId };
  const field = problem.field;
  if (!field) return null;
  if (field === 'delivery' || field === 'contact' || /^(delivery|contact)\./.test(field))
    return { step: 'delivery', focusId: DELIVERY_FIELDS[field] ?? null };
  return { step: 'form', focusId: fieldId(formPath(field)) };
}

/** The DOM id of the delivery step's input for a contract field path (`contact.phone` …). */
export function deliveryFieldId(path: string): string | null {
  return DELIVERY_FIELDS[path] ?? null;
}

/**
 * Problems about form fields as an rjsf `extraErrors` schema, so each shows under its own field:
 * `child.fullName` → `{ child: { fullName: { __errors: ['…'] } } }`.
 */
export type ErrorTree = { __errors?: string[]; [key: string]: ErrorTree | string[] | undefined };

export function errorTree(items: readonly { field?: string | undefined; message: string }[]): ErrorTree {
  const root: ErrorTree = {};
  for (const item of items) {
    if (!item.field) continue;
    let node = root;
    for (const part of formPath(item.field).split('.')) {
      if (part === '' || part === '__errors') continue;
      const child = node[part];
      const next: ErrorTree = child && !Array.isArray(child) ? child : {};
      node[part] = next;
      node = next;
    }
    node.__errors = [...(node.__errors ?? []), item.message];
  }
  return root;
}

export function isFormProblem(problem: Pick<Problem, 'field' | 'componentId'>): boolean {
  return problemTarget(problem)?.step === 'form';
}

/** An error of `dossier.update` about one form field (markup in a name …), as a problem-like item. */
export function fieldOfError(error: KioskError): string | undefined {
  return error.field ? formPath(error.field) : undefined;
}

/** The value at a dotted path in the form data, for the review summary. */
export function valueAt(data: FormData, path: string): Json | undefined {
  let node: Json | undefined = data;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

/**
 * A field's name as the form shows it, with its group: `tre.hometown` → "Trẻ được khai sinh – Quê quán".
 * Falls back to the path when the schema has no titles.
 */
export function fieldLabel(root: { [key: string]: unknown }, path: string): string {
  const titles: string[] = [];
  let node: { [key: string]: unknown } | null = root;
  for (const part of formPath(path).split('.')) {
    const properties: unknown = node?.properties;
    if (!node || typeof properties !== 'object' || properties === null) return titles.join(' – ') || path;
    const raw = (properties as Record<string, unknown>)[part];
    node = resolveRef(raw, root);
    // A title beside a $ref names this use of the definition ("Người yêu cầu"), so it wins.
    const own = typeof raw === 'object' && raw !== null ? (raw as { title?: unknown }).title : undefined;
    const title = typeof own === 'string' ? own : node?.title;
    titles.push(typeof title === 'string' ? title : part);
  }
  return titles.join(' – ');
}

/** Refusals of dossier.update that the form says in its own words under the field. */
export function refusalKey(code: string): 'markup' | 'control' | null {
  if (code === 'text-markup-refused') return 'markup';
  if (code === 'text-control-refused') return 'control';
  return null;
}
