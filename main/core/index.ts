import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { createAlerts } from './alerts';
import { createDiskGuard } from './disk';
import { createAudit } from './audit';
import { systemClock, type Clock } from './clock';
import { loadConfig, parseConfig, type LoadedConfig } from './config/load';
import { openDatabase } from './db/open';
import { damageAlerts } from './db/damage';
import { KioskFailure, kioskError } from './errors';
import { createEventBus } from './events';
import { createDeviceManager, type HidModule, type Timers } from './devices';
import { createHandlers, type DomainHandlers } from './handlers';
import { createDispatcher } from './dispatch';
import { createCatalogue, createCatalogueHandlers } from './catalogue';
import { createCalendarHandlers, createCalendarStore } from './calendar';
import { createAddressBook, createAddressHandlers } from './address';
import { createDossierHandlers, createDossiers, ticketDossierLink, upgradeAddressesAtStart } from './dossier';
import { watchImportFolders } from './dossier/watch';
import { decoderFor, type FileWorkerOptions } from './dossier/decode';
import { startLanTls, type LanTls } from './tls';
import { warmFontkit } from './print/fontkit';
import { createFeedback } from './feedback';
import { createChipHandlers, createChipService } from './devices/chip';
import { createIdentityEvidence } from './identity/evidence';
import { createSync, createSyncHandlers } from './sync';
import { createIndicators, createReportHandlers } from './report';
import { createPortalClient, socketsFor, type HttpPortalClient } from './sync/client';
import { blobPath } from './dossier';
import { formSink, parkSlipSink, receiptSink, ticketPrint } from './print/sinks';
import { FORM_WORDS, type FormWords, loadFormWords } from './print/forms/words';
import { createLogger } from './log';
import { createStaff } from './staff/service';
import { createQueue } from './queue/service';
import { createPrintJobs, type Deliver } from './print/jobs';
import { createDeliver, createPrintRecovery } from './print/printers';
import type { ScryptParams } from './staff/pin';
import type { Core } from './types';
import { createManifests, type Manifests } from './dossier/manifest';
import type { Alerts } from './alerts';
import type { Audit } from './audit';
import { createPairing } from './pairing';

const log = createLogger('core');

export interface CoreOptions {
  dataDir: string;
  /** A configuration object instead of the data folder's file (tests, benches). */
  config?: unknown;
  /** KIOSK_ADMIN_PIN and friends; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  randomBytes?: (n: number) => Buffer;
  appVersion?: string;
  /** Tests lower scrypt's cost to keep the suite fast; never set in production. */
  scrypt?: ScryptParams;
  /** How print jobs reach printers; defaults to the configured printers (TCP, device file, CUPS). */
  deliver?: Deliver;
  /** Print retry timing (tests shorten it). */
  printRetry?: { baseDelayMs: number; maxAttempts: number; probeIntervalMs?: number };
  /** How scanners are reached; defaults to node-hid, loaded lazily (tests pass a fake). */
  hid?: () => Promise<HidModule>;
  /** Timers for scanner re-enumeration (tests drive them by hand). */
  timers?: Timers;
  /** Where the attachment worker's script is and how it starts (the Electron shell, tests, benches). */
  fileWorker?: FileWorkerOptions;
}

export type { Core, CallContext } from './types';

