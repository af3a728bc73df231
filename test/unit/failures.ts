// Catching the failure a test expects: the error a call throws or a promise rejects with, or the error of a
// refused Result; and the other side, the value of an answer that must succeed. One copy for every unit
// test; each fails the test when the answer is not the expected one, and passes any other error on as it
// came, so an unexpected crash is never read as the expected refusal.
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

/**
 * The value of an answer that must succeed (`core.call`, a Result); a refusal fails the test with its code
 * and English text (the error itself on the thrown Error's `error`), `what` naming the call.
 */
export async function answer<T>(
  result: Promise<Result<T>> | Result<T> | Promise<Result<unknown>> | Result<unknown>,
  what?: string,
): Promise<T> {
  const r = await result;
  if (!r.ok) {
    const got = `${r.error.code}: ${r.error.en}`;
    throw Object.assign(new Error(what === undefined ? got : `${what}: ${got}`), { error: r.error });
  }
  return r.value as T;
}

/** What an answer came to: 'ok', or its error's code (for checks of what a series of calls got). */
export async function outcome(result: Promise<Result<unknown>> | Result<unknown>): Promise<string> {
  const r = await result;
  return r.ok ? 'ok' : r.error.code;
}
