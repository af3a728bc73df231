/**
 * Chip reading for ICAO 9303 eMRTDs and the Vietnamese CCCD. The protocol layers are pure code, no I/O: a
 * transport (PC/SC, NFC, the software card) is passed in. `createChipService` adds the I/O around them
 * (PC/SC readers, CSCA files, events) and `createChipHandlers` the contract methods. See README.md.
 */
export {
  type ApduTransport,
  type ChipReadResult,
  type ChipSession,
  type ReadCardOptions,
  type ReadStep,
  openSession,
  readCard,
  readFile,
} from './reader';
export {
  answerExternalAuthenticate,
  buildExternalAuthenticate,
  checkDigit,
  deriveBacKeys,
  deriveSessionKeys,
  initialSsc,
  mrzInformation,
  mrzInformationFromTd1,
  validateMrzInformation,
  verifyCardAuthentication,
} from './bac';
export { createSecureMessaging, type SecureMessaging } from './sm';
export { adjustParity, pad, retailMac, tdesDecrypt, tdesEncrypt, unpad } from './crypto';
export { ChipError, isChipError, type ChipErrorReason } from './errors';
export { parseAll, parseOne, readHeader, encode as encodeTlv, TlvError, type Tlv } from './tlv';
export { FID, parseCom, parseDg1, type Com } from './lds';
export { parseDg13, type VnPersonalData } from './dg13';
export { parseMrzText, type MrzPerson, type ParsedMrz } from './mrz';
export { verifySod, loadCertificates, type PassiveResult, type PassiveStatus } from './passive';
export { buildCom, buildDg1, buildDg13, buildSod, type Dg13Source } from './build';
export {
  createDemoCard,
  createSoftwareCard,
  DEMO_MRZ,
  DEMO_MRZ_INFORMATION,
  DEMO_PERSON,
  vietnameseCardFiles,
  type SoftwareCard,
  type SoftwareCardFaults,
  type SoftwareCardOptions,
} from './simulator';
export {
  accessCandidates,
  createChipService,
  type ChipProgress,
  type ChipReadInput,
  type ChipService,
  type ChipServiceOptions,
  type ChipStatus,
  type ChipTimeouts,
} from './service';
export { createChipHandlers } from './handlers';
export {
  createPcscWatcher,
  loadPcsclite,
  PcscUnavailable,
  type PcscCard,
  type PcscLiteContext,
  type PcscLiteModule,
  type PcscLiteReader,
  type PcscLiteStatus,
  type PcscReaderState,
  type PcscWatcher,
} from './pcsc';
export { loadCscaFiles, type CscaSet } from './csca';
export { chipPerson, verificationNote } from './result';
export { withTimeout, realChipTimers, type ChipTimers } from './timeout';