/** Puts back the dossiers only their manifests still hold, and says so loudly to staff. */
function restoreDossiers(manifests: Manifests, alerts: Alerts, audit: Audit, thorough: boolean): void {
  const { codes, completed, failed, missingFiles } = manifests.restore({ thorough });
  if (codes.length > 0 || completed.length > 0) {
    const list = (c: string[]) => c.slice(0, 5).join(', ') + (c.length > 5 ? ', …' : '');
    const files =
      missingFiles > 0
        ? {
            vi: ` ${missingFiles} tệp đính kèm không còn trên đĩa.`,
            en: ` ${missingFiles} attached files are no longer on disk.`,
          }
        : { vi: '', en: '' };
    const back =
      codes.length > 0
        ? {
            vi: `Cơ sở dữ liệu thiếu ${codes.length} hồ sơ đã nộp (${list(codes)}); ki-ốt đã khôi phục chúng từ bản lưu riêng của từng hồ sơ và sẽ gửi lên cổng như bình thường. `,
            en: `The database lacked ${codes.length} submitted dossiers (${list(codes)}); the kiosk restored them from each dossier's own saved copy and will send them to the portal as usual. `,
          }
        : { vi: '', en: '' };
    const filled =
      completed.length > 0
        ? {
            vi: `${completed.length} hồ sơ (${list(completed)}) thiếu phần gửi đi, tệp đính kèm hoặc lịch sử đã được bổ sung từ bản lưu. `,
            en: `${completed.length} dossiers (${list(completed)}) missing their sending state, files or history were completed from their saved copies. `,
          }
        : { vi: '', en: '' };
    alerts.raise({
      level: 'critical',
      code: 'dossiers-restored',
      vi: `${back.vi}${filled.vi}${files.vi} Hãy báo kỹ thuật kiểm tra ổ đĩa.`.replace(/\s+/g, ' ').trim(),
      en: `${back.en}${filled.en}${files.en} Ask a technician to check the disk.`.replace(/\s+/g, ' ').trim(),
    });
  }
  if (failed.length > 0) {
    // Raised once while open: a manifest that stays unreadable does not add an alert at every start.
    alerts.raise(
      {
        level: 'critical',
        code: 'manifests-unreadable',
        vi: `${failed.length} bản lưu hồ sơ trong thư mục manifests không đọc được (${failed
          .slice(0, 3)
          .map((f) => f.file)
          .join(', ')}). Tệp đính kèm của chúng được giữ lại; hãy báo kỹ thuật kiểm tra.`,
        en: `${failed.length} dossier copies in the manifests folder could not be read (${failed
          .slice(0, 3)
          .map((f) => f.file)
          .join(', ')}). Their attached files are kept; ask a technician to look at them.`,
      },
      'manifests-unreadable',
      { once: true },
    );
  }
  if (codes.length + completed.length + failed.length > 0)
    audit.record({ action: 'dossier.restored', details: { codes, completed, missingFiles, failed } });
}

/**
 * The portal: KIOSK_PORTAL_URL and KIOSK_PORTAL_TOKEN (both, or neither) override the configuration's
 * `portal`, so a kiosk can be pointed at a test portal without editing its file.
 */
function portalFrom(
  config: LoadedConfig['config'],
  env: NodeJS.ProcessEnv,
): { url: string; token: string } | null {
  const url = env.KIOSK_PORTAL_URL?.trim();
  const token = env.KIOSK_PORTAL_TOKEN?.trim();
  if (!url && !token) return config.portal;
  if (!url || !token || !/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url) || token.length < 8) {
    throw new KioskFailure(
      kioskError(
        'portal-env-invalid',
        'KIOSK_PORTAL_URL và KIOSK_PORTAL_TOKEN phải được đặt cùng nhau: một địa chỉ http(s) và một mã truy cập ít nhất 8 ký tự.',
        'KIOSK_PORTAL_URL and KIOSK_PORTAL_TOKEN go together: an http(s) address and a token of at least 8 characters.',
        'KIOSK_PORTAL_URL',
      ),
    );
  }
  return { url, token };
}

export { KioskFailure } from './errors';

/** KIOSK_PRINT_RETRY_MS shortens the first print retry (tests, or a printer known to recover fast). */
function printRetryFrom(env: NodeJS.ProcessEnv): { baseDelayMs?: number } {
  const ms = Number(env.KIOSK_PRINT_RETRY_MS);
  return Number.isInteger(ms) && ms >= 50 && ms <= 600_000 ? { baseDelayMs: ms } : {};
}

