import type { dossierVi } from './dossier.vi';

/** English messages for the dossier screens: the same keys as `dossier.vi.ts`. */
export const dossierEn: typeof dossierVi = {};
