import type { keepVi } from './keep.vi';

/** English messages for keeping a draft and linking a ticket: the same keys as `keep.vi.ts`. */
export const keepEn: typeof keepVi = {
  saveButton: 'Save and continue later',
  askStaffButton: 'Ask an officer for help',
  confirm: {
    title: 'Save to continue later?',
    slip: 'The kiosk will print a slip with a save code.',
    bring: 'When you come back, bring this code and enter your date of birth to continue.',
    kept: 'The dossier is kept until the date on the slip; after that it is deleted.',
    ok: 'Save and print the slip',
    cancel: 'Keep filling in',
  },
  birth: {
    title: 'Your date of birth',
    body: 'To continue later you will be asked for the save code and this date of birth.',
    label: 'Date of birth (day/month/year)',
    hint: 'For example 05/09/1990',
    invalid: 'Please enter your whole date of birth, for example 05/09/1990.',
    ok: 'Save',
  },
  saving: 'Saving the dossier…',
  failed: 'The dossier could not be saved.',
  saved: {
    heading: 'Your dossier is saved',
    codeLabel: 'Save code',
    keptUntil: 'Kept until the end of {{date}}',
    printed: 'The slip with the code is printing. Please take it.',
    notPrinted: 'The kiosk could not print the slip. Please write this code down.',
    howTo:
      'To continue: choose "File a dossier", then "Continue a saved dossier", and enter this code and your date of birth.',
    done: 'Done',
  },
  resume: {
    entry: 'Continue a saved dossier',
    entryHint: 'You have a slip with a save code',
    title: 'Continue a saved dossier',
    lead: 'Enter the code printed on your save slip and your date of birth.',
    codeLabel: 'Save code',
    codeHint: 'For example H7K2QD',
    submit: 'Open the dossier',
    opening: 'Opening the dossier…',
    back: 'Back',
    wrong: 'The code or the date of birth is not right. Please check them.',
    locked: 'Too many wrong tries. Please ask an officer at the counter.',
    codeInvalid: 'The code is 6 letters and digits printed on the slip, for example H7K2QD.',
  },
  queue: {
    draftLink:
      'This ticket is linked to the dossier you are filling in: the officer opens it when calling you.',
    receiptLink: 'This ticket is linked to dossier {{code}}',
    unlink: 'Do not link a dossier',
    backToDossier: 'Back to the dossier',
    scanHint: 'Already filed? Scan the QR code on your receipt to link this ticket to your dossier.',
    receiptWithoutSecret:
      'This receipt has no lookup code, so it cannot be linked to a ticket. You can still take a number.',
  },
  ticket: {
    dossier: 'The officer will open your dossier when calling number {{number}}',
    receipt: 'This ticket is linked to dossier {{code}}',
  },
  receipt: {
    ticket: 'Take a number to see an officer',
  },
};
