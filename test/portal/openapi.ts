import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import { z } from 'zod';
import { AdminDossierSchema, portalPaths, ref } from './openapi-paths';

/**
 * test/portal/openapi.yaml, generated from the protocol's zod schemas (preload/contract/portal.ts): the
 * shapes by zod's own JSON Schema output (OpenAPI 3.1 schemas are JSON Schema 2020-12), the routes and
 * answers by test/portal/openapi-paths.ts. `npm run openapi` writes the file, formatted by Prettier;
 * test/unit/portal/openapi-current.test.ts fails when the committed file is not what this makes.
 */

const DESCRIPTION = `The national and provincial portals publish no API a kiosk can reach, so the kiosk speaks this
protocol (ARCHITECTURE.md, "The portal protocol"). \`test/portal/\` implements it as a reference
portal for development and tests (\`npm run portal\`); an adapter for a real portal implements the same
client interface (\`main/core/sync/types.ts\`, \`PortalClient\`). The bodies' shapes are the zod schemas of
\`preload/contract/portal.ts\`, from which this document is generated (\`npm run openapi\`).

Rules every client follows:
- every \`/api/v1\` call carries \`Authorization: Bearer <kiosk token>\`;
- network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff and jitter,
  honouring \`Retry-After\` (seconds or an HTTP-date);
- any other 4xx is never retried blindly: it is shown to staff with the portal's \`reasons\`;
- an answer that is cut off or is not the JSON described here is treated like a network error.

Errors have the body \`{ "error": "<message>", "reasons": ["<reason>", …] }\` (\`reasons\` optional), in
Vietnamese, the portal's own words.
`;

const errorBody = { 'application/json': { schema: ref('schemas', 'Error') } };

const components = {
  securitySchemes: {
    kioskToken: {
      type: 'http',
      scheme: 'bearer',
      description: "A kiosk's token (reference portal: PORTAL_KIOSK_TOKEN, a comma-separated list)",
    },
    adminToken: {
      type: 'http',
      scheme: 'bearer',
      description: 'The admin token (reference portal: PORTAL_ADMIN_TOKEN)',
    },
    adminBasic: {
      type: 'http',
      scheme: 'basic',
      description: 'Any user name, the admin token as password (for a browser)',
    },
  },
  parameters: {
    Sha256: {
      name: 'sha256',
      in: 'path',
      required: true,
      description: "The attachment's SHA-256, 64 lowercase hex digits",
      schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    },
    Code: {
      name: 'code',
      in: 'path',
      required: true,
      description: "The portal's dossier code",
      schema: { type: 'string' },
    },
  },
  responses: {
    BadRequest: {
      description: 'A malformed request (bad JSON, a missing Idempotency-Key, a bad cursor or address)',
      content: errorBody,
    },
    Unauthorized: {
      description: 'Missing or unknown token',
      headers: { 'WWW-Authenticate': { schema: { type: 'string' } } },
      content: errorBody,
    },
    NotFound: {
      description: 'No such dossier or address',
      content: errorBody,
    },
    TooLarge: {
      description: "Body over the portal's limit (1 MiB JSON, 50 MiB attachment by default)",
      content: errorBody,
    },
    AdminDossier: {
      description: 'The dossier after the change, and its timeline',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['dossier', 'timeline'],
            properties: {
              dossier: ref('schemas', 'AdminDossier'),
              timeline: { type: 'array', items: ref('schemas', 'TimelineEntry') },
            },
          },
        },
      },
    },
  },
};

/**
 * Every schema with an `id` that the paths use, as JSON Schema: what may be sent (`io: 'input'`, so a
 * field with a default is optional). `z.json()` (a procedure's form) is recursive: zod puts it in a shared
 * `$defs`, kept here as the `Json` component.
 */
function schemas(): Record<string, unknown> {
  void AdminDossierSchema; // its id is registered when openapi-paths.ts loads
  const out = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  const shared = '#/components/schemas/__shared#/$defs/';
  const text = JSON.stringify(out, (key, value: unknown) => {
    if (key === '$schema' || key === '$id') return undefined;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(shared)) {
      return `#/components/schemas/Json${value.slice(shared.length).replace(/^schema0$/, '')}`;
    }
    return value;
  });
  const result = JSON.parse(text) as Record<string, unknown>;
  const defs = (result.__shared as { $defs?: Record<string, unknown> } | undefined)?.$defs ?? {};
  delete result.__shared;
  for (const [name, def] of Object.entries(defs)) {
    result[`Json${name.replace(/^schema0$/, '')}`] = def;
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

/** The OpenAPI document as an object. */
export function portalOpenApi(): Record<string, unknown> {
  const paths = portalPaths();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Một Cửa Kiosk — portal protocol (reference portal)',
      version: '1.0.0',
      summary: 'The small HTTP protocol a one-stop kiosk speaks to a central public service portal.',
      description: DESCRIPTION,
      license: { name: 'UNLICENSED' },
    },
    servers: [
      {
        url: 'http://127.0.0.1:8788',
        description: 'The reference portal started by `npm run portal` (PORTAL_PORT, default 8788)',
      },
    ],
    security: [{ kioskToken: [] }],
    tags: [
      { name: 'kiosk', description: 'Calls a kiosk makes.' },
      { name: 'admin', description: 'Reference portal only — a tester moves dossiers through statuses.' },
    ],
    paths,
    components: { ...components, schemas: schemas() },
  };
}

/** Where the document is committed (README.md and docs/ARCHITECTURE.md link to it). */
export const OPENAPI_FILE = new URL('./openapi.yaml', import.meta.url);

/** test/portal/openapi.yaml's text, formatted by Prettier as `npx prettier --check .` wants it. */
export async function portalOpenApiYaml(): Promise<string> {
  const options = await resolveConfig(OPENAPI_FILE);
  return format(yamlText(), { ...options, filepath: OPENAPI_FILE.pathname });
}

function yamlText(): string {
  return (
    '# Generated from preload/contract/portal.ts by `npm run openapi` (test/portal/openapi.ts): do not edit.\n' +
    stringify(portalOpenApi(), { lineWidth: 0, aliasDuplicateObjects: false })
  );
}
