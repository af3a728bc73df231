/**
 * Sync: the outbox drain to the central portal, online detection, status and catalogue pulls
 * (see README.md in this folder). The portal client (types.ts, client.ts) is injected.
 */
export { createSync, realTimers, dayStart } from './engine';
export type { Sync, SyncDeps, SyncConfig, SyncTimers, SyncAttention, SyncFeedEvent, Emit } from './engine';
export { createSyncHandlers } from './handlers';
export type { CatalogueSink } from './pull';
export type { PortalReceptionChange, ReceptionSink } from './deps';
export { retryDelayMs } from './backoff';
export type { PortalClient, PortalDossier, PortalFailure, PortalResult, PortalStatusChange } from './types';
