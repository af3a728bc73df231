import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../main/core/devices/chip/bytes';
import {
  buildDg13,
  ChipError,
  createDemoCard,
  createSoftwareCard,
  DEMO_MRZ_INFORMATION,
  DEMO_PERSON,
  FID,
  isChipError,
  mrzInformation,
  mrzInformationFromTd1,
  DEMO_MRZ,
  openSession,
  readCard,
  readFile,
  validateMrzInformation,
  vietnameseCardFiles,
  type ApduTransport,
} from '../../../main/core/devices/chip';
import { randomBytes } from 'node:crypto';
import { rejection } from '../failures';

const random = (n: number) => new Uint8Array(randomBytes(n));
const now = new Date('2025-06-01');

describe('Appendix D over a transport: the exchanges as printed', () => {
  it('sends exactly the appendix APDUs and reads EF.COM', async () => {
    const script: [string, string][] = [
      ['00A4040C07A0000002471001', '9000'],
      ['0084000008', '4608F919887022129000'],
      [
        '008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728',
        '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000',
      ],
      ['0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800', '990290008E08FA855A5D4C50A8ED9000'],
      ['0CB000000D9701048E08ED6705417E96BA5500', '8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000'],
      [
        '0CB000040D9701128E082EA28A70F3C7B53500',
        '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
      ],
    ];
    let i = 0;
    const transport: ApduTransport = {
      async transmit(apdu) {
        const [expected, answer] = script[i++]!;
        expect(toHex(apdu)).toBe(expected);
        return fromHex(answer);
      },
    };
    const nonces = [fromHex('781723860C06C226'), fromHex('0B795240CB7049B01C19B33E32804F0B')];
    const session = await openSession(transport, {
      mrzInformation: 'L898902C<369080619406236',
      random: () => nonces.shift()!,
    });
    expect(toHex(session.sm.ssc)).toBe('887022120C06C226');
    expect(toHex(await readFile(session, FID.COM))).toBe('60145F0104303130365F36063034303030305C026175');
    expect(toHex(session.sm.ssc)).toBe('887022120C06C22C');
    expect(i).toBe(script.length);
  });
});

