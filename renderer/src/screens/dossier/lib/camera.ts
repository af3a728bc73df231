/**
 * The camera capture's pure parts: what a getUserMedia failure means for the person, and the base64 body
 * of a captured JPEG (dossier.attach takes base64 without the data-URL prefix).
 */
export type CameraProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'other';

/** DOMException names from getUserMedia (Media Capture and Streams), in the person's terms. */
export function cameraProblem(name: string | undefined): CameraProblem {
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}

export function base64OfDataUrl(dataUrl: string): string | null {
  const m = /^data:image\/(jpeg|png);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  return m?.[2] ?? null;
}

/** The capture size: the camera's own, scaled down so the long side is at most `maxSide` pixels. */
export function captureSize(
  width: number,
  height: number,
  maxSide = 2000,
): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
