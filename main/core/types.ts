import type { LanTls } from './tls';
import type { EventMessage, EventName, KioskError, PairedDevice, Result } from '../../preload/api';

/** Where a call comes from. The transports fill this in; the core decides what it allows. */
export interface CallContext {
  /** The staff session token, if the caller has one. */
  token?: string;
  transport: 'ipc' | 'http';
  /** True for IPC and for bridge requests from a loopback address. */
  local: boolean;
  /** The bridge client's IP address (absent over IPC): the key of per-caller limits. */
  client?: string;
  /** A LAN device's pairing token (its cookie), checked by the core like the staff token. */
  deviceToken?: string;
}

export type EventAudience = 'public' | 'staff' | 'local';

export type EventListener = (message: EventMessage, audience: EventAudience) => void;

/** The object `createCore` returns: the contract, validated, plus what the transports need. */
export interface Core {
  /** Validates `input` against the contract and runs the method. Never throws for a person's error. */
  call(name: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
  /**
   * Whether this caller may call this method at all (device, role, staff session), without its input:
   * the bridge asks before it reads a body from the LAN, so an unpaired client costs no upload slot,
   * no read and no parse. `call` checks the same again.
   */
  admit(name: string, ctx: CallContext): KioskError | null;
  /** Every event the core emits, with its audience; the transports filter per client. */
  subscribe(listener: EventListener): () => void;
  /**
   * True while `token` belongs to a live staff session signed in on this device (null: the kiosk's own
   * window); the events hub filters staff events per client with it.
   */
  isSessionValid(token: string | undefined, deviceId: string | null): boolean;
  /** The paired device a token belongs to, or null; notes its last contact and address. */
  deviceFor(token: string | undefined, from: string | undefined): PairedDevice | null;
  /** True while a device is paired and not revoked. */
  isDevicePaired(id: string): boolean;
  /** Called with each revoked device's id (the events hub closes its sockets). */
  onDeviceRevoked(listener: (id: string) => void): () => void;
  readonly dataDir: string;
  /** The HTTP bridge settings from the configuration. */
  readonly bridge: { lan: boolean; allowedOrigins: string[] };
  /** `dossier.maxFileBytes` from the configuration: the bridge sizes dossier.attach's body limit by it. */
  readonly maxFileBytes: number;
  /** HTTPS for the LAN (`bridge.lan`): the kiosk's CA and server certificate; null without the LAN. */
  readonly lanTls: LanTls | null;
  /** Stops background work (the print worker), then closes the database. */
  close(): Promise<void>;
}

export type { EventMessage, EventName, KioskError, Result };
