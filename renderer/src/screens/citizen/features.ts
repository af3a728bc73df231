import type { Feature } from '../../../../preload/api';

export type { Feature };

/**
 * The citizen features in tile order. Typed against the contract's `Feature`, so adding one to the
 * contract without a tile here is a compile error (the `satisfies` below).
 */
export const featureOrder = [
  'queue',
  'procedures',
  'dossier',
  'tracking',
] as const satisfies readonly Feature[];
type Missing = Exclude<Feature, (typeof featureOrder)[number]>;
const _everyFeatureHasATile: [Missing] extends [never] ? true : never = true;
