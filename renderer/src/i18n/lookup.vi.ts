/**
 * Vietnamese messages for the lookup screens, under the `lookup` key of vi.ts. `lookup.en.ts` has the
 * same keys (typed against this object, and a unit test checks every language).
 */
export const lookupVi = {};
