/**
 * Contract: sending dossiers to the central portal, as staff and screens see it: online or not, what
 * waits, what the portal refused and why, and the recent events. The portal protocol itself is portal.ts.
 * Rules as in base.ts.
 */
import { z } from 'zod';
import { BilingualSchema, Empty, method, type MethodTable } from './base';
import { DossierId } from './dossier';

export const SyncStatusSchema = z.object({
  portalConfigured: z.boolean(),
  online: z.boolean(),
  waiting: z.number().int(),
  sending: z.number().int(),
  attention: z.number().int(),
  /** Delivered today (centre's day). */
  synced: z.number().int(),
  lastContactAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncAttentionSchema = z.object({
  dossierId: DossierId,
  code: z.string(),
  procedureName: z.string(),
  httpStatus: z.number().int().nullable(),
  error: BilingualSchema,
  /** The portal's reasons (422), as it sent them. */
  reasons: z.array(z.string()),
  since: z.string(),
  attempts: z.number().int(),
});

export const SyncEventSchema = z.object({
  at: z.string(),
  kind: z.enum(['online', 'offline', 'sent', 'retry', 'attention', 'status', 'catalogue']),
  code: z.string().nullable(),
  message: BilingualSchema,
});

export const syncMethods = {
  'sync.status': method({
    access: 'citizen',
    input: Empty,
    output: SyncStatusSchema,
    summary: 'Online or not, and how many dossiers are waiting, sending, need attention, synced today.',
  }),
  'sync.retry': method({
    access: 'staff',
    input: z.strictObject({ dossierId: DossierId.optional() }),
    output: SyncStatusSchema,
    summary: 'Try now: every waiting dossier, or one that needs attention (after it was corrected).',
  }),
  'sync.attention': method({
    access: 'staff',
    input: Empty,
    output: z.array(SyncAttentionSchema),
    summary: "Dossiers the portal refused (422, 409, 401), with the portal's reasons, for staff to act on.",
  }),
  'sync.feed': method({
    access: 'staff',
    input: Empty,
    output: z.array(SyncEventSchema),
    summary: 'Recent sync events (online/offline, sent, retried, refused, status changes), newest first.',
  }),
} as const satisfies MethodTable;
