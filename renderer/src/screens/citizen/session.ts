/**
 * Everything a citizen has chosen on this kiosk, in one place, so an idle reset can wipe it in one step.
 * Future features (a draft dossier, a scanned ID) belong here too, for the same reason.
 */
import type { Feature, Ticket } from '../../../../preload/api';

export type TextSize = 'small' | 'normal' | 'large';

export type CitizenScreen =
  | { name: 'home' }
  | { name: 'coming-soon'; feature: Feature }
  /** The queue service picker ("Lấy số thứ tự"). */
  | { name: 'queue' }
  /** The ticket just issued: its number stays on screen until "Xong" or the idle reset. */
  | { name: 'ticket'; ticket: Ticket };

export interface CitizenSession {
  screen: CitizenScreen;
  textSize: TextSize;
  highContrast: boolean;
  /** True once the citizen did anything; only then does the idle countdown run. */
  touched: boolean;
}

export type CitizenAction =
  | { type: 'open'; screen: CitizenScreen }
  | { type: 'text-size'; size: TextSize }
  | { type: 'toggle-contrast' }
  /** Something outside this state changed (the language). */
  | { type: 'touched' }
  | { type: 'reset' };

export const initialCitizenSession: CitizenSession = {
  screen: { name: 'home' },
  textSize: 'normal',
  highContrast: false,
  touched: false,
};

export function citizenReducer(state: CitizenSession, action: CitizenAction): CitizenSession {
  switch (action.type) {
    case 'open':
      return { ...state, screen: action.screen, touched: true };
    case 'text-size':
      return { ...state, textSize: action.size, touched: true };
    case 'toggle-contrast':
      return { ...state, highContrast: !state.highContrast, touched: true };
    case 'touched':
      return { ...state, touched: true };
    case 'reset':
      return initialCitizenSession;
    default:
      return assertNever(action);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled citizen action: ${JSON.stringify(value)}`);
}

/**
 * The classes the citizen's display choices put on <html>: text size scales the rem root, contrast swaps
 * the palette. Only citizen screens carry them; staff and display screens keep the defaults.
 */
export function rootClasses(session: Pick<CitizenSession, 'textSize' | 'highContrast'>): string[] {
  return [`text-${session.textSize}`, ...(session.highContrast ? ['high-contrast'] : [])];
}

/** Features a citizen can use here: switched on by main AND built in this renderer. Never fake one. */
export const RENDERER_FEATURES: readonly Feature[] = ['queue'];

/** The screen a home tile opens: the feature itself when available here, else the honest page. */
export function screenFor(feature: Feature, enabled: readonly Feature[]): CitizenScreen {
  if (feature === 'queue' && isAvailable(feature, enabled)) return { name: 'queue' };
  return { name: 'coming-soon', feature };
}

export function isAvailable(feature: Feature, enabled: readonly Feature[]): boolean {
  return enabled.includes(feature) && RENDERER_FEATURES.includes(feature);
}
