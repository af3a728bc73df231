/**
 * Vietnamese messages for the dossier screens, under the `dossier` key of vi.ts. `dossier.en.ts` has the
 * same keys (typed against this object, and a unit test checks every language).
 */
export const dossierVi = {};
