// Catching the failure a test expects: the error a call throws or a promise rejects with, or the error of a
// refused Result. One copy for every unit test; each fails the test when nothing failed, and passes any
// other error on as it came, so an unexpected crash is never read as the expected refusal.
import { KioskFailure } from '../../main/core/errors';
import type { KioskError, Result } from '../../preload/api';

/** A class of error a test expects, such as KioskFailure or ChipError. */
export type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** The error of class `type` that `fn` throws. */
export function thrown<E extends Error>(type: ErrorClass<E>, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}

/** The error of class `type` that `promise` rejects with. */
export async function rejection<E extends Error>(type: ErrorClass<E>, promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}

/** The refusal a service throws (a KioskFailure): its code, both languages and the field it names. */
export const failure = (fn: () => unknown): KioskError => thrown(KioskFailure, fn).error;

/** The refusal a service's promise rejects with (a KioskFailure). */
export const asyncFailure = async (promise: Promise<unknown>): Promise<KioskError> =>
  (await rejection(KioskFailure, promise)).error;

/** The error of a refused answer of the contract (`core.call`, a Result); `what` names the call in the message. */
export async function refusal(
  answer: Promise<Result<unknown>> | Result<unknown>,
  what?: string,
): Promise<KioskError> {
  const r = await answer;
  if (r.ok) {
    const got = `expected a refusal, got ${JSON.stringify(r.value).slice(0, 200)}`;
    throw new Error(what === undefined ? got : `${what}: ${got}`);
  }
  return r.error;
}
