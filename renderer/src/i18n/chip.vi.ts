/**
 * Vietnamese messages for the chip screens, under the `chip` key of vi.ts. `chip.en.ts` has the
 * same keys (typed against this object, and a unit test checks every language).
 */
export const chipVi = {};
