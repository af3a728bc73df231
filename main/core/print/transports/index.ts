export { type WriteDeviceOptions, writeDevice } from './device';
export { type PaperState, type SendTcpOptions, type SendTcpResult, type TcpPrinter, sendTcp } from './tcp';
