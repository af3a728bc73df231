/**
 * The pure part of the start-up gate and of pairing a LAN device (AppInfoGate.tsx, PairingScreen.tsx):
 * what the gate shows after each answer, what sending a pairing code leads to, and a client that tells
 * the gate when the kiosk stops knowing this device. Kept apart from React so unit tests drive the same
 * steps the screens take.
 */
import type { AppInfo, KioskError, PairedDevice, Result } from '../../../preload/api';
import { localError, type KioskClient } from '../api';
import { clockOffset } from '../lib/clock';

/** The code an admin reads from the kiosk's console: six digits (contract/lan.ts PairingCodeSchema). */
export const PAIRING_CODE_LENGTH = 6;

/** What may stand in the code field: digits only, six at most (a pasted "123 456" becomes "123456"). */
export const pairingDigits = (text: string): string => text.replace(/\D/g, '').slice(0, PAIRING_CODE_LENGTH);

export const canSendCode = (code: string): boolean => /^\d{6}$/.test(code);

/** The kiosk does not know this browser: every call but `lan.pair` answers this until it is paired. */
export const isNotPaired = (error: KioskError): boolean => error.code === 'device-not-paired';

export type GateState =
  | { status: 'loading' }
  /** `notice`: why the pairing screen is back (the device was revoked, the cookie was not kept). */
  | { status: 'pairing'; notice?: KioskError }
  | { status: 'error'; error: KioskError }
  | { status: 'ready'; info: AppInfo; clockOffsetMs: number };

/**
 * The gate's next state once `app.info` answered. An unpaired device gets the pairing screen, even over
 * a screen that was working (it was revoked meanwhile); any other failure of a background refresh keeps
 * the screen that works.
 */
export function gateAfterInfo(current: GateState, result: Result<AppInfo>, nowMs: number): GateState {
  if (result.ok) {
    return { status: 'ready', info: result.value, clockOffsetMs: clockOffset(result.value.now, nowMs) };
  }
  if (isNotPaired(result.error)) return { status: 'pairing' };
  if (current.status === 'ready') return current;
  return { status: 'error', error: result.error };
}

/** The pairing screen asked again after a call refused the device: it was revoked while in use. */
export const revokedNotice = (): KioskError => localError('device-not-paired', (m) => m.lan.pairing.revoked);

/** `lan.pair` took the code, yet `app.info` still does not know this browser: its cookie was not kept. */
export const notKeptNotice = (): KioskError => localError('pairing-not-kept', (m) => m.lan.pairing.notKept);

export type PairingOutcome =
  /** The code was refused (wrong, expired, void): the server's words, and the field is cleared. */
  | { kind: 'refused'; error: KioskError }
  /** Paired; `info` is `app.info` asked again, now with the device's cookie. */
  | { kind: 'paired'; device: PairedDevice; info: Result<AppInfo> };

/** Sends the code and, once paired, loads `app.info` again (the gate then shows the app). */
export async function sendPairingCode(client: KioskClient, code: string): Promise<PairingOutcome> {
  const paired = await client.call('lan.pair', { code });
  if (!paired.ok) return { kind: 'refused', error: paired.error };
  return { kind: 'paired', device: paired.value.device, info: await client.call('app.info', {}) };
}

/** The gate after a pairing: the app, or the pairing screen again saying the browser did not keep it. */
export function gateAfterPairing(outcome: PairingOutcome & { kind: 'paired' }, nowMs: number): GateState {
  const next = gateAfterInfo({ status: 'pairing' }, outcome.info, nowMs);
  return next.status === 'pairing' ? { status: 'pairing', notice: notKeptNotice() } : next;
}

/**
 * The code field and its message. `phase`: typing, waiting for `lan.pair`, or paired and waiting for the
 * app to open.
 */
export interface PairingForm {
  code: string;
  error: KioskError | undefined;
  phase: 'typing' | 'sending' | 'opening';
}

/** After an answer: a refusal empties the field for the next try and says why; a pairing opens the app. */
export function formAfterOutcome(form: PairingForm, outcome: PairingOutcome): PairingForm {
  return outcome.kind === 'refused'
    ? { code: '', error: outcome.error, phase: 'typing' }
    : { code: form.code, error: undefined, phase: 'opening' };
}

/**
 * The client the app's screens use behind the gate: the same calls, and a call refused because the
 * kiosk no longer knows this device (revoked while in use) tells the gate, which shows the pairing screen
 * instead of leaving a board or console that silently stopped working.
 */
export function watchPairing(client: KioskClient, onNotPaired: () => void): KioskClient {
  return {
    transport: client.transport,
    async call(name, input) {
      const result = await client.call(name, input);
      if (!result.ok && isNotPaired(result.error)) onNotPaired();
      return result;
    },
    on: (name, listener) => client.on(name, listener),
    hasToken: () => client.hasToken(),
    setToken: (token) => client.setToken(token),
  };
}
