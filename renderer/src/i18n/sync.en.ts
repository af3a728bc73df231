import type { syncVi } from './sync.vi';

/** English messages for the sync screens: the same keys as `sync.vi.ts`. */
export const syncEn: typeof syncVi = {};
