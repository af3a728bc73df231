/** Reads the person-facing text out of a start-up error, whichever way the core shaped it. */
export interface PersonMessage {
  code?: string;
  vi: string;
  en: string;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function asMessage(value: unknown): PersonMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, vi, en } = value as Record<string, unknown>;
  if (!isText(vi) || !isText(en)) return null;
  return { code: isText(code) ? code : undefined, vi, en };
}

/** `{ vi, en }` on the error itself, or on its `error` field (the core's `KioskFailure`). */
export function personMessage(error: unknown): PersonMessage | null {
  return asMessage(error) ?? asMessage((error as { error?: unknown } | null)?.error);
}
