import { z } from 'zod';
import {
  BlobStoredSchema,
  CatalogueAnswerSchema,
  ChangesAnswerSchema,
  DossierTimelineSchema,
  PortalDossierSchema,
  PortalErrorSchema,
  PortalChannelSchema,
  PortalStatusSchema,
  ReceptionAnswerSchema,
  ReceptionStateSchema,
  ReceptionUpdateSchema,
  SubmitAnswerSchema,
  TimelineStatusSchema,
} from '../../preload/contract/portal';

/**
 * The routes of test/portal/openapi.yaml (test/portal/openapi.ts makes the document): what each answers
 * and when. Every body is a reference to a zod schema with an `id` (preload/contract/portal.ts, or the
 * admin API's own below), which becomes a component of the document.
 */

type Operation = Record<string, unknown>;
type Op = (path: string, method: 'get' | 'head' | 'put' | 'post', operation: Operation) => void;

/** `{ $ref }` to a schema of the document: the schema must have an id (`.meta({ id })`). */
export function schemaRef(schema: z.ZodType): { $ref: string } {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('a body schema of the portal protocol needs .meta({ id })');
  return ref('schemas', id);
}

/** A row of the reference portal's database (admin API only). */
export const AdminDossierSchema = z
  .object({
    code: z.string(),
    kiosk_dossier_id: z.string(),
    kiosk_id: z.string(),
    local_code: z.string(),
    unit_code: z.string(),
    procedure_id: z.string(),
    procedure_code: z.string(),
    received_at: z.string().meta({ format: 'date-time' }),
    status: TimelineStatusSchema,
    channel: PortalChannelSchema,
    reception: ReceptionStateSchema,
    reception_at: z.string().nullable().meta({ format: 'date-time' }),
    reception_by: z.string().nullable(),
    refusal_reason: z.string().nullable(),
    due_date: z.string().meta({ format: 'date', description: 'The appointment date the portal holds' }),
    paid: z.boolean().nullable(),
    paid_via: z.enum(['online', 'counter']).nullable(),
    result_electronic: z.number().int().nullable(),
    apology_text: z.string().nullable().meta({ description: 'Mẫu 04, when sent' }),
    apology_due_date: z.string().nullable().meta({ format: 'date' }),
    created_at: z.string().meta({ format: 'date-time' }),
    updated_at: z.string().meta({ format: 'date-time' }),
  })
  .partial()
  .meta({ id: 'AdminDossier', description: "A row of the reference portal's database" });

export const ref = (kind: 'responses' | 'parameters' | 'schemas', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});
const json = (schema: z.ZodType) => ({ 'application/json': { schema: schemaRef(schema) } });
const error = (description: string) => ({ description, content: json(PortalErrorSchema) });
const noBody = (description: string) => ({ description });
const admin = { tags: ['admin'], security: [{ adminToken: [] }] };
const adminPage = { tags: ['admin'], security: [{ adminBasic: [] }] };

const formMove = z
  .object({
    status: PortalStatusSchema,
    note: z.string().optional(),
    resultElectronic: z
      .literal('true')
      .optional()
      .meta({ description: 'With done: the result is electronic' }),
    csrf: z.string().meta({ description: "The token printed in the page's forms" }),
  })
  .meta({ id: 'AdminPageMove' });
const formPaid = z
  .object({
    paid: z.enum(['true', 'false']).optional(),
    paidVia: z.enum(['online', 'counter']).optional(),
    csrf: z.string(),
  })
  .meta({ id: 'AdminPagePaid' });
const formApology = z
  .object({ text: z.string(), newDueDate: z.string().meta({ format: 'date' }), csrf: z.string() })
  .meta({ id: 'AdminPageApology' });
const adminList = z.object({ dossiers: z.array(AdminDossierSchema) }).meta({ id: 'AdminDossierList' });
const adminMove = z
  .object({
    status: PortalStatusSchema,
    note: z.string().nullable().optional(),
    resultElectronic: z
      .boolean()
      .nullable()
      .optional()
      .meta({ description: 'With done: an electronic result' }),
  })
  .meta({ id: 'AdminMove' });
const adminPaid = z
  .object({ paid: z.boolean().default(true), paidVia: z.enum(['online', 'counter']).default('counter') })
  .meta({ id: 'AdminPaid' });
const adminApology = z
  .object({
    text: z.string().min(1).max(2000),
    newDueDate: z.iso.date().meta({ description: 'The new appointment date, today or later' }),
  })
  .meta({ id: 'AdminApology' });

