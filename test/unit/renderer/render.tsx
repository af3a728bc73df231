// The providers every screen renders under (i18n, the API client, app.info when asked for), for server-side
// renders of screens and components in the renderer tests: one copy instead of one per test file.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { AppInfo, KioskBridge, MethodName, Result } from '../../../preload/api';
import { createClient, memoryTokenStore, type KioskClient } from '../../../renderer/src/api';
import { AppInfoContext, KioskProvider } from '../../../renderer/src/context';
import { createI18n } from '../../../renderer/src/i18n';

export type Language = 'vi' | 'en';

/** A call a screen made through its client: the method and what it sent. */
export interface RecordedCall {
  name: MethodName;
  input: unknown;
}

/**
 * A client that records each call and answers it with `answer(name, input)` (a throw there rejects the
 * call); its events never come.
 */
export function recordingClient(
  answer: (name: MethodName, input: unknown) => Result<unknown>,
  transport: KioskBridge['transport'] = 'ipc',
): { calls: RecordedCall[]; client: KioskClient } {
  const calls: RecordedCall[] = [];
  const bridge = {
    transport,
    call: async (name: MethodName, input: unknown) => {
      calls.push({ name, input });
      return answer(name, input);
    },
    on: () => () => undefined,
  } as unknown as KioskBridge;
  return { calls, client: createClient(bridge, memoryTokenStore()) };
}

/**
 * A client whose every call answers ok with `{}`. A server-side render runs no effect, so what a screen
 * would fetch is never asked for; a test that checks calls uses a `recordingClient` of its own.
 */
const quietClient = (): KioskClient => recordingClient(() => ({ ok: true, value: {} })).client;

export interface RenderOptions {
  /** What `useKiosk()` returns; a quiet client when not given. */
  client?: KioskClient;
  /** What `useAppInfo()` returns; without it the node renders outside AppInfoContext. */
  info?: AppInfo;
  /** Added to `Date.now()` for the centre's clock (AppInfoContext), 0 when not given. */
  clockOffsetMs?: number;
}

/** The static markup of `node` in `language`, under the providers the app puts around every screen. */
export function render(node: ReactNode, language: Language = 'vi', options: RenderOptions = {}): string {
  const { client = quietClient(), info, clockOffsetMs = 0 } = options;
  const inner =
    info === undefined ? (
      node
    ) : (
      <AppInfoContext value={{ info, clockOffsetMs, refresh: async () => undefined }}>{node}</AppInfoContext>
    );
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <KioskProvider client={client}>{inner}</KioskProvider>
    </I18nextProvider>,
  );
}

/** `render` with these options fixed, for a test file whose screens all need the same app.info or client. */
export const renderWith =
  (options: RenderOptions) =>
  (node: ReactNode, language: Language = 'vi'): string =>
    render(node, language, options);

/** The test ids in rendered markup, in document order. */
export const ids = (html: string): string[] =>
  [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1] ?? '');

/** The words of rendered markup, tags taken out and white space folded, for checks of what a person reads. */
export const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
