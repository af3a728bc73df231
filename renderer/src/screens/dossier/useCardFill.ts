/**
 * The person fields' auto-fill, as a hook the wizard uses: which person the citizen chose, what each card
 * put where (so later edits drop the highlight, and a second card may replace a first card's values
 * without asking), and the two questions a fill may need: "whose card is this?" and "replace what you
 * typed?". The decisions themselves are the pure functions of lib/persons.ts.
 */
import { useMemo, useState } from 'react';
import type { Procedure } from '../../../../preload/api';
import {
  applyFill,
  fieldId,
  planFill,
  slotSchema,
  undoFill,
  type CardReading,
  type FormData,
  type Json,
  type PendingConflict,
  type PersonKey,
} from './lib/persons';
import { valueAt } from './lib/steps';
import type { DossierFormContext } from './form/theme';

export type FillOutcome =
  | {
      kind: 'filled';
      path: string;
      name: string;
      verified: boolean;
      /** What the card put into `path`, and what those fields held before (to undo a carried card). */
      values: Partial<Record<PersonKey, Json>>;
      before: FormData;
    }
  | { kind: 'ask-who'; reading: CardReading }
  | { kind: 'conflict'; conflict: PendingConflict }
  | { kind: 'no-persons' }
  | { kind: 'no-slot' };

type FromCard = Record<string, Partial<Record<PersonKey, Json>>>;

export function useCardFill(
  procedure: Procedure | null,
  formData: FormData,
  onChange: (data: FormData) => void,
) {
  const [chosenSlot, setChosenSlot] = useState<string | null>(null);
  const [fromCard, setFromCard] = useState<FromCard>({});
  const [mrzSlots, setMrzSlots] = useState<ReadonlySet<string>>(new Set());
  const [verifiedSlots, setVerifiedSlots] = useState<ReadonlySet<string>>(new Set());

  const slots = procedure?.form.persons ?? [];
  const chosen = chosenSlot ?? (slots.length === 1 ? (slots[0]?.path ?? null) : null);

  /** Fills `path` from the reading; with `force`, conflicting fields take the card's values too. */
  const fill = (path: string, reading: CardReading, force: boolean, data = formData): FillOutcome => {
    if (!procedure) return { kind: 'no-persons' };
    const schema = slotSchema(procedure.form.schema, path);
    if (!schema) return { kind: 'no-slot' };
    const current = data[path];
    const slot = current && typeof current === 'object' && !Array.isArray(current) ? current : undefined;
    const plan = planFill(schema, slot, reading, fromCard[path]);
    const values: Partial<Record<PersonKey, Json>> = { ...plan.values };
    if (force) for (const c of plan.conflicts) values[c.key] = c.incoming;
    onChange(applyFill(data, path, values));
    setFromCard((prev) => ({ ...prev, [path]: { ...prev[path], ...values } }));
    const mark = (set: ReadonlySet<string>, on: boolean): ReadonlySet<string> => {
      const next = new Set(set);
      if (on) next.add(path);
      else next.delete(path);
      return next;
    };
    setMrzSlots((s) => mark(s, reading.noDiacritics));
    setVerifiedSlots((s) => mark(s, reading.verified));
    if (!force && plan.conflicts.length > 0)
      return { kind: 'conflict', conflict: { path, reading, conflicts: plan.conflicts } };
    const name = reading.person.fullName ?? '';
    return { kind: 'filled', path, name, verified: reading.verified, values, before: slot ?? {} };
  };

  /**
   * A card scanned before this filing (on the home screen): it fills the applicant, the form's first
   * person, as if scanned here, in `data` (the new draft's, not yet this render's form data).
   */
  const carry = (reading: CardReading, data: FormData): FillOutcome => {
    const applicant = slots[0]?.path;
    return applicant ? fill(applicant, reading, false, data) : { kind: 'no-persons' };
  };

  /** "Không phải người nộp": what a fill put into `path` comes out again, as it was before. */
  const unfill = (outcome: Extract<FillOutcome, { kind: 'filled' }>): void => {
    onChange(undoFill(formData, outcome.path, outcome.values, outcome.before));
    setFromCard((prev) => {
      const { [outcome.path]: _dropped, ...rest } = prev;
      return rest;
    });
  };

  /** A card was read: fill the chosen person, or ask whose card it is. */
  const receive = (reading: CardReading, slot?: string): FillOutcome => {
    if (slots.length === 0) return { kind: 'no-persons' };
    const path = slot ?? chosen;
    if (!path) return { kind: 'ask-who', reading };
    return fill(path, reading, false);
  };

  const formContext = useMemo<DossierFormContext>(() => {
    const filled = new Set<string>();
    const noDiacritics = new Set<string>();
    for (const [path, values] of Object.entries(fromCard)) {
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined || valueAt(formData, `${path}.${key}`) !== value) continue;
        const id = fieldId(`${path}.${key}`);
        filled.add(id);
        if (key === 'fullName' && mrzSlots.has(path)) noDiacritics.add(id);
      }
    }
    const verified = new Set([...verifiedSlots].map((path) => fieldId(path)));
    return { filled, noDiacritics, verified };
  }, [fromCard, formData, mrzSlots, verifiedSlots]);

  return { chosenSlot: chosen, setChosenSlot, receive, fill, carry, unfill, formContext };
}
