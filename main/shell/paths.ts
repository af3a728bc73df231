/**
 * Where the pieces live at run time. The main process runs from the bundle dist/main/electron.cjs
 * (scripts/build-main.mjs), in a checkout and inside app.asar alike, so everything is relative to it.
 */
import path from 'node:path';

/** The built renderer (Vite): served as app://kiosk and by the HTTP bridge. */
export const rendererDir = path.join(__dirname, '..', 'renderer');

/** The bundled preload (a single CommonJS file: sandboxed preloads cannot require our modules). */
export const preloadPath = path.join(__dirname, '..', 'preload', 'index.cjs');

// The data folder and the port are resolved exactly as in browser mode (main/core/paths.ts), so a kiosk
// that switches between Electron and browser mode keeps one database.
export { resolveDataDir, resolvePort } from '../core/paths';
