import type { MethodName, MethodOutput, PairedDevice, ParsedInput, StaffUser } from '../../preload/api';
import type { Pairing } from './pairing';
import type { Caller } from './policy/callers';
import type { Alerts } from './alerts';
import type { Clock } from './clock';
import type { DeviceManager } from './devices';
import { KioskFailure, kioskError } from './errors';
import { parseScan } from './identity';
import type { LoadedConfig } from './config/load';
import type { Queue } from './queue/service';
import { dayReport, reportCsv } from './queue/report';
import { serviceDay } from './queue/time';
import type { Staff } from './staff/service';
import { signInSource } from './staff/source';
import type { PrintJobs } from './print/jobs';
import type { AuditEntry } from './audit';
import type Database from 'better-sqlite3';
import type { CallContext } from './types';
import { createLanBudget, LAN_TICKETS, lanBudgetErrors } from './policy/lan-budget';
import type { LanTls } from './tls';
import { pairingErrors } from './pairing/messages';

/** What a handler knows about its caller once access has been checked. */
export interface HandlerContext extends Omit<CallContext, 'deviceToken'> {
  /** Who is calling: the kiosk's window, a paired device and its role (policy/callers.ts). */
  caller: Caller;
  /** The paired device calling, when it is one. */
  device?: PairedDevice;
  /** Present for staff/admin methods (and for public ones when the caller sent a valid token). */
  staff?: StaffUser;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: HandlerContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/**
 * The audit row a method writes once its handler has succeeded, declared where the method is registered
 * and written by the dispatcher (dispatch.ts), the same way for every method: an action name (the staff
 * member calling is the actor), or an entry built from the parsed input, the result and the caller (null:
 * no row this time). Rows that must commit in the same transaction as the change they record, or that
 * need what only the service knows, stay in the service.
 */
export type AuditOf<M extends MethodName> =
  string | ((input: ParsedInput<M>, output: MethodOutput<M>, ctx: HandlerContext) => AuditEntry | null);

/** A method's handler, alone or with the audit row its success writes. */
export type Registration<M extends MethodName> = Handler<M> | { handler: Handler<M>; audit: AuditOf<M> };

/** The table the dispatcher calls: every contract method, registered. */
export type Registrations = { [M in MethodName]: Registration<M> };

/** The handlers of the methods whose names start with `prefix` (e.g. `HandlersOf<'sync.'>`). */
export type HandlersOf<P extends string> = {
  [M in MethodName as M extends `${P}${string}` ? M : never]: Handler<M>;
};

/**
 * Domains that own their handlers (each module exports a `create…Handlers` returning its group); core
 * methods below are wired here directly.
 */
export type DomainHandlers = HandlersOf<'catalogue.'> &
  HandlersOf<'address.'> &
  HandlersOf<'dossier.'> &
  HandlersOf<'calendar.'> &
  HandlersOf<'payment.'> &
  HandlersOf<'feedback.'> &
  HandlersOf<'sync.'> &
  HandlersOf<'report.'> &
  Pick<Handlers, 'identity.readChip' | 'identity.chipStatus'>;

export interface Services {
  clock: Clock;
  loaded: LoadedConfig;
  staff: Staff;
  alerts: Alerts;
  queue: Queue;
  db: Database.Database;
  appVersion: string;
  devices: DeviceManager;
  printJobs: PrintJobs;
  /** HTTPS for the LAN, when `bridge.lan` is on and its certificate could be made. */
  lanTls: LanTls | null;
  /** Devices paired over the LAN. */
  pairing: Pairing;
  /** KIOSK_TEST_SCANS=1 at core creation: devices.injectScan works (e2e tests only). */
  testScans: boolean;
  domains: DomainHandlers;
}

export const requireStaff = (ctx: HandlerContext): StaffUser => {
  // The access check in createCore guarantees this; a missing user here is a wiring bug.
  if (!ctx.staff) throw new Error('staff method reached without a staff user');
  return ctx.staff;
};

/** The staff member calling, as an audit row's actor. */
const actorOf = (ctx: HandlerContext) => {
  const staff = requireStaff(ctx);
  return { actorId: staff.id, actor: staff.user };
};

/** Every contract method, wired to its service. The compiler rejects a missing or mistyped one. */
export function createHandlers(s: Services): Registrations {
  const { config, demo } = s.loaded;
  const today = () => serviceDay(s.clock.now(), config.timeZone, '00:00');
  const tickets = createLanBudget(LAN_TICKETS, lanBudgetErrors.tickets);
  return {
    ...s.domains,
    'app.info': (_input, ctx) => ({
      productName: 'Một Cửa Kiosk',
      version: s.appVersion,
      centreName: config.centre.name,
      unitCode: config.centre.unitCode,
      languages: config.languages,
      defaultLanguage: config.defaultLanguage,
      idleTimeoutSeconds: config.idleTimeoutSeconds,
      wizardIdleTimeoutSeconds: config.wizardIdleTimeoutSeconds,
      idleWarningSeconds: config.idleWarningSeconds,
      demo,
      needsAdminSetup: s.staff.needsAdminSetup(),
      features: [
        ...(config.services.length > 0 ? (['queue'] as const) : []),
        'procedures',
        'dossier',
        'tracking',
      ],
      now: s.clock.now().toISOString(),
      device: ctx.device ?? null,
    }),
    'staff.setupAdmin': {
      handler: (input) => s.staff.setupAdmin(input),
      audit: (_input, session) => ({
        actorId: session.user.id,
        actor: session.user.user,
        action: 'staff.setupAdmin',
        targetType: 'staff',
        targetId: session.user.id,
      }),
    },
    'staff.signIn': {
      handler: (input, ctx) => s.staff.signIn(input, signInSource(ctx)),
      // Failed and refused attempts are audited by the service (staff/service.ts checkPin): they throw.
      audit: (_input, session, ctx) => ({
        actorId: session.user.id,
        actor: session.user.user,
        action: 'staff.signIn',
        details: { source: signInSource(ctx).key },
      }),
    },
    'lan.startPairing': {
      handler: (input, ctx) => s.pairing.start(requireStaff(ctx), input),
      audit: (input, _code, ctx) => ({
        ...actorOf(ctx),
        action: 'lan.startPairing',
        details: { role: input.role, name: input.name },
      }),
    },
    'lan.pair': (input, ctx) => {
      if (ctx.caller.kind === 'window') throw new KioskFailure(pairingErrors.alreadyKiosk());
      return s.pairing.pair(input.code, ctx.client);
    },
    'lan.devices': () => s.pairing.list(),
    'lan.revokeDevice': (input, ctx) => s.pairing.revoke(requireStaff(ctx), input.deviceId),
    'staff.signOut': {
      handler: (_input, ctx) => {
        if (ctx.token) s.staff.signOut(ctx.token);
        return {};
      },
      audit: 'staff.signOut',
    },
    'staff.me': (_input, ctx) => {
      const user = requireStaff(ctx);
      return { user, expiresAt: s.staff.authenticate(ctx.token, ctx.device?.id ?? null).expiresAt };
    },
    'staff.alerts': (input) => s.alerts.list({ includeAcknowledged: input.includeAcknowledged ?? false }),
    'staff.acknowledgeAlert': (input, ctx) => s.alerts.acknowledge(input.id, requireStaff(ctx)),
    'staff.createUser': {
      handler: (input) => s.staff.createUser(input),
      audit: (input, user, ctx) => ({
        ...actorOf(ctx),
        action: 'staff.createUser',
        targetType: 'staff',
        targetId: user.id,
        details: { role: input.role },
      }),
    },
    'staff.users': () => s.staff.users(),
    'staff.disableUser': (input, ctx) => s.staff.disableUser(requireStaff(ctx), input.userId),
    'staff.enableUser': (input, ctx) => s.staff.enableUser(requireStaff(ctx), input.userId),
    'staff.resetPin': (input, ctx) => s.staff.resetPin(requireStaff(ctx), input.userId, input.pin),
    'staff.unlockUser': (input, ctx) => s.staff.unlockUser(requireStaff(ctx), input.userId),
    'staff.changePin': async (input, ctx) => {
      // A staff method always has a token (access checked it); over IPC too.
      await s.staff.changePin(requireStaff(ctx), ctx.token ?? '', input, signInSource(ctx));
      return {};
    },
    'queue.services': () => s.queue.services(),
    'queue.priorityCategories': () => s.queue.priorityCategories(),
    'queue.issueTicket': (input, ctx) => {
      tickets.spend(ctx, s.clock.now().getTime());
      // Who asks: a receipt's secret is limited per caller as dossier.lookup limits it; staff are not.
      return s.queue.issueTicket(input, { caller: ctx.client ?? ctx.transport, staff: ctx.staff });
    },
    'queue.board': () => s.queue.board(),
    'queue.counters': () => s.queue.counters(),
    'queue.waiting': (input) => s.queue.waiting(input.counterId),
    'queue.callNext': (input, ctx) => s.queue.callNext(input.counterId, requireStaff(ctx)),
    'queue.recall': (input, ctx) => s.queue.recall(input.counterId, input.ticketId, requireStaff(ctx)),
    'queue.markServed': (input, ctx) => s.queue.markServed(input.counterId, requireStaff(ctx)),
    'queue.markNoShow': (input, ctx) => s.queue.markNoShow(input.counterId, requireStaff(ctx)),
    'queue.transfer': (input, ctx) => s.queue.transfer(input, requireStaff(ctx)),
    'queue.pause': (input, ctx) => s.queue.pause(input.counterId, input.paused, requireStaff(ctx)),
    'queue.report': (input) => dayReport(s.db, config, input.day ?? today()),
    'queue.reportCsv': (input) => {
      const report = dayReport(s.db, config, input.day ?? today());
      return { filename: `bao-cao-xep-hang-${report.day}.csv`, csv: reportCsv(report) };
    },
    'identity.parseScan': (input) => parseScan(input.text, { now: s.clock.now(), timeZone: config.timeZone }),
    'devices.status': () => ({ ...s.devices.status(), testScans: s.testScans }),
    'bridge.certificate': () => {
      const info = s.lanTls?.info();
      return {
        enabled: info !== undefined,
        caFingerprint256: info?.caFingerprint256 ?? null,
        caValidUntil: info?.caValidUntil ?? null,
        serverIps: info?.serverIps ?? [],
        serverNames: info?.serverNames ?? [],
        serverValidUntil: info?.serverValidUntil ?? null,
      };
    },
    'devices.injectScan': (input) => {
      if (!s.testScans) throw new KioskFailure(testScansDisabled());
      const event = s.devices.inject({ symbology: input.symbology ?? 'unknown', text: input.text });
      if (!event) throw new KioskFailure(testScansDisabled());
      return event;
    },
    'print.jobs': () => s.printJobs.pending(),
    'print.retry': {
      handler: (input) => {
        if (!s.printJobs.retry(input.jobId)) {
          throw new KioskFailure(
            kioskError(
              'not-retryable',
              'Chỉ in lại được lệnh in đã bị bỏ dở; lệnh này đang chờ in hoặc đã in xong.',
              'Only a job that was given up on can be sent again; this one is waiting or already printed.',
              'jobId',
            ),
          );
        }
        return { jobId: input.jobId, status: s.printJobs.status(input.jobId) };
      },
      audit: (input, _result, ctx) => ({
        ...actorOf(ctx),
        action: 'print.retry',
        targetType: 'print_job',
        targetId: input.jobId,
      }),
    },
  };
}

// A production kiosk must not let anyone on the LAN fake a citizen's card scan.
const testScansDisabled = () =>
  kioskError(
    'test-scans-disabled',
    'Chức năng giả lập quét thẻ chỉ bật khi chạy kiểm thử (KIOSK_TEST_SCANS=1).',
    'Simulated scans are only enabled in tests (KIOSK_TEST_SCANS=1).',
  );
