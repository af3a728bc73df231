/** See electron-path.mjs: the Electron executable, or null when it is not installed (no download). */
export function findElectronBinary(): string | null;
