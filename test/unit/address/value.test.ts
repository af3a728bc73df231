import { describe, expect, it } from 'vitest';
import { addressLine, addressOf, composeAddressText } from '../../../main/core/address';

const NEW = {
  street: 'Số 5 ngõ 12 phố Kim Mã',
  communeCode: '00004',
  commune: 'Phường Ba Đình',
  province: 'Thành phố Hà Nội',
  provinceCode: '01',
  text: 'Số 5 ngõ 12 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
};
const OLD = 'Số 5 ngõ 12 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội';

describe('addressOf: the address of a data value, old string or new object', () => {
  it('reads a string (a dossier filed before the reform) as its text', () => {
    expect(addressOf(`  ${OLD} `)).toEqual({ text: OLD, onCard: null });
    expect(addressOf('  ')).toBeNull();
    expect(addressOf(undefined)).toBeNull();
    expect(addressOf(42)).toBeNull();
    expect(addressOf(['a'])).toBeNull();
    expect(addressOf({ fullName: 'An' })).toBeNull();
  });

  it('reads a structured address as its text, with the card’s text beside it only where it differs', () => {
    expect(addressOf(NEW)).toEqual({ text: NEW.text, onCard: null });
    expect(addressOf({ ...NEW, asWritten: OLD })).toEqual({ text: NEW.text, onCard: OLD });
    // The same words in another case, spacing or Unicode form are not a second address.
    const same = ` ${NEW.text.toUpperCase().normalize('NFD').replace(/, /g, ',  ')}`;
    expect(addressOf({ ...NEW, asWritten: same })).toEqual({ text: NEW.text, onCard: null });
  });

  it('reads a draft’s half-filled address: its parts composed, else the card’s text', () => {
    expect(addressOf({ street: 'Số 3', commune: 'Phường Ba Đình', province: 'Thành phố Hà Nội' })).toEqual({
      text: 'Số 3, Phường Ba Đình, Thành phố Hà Nội',
      onCard: null,
    });
    // Carried over from a string whose old commune was split: no commune yet, the old text shown.
    expect(addressOf({ street: '', text: OLD, asWritten: OLD })).toEqual({ text: OLD, onCard: null });
    expect(addressOf({ street: '', asWritten: OLD })).toEqual({ text: OLD, onCard: null });
    expect(addressOf({ street: ' ' })).toBeNull();
  });

  it('composes the text from the parts there are, and gives one line for a list', () => {
    expect(composeAddressText({ street: ' ', commune: 'Xã Đông Anh', province: 'Thành phố Hà Nội' })).toBe(
      'Xã Đông Anh, Thành phố Hà Nội',
    );
    expect(addressLine({ ...NEW, asWritten: OLD })).toBe(`${NEW.text} (Địa chỉ trên thẻ: ${OLD})`);
    expect(addressLine({ ...NEW, asWritten: OLD }, 'en')).toBe(`${NEW.text} (Address on the card: ${OLD})`);
    expect(addressLine(NEW)).toBe(NEW.text);
    expect(addressLine(null)).toBeNull();
  });
});
