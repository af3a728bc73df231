import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChipReadSchema, ChipStatusSchema, type EventPayload } from '../../../preload/api';
import { manualClock } from '../../../main/core/clock';
import {
  accessCandidates,
  buildSod,
  ChipError,
  createChipHandlers,
  createChipService,
  createDemoCard,
  createSoftwareCard,
  DEMO_MRZ,
  DEMO_MRZ_INFORMATION,
  DEMO_PERSON,
  FID,
  vietnameseCardFiles,
  type ApduTransport,
  type ChipService,
  type ChipTimeouts,
  type Dg13Source,
  type SoftwareCardFaults,
} from '../../../main/core/devices/chip';
import { quietLogs, tempDir } from '../helpers';
import { rejection } from '../failures';
import { createFakePcsc, settle, type FakePcsc } from './fake-pcsclite';

type Emitted = { event: 'chip.reader' | 'chip.progress'; payload: unknown };

const fixtures = join(__dirname, '../../fixtures/chip');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
/** The demo person's access fields, as a scanned MRZ or staff would give them. */
const ACCESS = { documentNumber: '090000123', birthDate: '1990-01-01', expiryDate: '2030-01-01' };

let logs: string[];
const services: ChipService[] = [];
beforeEach(() => {
  logs = quietLogs();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const s of services.splice(0)) await s.stop();
});

function setup(
  options: {
    pcsc?: boolean;
    csca?: string[];
    files?: Record<string, string | Uint8Array>;
    timeouts?: Partial<ChipTimeouts>;
    loadPcsc?: () => Promise<FakePcsc['module']>;
    evidence?: { chip(idNumber: string, passiveAuthentication: boolean): void };
  } = {},
) {
  const dataDir = tempDir('kiosk-chip-');
  for (const [name, content] of Object.entries(options.files ?? {})) {
    mkdirSync(join(dataDir, name, '..'), { recursive: true });
    writeFileSync(join(dataDir, name), content);
  }
  const fake = createFakePcsc();
  const emitted: Emitted[] = [];
  const loadPcsc = vi.fn(options.loadPcsc ?? (async () => fake.module));
  const service = createChipService({
    config: { pcsc: options.pcsc ?? true, csca: options.csca ?? [] },
    dataDir,
    emit: (event, payload) => emitted.push({ event, payload }),
    clock: manualClock('2026-11-23T02:00:00.000Z'),
    loadPcsc,
    timeouts: { cardWaitMs: 2_000, ...options.timeouts },
    ...(options.evidence ? { evidence: options.evidence } : {}),
  });
  services.push(service);
  const progress = () =>
    emitted.filter((e) => e.event === 'chip.progress').map((e) => e.payload as EventPayload<'chip.progress'>);
  const readerEvents = () =>
    emitted.filter((e) => e.event === 'chip.reader').map((e) => e.payload as EventPayload<'chip.reader'>);
  return { service, fake, emitted, progress, readerEvents, loadPcsc, dataDir };
}

const card = (options: { person?: Dg13Source; mrz?: readonly string[]; faults?: SoftwareCardFaults } = {}) =>
  createSoftwareCard({
    mrzInformation: DEMO_MRZ_INFORMATION,
    files: vietnameseCardFiles(options.mrz ?? DEMO_MRZ, options.person ?? DEMO_PERSON),
    faults: options.faults,
  });

async function withReader(transport: ApduTransport, options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  const reader = s.fake.attach('ACS ACR39U 00 00', transport);
  await s.service.start();
  await settle();
  return { ...s, reader };
}

/** Nothing personal may reach a log line: names, ID numbers, addresses, dates of birth. */
function expectNoPersonalDataLogged(): void {
  const text = logs.join('\n');
  for (const secret of [
    'Nguyễn',
    'NGUYEN',
    '001090000123',
    '090000123',
    'Tràng Tiền',
    '1990-01-01',
    '012345678',
  ])
    expect(text).not.toContain(secret);
}