/** The moves the reference portal allows, written once for the page's and the API's descriptions. */
const MOVES =
  'Allowed moves, by national status: submitted 1 (pending reception) → received 2 (the portal receives\n' +
  'it) | refused 3 (it refuses to receive it) | supplement 5 (papers first; still pending, then 2 or 3);\n' +
  'received 2 → processing 4 | supplement 5 | financial 6 | withdrawn 7 | stopped 8; processing 4 →\n' +
  'supplement 5 | financial 6 | stopped 8 | done 9; supplement 5 → processing 4 (papers brought: the\n' +
  'change carries `dueDate`, the appointment date moved by the working days the citizen took, counted\n' +
  'Monday to Friday in this fixture); financial 6 → processing 4; done 9 → returned 10. refused,\n' +
  'supplement, withdrawn and stopped need a `note` (the reason the kiosk shows to staff and the\n' +
  'citizen); done may say `resultElectronic`.\n';

/** The document's `paths`, in the order they are written here. */
export function portalPaths(): Record<string, Record<string, Operation>> {
  const paths: Record<string, Record<string, Operation>> = {};
  const op: Op = (path, method, operation) => {
    paths[path] = { ...paths[path], [method]: operation };
  };
  kioskRoutes(op);
  adminRoutes(op);
  return paths;
}

