import { type HandlersOf, requireStaff } from '../handlers';
import type { AddressBook } from './service';

/**
 * The contract's `address.*` methods. Access (citizen for reading addresses, staff for the datasets,
 * admin to install one) is checked by the dispatcher before these run; the install writes its audit row
 * in its own transaction (service.ts).
 */
export function createAddressHandlers(deps: { book: AddressBook }): HandlersOf<'address.'> {
  const { book } = deps;
  return {
    'address.resolve': (input) => book.resolve(input.text, input.asOf),
    'address.search': (input) => ({ communes: book.search(input.query, input.provinceCode, input.asOf) }),
    'address.provinces': (input) => ({ provinces: book.provinces(input.asOf) }),
    'address.dataset': () => ({ datasets: book.datasets() }),
    'address.installDataset': (input, ctx) => book.install(input.dataset, requireStaff(ctx)),
  };
}
