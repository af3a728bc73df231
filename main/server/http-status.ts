import type { KioskError } from '../../preload/api';

/** The HTTP status for a contract error. The body is the same `Result` JSON whatever the status. */
export function statusForError(error: KioskError): number {
  switch (error.code) {
    case 'invalid-input':
    case 'invalid-json':
    case 'bad-request':
      return 400;
    case 'unauthorized':
    case 'session-expired':
    case 'device-not-paired':
      return 401;
    case 'forbidden':
    case 'local-only':
    case 'device-role':
    case 'foreign-origin':
      return 403;
    case 'unknown-method':
    case 'not-found':
      return 404;
    case 'method-not-allowed':
      return 405;
    case 'request-timeout':
      return 408;
    case 'too-large':
      return 413;
    case 'unsupported-media-type':
      return 415;
    case 'too-many-requests':
      return 429;
    case 'headers-too-large':
      return 431;
    case 'internal':
      return 500;
    case 'disk-full':
      // Insufficient Storage: the kiosk's disk is full (main/core/disk.ts); nothing of the request was kept.
      return 507;
    case 'file-busy':
      // The file worker's queue is full: a moment later the same request works.
      return 503;
    case 'too-many-clients':
      // The events WebSocket has as many clients as it takes.
      return 503;
    case 'too-many-uploads':
      // As many large bodies (captures) as the bridge holds at once are being received.
      return 503;
    default:
      // A well-formed request the kiosk refused for a reason a person can act on (wrong PIN, locked …).
      return 422;
  }
}
