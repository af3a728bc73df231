/**
 * Vietnamese messages for the staffDossier screens, under the `staffDossier` key of vi.ts. `staffDossier.en.ts` has the
 * same keys (typed against this object, and a unit test checks every language).
 */
export const staffDossierVi = {};
