import { createCanvas } from '@napi-rs/canvas';
import type { MethodName, Result } from '../../../preload/api';

/**
 * Calls a contract method over the HTTP bridge as a counter PC or a LAN client would (with a staff or device
 * token when given); a refusal throws with its code. The one copy for every e2e spec and support module.
 */
export async function api<T>(
  baseUrl: string,
  method: MethodName,
  body: unknown = {},
  token?: string,
): Promise<T> {
  const r = await fetch(`${baseUrl}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const result = (await r.json()) as Result<T>;
  if (!result.ok) throw new Error(`${method} → ${r.status} ${result.error.code}: ${result.error.en}`);
  return result.value;
}

/** A photo of a paper, as the kiosk camera would capture it: a real PNG, base64, with these lines on it. */
export function capturedPng(lines: readonly { text: string; x: number; y: number }[]): string {
  const canvas = createCanvas(640, 480);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 640, 480);
  ctx.fillStyle = '#000000';
  ctx.font = '32px sans-serif';
  for (const line of lines) ctx.fillText(line.text, line.x, line.y);
  return canvas.toBuffer('image/png').toString('base64');
}
