import { createLogger } from '../../log';
import {
  decodeResponse,
  EMRTD_AID,
  encodeCommand,
  externalAuthenticate,
  getChallenge,
  MAX_READ,
  MAX_SHORT_OFFSET,
  readBinary,
  selectApplication,
  selectFile,
  SW,
  swHex,
  type Command,
  type Response,
} from './apdu';
import {
  buildExternalAuthenticate,
  deriveBacKeys,
  deriveSessionKeys,
  initialSsc,
  verifyCardAuthentication,
} from './bac';
import { parseDg13, type VnPersonalData } from './dg13';
import { ChipError } from './errors';
import { FID, parseCom, parseDg1, type Com } from './lds';
import type { MrzPerson, ParsedMrz } from './mrz';
import { verifySod, type PassiveResult } from './passive';
import { createSecureMessaging, type SecureMessaging } from './sm';
import { parseOne, readHeader, TlvError } from './tlv';

const log = createLogger('chip');

/** A card reader channel (PC/SC, NFC, the software card). Rejects when the card is gone. */
export interface ApduTransport {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

export type ReadStep = 'authenticating' | 'reading' | 'verifying' | 'done';

export interface ReadCardOptions {
  /** Document number ‖ check ‖ birth YYMMDD ‖ check ‖ expiry YYMMDD ‖ check (see `mrzInformation`). */
  mrzInformation: string;
  /** Cryptographic randomness: `randomBytes` in production. Called for RND.IFD (8) then K.IFD (16). */
  random: (length: number) => Uint8Array;
  /** Parents' names from DG13: only when the procedure needs them. */
  readParents?: boolean;
  /** Ethnicity from DG13: only when the form being filled asks for it (sensitive; dg13.ts). */
  readEthnicity?: boolean;
  /** CSCA certificates (PEM or DER) for passive authentication; none means 'not-checked'. */
  cscaCertificates?: readonly (string | Uint8Array)[];
  onProgress?: (step: ReadStep, detail?: { file: string; done: number; total: number }) => void;
  /** Reference date for two-digit MRZ years. */
  now?: Date;
}

export interface ChipReadResult {
  com: Com;
  /** DG1: the same shape as a scanned MRZ. */
  person: MrzPerson;
  mrz: Pick<ParsedMrz, 'format' | 'documentCode' | 'issuingState' | 'checkDigitsOk'>;
  /** DG13, Vietnamese cards only. Without religion, identifying marks; parents and ethnicity only if asked. */
  personal?: VnPersonalData;
  passive: PassiveResult;
  /** True only when passive authentication verified: the only case the UI may say "đã xác thực chip". */
  chipVerified: boolean;
}

/** Sends bytes; any transport failure means the card (or reader) went away. */
async function send(transport: ApduTransport, apdu: Uint8Array): Promise<Uint8Array> {
  let raw: Uint8Array;
  try {
    raw = await transport.transmit(apdu);
  } catch (e) {
    if (e instanceof ChipError) throw e;
    throw new ChipError('card-removed', e instanceof Error ? e.message : String(e));
  }
  if (raw.length < 2) throw new ChipError('protocol', 'response shorter than a status word');
  return raw;
}

export interface ChipSession {
  /** Sends a plain command under secure messaging and returns the verified plain response. */
  transmit(cmd: Command): Promise<Response>;
  readonly sm: SecureMessaging;
}

/** SELECT the eMRTD application, then BAC. Returns a secure-messaging session. */
export async function openSession(
  transport: ApduTransport,
  options: Pick<ReadCardOptions, 'mrzInformation' | 'random'>,
): Promise<ChipSession> {
  const keys = deriveBacKeys(options.mrzInformation);
  const plain = async (cmd: Command): Promise<Response> =>
    decodeResponse(await send(transport, encodeCommand(cmd)));

  const selected = await plain(selectApplication(EMRTD_AID));
  if (selected.sw !== SW.OK) throw new ChipError('unsupported-card', `SELECT AID ${swHex(selected.sw)}`);

  const challenge = await plain(getChallenge());
  if (challenge.sw !== SW.OK || challenge.data.length !== 8) {
    throw new ChipError('protocol', `GET CHALLENGE ${swHex(challenge.sw)}`);
  }
  const rndIc = challenge.data;
  const rndIfd = options.random(8);
  const kIfd = options.random(16);
  const ea = buildExternalAuthenticate(keys, { rndIfd, rndIc, kIfd });
  const answer = await plain(externalAuthenticate(ea.data));
  // 6300 (authentication failed) and 6982 (security status) are how cards refuse a key from the wrong MRZ.
  if (
    answer.sw === SW.AUTH_FAILED ||
    answer.sw === SW.SECURITY_NOT_SATISFIED ||
    (answer.sw & 0xfff0) === 0x63c0
  ) {
    throw new ChipError('access-denied', `EXTERNAL AUTHENTICATE ${swHex(answer.sw)}`);
  }
  if (answer.sw !== SW.OK) throw new ChipError('protocol', `EXTERNAL AUTHENTICATE ${swHex(answer.sw)}`);
  const kIc = verifyCardAuthentication(keys, { rndIfd, rndIc }, answer.data);
  const sm = createSecureMessaging({ ...deriveSessionKeys(kIfd, kIc), ssc: initialSsc(rndIc, rndIfd) });
  kIfd.fill(0);

  return {
    sm,
    async transmit(cmd) {
      const r = decodeResponse(sm.unwrap(await send(transport, sm.wrap(encodeCommand(cmd)))));
      if (r.sw === SW.SM_MISSING || r.sw === SW.SM_INCORRECT) {
        throw new ChipError('bad-mac', `card refused our secure messaging: ${swHex(r.sw)}`);
      }
      return r;
    },
  };
}

async function readChunk(session: ChipSession, offset: number, le: number): Promise<Uint8Array> {
  let r = await session.transmit(readBinary(offset, le));
  // 6Cxx: wrong Le, xx is the exact number available.
  if ((r.sw & 0xff00) === 0x6c00) r = await session.transmit(readBinary(offset, r.sw & 0xff || 256));
  if (r.sw !== SW.OK && r.sw !== SW.END_OF_FILE) {
    if (r.sw === SW.SECURITY_NOT_SATISFIED)
      throw new ChipError('access-denied', `READ BINARY ${swHex(r.sw)}`);
    throw new ChipError('protocol', `READ BINARY at ${offset}: ${swHex(r.sw)}`);
  }
  if (offset <= MAX_SHORT_OFFSET) return r.data;
  // INS B1 answers with the data inside a DO53.
  try {
    const do53 = parseOne(r.data);
    if (do53.tag !== 0x53) throw new ChipError('protocol', 'READ BINARY B1 without DO53');
    return do53.value;
  } catch (e) {
    if (e instanceof TlvError) throw new ChipError('protocol', `READ BINARY B1: ${e.message}`);
    throw e;
  }
}

const MAX_FILE = 1 << 20;

/**
 * SELECT a file and read it whole: the first 4 bytes give the tag and length, the rest comes in chunks of at
 * most 0xDF bytes. Short answers are fine (the next read starts where the card stopped); an answer with no
 * progress is not.
 */
export async function readFile(session: ChipSession, fid: number, maxLength = MAX_FILE): Promise<Uint8Array> {
  if (fid === FID.dg(2)) throw new Error('DG2 (the face image) is never read by the kiosk');
  const selected = await session.transmit(selectFile(fid));
  if (selected.sw === SW.FILE_NOT_FOUND) throw new ChipError('file-not-found', `file ${fid.toString(16)}`);
  if (selected.sw !== SW.OK)
    throw new ChipError('protocol', `SELECT ${fid.toString(16)}: ${swHex(selected.sw)}`);

  let head = await readChunk(session, 0, 4);
  let header: ReturnType<typeof readHeader> | undefined;
  while (header === undefined) {
    try {
      header = readHeader(head);
    } catch (e) {
      if (!(e instanceof TlvError)) throw e;
      // A two-byte tag with a three-byte length needs more than the first four bytes.
      if (head.length >= 8) throw new ChipError('protocol', `file ${fid.toString(16)}: ${e.message}`);
      const more = await readChunk(session, head.length, 8 - head.length);
      if (more.length === 0) throw new ChipError('protocol', `file ${fid.toString(16)}: truncated header`);
      const joined = new Uint8Array(head.length + more.length);
      joined.set(head);
      joined.set(more, head.length);
      head = joined;
    }
  }
  const total = header.headerLength + header.length;
  if (total > maxLength) throw new ChipError('protocol', `file ${fid.toString(16)} claims ${total} bytes`);
  const file = new Uint8Array(total);
  file.set(head.subarray(0, total));
  let offset = Math.min(head.length, total);
  while (offset < total) {
    const chunk = await readChunk(session, offset, Math.min(MAX_READ, total - offset));
    if (chunk.length === 0)
      throw new ChipError('protocol', `file ${fid.toString(16)} ends at ${offset} of ${total}`);
    file.set(chunk.subarray(0, total - offset), offset);
    offset += chunk.length;
  }
  return file;
}

/**
 * The whole read: SELECT AID → GET CHALLENGE → EXTERNAL AUTHENTICATE → session keys → EF.COM, DG1, DG13
 * (and EF.SOD when CSCA certificates are configured) under secure messaging. DG2 is never read.
 */
export async function readCard(transport: ApduTransport, options: ReadCardOptions): Promise<ChipReadResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress('authenticating');
  const session = await openSession(transport, options);

