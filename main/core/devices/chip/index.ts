/**
 * Chip reading for ICAO 9303 eMRTDs and the Vietnamese CCCD: pure protocol code, no I/O. A transport (PC/SC,
 * NFC, the software card) is passed in. See README.md for the layers and the known gaps.
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
