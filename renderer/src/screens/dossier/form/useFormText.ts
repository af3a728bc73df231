import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import { makeTransformErrors, type FormErrorKey } from './errors';

/**
 * The words react-jsonschema-form needs from us: Vietnamese (or English) validation messages and its
 * button labels. Shared by the filing wizard's form step and the staff correction dialog.
 */
export function useFormText() {
  const { t } = useTranslation();
  const transformErrors = useMemo(
    () => makeTransformErrors((key: FormErrorKey, vars) => t(`dossier.form.errorsText.${key}`, vars ?? {})),
    [t],
  );
  const translateString = useMemo(() => {
    const words: Partial<Record<TranslatableString, string>> = {
      [TranslatableString.AddButton]: t('dossier.form.rjsf.add'),
      [TranslatableString.AddItemButton]: t('dossier.form.rjsf.add'),
      [TranslatableString.RemoveButton]: t('dossier.form.rjsf.remove'),
      [TranslatableString.MoveUpButton]: t('dossier.form.rjsf.moveUp'),
      [TranslatableString.MoveDownButton]: t('dossier.form.rjsf.moveDown'),
      [TranslatableString.YesLabel]: t('dossier.form.rjsf.yes'),
      [TranslatableString.NoLabel]: t('dossier.form.rjsf.no'),
      [TranslatableString.ArrayItemTitle]: t('dossier.form.rjsf.item'),
      [TranslatableString.EmptyArray]: t('dossier.form.rjsf.empty'),
    };
    return (key: TranslatableString, params?: string[]): string =>
      words[key] ?? englishStringTranslator(key, params);
  }, [t]);
  return { transformErrors, translateString };
}