describe('chip service: reading through a PC/SC reader', () => {
  it('reads the card on the reader: person from DG13, checked against DG1, progress and status events', async () => {
    const { service, progress, readerEvents } = await withReader(card());
    const read = await service.readChip({ access: ACCESS });
    expect(ChipReadSchema.parse(read)).toEqual(read);
    expect(read.person).toEqual({
      idNumber: '001090000123',
      oldIdNumber: '012345678',
      fullName: 'Nguyễn Văn A',
      birthDate: '1990-01-01',
      sex: 'male',
      nationality: 'Việt Nam',
      placeOfOrigin: DEMO_PERSON.placeOfOrigin,
      address: DEMO_PERSON.residence,
      issueDate: '2021-01-01',
      expiryDate: '2030-01-01',
    });
    expect(read.demo).toBe(false);
    expect(read.verification).toBe('not-checked');
    expect(read.note.vi).toMatch(/^Chưa kiểm tra chữ ký số của chip/);
    expect(read.note.vi).not.toMatch(/Đã xác thực/);
    // Never ethnicity, religion, identifying marks; parents only when asked.
    expect(JSON.stringify(read)).not.toMatch(/Kinh|Không|Nốt ruồi|Trần Thị C/);

    const steps = progress();
    expect(steps.map((p) => p.step)).toEqual(expect.arrayContaining(['authenticating', 'reading', 'done']));
    expect(steps.at(-1)).toEqual({ step: 'done', percent: 100 });
    const percents = steps.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    const last = readerEvents().at(-1);
    expect(last?.readers).toEqual([{ name: 'ACS ACR39U 00 00', cardPresent: true }]);
    expectNoPersonalDataLogged();
  });

  it('readParents: parents only when asked', async () => {
    const { service } = await withReader(card());
    const read = await service.readChip({ access: ACCESS, readParents: true });
    expect(read.person.parents).toEqual({ father: 'Nguyễn Văn B', mother: 'Trần Thị C' });
    const without = await service.readChip({ access: ACCESS, readParents: false });
    expect(without.person.parents).toBeUndefined();
  });

  it('readEthnicity: the ethnicity only when asked, and never in a log line or the identity evidence', async () => {
    // Every level, not only the warnings the suite keeps: a debug line must not carry it either.
    vi.stubEnv('KIOSK_LOG_LEVEL', 'debug');
    const told: unknown[][] = [];
    const evidence = { chip: (...args: unknown[]) => void told.push(args) };
    const { service } = await withReader(card(), { evidence });
    const plain = await service.readChip({ access: ACCESS, readParents: true });
    expect(plain.person.ethnicity).toBeUndefined();
    expect(JSON.stringify(plain)).not.toContain('Kinh');
    const read = await service.readChip({ access: ACCESS, readEthnicity: true });
    expect(ChipReadSchema.parse(read).person.ethnicity).toBe('Kinh');
    expect(read.person.parents).toBeUndefined();
    expect(told).toEqual([
      [read.person.idNumber, false],
      [read.person.idNumber, false],
    ]);
    expect(logs.join('\n')).toContain('chip read');
    expect(logs.join('\n')).not.toContain('Kinh');
    expectNoPersonalDataLogged();
  });

  it('wrong MRZ → access denied, in Vietnamese first', async () => {
    const { service } = await withReader(card());
    const e = await rejection(
      ChipError,
      service.readChip({ access: { ...ACCESS, birthDate: '1990-01-02' } }),
    );
    expect(e.error.code).toBe('chip-access-denied');
    expect(e.error.vi).toMatch(/^Thông tin MRZ không khớp với thẻ/);
    expect(e.error.en).toMatch(/do not match the card/);
    expectNoPersonalDataLogged();
  });

  it('a response with a bad MAC is refused', async () => {
    const { service } = await withReader(card({ faults: { corruptMacAt: 3 } }));
    const e = await rejection(ChipError, service.readChip({ access: ACCESS }));
    expect(e.error.code).toBe('chip-bad-mac');
  });

  it('card removed between commands (the reader reports it) → card-removed, and the reader is released', async () => {
    const inner = card();
    let count = 0;
    let removeNow = (): void => undefined;
    const lifted: ApduTransport = {
      async transmit(apdu) {
        const answer = await inner.transmit(apdu);
        if (++count === 6) removeNow();
        return answer;
      },
    };
    const { service, reader } = await withReader(lifted);
    removeNow = () => reader.removeCard();
    const e = await rejection(ChipError, service.readChip({ access: ACCESS }));
    expect(e.error.code).toBe('chip-card-removed');
    expect(e.error.vi).toMatch(/nhấc ra/);
    expect(reader.calls.sent).toHaveLength(6);
    expect(reader.calls.disconnect).toHaveLength(1);
  });

  it('card gone mid-read (transmit fails) → card-removed', async () => {
    const { service } = await withReader(card({ faults: { removeAt: 5 } }));
    expect((await rejection(ChipError, service.readChip({ access: ACCESS }))).error.code).toBe(
      'chip-card-removed',
    );
  });

  it('DG13 with long fields (multi-byte BER lengths) comes through whole', async () => {
    const residence = 'Số nhà 123, Ngõ 45, Đường Nguyễn Trãi, Phường Thượng Đình, Quận Thanh Xuân, '
      .repeat(8)
      .trim();
    const placeOfOrigin = 'Xã Đông Hội, Huyện Đông Anh, Thành phố Hà Nội, '.repeat(6).trim();
    const { service } = await withReader(card({ person: { ...DEMO_PERSON, residence, placeOfOrigin } }));
    const read = await service.readChip({ access: ACCESS });
    expect(read.person.address).toBe(residence);
    expect(read.person.placeOfOrigin).toBe(placeOfOrigin);
  });

  it('DG1 and DG13 that disagree (ID number, birth date, sex) are refused', async () => {
    for (const person of [
      { ...DEMO_PERSON, idNumber: '001090000999' },
      { ...DEMO_PERSON, birthDate: '02/01/1990' },
      { ...DEMO_PERSON, sex: 'Nữ' as const },
    ]) {
      const { service } = await withReader(card({ person }));
      const e = await rejection(ChipError, service.readChip({ access: ACCESS }));
      expect(e.error.code).toBe('chip-mismatch');
    }
    expectNoPersonalDataLogged();
  });

  it('a chip without DG13 (not a Vietnamese ID card) is refused plainly', async () => {
    const files = vietnameseCardFiles();
    files.delete(FID.dg(13));
    files.set(FID.COM, Uint8Array.from(Buffer.from('60145F0104303130375F36063034303030305C026175', 'hex')));
    const { service } = await withReader(createSoftwareCard({ mrzInformation: DEMO_MRZ_INFORMATION, files }));
    expect((await rejection(ChipError, service.readChip({ access: ACCESS }))).error.code).toBe(
      'chip-not-vietnamese',
    );
  });

  it('a card without expiry: both MRZ spellings of "no expiry" are tried', async () => {
    const noExpiryMrz = [DEMO_MRZ[0], '9001011M<<<<<<<VNM<<<<<<<<<<<0', DEMO_MRZ[2]];
    const person = { ...DEMO_PERSON, expiryDate: 'Không thời hạn' };
    for (const info of ['09000012339001011<<<<<<<', '09000012339001011<<<<<<0']) {
      const c = createSoftwareCard({ mrzInformation: info, files: vietnameseCardFiles(noExpiryMrz, person) });
      const { service } = await withReader(c);
      const read = await service.readChip({ access: { ...ACCESS, expiryDate: null } });
      expect(read.person.expiryDate).toBeUndefined();
      expect(read.person.fullName).toBe('Nguyễn Văn A');
    }
    expect(accessCandidates(ACCESS)).toEqual([DEMO_MRZ_INFORMATION]);
  });

  it('waits for the card to be put on the reader, then reads it', async () => {
    const s = setup();
    const reader = s.fake.attach('Reader');
    await s.service.start();
    await settle();
    const reading = s.service.readChip({ access: ACCESS });
    await settle();
    expect(s.progress()[0]).toEqual({ step: 'waiting', percent: 0 });
    reader.insert(card());
    const read = await reading;
    expect(read.person.idNumber).toBe('001090000123');
    const presence = s.readerEvents().map((e) => e.readers[0]?.cardPresent);
    expect(presence).toContain(false);
    expect(presence.at(-1)).toBe(true);
  });

  it('gives up waiting for a card after the bounded time', async () => {
    const s = setup({ timeouts: { cardWaitMs: 30 } });
    s.fake.attach('Reader');
    await s.service.start();
    await settle();
    const e = await rejection(ChipError, s.service.readChip({ access: ACCESS }));
    expect(e.error.code).toBe('chip-no-card');
    expect(e.error.vi).toMatch(/Chưa thấy thẻ/);
  });

  it('the whole call stays within its budget: the card wait is cut to what is left of totalMs', async () => {
    const s = setup({ timeouts: { totalMs: 40, cardWaitMs: 60_000 } });
    s.fake.attach('Reader');
    await s.service.start();
    await settle();
    const started = Date.now();
    expect((await rejection(ChipError, s.service.readChip({ access: ACCESS }))).error.code).toBe(
      'chip-no-card',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('one read at a time: a second read while one runs is "busy"', async () => {
    const s = setup();
    const reader = s.fake.attach('Reader');
    await s.service.start();
    await settle();
    const first = s.service.readChip({ access: ACCESS });
    expect((await rejection(ChipError, s.service.readChip({ access: ACCESS }))).error.code).toBe('chip-busy');
    reader.insert(card());
    await expect(first).resolves.toMatchObject({ demo: false });
  });

  it('without an MRZ and not in demo mode, asks for the MRZ and never touches the card', async () => {
    const { service, reader } = await withReader(card());
    const e = await rejection(ChipError, service.readChip({}));
    expect(e.error.code).toBe('chip-mrz-needed');
    expect(e.error.vi).toMatch(/Quét mặt sau thẻ|quét mặt sau thẻ/);
    expect(e.error.vi).toMatch(/số thẻ, ngày sinh và ngày hết hạn/);
    expect(reader.calls.connect).toHaveLength(0);
  });

  it('a reader unplugged while a read waits ends the wait with "no reader"', async () => {
    const s = setup();
    const reader = s.fake.attach('Reader');
    await s.service.start();
    await settle();
    const reading = s.service.readChip({ access: ACCESS });
    await settle();
    reader.unplug();
    expect((await rejection(ChipError, reading)).error.code).toBe('chip-no-reader');
    expect((await s.service.status()).readers).toEqual([]);
  });
});

describe('chip service: demo card and status', () => {
  it('demo mode reads the software card without a reader or an MRZ, and says it is the sample', async () => {
    const s = setup({ loadPcsc: () => Promise.reject(new Error('Cannot find module pcsclite')) });
    const read = await s.service.readChip({ demo: true });
    expect(ChipReadSchema.parse(read)).toEqual(read);
    expect(read.demo).toBe(true);
    expect(read.person.fullName).toBe('Nguyễn Văn A');
    expect(read.person.parents).toBeUndefined();
    expect(read.person.ethnicity).toBeUndefined();
    expect(read.note.vi).toMatch(/^Thẻ mẫu/);
    expect(read.verification).toBe('not-checked');
    // With the MRZ given, the demo card checks it like a real one.
    const e = await rejection(
      ChipError,
      s.service.readChip({ demo: true, access: { ...ACCESS, documentNumber: '090000124' } }),
    );
    expect(e.error.code).toBe('chip-access-denied');
    expect(
      (await s.service.readChip({ demo: true, access: ACCESS, readParents: true })).person.parents,
    ).toEqual({
      father: 'Nguyễn Văn B',
      mother: 'Trần Thị C',
    });
    expect((await s.service.readChip({ demo: true, readEthnicity: true })).person.ethnicity).toBe('Kinh');
  });

  it('without the PC/SC module: status "unavailable" with a note for staff; a real read says "no reader"', async () => {
    const s = setup({ loadPcsc: () => Promise.reject(new Error('Cannot find module pcsclite')) });
    const status = await s.service.status();
    expect(ChipStatusSchema.parse(status)).toEqual(status);
    expect(status).toMatchObject({ pcsc: 'unavailable', readers: [], cscaCount: 0 });
    expect(status.note?.vi).toMatch(/chưa cài thư viện đọc thẻ PC\/SC/);
    expect(status.note?.en).toMatch(/not installed/);
    const e = await rejection(ChipError, s.service.readChip({ access: ACCESS }));
    expect(e.error.code).toBe('chip-no-reader');
    expect(e.error.vi).toMatch(/chưa có đầu đọc thẻ chip/);
    expect(s.readerEvents().at(-1)?.pcsc).toBe('unavailable');
  });

  it('the real default loader on this machine (pcsclite not installed) leaves the kiosk running', async () => {
    const service = createChipService({
      config: { pcsc: true, csca: [] },
      dataDir: tempDir(),
      emit: () => undefined,
      clock: manualClock('2026-11-23T02:00:00.000Z'),
    });
    services.push(service);
    const status = await service.status();
    // Where a technician has installed pcsclite this is 'ready'; either way the call answers.
    expect(['unavailable', 'ready']).toContain(status.pcsc);
    expect((await service.readChip({ demo: true })).demo).toBe(true);
  });

  it('chip.pcsc false: "disabled", the module is not even loaded', async () => {
    const s = setup({ pcsc: false });
    const status = await s.service.status();
    expect(status.pcsc).toBe('disabled');
    expect(status.note?.vi).toMatch(/chip\.pcsc/);
    expect(s.loadPcsc).not.toHaveBeenCalled();
  });

  it('a ready PC/SC with no reader says so to staff', async () => {
    const s = setup();
    await settle();
    const status = await s.service.status();
    expect(status).toMatchObject({ pcsc: 'ready', readers: [] });
    expect(status.note?.vi).toMatch(/Chưa thấy đầu đọc/);
  });

  it('PC/SC service lost: "unavailable", then reconnects by itself', async () => {
    const s = setup({ timeouts: { pcscRetryMs: 10 } });
    s.fake.attach('Reader', card());
    await s.service.start();
    await settle();
    expect((await s.service.status()).readers).toHaveLength(1);
    s.fake.fail();
    const down = await s.service.status();
    expect(down).toMatchObject({ pcsc: 'unavailable', readers: [] });
    expect(down.note?.vi).toMatch(/pcscd/);
    await vi.waitFor(async () => expect((await s.service.status()).readers).toHaveLength(1), {
      timeout: 2_000,
    });
    expect(s.fake.contexts).toBe(2);
    expect((await s.service.readChip({ access: ACCESS })).person.idNumber).toBe('001090000123');
  });

  it('PC/SC service not running at start (the factory throws): retried until it answers', async () => {
    const s = setup({ timeouts: { pcscRetryMs: 10 } });
    s.fake.throwOnCreate = true;
    s.fake.attach('Reader', card());
    expect((await s.service.status()).pcsc).toBe('unavailable');
    s.fake.throwOnCreate = false;
    await vi.waitFor(async () => expect((await s.service.status()).readers).toHaveLength(1), {
      timeout: 2_000,
    });
  });

  it('createChipHandlers answers the two contract methods', async () => {
    const s = setup({ pcsc: false });
    const handlers = createChipHandlers({ chip: s.service });
    const ctx = { transport: 'ipc', local: true, caller: { kind: 'window' } } as const;
    expect(await handlers['identity.chipStatus']({}, ctx)).toMatchObject({ pcsc: 'disabled' });
    expect((await handlers['identity.readChip']({ demo: true }, ctx)).demo).toBe(true);
  });
});

describe('chip service: passive authentication with CSCA files in the data folder', () => {
  const signerKey = createPrivateKey(fixture('ds.key'));
  const signerCertificate = new Uint8Array(new X509Certificate(fixture('ds.pem')).raw);

  function signedCard(person: Dg13Source = DEMO_PERSON, tamperDg13 = false) {
    const files = vietnameseCardFiles(DEMO_MRZ, person);
    const groups = new Map([
      [1, files.get(FID.dg(1))!],
      [13, files.get(FID.dg(13))!],
    ]);
    files.set(FID.SOD, buildSod({ dataGroups: groups, signerKey, signerCertificate }));
    if (tamperDg13)
      files.set(FID.dg(13), vietnameseCardFiles(DEMO_MRZ, { ...person, residence: 'Số 2' }).get(FID.dg(13))!);
    return createSoftwareCard({ mrzInformation: DEMO_MRZ_INFORMATION, files });
  }

  it('verified: the chain to a configured CSCA (PEM, relative path) and the hashes hold', async () => {
    const { service } = await withReader(signedCard(), {
      csca: ['csca/vn.pem'],
      files: { 'csca/vn.pem': fixture('csca.pem') },
    });
    expect((await service.status()).cscaCount).toBe(1);
    const read = await service.readChip({ access: ACCESS });
    expect(read.verification).toBe('verified');
    expect(read.note.vi).toMatch(/^Đã xác thực chip/);
  });

  it('verified with a DER certificate given by absolute path', async () => {
    const der = new Uint8Array(new X509Certificate(fixture('csca.pem')).raw);
    const dir = tempDir('kiosk-csca-');
    writeFileSync(join(dir, 'csca.cer'), der);
    const { service } = await withReader(signedCard(), { csca: [join(dir, 'csca.cer')] });
    expect((await service.readChip({ access: ACCESS })).verification).toBe('verified');
  });

  it('tells the identity evidence of each real card read, with passive authentication or not; never the demo card', async () => {
    const told: [string, boolean][] = [];
    const evidence = { chip: (id: string, pa: boolean) => void told.push([id, pa]) };
    const verified = await withReader(signedCard(), {
      csca: ['csca/vn.pem'],
      files: { 'csca/vn.pem': fixture('csca.pem') },
      evidence,
    });
    const read = await verified.service.readChip({ access: ACCESS });
    expect(told).toEqual([[read.person.idNumber, true]]);
    const failed = await withReader(signedCard(), {
      csca: ['other.pem'],
      files: { 'other.pem': fixture('other-csca.pem') },
      evidence,
    });
    await failed.service.readChip({ access: ACCESS });
    expect(told.at(-1)).toEqual([read.person.idNumber, false]);
    await failed.service.readChip({ demo: true });
    expect(told).toHaveLength(2);
  });

  it('failed: a CSCA that did not sign the Document Signer — explained, never "đã xác thực"', async () => {
    const { service } = await withReader(signedCard(), {
      csca: ['other.pem'],
      files: { 'other.pem': fixture('other-csca.pem') },
    });
    const read = await service.readChip({ access: ACCESS });
    expect(read.verification).toBe('failed');
    expect(read.note.vi).toMatch(/chứng thư gốc \(CSCA\)/);
    expect(read.note.vi).toMatch(/Không coi thông tin này là đã xác thực/);
    expect(read.note.vi).not.toMatch(/Đã xác thực chip/);
  });

  it('failed: a data group changed after signing', async () => {
    const { service } = await withReader(signedCard(DEMO_PERSON, true), {
      csca: ['csca.pem'],
      files: { 'csca.pem': fixture('csca.pem') },
    });
    const read = await service.readChip({ access: ACCESS });
    expect(read.verification).toBe('failed');
    expect(read.note.vi).toMatch(/không khớp với chữ ký số/);
  });

  it('not-checked when no CSCA is configured, even for a signed card', async () => {
    const { service } = await withReader(signedCard());
    const read = await service.readChip({ access: ACCESS });
    expect(read.verification).toBe('not-checked');
    expect(read.note.vi).toMatch(/chưa được cài chứng thư gốc/);
  });

  it('an unusable CSCA file is named in the status and does not count', async () => {
    const { service } = await withReader(signedCard(), {
      csca: ['csca.pem', 'missing.pem', 'junk.pem'],
      files: { 'csca.pem': fixture('csca.pem'), 'junk.pem': 'not a certificate' },
    });
    const status = await service.status();
    expect(status.cscaCount).toBe(1);
    expect(status.note?.vi).toMatch(/missing\.pem, junk\.pem/);
    expect((await service.readChip({ access: ACCESS })).verification).toBe('verified');
  });
});

describe('chip service: demo card faults stay out of the real path', () => {
  it('the demo card is a fresh software card every read', async () => {
    const s = setup({ pcsc: false });
    const a = await s.service.readChip({ demo: true });
    const b = await s.service.readChip({ demo: true });
    expect(a.person).toEqual(b.person);
    expect(createDemoCard().log).toHaveLength(0);
  });
});