/**
 * Opens the database, wires the services and returns the contract's implementation. Throws a
 * `KioskFailure` (with vi/en text) when the configuration is unusable: a kiosk must not start half-set-up.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const loaded: LoadedConfig =
    options.config === undefined
      ? loadConfig(options.dataDir)
      : { config: parseConfig(options.config), demo: false, path: '(given)' };

  // Before the database opens: a bad override stops the start with nothing to clean up.
  const portal = portalFrom(loaded.config, env);
  const { db, recovered, lost, walLoss } = openDatabase(options.dataDir, clock.now());
  const bus = createEventBus();
  const audit = createAudit(db, clock);
  const alerts = createAlerts(db, { clock, bus, audit });
  // A full disk answers `disk-full` (not `internal`) and alerts staff once (disk.ts).
  const disk = createDiskGuard({ db, alerts, dataDir: options.dataDir, clock });
  // Submitted dossiers the database lacks but whose manifests exist go back before anything reads it
  // (the attachment sweep would otherwise take their files for orphans): dossier/manifest.ts.
  const manifests = createManifests({ db, dataDir: options.dataDir, now: () => clock.now() });
  restoreDossiers(manifests, alerts, audit, recovered !== null || lost !== null || walLoss !== null);
  const staff = createStaff(db, {
    clock,
    audit,
    sessionMinutes: loaded.config.staffSessionMinutes,
    sessionMaxHours: loaded.config.staffSessionMaxHours,
    randomBytes: options.randomBytes ?? nodeRandomBytes,
    scrypt: options.scrypt,
    // A kiosk whose database was lost or damaged is not a first start: no admin from the screen.
    setupLocked: recovered !== null || lost !== null,
  });
  const pairing = createPairing({
    db,
    clock,
    audit,
    alerts,
    randomBytes: options.randomBytes ?? nodeRandomBytes,
  });

  const config = loaded.config;
  // The forms' words, as the centre corrected them in paperwork.json (print/forms/words.ts). A file that
  // does not read is not worth a kiosk that does not start: the shipped words print, staff are told.
  let words: FormWords = FORM_WORDS;
  try {
    words = loadFormWords(options.dataDir);
    alerts.settle('paperwork-invalid');
  } catch (error) {
    const message = error instanceof KioskFailure ? error.error : { vi: String(error), en: String(error) };
    log.error('paperwork.json not used', { error });
    alerts.raise(
      { level: 'critical', code: 'paperwork-invalid', vi: message.vi, en: message.en },
      'paperwork-invalid',
      { once: true },
    );
  }
  const printJobs = createPrintJobs(db, {
    clock,
    bus,
    alerts,
    deliver: options.deliver ?? createDeliver(config, undefined, words),
    recovery: createPrintRecovery(db, config, clock),
    ...printRetryFrom(env),
    ...options.printRetry,
  });
  const ticketPrinter = config.ticketPrinter;

  try {
    // A damaged file moved aside (and what was salvaged from it), a lost or empty one, a damaged or lost WAL.
    for (const damage of damageAlerts({ recovered, lost, walLoss })) {
      alerts.raise({ level: 'critical', code: damage.code, vi: damage.vi, en: damage.en });
      audit.record({ action: damage.action, details: damage.details });
    }
    const seedPin = env.KIOSK_ADMIN_PIN;
    if (seedPin) await staff.seedAdmin(seedPin);
  } catch (error) {
    db.close();
    throw error;
  }

  // What main itself read of ID cards (chip reads, the scanners' card QRs), for submit (identity/evidence.ts).
  const identityEvidence = createIdentityEvidence({ now: () => clock.now(), timeZone: config.timeZone });
  const devices = createDeviceManager({
    scanners: config.scanners,
    emit: (scan) => {
      identityEvidence.scan(scan.text);
      bus.emit('device.scan', scan);
    },
    clock,
    timers: options.timers,
    loadHid: options.hid,
  });

  // Each domain's handlers; one line per domain (catalogue, dossier, chip, sync).
  const catalogue = createCatalogue({ db, clock, timeZone: config.timeZone });
  // Shipped holidays + an admin's changes from the database; due dates read it live.
  const calendar = createCalendarStore(db, { clock, audit });
  // Administrative units (shipped + installed datasets), indexed on the first address call.
  const addresses = createAddressBook(db, { clock, audit, timeZone: config.timeZone });
  // Drafts and parked dossiers saved with string addresses, carried over to the structured field once.
  upgradeAddressesAtStart(db, { catalogue, book: addresses, now: clock.now() });
  // Attachments are decoded and checked in a child process, started lazily (decode/pool.ts).
  const decoder = decoderFor(config, options.fileWorker);
  const dossiers = createDossiers({
    db,
    config,
    // Files named by manifests that could not be put back stay for a technician (manifest.ts).
    keepBlobs: () => manifests.keptBlobs(),
    decoder,
    dataDir: options.dataDir,
    clock,
    randomBytes: options.randomBytes ?? nodeRandomBytes,
    audit,
    bus,
    getProcedure: (id) => catalogue.get(id),
    // The e-form's schema, then its structured addresses against the units in force (address book).
    validateForm: (procedure, data) => [
      ...catalogue.validateForm(procedure, data),
      ...addresses.checkAddresses(data),
    ],
    receipts: receiptSink(config, printJobs, words),
    forms: formSink(config, printJobs, words),
    parkSlips: parkSlipSink(ticketPrinter, printJobs),
    calendar,
    // A dossier row that no longer reads back (bit rot) is named to staff once (dossier/damage.ts).
    alerts,
    identityEvidence,
  });
  const queue = createQueue(db, {
    dataDir: options.dataDir,
    clock,
    config,
    bus,
    audit,
    hooks: {
      enqueueTicketPrint: ticketPrint(config, printJobs),
      printStatus: (jobId) => printJobs.status(jobId),
      ticketCommitted: () => printJobs.kick(),
    },
    dossierLink: ticketDossierLink({ dossiers, now: () => clock.now().getTime() }),
  });
  const feedback = createFeedback(db, { clock, timeZone: config.timeZone });
  // The chooser's file list refreshes when a scan lands in an import folder or a USB drive comes and goes.
  const folderWatch = watchImportFolders({
    folders: config.dossier.importFolders,
    dataDir: options.dataDir,
    onChange: (change) => bus.emit('dossier.sources', change),
  });
  const chip = createChipService({
    config: config.chip,
    dataDir: options.dataDir,
    emit: (event, payload) => bus.emit(event, payload),
    clock,
    evidence: identityEvidence,
  });
  const client: HttpPortalClient | null = portal
    ? createPortalClient({
        url: portal.url,
        token: portal.token,
        kioskId: config.kioskId,
        timeoutMs: config.sync.requestTimeoutMs,
        maxSockets: socketsFor(config.sync.concurrency),
      })
    : null;
  const sync = createSync({
    db,
    client,
    clock,
    config,
    blobPath: (sha256) => blobPath(options.dataDir, sha256),
    catalogue,
    // The portal received or refused a dossier waiting here (dossier/reception.ts), in the pull's transaction.
    reception: {
      byPortal: (change) => dossiers.receptionByPortal(change),
      dueAfterSupplement: (id, at) => dossiers.dueAfterSupplement(id, at),
    },
    emit: (event, payload) => bus.emit(event, payload),
    alerts,
    audit,
  });
  // A dossier just submitted is sent at once when the portal is reachable; any later change (sent,
  // corrected, a status from the portal) is copied to its manifest, off the event loop.
  const offSubmitted = bus.subscribe((message) => {
    if (message.event !== 'dossier.changed') return;
    const { id, change } = message.payload as { id: string; change: string };
    if (change === 'submitted') sync.kick();
    else manifests.update(id);
  });
  const domains: DomainHandlers = {
    ...createCatalogueHandlers({ catalogue }),
    ...createDossierHandlers({ dossiers, feedback, config, now: () => clock.now().getTime() }),
    ...createCalendarHandlers({ calendar, timeZone: config.timeZone }),
    ...createAddressHandlers({ book: addresses }),
    ...createChipHandlers({ chip }),
    ...createSyncHandlers({ sync }),
    ...createReportHandlers({ indicators: createIndicators({ db, timeZone: config.timeZone, calendar }) }),
  };

  // HTTPS for the LAN, before the bridge starts. Without it the bridge stays on loopback (main/server).
  let lanTls: LanTls | null = null;
  if (config.bridge.lan) {
    try {
      lanTls = await startLanTls({
        dataDir: options.dataDir,
        clock,
        name: `${config.centre.name} – ${config.kioskId}`,
        networks: config.bridge.lanNetworks,
      });
    } catch (error) {
      log.error('the LAN certificate could not be made', { error });
    }
  }

  const handlers = createHandlers({
    lanTls,
    pairing,
    clock,
    loaded,
    staff,
    queue,
    db,
    alerts,
    appVersion: options.appVersion ?? '0.0.0',
    devices,
    printJobs,
    testScans: env.KIOSK_TEST_SCANS === '1',
    domains,
  });
  printJobs.start();
  void devices.start();
  void chip.start(); // never throws: problems show in identity.chipStatus
  sync.start();
  // Citizens' abandoned drafts and old parked ones go (with their files), at start and every minute.
  const sweep = (): void => {
    try {
      dossiers.sweepDrafts();
      manifests.sweepReserved();
    } catch (error) {
      log.error('draft sweep failed', { error });
    }
  };
  sweep();
  const sweepTimer = setInterval(sweep, 60_000);
  sweepTimer.unref();

  const { call, admit } = createDispatcher({
    handlers,
    staff,
    deviceFor: (token, from) => pairing.authenticate(token, from),
    audit,
    disk,
  });

  // Printing's font engine loads after start, off the path to the first screen (print/fontkit.ts).
  warmFontkit();
  // So do the administrative units (~1 s on a kiosk), before a citizen's card is first read.
  const addressWarm = setTimeout(() => addresses.warm(), 3_000);
  addressWarm.unref();
  log.info('core ready', { dataDir: options.dataDir, demo: loaded.demo, recovered: recovered !== null });

  return {
    call,
    admit,
    subscribe: bus.subscribe,
    isSessionValid: (token, deviceId) => staff.isSessionValid(token, deviceId),
    deviceFor: (token, from) => pairing.authenticate(token, from),
    isDevicePaired: (id) => pairing.isPaired(id),
    onDeviceRevoked: (listener) => pairing.onRevoke(listener),
    dataDir: options.dataDir,
    bridge: loaded.config.bridge,
    maxFileBytes: loaded.config.dossier.maxFileBytes,
    lanTls,
    close: async () => {
      lanTls?.stop();
      clearInterval(sweepTimer);
      clearTimeout(addressWarm);
      disk.stop();
      folderWatch.stop();
      offSubmitted();
      await sync.stop();
      await manifests.flush();
      client?.close();
      await chip.stop();
      await devices.stop();
      await printJobs.stop();
      queue.close();
      decoder.close();
      db.close();
    },
  };
}
