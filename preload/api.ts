/**
 * The renderer API contract: the only thing that crosses between the renderer (untrusted) and main.
 *
 * Every method the renderer, a counter PC or the waiting-room display may call is named in the contract
 * with a zod schema for its argument and its result, and the access it needs. Main implements it
 * (main/core), the preload exposes it over IPC (preload/index.ts), the bridge serves it over HTTP
 * (main/server), and the renderer calls it (renderer/src/api.ts). Method and event names are a public
 * API: renaming one breaks LAN clients, so add instead of rename.
 *
 * The contract lives by domain in contract/ (each module: its schemas and its method table), merged into
 * one `methods` table in contract/methods.ts. This file is the public entry: it only re-exports. The
 * renderer imports types alone from here; the few values it needs at run time come from
 * contract/transport.ts and contract/delivery.ts, which the lint allows by name.
 *
 * Everything here must stay importable from the renderer bundle: zod only, no Node or Electron imports.
 * The portal protocol (contract/portal.ts) is not part of it.
 */
export {
  KioskErrorSchema,
  BilingualSchema,
  type KioskError,
  type Result,
  type Access,
  type Bilingual,
} from './contract/base';
export * from './contract/app';
export * from './contract/staff';
export * from './contract/queue';
export * from './contract/print';
export * from './contract/devices';
export * from './contract/identity';
export * from './contract/lan';
export * from './contract/catalogue';
export * from './contract/delivery';
export * from './contract/dossier';
export * from './contract/drafts';
export * from './contract/reception';
export * from './contract/report';
export * from './contract/calendar';
export * from './contract/payment';
export * from './contract/feedback';
export * from './contract/sync';
export * from './contract/address';
export * from './contract/methods';
export * from './contract/events';
export * from './contract/transport';
