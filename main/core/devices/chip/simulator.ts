import { randomBytes } from 'node:crypto';
import { decodeCommand, EMRTD_AID, encodeResponse, SW, type Command } from './apdu';
import { answerExternalAuthenticate, deriveBacKeys, deriveSessionKeys, initialSsc } from './bac';
import { equalBytes, wordAt } from './bytes';
import { buildCom, buildDg1, buildDg13, type Dg13Source } from './build';
import { FID } from './lds';
import type { ApduTransport } from './reader';
import { createCardSecureMessaging } from './sm';
import { encode, parseOne } from './tlv';

/**
 * A software eMRTD: the card side of SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE (BAC) and secure-messaging
 * SELECT / READ BINARY (B0 and B1) over files held in memory. Used by the tests, the bench and a staff
 * "demo card" mode. It can misbehave on request: corrupt a response MAC, vanish mid-read, answer short.
 */

export interface SoftwareCardFaults {
  /** Corrupt the MAC of the n-th protected response (1-based, counted from the first after BAC). */
  corruptMacAt?: number;
  /** The card leaves the field when the n-th APDU (1-based, counting every APDU) arrives. */
  removeAt?: number;
  /** Answer at most this many bytes per READ BINARY (a card with a small buffer). */
  maxReadLength?: number;
  /** No eMRTD application (e.g. a bank card): SELECT AID answers 6A82. */
  noApplication?: boolean;
}

export interface SoftwareCardOptions {
  /** The MRZ information printed on the card: the card derives its BAC keys from it. */
  mrzInformation: string;
  /** File id → contents. */
  files: ReadonlyMap<number, Uint8Array>;
  random?: (length: number) => Uint8Array;
  faults?: SoftwareCardFaults;
}

export interface SoftwareCard extends ApduTransport {
  /** Take the card off the reader: every later transmit rejects. */
  remove(): void;
  /** A reset or power cycle by the reader (PC/SC disconnect with reset): the BAC session is gone. */
  reset(): void;
  /** Every APDU received, in order (tests inspect that DG2 is never asked for). */
  readonly log: readonly Uint8Array[];
}

type Session = ReturnType<typeof createCardSecureMessaging>;

const plain = (sw: number, data: Uint8Array = new Uint8Array(0)): Uint8Array => encodeResponse({ data, sw });

