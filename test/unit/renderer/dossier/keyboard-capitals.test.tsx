// The on-screen keyboard's own capitals (issue 22, fewer taps): a name field starts each word with a
// capital without Shift, one tap on Shift gives a small letter instead, a pressed Shift still waits for its
// letter; and which e-form fields ask for it (names, ethnic groups, countries; not a relationship).
import { describe, expect, it } from 'vitest';
import { SEED_PROCEDURES } from '../../../../main/core/catalogue/seed';
import type { Procedure } from '../../../../preload/api';
import { capitalHere, shiftAfter } from '../../../../renderer/src/components/keyboard/layout';
import { createFormValidation } from '../../../../renderer/src/screens/dossier/form/validator';
import { FormStep } from '../../../../renderer/src/screens/dossier/steps/FormStep';
import { render } from '../render';

describe('capitals by themselves', () => {
  it('at the start of each word of a name, and nowhere in a field that does not ask', () => {
    expect(capitalHere('', 0, 'words')).toBe(true);
    expect(capitalHere('Nguyễn ', 7, 'words')).toBe(true);
    expect(capitalHere('Nguyễn M', 8, 'words')).toBe(false);
    expect(capitalHere('', 0, 'off')).toBe(false);
    expect(capitalHere('', 0, '')).toBe(false);
    expect(capitalHere('Xin chào. ', 10, 'sentences')).toBe(true);
    expect(capitalHere('Xin chào ', 9, 'sentences')).toBe(false);
  });

  it('an automatic shift ends with its letter or where no capital is wanted; a lock and a pressed one stay', () => {
    expect(shiftAfter('off', false, true)).toBe('auto');
    expect(shiftAfter('auto', true, false)).toBe('off');
    expect(shiftAfter('auto', false, false)).toBe('off');
    expect(shiftAfter('once', false, false)).toBe('once');
    expect(shiftAfter('once', true, false)).toBe('off');
    expect(shiftAfter('lock', true, false)).toBe('lock');
  });
});

describe('which fields ask for them', () => {
  const khaiSinh = SEED_PROCEDURES.find((p) => p.id === 'dang-ky-khai-sinh') as Procedure;
  const html = render(
    <FormStep
      procedure={khaiSinh}
      formData={{}}
      onChange={() => undefined}
      validation={createFormValidation(false)}
      extraErrors={{}}
      tried={false}
      errorCount={0}
      checking={false}
      formContext={{ filled: new Set(), noDiacritics: new Set(), verified: new Set() }}
      formRef={null}
      chosenSlot={null}
      onChooseSlot={() => undefined}
      onChip={() => undefined}
    />,
  );
  const attr = (id: string): string | undefined =>
    new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0].match(/autoCapitalize="(\w+)"/i)?.[1];

  it('names, ethnic groups and countries: each word; a relationship or an ID: none', () => {
    expect(attr('root_tre_fullName')).toBe('words');
    expect(attr('root_me_ethnicity')).toBe('words');
    expect(attr('root_tre_nationality')).toBe('words');
    expect(attr('root_nguoiYeuCau_quanHe')).toBe('off');
    expect(attr('root_me_idNumber')).toBe('off');
  });
});