function kioskRoutes(op: Op): void {
  const kiosk = { tags: ['kiosk'] };
  op('/api/v1/catalogue', 'get', {
    ...kiosk,
    operationId: 'getCatalogue',
    summary: 'The procedures, their forms and required documents',
    description:
      'Conditional with `If-None-Match`: a matching entity tag (or `*`) answers 304 with no body.\n' +
      'The kiosk replaces its seed catalogue with this list. `HEAD` answers the same headers without\n' +
      'the body; the kiosk uses it as its cheap online probe.\n',
    parameters: [
      {
        name: 'If-None-Match',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        example: '"4f53cda18c2baa0c0354bb5f9a3ecbe5"',
      },
    ],
    responses: {
      200: {
        description: 'The catalogue',
        headers: {
          ETag: {
            description: 'Entity tag of this catalogue; send it back as If-None-Match.',
            schema: { type: 'string' },
          },
        },
        content: json(CatalogueAnswerSchema),
      },
      304: {
        description: "Not modified (the kiosk's copy is current)",
        headers: { ETag: { schema: { type: 'string' } } },
      },
      401: ref('responses', 'Unauthorized'),
    },
  });
  op('/api/v1/catalogue', 'head', {
    ...kiosk,
    operationId: 'probeCatalogue',
    summary: 'Online probe (headers of GET, no body)',
    responses: {
      200: noBody('The portal answers and the token is valid'),
      401: noBody('Unknown or missing token (no body)'),
    },
  });
  const sha256 = [ref('parameters', 'Sha256')];
  op('/api/v1/blobs/{sha256}', 'head', {
    ...kiosk,
    parameters: sha256,
    operationId: 'hasBlob',
    summary: 'Whether the portal already holds this attachment',
    responses: {
      200: {
        description: 'Held',
        headers: {
          'Content-Length': {
            description: "The stored attachment's size in bytes",
            schema: { type: 'integer' },
          },
        },
      },
      400: noBody('The address is not a lowercase hex SHA-256 (no body)'),
      401: noBody('Unknown or missing token (no body)'),
      404: noBody('Not held; upload it with PUT'),
    },
  });
  op('/api/v1/blobs/{sha256}', 'put', {
    ...kiosk,
    parameters: sha256,
    operationId: 'putBlob',
    summary: 'Upload an attachment; the portal verifies its SHA-256',
    description:
      "The body is the file's bytes, sent with `Content-Length` (the kiosk streams it from disk).\n" +
      'The portal streams it to a temporary file while hashing, and keeps it only when the hash equals\n' +
      'the address. Repeatable: uploading a held attachment again answers 200.\n',
    requestBody: {
      required: true,
      content: {
        'application/octet-stream': {
          schema: { type: 'string', contentMediaType: 'application/octet-stream' },
        },
      },
    },
    responses: {
      201: { description: 'Stored', content: json(BlobStoredSchema) },
      200: { description: 'Already held (same bytes)', content: json(BlobStoredSchema) },
      400: ref('responses', 'BadRequest'),
      401: ref('responses', 'Unauthorized'),
      413: ref('responses', 'TooLarge'),
      422: error('The bytes do not hash to the address (a damaged file); nothing is kept'),
    },
  });
  op('/api/v1/dossiers', 'post', {
    ...kiosk,
    operationId: 'submitDossier',
    summary: 'Submit a dossier (attachments first, then this)',
    description:
      "Idempotent by `Idempotency-Key` (the kiosk's dossier id, equal to the body's `id`). The first\n" +
      'accepted POST answers 201 and the portal issues its own official code\n' +
      "`<unitCode>-YYMMDD-NNNN` (the day received in Vietnam, the portal's own sequence). A repeat with\n" +
      'the same body — compared as canonical JSON, so key order does not matter — answers 200 with\n' +
      'exactly the first answer. The same key with a different body is 409; `reception` is not compared\n' +
      '(an officer may have received or refused the dossier since the first POST): the repeat gets the\n' +
      'first answer, whose `reception` tells the kiosk the portal holds an older one, and the kiosk PUTs\n' +
      'it (`/api/v1/dossiers/{id}/reception`). A refusal (422) is not remembered: the same key may be\n' +
      'sent again once the dossier is corrected. A dossier filed by the citizen alone arrives `pending`\n' +
      '(timeline `submitted`) and waits to be received; a refused one (Mẫu 03) still arrives, `refused`.\n',
    parameters: [
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: "The kiosk's dossier id (UUID), the same as the body's `id`",
        schema: { type: 'string', maxLength: 200 },
      },
    ],
    requestBody: { required: true, content: json(PortalDossierSchema) },
    responses: {
      201: { description: "Received; the portal's code is issued", content: json(SubmitAnswerSchema) },
      200: {
        description: 'A repeat of an accepted submission; the same body as the 201',
        content: json(SubmitAnswerSchema),
      },
      400: ref('responses', 'BadRequest'),
      401: ref('responses', 'Unauthorized'),
      409: error('This Idempotency-Key was used for a different body; `reasons` names the held code'),
      413: ref('responses', 'TooLarge'),
      422: error(
        'Invalid; every problem listed at once in `reasons`: missing or malformed fields, attachments\n' +
          'not uploaded (or of another size), a procedure not in the catalogue, a required paper\n' +
          'missing, a business rule of the portal.\n',
      ),
    },
  });
  op('/api/v1/dossiers/{id}/reception', 'put', {
    ...kiosk,
    operationId: 'putReception',
    summary: 'A reception decided on the kiosk after the dossier was sent (received or refused)',
    description:
      'An officer received the dossier at the counter (Mẫu 01) or refused to receive it (Mẫu 03, with\n' +
      'the reason) after it reached the portal pending, or while the kiosk had not yet heard the\n' +
      "POST's answer. Idempotent: the state the portal holds answers 200 with what it holds (its first\n" +
      '`at` and `by` stand). The kiosk sends its reception as it is at the time of the call and keeps\n' +
      'trying (each status pull) until the answer holds that state.\n',
    parameters: [
      {
        name: 'id',
        in: 'path',
        required: true,
        description: "The kiosk's dossier id (the POST's Idempotency-Key)",
        schema: { type: 'string' },
      },
    ],
    requestBody: { required: true, content: json(ReceptionUpdateSchema) },
    responses: {
      200: {
        description: 'The reception the portal holds now (the same body for a repeat)',
        content: json(ReceptionAnswerSchema),
      },
      400: ref('responses', 'BadRequest'),
      401: ref('responses', 'Unauthorized'),
      404: ref('responses', 'NotFound'),
      409: error(
        'A reception the portal cannot take: it holds another one (e.g. received after the portal\n' +
          'itself refused it, or refused after it was received); `reasons` says what it holds.\n',
      ),
      422: error('A malformed reception; every problem listed in `reasons`'),
    },
  });
  op('/api/v1/dossiers', 'get', {
    ...kiosk,
    operationId: 'listChanges',
    summary: 'Status changes since a cursor',
    description:
      'Changes in the order they happened, after `changedSince`. Ask again with the returned `cursor`\n' +
      'until `changes` is empty. The cursor only grows; with no news it is returned unchanged or\n' +
      'larger. The POST itself is not a change (the kiosk knows it); the portal receiving or refusing a\n' +
      'pending dossier is (received, refused). A payment or Mẫu 04 repeats the current status with its\n' +
      '`paid`/`paidVia` or `apology`: the kiosk updates the dossier without a second timeline row.\n',
    parameters: [
      {
        name: 'changedSince',
        in: 'query',
        required: false,
        description: 'A cursor from a previous answer; empty or absent for the beginning',
        schema: { type: 'string', pattern: '^[0-9]*$' },
      },
      {
        name: 'kiosk',
        in: 'query',
        required: false,
        description: 'Only dossiers submitted by this kiosk id (e.g. K01)',
        schema: { type: 'string' },
      },
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'At most this many changes (the portal caps it, 500 by default)',
        schema: { type: 'integer', minimum: 1 },
      },
    ],
    responses: {
      200: { description: 'The changes and the next cursor', content: json(ChangesAnswerSchema) },
      400: ref('responses', 'BadRequest'),
      401: ref('responses', 'Unauthorized'),
    },
  });
  op('/api/v1/dossiers/{code}', 'get', {
    ...kiosk,
    operationId: 'getDossier',
    summary: "One dossier's status timeline, by the portal's code",
    parameters: [
      {
        name: 'code',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        example: '000.00.12.H29-261123-0001',
      },
    ],
    responses: {
      200: {
        description: 'The dossier and its timeline, oldest first',
        content: json(DossierTimelineSchema),
      },
      401: ref('responses', 'Unauthorized'),
      404: ref('responses', 'NotFound'),
    },
  });
}