export function createSoftwareCard(options: SoftwareCardOptions): SoftwareCard {
  const keys = deriveBacKeys(options.mrzInformation);
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  const faults = options.faults ?? {};
  const log: Uint8Array[] = [];
  let present = true;
  let appSelected = false;
  let rndIc: Uint8Array | undefined;
  let session: Session | undefined;
  let protectedResponses = 0;
  let current: Uint8Array | undefined;

  const reset = (): void => {
    session = undefined;
    rndIc = undefined;
    current = undefined;
  };

  function protectedCommand(cmd: Command): { data?: Uint8Array; sw: number } {
    if (cmd.ins === 0xa4) {
      if (cmd.p1 !== 0x02 || !cmd.data || cmd.data.length !== 2) return { sw: SW.WRONG_P1P2 };
      const file = options.files.get(wordAt(cmd.data, 0));
      if (!file) return { sw: SW.FILE_NOT_FOUND };
      current = file;
      return { sw: SW.OK };
    }
    if (cmd.ins === 0xb0 || cmd.ins === 0xb1) {
      if (!current) return { sw: 0x6986 }; // no current EF
      let offset: number;
      if (cmd.ins === 0xb0) {
        if (cmd.p1 & 0x80) return { sw: SW.WRONG_P1P2 }; // short file identifiers are not modelled
        offset = (cmd.p1 << 8) | cmd.p2;
      } else {
        let do54: ReturnType<typeof parseOne> | undefined;
        try {
          do54 = cmd.data ? parseOne(cmd.data) : undefined;
        } catch {
          return { sw: 0x6a80 }; // incorrect data field
        }
        if (!do54 || do54.tag !== 0x54) return { sw: SW.WRONG_P1P2 };
        offset = do54.value.reduce((n, b) => n * 256 + b, 0);
      }
      if (offset > current.length) return { sw: SW.WRONG_P1P2 };
      let le = cmd.le ?? 256;
      if (cmd.ins === 0xb1) le -= 4;
      if (faults.maxReadLength !== undefined) le = Math.min(le, faults.maxReadLength);
      const data = current.slice(offset, offset + le);
      const sw = data.length < le && offset + data.length >= current.length ? SW.END_OF_FILE : SW.OK;
      return { data: cmd.ins === 0xb1 ? encode(0x53, data) : data, sw };
    }
    return { sw: SW.INS_NOT_SUPPORTED };
  }

  function handle(apdu: Uint8Array): Uint8Array {
    let cmd: ReturnType<typeof decodeCommand>;
    try {
      cmd = decodeCommand(apdu);
    } catch {
      return plain(SW.WRONG_LENGTH);
    }
    if (session) {
      if ((cmd.cla & 0x0c) !== 0x0c) {
        reset();
        return plain(SW.SM_MISSING);
      }
      const inner = session.unwrapCommand(apdu);
      if (!inner) {
        reset();
        return plain(SW.SM_INCORRECT);
      }
      const answer = protectedCommand(inner);
      protectedResponses++;
      return session.wrapResponse(answer.data ?? new Uint8Array(0), answer.sw, {
        corruptMac: protectedResponses === faults.corruptMacAt,
      });
    }
    if (cmd.cla !== 0) return plain(SW.CLA_NOT_SUPPORTED);
    if (cmd.ins === 0xa4 && cmd.p1 === 0x04) {
      appSelected = !faults.noApplication && cmd.data !== undefined && equalBytes(cmd.data, EMRTD_AID);
      return plain(appSelected ? SW.OK : SW.FILE_NOT_FOUND);
    }
    if (!appSelected) return plain(0x6985); // conditions of use not satisfied
    if (cmd.ins === 0x84 && cmd.le === 8) {
      rndIc = random(8);
      return plain(SW.OK, rndIc);
    }
    if (cmd.ins === 0x82 && rndIc && cmd.data) {
      const kIc = random(16);
      const ok = answerExternalAuthenticate(keys, { rndIc, kIc }, cmd.data);
      if (!ok) {
        reset();
        return plain(SW.AUTH_FAILED);
      }
      session = createCardSecureMessaging({
        ...deriveSessionKeys(ok.kIfd, kIc),
        ssc: initialSsc(rndIc, ok.rndIfd),
      });
      protectedResponses = 0;
      return plain(SW.OK, ok.answer);
    }
    // Files are readable only under BAC secure messaging.
    if (cmd.ins === 0xa4 || cmd.ins === 0xb0 || cmd.ins === 0xb1) return plain(SW.SECURITY_NOT_SATISFIED);
    return plain(SW.INS_NOT_SUPPORTED);
  }

  return {
    log,
    remove() {
      present = false;
    },
    reset() {
      reset();
      appSelected = false;
    },
    async transmit(apdu) {
      log.push(apdu.slice());
      if (faults.removeAt !== undefined && log.length >= faults.removeAt) present = false;
      if (!present) throw new Error('card removed (no response from the reader)');
      return handle(apdu);
    },
  };
}

/** The synthetic card of DOMAIN.md (valid check digits, not a real person). */
export const DEMO_MRZ = [
  'IDVNM0900001233001090000123<<4',
  '9001011M3001019VNM<<<<<<<<<<<0',
  'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
] as const;
export const DEMO_MRZ_INFORMATION = '090000123390010113001019';

export const DEMO_PERSON: Dg13Source = {
  idNumber: '001090000123',
  fullName: 'Nguyễn Văn A',
  birthDate: '01/01/1990',
  sex: 'Nam',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Đông Hội, Huyện Đông Anh, Thành phố Hà Nội',
  residence: 'Số 1 Phố Tràng Tiền, Phường Tràng Tiền, Quận Hoàn Kiếm, Thành phố Hà Nội',
  identifyingMarks: 'Nốt ruồi C:2cm trên sau đầu lông mày trái',
  issueDate: '01/01/2021',
  expiryDate: '01/01/2030',
  father: 'Nguyễn Văn B',
  mother: 'Trần Thị C',
  oldIdNumber: '012345678',
};

/** The files of a Vietnamese card: EF.COM listing DG1, DG2, DG13 (DG2 is listed but empty here: never read). */
export function vietnameseCardFiles(
  mrz: readonly string[] = DEMO_MRZ,
  person: Dg13Source = DEMO_PERSON,
): Map<number, Uint8Array> {
  return new Map([
    [FID.COM, buildCom([1, 2, 13])],
    [FID.dg(1), buildDg1(mrz)],
    [FID.dg(13), buildDg13(person)],
  ]);
}

/** The staff "demo card": the synthetic person on a software card. */
export const createDemoCard = (faults?: SoftwareCardFaults): SoftwareCard =>
  createSoftwareCard({ mrzInformation: DEMO_MRZ_INFORMATION, files: vietnameseCardFiles(), faults });
