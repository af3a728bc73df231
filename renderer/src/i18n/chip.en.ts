import type { chipVi } from './chip.vi';

/** English messages for the chip screens: the same keys as `chip.vi.ts`. */
export const chipEn: typeof chipVi = {};
