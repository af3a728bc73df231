import { createContext } from 'react';

/**
 * Whether the chip dialog may offer the sample (software) card. Off by default: a citizen on a real kiosk
 * must never fill a form from a fake person. On in the staff chip diagnostics, and when the app runs its
 * embedded demo centre (no configuration written yet).
 */
export const ChipDemoContext = createContext(false);
