import type { HandlersOf } from '../handlers';
import type { Catalogue } from './index';

/** The public catalogue methods of the contract: read-only, no staff session needed. */
export function createCatalogueHandlers(deps: { catalogue: Catalogue }): HandlersOf<'catalogue.'> {
  const { catalogue } = deps;
  return {
    'catalogue.search': (input) => catalogue.search(input.query, input.field),
    'catalogue.fields': () => catalogue.fields(),
    'catalogue.get': (input) => catalogue.get(input.id),
  };
}
