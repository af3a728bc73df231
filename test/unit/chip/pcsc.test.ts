import { describe, expect, it, vi } from 'vitest';
import {
  ChipError,
  createDemoCard,
  createPcscWatcher,
  loadPcsclite,
  PcscUnavailable,
  type ApduTransport,
} from '../../../main/core/devices/chip';
import { fromHex, toHex } from '../../../main/core/devices/chip/bytes';
import { createFakePcsc, SCARD, settle } from './fake-pcsclite';
import { rejection } from '../failures';

describe('PC/SC adapter over a pcsclite-shaped module', () => {
  it('follows the documented sequence: reader attached, card present, transmit, card removed, reader gone', async () => {
    const fake = createFakePcsc();
    const onChange = vi.fn();
    const watcher = createPcscWatcher(fake.module, { onChange, onError: vi.fn() });
    const reader = fake.attach('ACS ACR39U ICC Reader 00 00');
    await settle();
    // 'reader' then 'status' EMPTY: listed, no card.
    expect(watcher.readers()).toEqual([{ name: 'ACS ACR39U ICC Reader 00 00', cardPresent: false }]);
    expect(onChange).toHaveBeenCalledTimes(1);

    reader.insert(createDemoCard());
    expect(watcher.readers()[0]?.cardPresent).toBe(true);
    expect(onChange).toHaveBeenCalledTimes(2);

    const card = await watcher.connect(reader.name);
    // Exclusive, T=0 or T=1: no other program may interleave APDUs with a BAC session.
    expect(reader.calls.connect).toEqual([
      {
        share_mode: SCARD.SCARD_SHARE_EXCLUSIVE,
        protocol: SCARD.SCARD_PROTOCOL_T0 | SCARD.SCARD_PROTOCOL_T1,
      },
    ]);
    const answer = await card.transmit(fromHex('00A4040C07A0000002471001'));
    expect(toHex(answer)).toBe('9000');
    expect(toHex(reader.calls.sent[0]!)).toBe('00A4040C07A0000002471001');

    reader.removeCard();
    expect(watcher.readers()[0]?.cardPresent).toBe(false);
    expect(onChange).toHaveBeenCalledTimes(3);
    // The next APDU fails at once as "card removed", without reaching the reader.
    const sentBefore = reader.calls.sent.length;
    expect((await rejection(ChipError, card.transmit(fromHex('0084000008')))).reason).toBe('card-removed');
    expect(reader.calls.sent.length).toBe(sentBefore);
    await card.disconnect();
    expect(reader.calls.disconnect).toEqual([SCARD.SCARD_RESET_CARD]);

    reader.unplug();
    expect(watcher.readers()).toEqual([]);
    expect(onChange).toHaveBeenCalledTimes(4);
    watcher.close();
    expect(fake.closed).toBe(true);
  });

  it('a reader present at start with a card already on it', async () => {
    const fake = createFakePcsc();
    fake.attach('Reader A', createDemoCard());
    const watcher = createPcscWatcher(fake.module, { onChange: vi.fn(), onError: vi.fn() });
    await settle();
    expect(watcher.readers()).toEqual([{ name: 'Reader A', cardPresent: true }]);
  });

  it('a transmit error from the module is "card removed"; connect without a card is "no card"', async () => {
    const fake = createFakePcsc();
    const reader = fake.attach('R', createDemoCard({ removeAt: 2 }));
    const watcher = createPcscWatcher(fake.module, { onChange: vi.fn(), onError: vi.fn() });
    await settle();
    const card = await watcher.connect('R');
    await card.transmit(fromHex('00A4040C07A0000002471001'));
    expect((await rejection(ChipError, card.transmit(fromHex('0084000008')))).reason).toBe('card-removed');

    reader.removeCard();
    expect((await rejection(ChipError, watcher.connect('R'))).reason).toBe('no-card');
    expect((await rejection(ChipError, watcher.connect('elsewhere'))).reason).toBe('no-reader');
  });

  it('T=0: a 61xx answer is completed with GET RESPONSE', async () => {
    const fake = createFakePcsc();
    const seen: string[] = [];
    const t0: ApduTransport = {
      async transmit(apdu) {
        seen.push(toHex(apdu));
        if (apdu[1] === 0x84) return fromHex('6108');
        if (apdu[1] === 0xc0) return fromHex('01020304050607089000');
        return fromHex('6D00');
      },
    };
    fake.attach('T0', t0);
    const watcher = createPcscWatcher(fake.module, { onChange: vi.fn(), onError: vi.fn() });
    await settle();
    const card = await watcher.connect('T0');
    expect(toHex(await card.transmit(fromHex('0084000008')))).toBe('01020304050607089000');
    expect(seen).toEqual(['0084000008', '00C0000008']);
  });

  it('a reader that never answers times out (bounded wait)', async () => {
    const fake = createFakePcsc();
    const reader = fake.attach('Slow', createDemoCard());
    const watcher = createPcscWatcher(fake.module, {
      onChange: vi.fn(),
      onError: vi.fn(),
      apduTimeoutMs: 30,
    });
    await settle();
    const card = await watcher.connect('Slow');
    reader.hang = true;
    const e = await rejection(ChipError, card.transmit(fromHex('0084000008')));
    expect(e.reason).toBe('timeout');
    expect(e.error.vi).toMatch(/quá lâu/);
  });

  it('reports a failed PC/SC service through onError', async () => {
    const fake = createFakePcsc();
    const onError = vi.fn();
    createPcscWatcher(fake.module, { onChange: vi.fn(), onError });
    fake.fail();
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringMatching(/stopped/) }),
    );
  });

  it('loading a module that is not installed is PcscUnavailable, not a crash', async () => {
    await expect(loadPcsclite('pcsclite-not-installed-here')).rejects.toBeInstanceOf(PcscUnavailable);
  });
});