  const checkSod = (options.cscaCertificates?.length ?? 0) > 0;
  const read = async (name: string, fid: number, done: number, total: number): Promise<Uint8Array> => {
    progress('reading', { file: name, done, total });
    return readFile(session, fid);
  };
  const com = parseCom(await read('EF.COM', FID.COM, 0, 4));
  const hasDg13 = com.dataGroups.includes(13);
  const steps = 2 + (hasDg13 ? 1 : 0) + (checkSod ? 1 : 0);
  const dg1Bytes = await read('DG1', FID.dg(1), 1, steps);
  const dg1 = parseDg1(dg1Bytes, options.now);
  const groups = new Map<number, Uint8Array>([[1, dg1Bytes]]);
  let personal: VnPersonalData | undefined;
  if (hasDg13) {
    const dg13Bytes = await read('DG13', FID.dg(13), 2, steps);
    personal = parseDg13(dg13Bytes, {
      readParents: options.readParents === true,
      readEthnicity: options.readEthnicity === true,
    });
    groups.set(13, dg13Bytes);
    if (personal.warnings.length > 0) log.warn('DG13 parsed with warnings', { warnings: personal.warnings });
  }

  let passive: PassiveResult = { status: 'not-checked', reason: 'no CSCA certificate configured' };
  if (checkSod) {
    let sod: Uint8Array | undefined;
    try {
      sod = await read('EF.SOD', FID.SOD, steps - 1, steps);
    } catch (e) {
      if (!(e instanceof ChipError && e.reason === 'file-not-found')) throw e;
    }
    progress('verifying');
    passive = verifySod({ sod, cscaCertificates: options.cscaCertificates ?? [], dataGroups: groups });
    if (passive.status === 'failed') log.warn('passive authentication failed', { reason: passive.reason });
  }
  // Raw files (with the sensitive DG13 fields) are no longer needed: clear them rather than wait for GC.
  for (const bytes of groups.values()) bytes.fill(0);
  progress('done');

  const result: ChipReadResult = {
    com,
    person: dg1.person,
    mrz: {
      format: dg1.format,
      documentCode: dg1.documentCode,
      issuingState: dg1.issuingState,
      checkDigitsOk: dg1.checkDigitsOk,
    },
    passive,
    chipVerified: passive.status === 'verified',
  };
  if (personal) result.personal = personal;
  return result;
}
