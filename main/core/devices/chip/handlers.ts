import type { Handlers } from '../../handlers';
import type { ChipService } from './service';

/** The chip's two contract methods, for `createCore` to spread into its domain handlers. */
export function createChipHandlers({
  chip,
}: {
  chip: ChipService;
}): Pick<Handlers, 'identity.readChip' | 'identity.chipStatus'> {
  return {
    'identity.readChip': (input) => chip.readChip(input),
    'identity.chipStatus': () => chip.status(),
  };
}
