// useCall: a call's value, error and loading, and the answers it must drop: one that comes after the
// arguments changed (an old day's report under a new day's title) and one that comes after the screen
// unmounted. The runner is what the hook's effect drives (begin on mount or new arguments, cancel in the
// effect's cleanup), so these tests call it as the effect does; a static render checks the first state.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { KioskBridge, KioskError, Result } from '../../../../preload/api';
import { createClient, memoryTokenStore } from '../../../../renderer/src/api';
import { KioskProvider } from '../../../../renderer/src/context';
import {
  createCallRunner,
  useCall,
  type CallRunner,
  type CallState,
} from '../../../../renderer/src/hooks/useCall';

const refused: KioskError = { code: 'not-found', vi: 'Không thấy', en: 'Not found' };
const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const no = (error: KioskError = refused): Result<never> => ({ ok: false, error });

/** The state a screen reads, without the key the value answers. */
function shown<T>(call: CallRunner<T>): CallState<T> {
  const { value, error, loading, stale } = call.get();
  return { value, error, loading, stale };
}

/** The runner and how many times it told the screen to render again. */
function runner<T>() {
  const call = createCallRunner<T>();
  let renders = 0;
  call.subscribe(() => (renders += 1));
  return { call, renders: () => renders };
}

describe('useCall bookkeeping', () => {
  it('is loading while the call is in flight, then holds its value', () => {
    const { call } = runner<string[]>();
    expect(shown(call)).toEqual({ value: undefined, error: undefined, loading: false, stale: false });
    const started = call.begin('["2026-11-23"]');
    expect(call.get().loading).toBe(true);
    started.settle(ok(['A015']));
    expect(shown(call)).toEqual({ value: ['A015'], error: undefined, loading: false, stale: false });
  });

  it('drops the answer of a call whose arguments changed while it was in flight', () => {
    const { call } = runner<string>();
    const monday = call.begin('["mon"]');
    const tuesday = call.begin('["tue"]');
    monday.settle(ok('monday report'));
    expect(shown(call)).toEqual({ value: undefined, error: undefined, loading: true, stale: false });
    tuesday.settle(ok('tuesday report'));
    monday.settle(no());
    expect(shown(call)).toEqual({ value: 'tuesday report', error: undefined, loading: false, stale: false });
  });

  it('drops an answer that comes after the screen unmounted, and does not render for it', () => {
    const { call, renders } = runner<string>();
    const started = call.begin('[]');
    started.cancel(); // the effect's cleanup: unmount
    const before = renders();
    expect(call.get().loading).toBe(false);
    started.settle(ok('late'));
    started.settle(no());
    expect(renders()).toBe(before);
    expect(call.get().value).toBeUndefined();
    expect(call.get().error).toBeUndefined();
  });

  it('a cancel after the answer came changes nothing (arguments changed once it had answered)', () => {
    const { call, renders } = runner<number>();
    const started = call.begin('[1]');
    started.settle(ok(1));
    const before = renders();
    started.cancel();
    expect(renders()).toBe(before);
    expect(shown(call)).toEqual({ value: 1, error: undefined, loading: false, stale: false });
  });

  it('shows an error, keeps the last value, and clears the error on the next success', () => {
    const { call } = runner<string>();
    call.begin('["a"]').settle(ok('A'));
    const b = call.begin('["b"]');
    expect(shown(call)).toEqual({ value: 'A', error: undefined, loading: true, stale: true });
    b.settle(no());
    expect(shown(call)).toEqual({ value: 'A', error: refused, loading: false, stale: true });
    // A retry keeps the error on screen until it answers.
    const retry = call.begin('["b"]');
    expect(call.get().error).toEqual(refused);
    retry.settle(ok('B'));
    expect(shown(call)).toEqual({ value: 'B', error: undefined, loading: false, stale: false });
  });

  it('an error handled elsewhere (a session error) is not kept', () => {
    const { call } = runner<string>();
    const seen: KioskError[] = [];
    const expired: KioskError = { code: 'session-expired', vi: 'Hết phiên', en: 'Expired' };
    call.begin('[]', (e) => (seen.push(e), e.code === 'session-expired')).settle(no(expired));
    expect(seen).toEqual([expired]);
    expect(shown(call)).toEqual({ value: undefined, error: undefined, loading: false, stale: false });
    call.begin('[]', (e) => e.code === 'session-expired').settle(no());
    expect(call.get().error).toEqual(refused);
  });

  it('the handler is not asked about a dropped answer', () => {
    const { call } = runner<string>();
    const seen: KioskError[] = [];
    const old = call.begin('["a"]', (e) => (seen.push(e), false));
    call.begin('["b"]');
    old.settle(no());
    expect(seen).toEqual([]);
  });

  it('an answer the screen turned away ends the call and changes nothing else', () => {
    const { call } = runner<string>();
    call.begin('[2026]').settle(ok('2026'));
    call.begin('[2027]').settle(null);
    expect(shown(call)).toEqual({ value: '2026', error: undefined, loading: false, stale: true });
  });

  it('a reload with the same arguments does not make the value stale', () => {
    const { call } = runner<string>();
    call.begin('["x"]').settle(ok('first'));
    call.begin('["x"]');
    expect(shown(call)).toEqual({ value: 'first', error: undefined, loading: true, stale: false });
  });

  it('an event folds into the value, which then answers the current arguments', () => {
    const { call } = runner<number[]>();
    call.begin('["a"]').settle(ok([1]));
    const pending = call.begin('["b"]');
    call.update((list) => [...(list ?? []), 2]);
    expect(shown(call)).toEqual({ value: [1, 2], error: undefined, loading: true, stale: false });
    pending.settle(ok([7]));
    expect(call.get().value).toEqual([7]);
  });
});

describe('an action on the loaded value', () => {
  it("shows its refusal where the call's own shows, until the next answer", () => {
    const { call } = runner<string>();
    call.begin('[]').settle(ok('list'));
    call.setError(refused);
    expect(shown(call)).toEqual({ value: 'list', error: refused, loading: false, stale: false });
    call.setError(undefined);
    expect(call.get().error).toBeUndefined();
    call.setError(refused);
    call.begin('[]').settle(ok('list again'));
    expect(shown(call)).toEqual({ value: 'list again', error: undefined, loading: false, stale: false });
  });
});

describe('useCall in a screen', () => {
  const bridge = {
    transport: 'ipc',
    call: async () => ok({}),
    on: () => () => undefined,
  } as unknown as KioskBridge;

  function Probe({ enabled }: { enabled: boolean }) {
    const call = useCall(enabled ? (client) => client.call('app.info', {}) : null, ['x']);
    return (
      <p>{`loading=${call.loading} stale=${call.stale} value=${call.value === undefined ? '-' : 'set'}`}</p>
    );
  }
  const render = (enabled: boolean): string =>
    renderToStaticMarkup(
      <KioskProvider client={createClient(bridge, memoryTokenStore())}>
        <Probe enabled={enabled} />
      </KioskProvider>,
    );

  it('starts loading when it will call, and idle when it will not', () => {
    expect(render(true)).toContain('loading=true stale=false value=-');
    expect(render(false)).toContain('loading=false stale=false value=-');
  });
});
