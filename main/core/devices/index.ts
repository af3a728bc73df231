/**
 * Scanners: report decoding (pure) and the node-hid device manager. See README.md in this folder.
 * The chip reader lives in ./chip and is wired separately.
 */
export { decodeHidPos, createHidPosDecoder, readHidPosReport, HID_POS_REPORT_ID } from './hid-pos';
export type { DecodedScan } from './hid-pos';
export { decodeBootKeyboard, splitKeyboardScans, createBootKeyboardDecoder } from './keyboard';
export { loadNodeHid, HidUnavailable } from './hid';
export type { HidModule, HidDevice, HidDeviceInfo } from './hid';
export { createDeviceManager, matchScanner, realTimers, HID_POS_USAGE_PAGE } from './manager';
export type { DeviceManager, DeviceManagerOptions, ScannerConfig, ScannerMode, Timers } from './manager';
