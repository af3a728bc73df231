import type { handoverVi } from './handover.vi';

/** English messages for the counter's hand-over from ticket to counter: the same keys as `handover.vi.ts`. */
export const handoverEn: typeof handoverVi = {
  linked: {
    label: 'Dossier attached:',
    state: {
      draft: 'in progress',
      parked: 'in progress',
      submitted: 'submitted, awaiting reception',
    },
    open: 'Open dossier',
    openLabel: 'Open dossier: {{procedure}}, ticket {{number}}',
  },
  opened: {
    back: 'Back to the counter',
    opening: 'Opening the dossier…',
    receptionTitle: 'Receive dossier {{code}}',
    loading: 'Loading the dossier…',
    done: 'Dossier {{code}} has been dealt with at the counter.',
    state: 'Reception: {{state}}',
    procedure: 'Procedure: {{name}}',
    applicant: 'Applicant: {{name}}',
    printing: 'Printing…',
  },
  scan: {
    title: 'Dossiers of the card just scanned',
    help: "Scan the citizen's ID card to open a dossier they left unfinished, or the QR code on a receipt to receive a dossier already submitted.",
    looking: 'Looking for the dossiers of the card just scanned…',
    empty: 'No unfinished dossier for this card.',
    procedure: 'Procedure',
    startedAt: 'Started at',
    open: 'Open',
    openLabel: 'Open: {{procedure}}, started at {{time}}',
    close: 'Close',
  },
};