function adminRoutes(op: Op): void {
  const code = [ref('parameters', 'Code')];
  op('/admin', 'get', {
    ...adminPage,
    operationId: 'adminPage',
    summary:
      'Plain HTML page: dossiers pending reception (receive / papers first / refuse with a reason), then\n' +
      'every dossier with a button per allowed national status move, the fee, and Mẫu 04 when late',
    description: 'HTTP Basic, any user name, the admin token as password. No script, no external asset.',
    responses: {
      200: { description: 'The page', content: { 'text/html': {} } },
      401: noBody('Asks the browser to sign in (WWW-Authenticate Basic)'),
    },
  });
  const pageAnswers = {
    303: noBody('Done; back to /admin'),
    403: noBody('Missing or wrong form token'),
  };
  op('/admin/dossiers/{code}/status', 'post', {
    ...adminPage,
    parameters: code,
    operationId: 'adminPageMove',
    summary: "The page's form to move a dossier (redirects back to /admin)",
    requestBody: {
      required: true,
      content: { 'application/x-www-form-urlencoded': { schema: schemaRef(formMove) } },
    },
    description: MOVES,
    responses: {
      ...pageAnswers,
      404: noBody('No such dossier or address'),
      409: noBody('A move no office makes from the current status'),
      422: noBody('A refusal, supplement, withdrawal or stop without a reason, or an unknown status'),
    },
  });
  op('/admin/dossiers/{code}/paid', 'post', {
    ...adminPage,
    parameters: code,
    operationId: 'adminPagePaid',
    summary: "The page's form to record the fee as paid (or not)",
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: schemaRef(formPaid),
        },
      },
    },
    responses: { ...pageAnswers, 409: noBody('The dossier is not received yet') },
  });
  op('/admin/dossiers/{code}/apology', 'post', {
    ...adminPage,
    parameters: code,
    operationId: 'adminPageApology',
    summary: "The page's form to send Mẫu 04 (apology and new date) for a late dossier",
    requestBody: {
      required: true,
      content: { 'application/x-www-form-urlencoded': { schema: schemaRef(formApology) } },
    },
    responses: {
      ...pageAnswers,
      409: noBody('Not late, not received, or already closed'),
      422: noBody('No words, or a new date that is not a day from today on'),
    },
  });
  op('/admin/api/dossiers', 'get', {
    ...admin,
    operationId: 'adminListDossiers',
    summary: 'Every dossier the portal holds, newest first',
    responses: {
      200: {
        description: 'The dossiers',
        content: json(adminList),
      },
      401: ref('responses', 'Unauthorized'),
    },
  });
  op('/admin/api/dossiers/{code}/status', 'post', {
    ...admin,
    parameters: code,
    operationId: 'adminMoveDossier',
    summary: 'Move a dossier to a status',
    description: MOVES,
    requestBody: {
      required: true,
      content: json(adminMove),
    },
    responses: {
      200: ref('responses', 'AdminDossier'),
      401: ref('responses', 'Unauthorized'),
      404: ref('responses', 'NotFound'),
      409: error('A move no office makes from the current status'),
      422: error('Unknown status, or a refusal, supplement, withdrawal or stop without a reason'),
    },
  });
  op('/admin/api/dossiers/{code}/paid', 'post', {
    ...admin,
    parameters: code,
    operationId: 'adminMarkPaid',
    summary:
      'Record the fee as paid (default) or unpaid, and how (paidVia, counter by default); a change the kiosk pulls',
    requestBody: { required: false, content: json(adminPaid) },
    responses: {
      200: ref('responses', 'AdminDossier'),
      401: ref('responses', 'Unauthorized'),
      404: ref('responses', 'NotFound'),
      409: error('The dossier is not received yet'),
    },
  });
  op('/admin/api/dossiers/{code}/apology', 'post', {
    ...admin,
    parameters: code,
    operationId: 'adminApology',
    summary: 'Mẫu 04 on a late dossier: the apology and the new appointment date; a change the kiosk pulls',
    requestBody: { required: true, content: json(adminApology) },
    responses: {
      200: ref('responses', 'AdminDossier'),
      401: ref('responses', 'Unauthorized'),
      404: ref('responses', 'NotFound'),
      409: error('Not late, not received, or already closed'),
      422: error('No words, or a new date that is not a day from today on'),
    },
  });
}
