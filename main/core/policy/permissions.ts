/**
 * Which web permissions (camera, notifications, HID, …) a page may have. Deny by default: the kiosk drives
 * its devices from main, so today nothing is granted.
 *
 * Grants are per window, not global: the shell keeps a set of grant names for each WebContents and passes
 * it here. The document-camera view (later) gets `new Set(['media:video'])` and every other window keeps the
 * empty set, so a compromised citizen screen still cannot open the camera.
 */
import { isAllowedNavigation } from './origin';

/**
 * A grant name: an Electron permission name (`'notifications'`, `'fullscreen'`, …) or, for `media`, one
 * grant per device kind (`'media:video'`, `'media:audio'`), so allowing the camera never allows the
 * microphone.
 */
export type PermissionGrant = string;

export const NO_GRANTS: ReadonlySet<PermissionGrant> = new Set();

export interface PermissionDetails {
  /** The URL of the frame asking. Missing means we cannot tell who asks: denied. */
  requestingUrl?: string;
  /** For `media`: the kinds requested (`video`, `audio`); Electron's check handler gives one, as `mediaType`. */
  mediaTypes?: string[];
}

export function isAllowedPermission(
  permission: string,
  details: PermissionDetails,
  allowed: ReadonlySet<PermissionGrant>,
): boolean {
  if (allowed.size === 0) return false;
  if (details.requestingUrl === undefined || !isAllowedNavigation(details.requestingUrl)) return false;
  if (permission === 'media') {
    const kinds = details.mediaTypes ?? [];
    // An empty or unknown list is not "nothing requested": Chromium then asks for whatever it likes.
    return (
      kinds.length > 0 &&
      kinds.every((kind) => (kind === 'video' || kind === 'audio') && allowed.has(`media:${kind}`))
    );
  }
  // `media:*` names are grants for the media permission only, never permission names in their own right.
  if (permission.startsWith('media:')) return false;
  return allowed.has(permission);
}
