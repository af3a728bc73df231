/**
 * Small text helpers the dossier screens share: time, fee and level of a procedure in the screen's
 * language. Kept as plain functions of `t` so screens stay short.
 */
import type { TFunction } from 'i18next';
import type { Fee, FileKindName, Problem } from '../../../../preload/api';
import { errorText } from '../../api';
import { fieldLabel } from './lib/steps';
import { formatAmount, langOf } from './lib/format';

export function daysText(t: TFunction, days: number): string {
  return days === 0 ? t('dossier.common.sameDay') : t('dossier.common.days', { count: days });
}

export function feeText(t: TFunction, fee: Pick<Fee, 'amount'>, language: string): string {
  return fee.amount === 0
    ? t('dossier.common.free')
    : t('dossier.common.amount', { amount: formatAmount(fee.amount, langOf(language)) });
}

export function levelText(t: TFunction, level: 3 | 4): string {
  return level === 4 ? t('dossier.common.level4') : t('dossier.common.level3');
}

export function kindsText(t: TFunction, kinds: readonly FileKindName[]): string {
  return kinds.map((k) => t(`dossier.paper.kinds.${k}`)).join(', ');
}

/**
 * A completeness problem shown under its own field: main's sentence names the field ("Mẹ – Ngày sinh:
 * chưa điền"), which the field's label above already says, so only what to do is kept.
 */
export function fieldProblemText(
  t: TFunction,
  problem: Problem,
  language: string,
  schema: { [key: string]: unknown } | null,
): string {
  if (problem.code === 'form-required') return t('dossier.form.errorsText.required');
  if (problem.code === 'form-choice') return t('dossier.form.errorsText.choose');
  const text = errorText(problem, language);
  if (!problem.field || !schema) return text;
  const prefix = `${fieldLabel(schema, problem.field)}: `;
  if (!text.startsWith(prefix)) return text;
  const rest = text.slice(prefix.length);
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}
