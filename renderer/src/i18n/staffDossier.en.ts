import type { staffDossierVi } from './staffDossier.vi';

/** English messages for the staffDossier screens: the same keys as `staffDossier.vi.ts`. */
export const staffDossierEn: typeof staffDossierVi = {};
