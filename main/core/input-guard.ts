import type { MethodName } from '../../preload/api';
import { checkFormNesting } from './dossier/sanitize';
import { MAX_INPUT_NODES, findTooDeep } from './depth';
import { KioskFailure, kioskError } from './errors';

/**
 * Before any input meets its schema: zod walks a value by recursion (`z.json()` in dossier.update, for
 * one), so JSON nested 10,000 deep overflowed the stack in `safeParse` and came back as a 500. These
 * checks walk the value with an explicit stack instead, and refuse it before the schema sees it.
 */

/** Deeper than any contract input needs: e-form data is at most 12 below `data` (dossier/sanitize.ts). */
export const MAX_INPUT_DEPTH = 32;

const tooDeep = (path: string) =>
  kioskError(
    'invalid-input',
    `Thông tin gửi lên lồng nhau quá sâu ở mục "${path}".`,
    `Invalid input at "${path}": nested too deeply.`,
    path,
  );

const tooLarge = () =>
  kioskError('too-large', 'Dữ liệu gửi lên quá lớn.', 'The input has too many parts to be checked.');

/**
 * Methods whose refusal of a deep value is their own: a dossier form nested too deep is `form-too-large`
 * (422) at any depth, not only at the depths the schema survives.
 */
const specific: Partial<Record<MethodName, (input: unknown) => void>> = {
  'dossier.update': checkFormNesting,
  'dossier.correct': checkFormNesting,
};

/** Throws a `KioskFailure` for an input too deep or too large to walk; runs before schema parsing. */
export function guardInput(name: MethodName, input: unknown): void {
  specific[name]?.(input);
  const problem = findTooDeep(input, MAX_INPUT_DEPTH, MAX_INPUT_NODES);
  if (problem === null) return;
  throw new KioskFailure(problem.kind === 'large' ? tooLarge() : tooDeep(problem.path.join('.')));
}