describe('readCard against the software card', () => {
  it('reads EF.COM, DG1 and DG13 and never asks for DG2', async () => {
    const card = createDemoCard();
    const steps: string[] = [];
    const result = await readCard(card, {
      mrzInformation: DEMO_MRZ_INFORMATION,
      random,
      now,
      onProgress: (step, d) => steps.push(d ? `${step}:${d.file}` : step),
    });
    expect(result.com.dataGroups).toEqual([1, 2, 13]);
    expect(result.person).toMatchObject({
      documentNumber: '090000123',
      idNumber: '001090000123',
      birthDate: '1990-01-01',
    });
    expect(result.personal).toMatchObject({ fullName: 'Nguyễn Văn A', residence: DEMO_PERSON.residence });
    expect(result.personal?.parents).toBeUndefined();
    expect(result.passive.status).toBe('not-checked');
    expect(result.chipVerified).toBe(false);
    expect(steps).toEqual(['authenticating', 'reading:EF.COM', 'reading:DG1', 'reading:DG13', 'done']);
    // The plain SELECT commands are before BAC; a protected SELECT of 0102 would be encrypted, so check
    // that the file was never selected by counting SELECTs: AID, COM, DG1, DG13.
    expect(card.log.filter((a) => (a[1] === 0xa4 ? 1 : 0)).length).toBe(4);
    expect(JSON.stringify(result)).not.toMatch(/Kinh|Không|Nốt ruồi/);
  });

  it('reads the parents when asked', async () => {
    const r = await readCard(createDemoCard(), {
      mrzInformation: DEMO_MRZ_INFORMATION,
      random,
      now,
      readParents: true,
    });
    expect(r.personal?.parents).toEqual({ father: 'Nguyễn Văn B', mother: 'Trần Thị C' });
  });

  it('refuses to read DG2', async () => {
    const session = await openSession(createDemoCard(), { mrzInformation: DEMO_MRZ_INFORMATION, random });
    await expect(readFile(session, FID.dg(2))).rejects.toThrow(/never read/);
  });

  it('wrong MRZ → access denied (6300 on EXTERNAL AUTHENTICATE)', async () => {
    const wrong = mrzInformation({ documentNumber: '090000124', birthDate: '900101', expiryDate: '300101' });
    const e = await rejection(ChipError, readCard(createDemoCard(), { mrzInformation: wrong, random }));
    expect(e.reason).toBe('access-denied');
    expect(e.error.code).toBe('chip-access-denied');
    expect(e.error.vi).toMatch(/MRZ/);
    expect(e.detail).toBe('EXTERNAL AUTHENTICATE 6300');
  });

  it('a typo in the MRZ information is caught before the card is touched', async () => {
    const card = createDemoCard();
    const e = await rejection(
      ChipError,
      readCard(card, { mrzInformation: '090000123390010113001018', random }),
    );
    expect(e.reason).toBe('bad-mrz');
    expect(card.log).toHaveLength(0);
    expect(() => validateMrzInformation(DEMO_MRZ_INFORMATION)).not.toThrow();
  });

  it('takes the MRZ information verbatim from a scanned TD1 MRZ, including a card without expiry', () => {
    expect(mrzInformationFromTd1(DEMO_MRZ.join('\n'))).toBe(DEMO_MRZ_INFORMATION);
    const noExpiry = [
      'IDVNM0900001233001090000123<<4',
      '9001011M<<<<<<<VNM<<<<<<<<<<<0',
      'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
    ];
    expect(mrzInformationFromTd1(noExpiry.join('\n'))).toBe('09000012339001011<<<<<<<');
    expect(() => mrzInformationFromTd1('IDVNM')).toThrow(/chip-bad-mrz/);
  });

  it.each([1, 2, 4, 7])('a response with a bad MAC (protected response %i) is refused', async (n) => {
    const card = createDemoCard({ corruptMacAt: n });
    const e = await rejection(ChipError, readCard(card, { mrzInformation: DEMO_MRZ_INFORMATION, random }));
    expect(e.reason).toBe('bad-mac');
    expect(e.error.en).toMatch(/integrity/);
  });

  it.each([2, 4, 6, 9])('card removed at APDU %i → card-removed', async (n) => {
    const e = await rejection(
      ChipError,
      readCard(createDemoCard({ removeAt: n }), { mrzInformation: DEMO_MRZ_INFORMATION, random }),
    );
    expect(e.reason).toBe('card-removed');
    expect(e.error.vi).toMatch(/nhấc ra/);
  });

  it('card removed between two commands, by hand', async () => {
    const card = createDemoCard();
    const session = await openSession(card, { mrzInformation: DEMO_MRZ_INFORMATION, random });
    await readFile(session, FID.COM);
    card.remove();
    expect((await rejection(ChipError, readFile(session, FID.dg(1)))).reason).toBe('card-removed');
  });

  it('a card without the eMRTD application is unsupported', async () => {
    const e = await rejection(
      ChipError,
      readCard(createDemoCard({ noApplication: true }), { mrzInformation: DEMO_MRZ_INFORMATION, random }),
    );
    expect(e.reason).toBe('unsupported-card');
  });

  it('a missing DG1 is file-not-found; a card without DG13 reads DG1 only', async () => {
    const files = vietnameseCardFiles();
    files.delete(FID.dg(1));
    const e = await rejection(
      ChipError,
      readCard(createSoftwareCard({ mrzInformation: DEMO_MRZ_INFORMATION, files }), {
        mrzInformation: DEMO_MRZ_INFORMATION,
        random,
      }),
    );
    expect(e.reason).toBe('file-not-found');

    const passport = vietnameseCardFiles();
    passport.delete(FID.dg(13));
    passport.set(FID.COM, fromHex('60145F0104303130375F36063034303030305C026175'));
    const r = await readCard(createSoftwareCard({ mrzInformation: DEMO_MRZ_INFORMATION, files: passport }), {
      mrzInformation: DEMO_MRZ_INFORMATION,
      random,
      now,
    });
    expect(r.personal).toBeUndefined();
    expect(r.person.surname).toBe('NGUYEN');
  });

  it('DG13 with long fields (multi-byte lengths) and a card that answers short reads', async () => {
    const long = {
      ...DEMO_PERSON,
      residence: 'Số nhà 123, Ngõ 45, Đường Nguyễn Trãi, Phường Thượng Đình, '.repeat(10),
    };
    const files = vietnameseCardFiles(undefined, long);
    expect(files.get(FID.dg(13))![1]).toBe(0x82);
    for (const maxReadLength of [undefined, 17, 3]) {
      const card = createSoftwareCard({
        mrzInformation: DEMO_MRZ_INFORMATION,
        files,
        faults: { maxReadLength },
      });
      const r = await readCard(card, { mrzInformation: DEMO_MRZ_INFORMATION, random });
      expect(r.personal?.residence).toBe(long.residence.trim());
    }
  });

  it('reads past offset 0x7FFF with READ BINARY B1 (DO54/DO53)', async () => {
    const big = buildDg13({ ...DEMO_PERSON, residence: 'Đ'.repeat(20000) }); // 40 000 UTF-8 bytes
    expect(big.length).toBeGreaterThan(0x7fff);
    const files = vietnameseCardFiles();
    files.set(FID.dg(13), big);
    const card = createSoftwareCard({ mrzInformation: DEMO_MRZ_INFORMATION, files });
    const session = await openSession(card, { mrzInformation: DEMO_MRZ_INFORMATION, random });
    expect(toHex(await readFile(session, FID.dg(13)))).toBe(toHex(big));
  });

  it('every chip error is a KioskFailure with Vietnamese and English text', () => {
    for (const reason of [
      'access-denied',
      'card-removed',
      'bad-mac',
      'unsupported-card',
      'file-not-found',
      'bad-mrz',
      'protocol',
    ] as const) {
      const e = new ChipError(reason);
      expect(isChipError(e, reason)).toBe(true);
      expect(e.error.vi.length).toBeGreaterThan(10);
      expect(e.error.en.length).toBeGreaterThan(10);
    }
  });
});
