/** Dossiers (ARCHITECTURE.md "The data flow of a dossier"); see README.md in this folder. */
export { createDossiers, type Dossiers, type DossierDeps } from './service';
export { createDossierHandlers, type DossierHandlers } from './handlers';
export { ticketDossierLink } from './ticket-link';
export { buildReceiptData, feePayment, paymentPurpose } from './receipt';
export { BLOB_FOLDER, blobPath } from './blobs';
export { extractApplicant, type Applicant } from './applicant';
export type { ProcedureSource, ReceiptSink, ReceiptData } from './types';
export { ADDRESS_STEP, upgradeAddressesAtStart, upgradeStoredAddresses } from './address-upgrade';
