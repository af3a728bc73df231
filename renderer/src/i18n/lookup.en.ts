import type { lookupVi } from './lookup.vi';

/** English messages for the lookup screens: the same keys as `lookup.vi.ts`. */
export const lookupEn: typeof lookupVi = {};
