/**
 * Vietnamese messages for the sync screens, under the `sync` key of vi.ts. `sync.en.ts` has the
 * same keys (typed against this object, and a unit test checks every language).
 */
export const syncVi = {};
