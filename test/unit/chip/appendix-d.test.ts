import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../main/core/devices/chip/bytes';
import {
  adjustParity,
  pad,
  retailMac,
  tdesDecrypt,
  tdesEncrypt,
} from '../../../main/core/devices/chip/crypto';
import {
  answerExternalAuthenticate,
  buildExternalAuthenticate,
  checkDigit,
  createSecureMessaging,
  deriveBacKeys,
  deriveSessionKeys,
  initialSsc,
  mrzInformation,
  verifyCardAuthentication,
} from '../../../main/core/devices/chip';

/**
 * ICAO Doc 9303 Part 11, Appendix D (worked example: BAC and secure messaging). Every value below is the
 * one printed in the appendix; each step is checked byte for byte.
 */
const D = {
  mrzInformation: 'L898902C<369080619406236',
  kSeed: '239AB9CB282DAF66231DC5A4DF6BFBAE',
  kEnc: 'AB94FDECF2674FDFB9B391F85D7F76F2',
  kMac: '7962D9ECE03D1ACD4C76089DCE131543',
  rndIc: '4608F91988702212',
  rndIfd: '781723860C06C226',
  kIfd: '0B795240CB7049B01C19B33E32804F0B',
  s: '781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B',
  eIfd: '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2',
  mIfd: '5F1448EEA8AD90A7',
  eIc: '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F',
  mIc: '2F2D235D074D7449',
  r: '4608F91988702212781723860C06C2260B4F80323EB3191CB04970CB4052790B',
  kIc: '0B4F80323EB3191CB04970CB4052790B',
  ksEnc: '979EC13B1CBFE9DCD01AB0FED307EAE5',
  ksMac: 'F1CB1F1FB5ADF208806B89DC579DC1F8',
  ssc: '887022120C06C226',
};

describe('Doc 9303 Part 11 Appendix D.2: keys from the MRZ', () => {
  it('builds the MRZ information with its check digits', () => {
    expect(checkDigit('L898902C<')).toBe(3);
    expect(checkDigit('690806')).toBe(1);
    expect(checkDigit('940623')).toBe(6);
    expect(mrzInformation({ documentNumber: 'L898902C', birthDate: '690806', expiryDate: '940623' })).toBe(
      D.mrzInformation,
    );
  });

  it('derives K_seed, K_enc and K_mac', () => {
    const keys = deriveBacKeys(D.mrzInformation);
    expect(toHex(keys.kSeed)).toBe(D.kSeed);
    expect(toHex(keys.kEnc)).toBe(D.kEnc);
    expect(toHex(keys.kMac)).toBe(D.kMac);
  });

  it('adjusts parity to odd on every byte', () => {
    expect(toHex(adjustParity(fromHex('0001FEFF80')))).toBe('0101FEFE80');
    for (const b of deriveBacKeys(D.mrzInformation).kEnc) {
      expect(b.toString(2).split('1').length % 2).toBe(0); // an odd count of 1 bits
    }
  });
});

describe('Appendix D.3: mutual authentication and session keys', () => {
  const keys = deriveBacKeys(D.mrzInformation);
  const nonces = { rndIfd: fromHex(D.rndIfd), rndIc: fromHex(D.rndIc), kIfd: fromHex(D.kIfd) };

  it('encrypts S and MACs it into the EXTERNAL AUTHENTICATE data', () => {
    expect(toHex(tdesEncrypt(keys.kEnc, fromHex(D.s)))).toBe(D.eIfd);
    const ea = buildExternalAuthenticate(keys, nonces);
    expect(toHex(ea.eIfd)).toBe(D.eIfd);
    expect(toHex(ea.mIfd)).toBe(D.mIfd);
    expect(toHex(retailMac(keys.kMac, pad(fromHex(D.eIfd))))).toBe(D.mIfd);
  });

  it('answers as the card does (E_IC, M_IC) and the terminal recovers K.IC', () => {
    const card = answerExternalAuthenticate(
      keys,
      { rndIc: nonces.rndIc, kIc: fromHex(D.kIc) },
      fromHex(D.eIfd + D.mIfd),
    );
    expect(toHex(card!.answer)).toBe(D.eIc + D.mIc);
    expect(toHex(tdesDecrypt(keys.kEnc, fromHex(D.eIc)))).toBe(D.r);
    expect(toHex(verifyCardAuthentication(keys, nonces, fromHex(D.eIc + D.mIc)))).toBe(D.kIc);
  });

  it('derives KS_enc, KS_mac and the SSC', () => {
    const s = deriveSessionKeys(fromHex(D.kIfd), fromHex(D.kIc));
    expect(toHex(s.ksEnc)).toBe(D.ksEnc);
    expect(toHex(s.ksMac)).toBe(D.ksMac);
    expect(toHex(initialSsc(nonces.rndIc, nonces.rndIfd))).toBe(D.ssc);
  });
});

describe('Appendix D.4: secure messaging', () => {
  const sm = () =>
    createSecureMessaging({ ksEnc: fromHex(D.ksEnc), ksMac: fromHex(D.ksMac), ssc: fromHex(D.ssc) });

  it('protects SELECT EF.COM, READ BINARY 4 and READ BINARY 18, and verifies the answers', () => {
    const s = sm();
    expect(toHex(s.wrap(fromHex('00A4020C02011E')))).toBe(
      '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    );
    expect(toHex(s.ssc)).toBe('887022120C06C227');
    expect(toHex(s.unwrap(fromHex('990290008E08FA855A5D4C50A8ED9000')))).toBe('9000');
    expect(toHex(s.ssc)).toBe('887022120C06C228');

    expect(toHex(s.wrap(fromHex('00B0000004')))).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    expect(toHex(s.ssc)).toBe('887022120C06C229');
    expect(toHex(s.unwrap(fromHex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000')))).toBe(
      '60145F019000',
    );
    expect(toHex(s.ssc)).toBe('887022120C06C22A');

    expect(toHex(s.wrap(fromHex('00B0000412')))).toBe('0CB000040D9701128E082EA28A70F3C7B53500');
    expect(toHex(s.ssc)).toBe('887022120C06C22B');
    expect(
      toHex(
        s.unwrap(
          fromHex('871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000'),
        ),
      ),
    ).toBe('04303130365F36063034303030305C0261759000');
    expect(toHex(s.ssc)).toBe('887022120C06C22C');
  });

  it('refuses the appendix response with one bit of its MAC flipped', () => {
    const s = sm();
    s.wrap(fromHex('00A4020C02011E'));
    expect(() => s.unwrap(fromHex('990290008E08FA855A5D4C50A8EC9000'))).toThrow(/chip-bad-mac/);
  });

  it('refuses a correct response checked under the wrong SSC (a replay)', () => {
    const s = sm();
    s.wrap(fromHex('00A4020C02011E'));
    s.unwrap(fromHex('990290008E08FA855A5D4C50A8ED9000'));
    s.wrap(fromHex('00B0000004'));
    expect(() => s.unwrap(fromHex('990290008E08FA855A5D4C50A8ED9000'))).toThrow(/chip-bad-mac/);
  });
});
