import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, portalOpenApiYaml } from '../../portal/openapi';

/**
 * test/portal/openapi.yaml is generated from the protocol's zod schemas (preload/contract/portal.ts): a
 * change to a schema, a description or a route that is not followed by `npm run openapi` fails here.
 */
describe('the committed OpenAPI document', () => {
  it('is what the zod schemas generate (run `npm run openapi` after changing the protocol)', async () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(await portalOpenApiYaml());
  });
});
