/**
 * One call to the contract whose answer a screen shows: its value, its error, whether it is in flight,
 * and whether the value answers earlier arguments than the current ones.
 *
 * A screen's arguments change (another day, another search) and screens unmount while a call is in
 * flight; an answer that comes back after either is dropped, so an old day's report never lands under a
 * new day's title and nothing is set on a screen that has gone. Screens had written that guard by hand
 * around each call; this is the one copy.
 *
 * It is a small hook rather than a query cache (TanStack Query): the screens want no cache, no retries
 * and no refetch on focus (a kiosk's window never loses focus; a counter PC's refetch would call again
 * behind staff's back), and `Result` errors are values, not throws. The bookkeeping is a plain object,
 * `createCallRunner`, tested without React; the hook only ties it to an effect.
 */
import { useCallback, useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import type { KioskError, Result } from '../../../preload/api';
import type { KioskClient } from '../api';
import { useKiosk } from '../context';

export interface CallState<T> {
  /** The last value answered, kept while other arguments load or after a failed call; undefined until one came. */
  value: T | undefined;
  /** The last call's refusal, kept until a call succeeds; undefined when none. */
  error: KioskError | undefined;
  /** A call has been started (or waits for its `delayMs`) and has not answered. */
  loading: boolean;
  /** `value` answered arguments other than the current ones (they changed, the new answer has not come). */
  stale: boolean;
}

/** What the runner holds: the state, and the arguments (`key`) its value answers. */
export interface RunnerState<T> extends CallState<T> {
  valueKey: string | undefined;
}

/**
 * One started call: `settle` applies its answer unless `cancel` came first. A null answer is one the
 * screen turned away (it moved on to other arguments instead): the call ends and nothing else changes.
 */
export interface StartedCall<T> {
  settle(result: Result<T> | null): void;
  cancel(): void;
}

export interface CallRunner<T> {
  /** Starts a call for the arguments `key`; any call started before it is dropped. */
  begin(key: string, onError?: (error: KioskError) => boolean): StartedCall<T>;
  /** Changes the value in place (an event that folds into it); the value then answers the current key. */
  update(change: (value: T | undefined) => T | undefined): void;
  /** Shows another refusal (or none) where the call's own shows, until the next answer replaces it. */
  setError(error: KioskError | undefined): void;
  get(): RunnerState<T>;
  subscribe(listener: () => void): () => void;
}

/**
 * The bookkeeping of `useCall`, with no React: which call is current, and what its answer changes.
 * `onError` returning true means the error was handled elsewhere (a stale session signs out) and is not
 * kept.
 */
export function createCallRunner<T>(loading = false): CallRunner<T> {
  let currentKey: string | undefined;
  let valueKey: string | undefined;
  let state: RunnerState<T> = { value: undefined, error: undefined, loading, stale: false, valueKey };
  let current: object | undefined;
  const listeners = new Set<() => void>();

  const publish = (next: Omit<CallState<T>, 'stale'>): void => {
    state = { ...next, stale: next.value !== undefined && valueKey !== currentKey, valueKey };
    for (const listener of listeners) listener();
  };

  return {
    begin(key, onError) {
      const token = {};
      current = token;
      currentKey = key;
      publish({ value: state.value, error: state.error, loading: true });
      return {
        settle(result) {
          if (current !== token) return;
          current = undefined;
          if (result === null) {
            publish({ value: state.value, error: state.error, loading: false });
          } else if (result.ok) {
            valueKey = key;
            publish({ value: result.value, error: undefined, loading: false });
          } else {
            const handled = onError?.(result.error) === true;
            publish({ value: state.value, error: handled ? state.error : result.error, loading: false });
          }
        },
        cancel() {
          if (current !== token) return;
          current = undefined;
          publish({ value: state.value, error: state.error, loading: false });
        },
      };
    },
    update(change) {
      valueKey = currentKey;
      publish({ value: change(state.value), error: state.error, loading: state.loading });
    },
    setError(error) {
      publish({ value: state.value, error, loading: state.loading });
    },
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface CallOptions {
  /** Wait this long after the arguments change before calling (a search while someone types). */
  delayMs?: number;
  /** Return true for an error handled elsewhere (a session error signs out): it is then not kept. */
  onError?: (error: KioskError) => boolean;
}

export interface Call<T> extends CallState<T> {
  /** Calls again with the same arguments (a retry button, a list changed by the screen itself). */
  reload(): void;
  /** Folds an event into the value, as `createCallRunner().update`. */
  update(change: (value: T | undefined) => T | undefined): void;
  /**
   * Shows an action's refusal (or clears it) in the call's error, for a screen with one error region for
   * its list and its actions on it; the next answer replaces it.
   */
  setError(error: KioskError | undefined): void;
}

/**
 * Calls `load` when the screen mounts and again whenever `args` change (compared as JSON: they are the
 * call's arguments, which cross the bridge as JSON anyway). `load` null means "not now" (an unfinished
 * date): no call, and the state stays as it was. `signal` is aborted once the answer would be dropped,
 * for a load that makes several calls or acts on what it got; it may resolve to null to show nothing.
 */
export function useCall<T>(
  load: ((client: KioskClient, signal: AbortSignal) => Promise<Result<T> | null>) | null,
  args: readonly unknown[],
  options: CallOptions = {},
): Call<T> {
  const client = useKiosk();
  const enabled = load !== null;
  const [runner] = useState(() => createCallRunner<T>(enabled));
  const state = useSyncExternalStore(runner.subscribe, runner.get, runner.get);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(args);
  const { delayMs = 0 } = options;
  // The newest `load` and `onError` are used without making each render's new closures a reason to call.
  const run = useEffectEvent((signal: AbortSignal) => (load ? load(client, signal) : null));
  const handleError = useEffectEvent((error: KioskError) => options.onError?.(error) === true);

  useEffect(() => {
    if (!enabled) return;
    const call = runner.begin(key, handleError);
    const dropped = new AbortController();
    const go = (): void => void run(dropped.signal)?.then(call.settle);
    let timer: number | undefined;
    if (delayMs > 0) timer = window.setTimeout(go, delayMs);
    else go();
    return () => {
      window.clearTimeout(timer);
      dropped.abort();
      call.cancel();
    };
  }, [runner, client, enabled, key, attempt, delayMs]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    value: state.value,
    error: state.error,
    loading: state.loading,
    // Against this render's arguments: stale from the render they change in, before the call starts.
    stale: state.value !== undefined && state.valueKey !== key,
    reload,
    update: runner.update,
    setError: runner.setError,
  };
}
