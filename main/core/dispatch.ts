import {
  isMethodName,
  methods,
  type KioskError,
  type MethodName,
  type PairedDevice,
  type Result,
} from '../../preload/api';
import { KioskFailure, commonErrors, fail, ok } from './errors';
import type { Audit, AuditEntry } from './audit';
import type { AuditOf, HandlerContext, Registrations } from './handlers';
import { guardInput } from './input-guard';
import { createLogger } from './log';
import { refusalFor, type Caller } from './policy/callers';
import type { Staff } from './staff/service';
import type { CallContext, Core } from './types';
import { describeIssues } from './validation';

// Same module name as before the dispatcher left index.ts: log lines read as they did.
/** A registration with its types erased: the dispatcher pairs it with the same method's parsed input. */
type Registration =
  | ((i: unknown, c: HandlerContext) => unknown)
  | { handler: (i: unknown, c: HandlerContext) => unknown; audit: AuditOf<MethodName> };

const log = createLogger('core');

export interface DispatchDeps {
  /** Every contract method's handler, with the audit row its success writes (handlers.ts). */
  handlers: Registrations;
  staff: Pick<Staff, 'authenticate' | 'isSessionValid'>;
  /** The paired device a device token belongs to (pairing), or null. */
  deviceFor: (token: string | undefined, from: string | undefined) => PairedDevice | null;
  audit: Pick<Audit, 'record'>;
  /** A full disk answers `disk-full` instead of `internal` (disk.ts). */
  disk: { noteSuccess(): void; refusal(error: unknown): KioskError | null };
}

/**
 * The one way into the core: who is calling and may they (policy/callers.ts), the input parsed against
 * the contract's schema, the handler, its result checked against the contract, and every failure turned
 * into a person-readable error. The transports (IPC, the HTTP bridge) call nothing else.
 */
export function createDispatcher(deps: DispatchDeps): Pick<Core, 'call' | 'admit'> {
  const { handlers, staff, disk } = deps;

  /** The declared audit row of a successful call: an action alone names the calling staff member. */
  function auditEntry(audit: AuditOf<MethodName>, input: unknown, output: unknown, ctx: HandlerContext) {
    if (typeof audit === 'string') return { actorId: ctx.staff?.id, actor: ctx.staff?.user, action: audit };
    return (audit as (i: unknown, o: unknown, c: HandlerContext) => AuditEntry | null)(input, output, ctx);
  }

  /** Who is calling: the device its token names (none for the window), and whether its staff token holds. */
  function whoCalls(ctx: CallContext) {
    // The device token is the core's to check, like the staff token; it goes no further than here.
    const device = ctx.local ? null : deps.deviceFor(ctx.deviceToken, ctx.client);
    const caller: Caller = ctx.local
      ? { kind: 'window' }
      : device
        ? { kind: 'device', role: device.role }
        : { kind: 'unpaired' };
    // A staff token counts only if it was signed in on this same device (or window).
    const session = !!ctx.token && staff.isSessionValid(ctx.token, device?.id ?? null);
    return { device, caller, session };
  }

  function admit(name: string, ctx: CallContext): KioskError | null {
    if (!isMethodName(name)) return commonErrors.unknownMethod(name);
    const access = methods[name].access;
    const { caller, session } = whoCalls(ctx);
    const refused = refusalFor(access, caller, session);
    if (refused) return refused;
    if ((access === 'staff' || access === 'admin') && !session) return commonErrors.unauthorized();
    return null;
  }

  async function call(name: string, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isMethodName(name)) return fail(commonErrors.unknownMethod(name));
    const def = methods[name];
    try {
      const { device, caller, session } = whoCalls(ctx);
      // Built field by field: nothing a transport adds (or a test) reaches a handler unchecked.
      const handlerCtx: HandlerContext = {
        transport: ctx.transport,
        local: ctx.local,
        caller,
        ...(ctx.token !== undefined ? { token: ctx.token } : {}),
        ...(ctx.client !== undefined ? { client: ctx.client } : {}),
        ...(device ? { device } : {}),
      };
      const deviceId = device?.id ?? null;
      const refused = refusalFor(def.access, caller, session);
      if (refused) return fail(refused);
      if (def.access === 'staff' || def.access === 'admin') {
        handlerCtx.staff = staff.authenticate(ctx.token, deviceId).user;
        if (def.access === 'admin' && handlerCtx.staff.role !== 'admin')
          return fail(commonErrors.forbidden());
      } else if (session) {
        // A public method called with a valid staff token knows who is helping (assisted filing).
        handlerCtx.staff = staff.authenticate(ctx.token, deviceId).user;
      }
      // Deep JSON would overflow the stack inside the schema's recursive walk: refused before it.
      guardInput(name, input);
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail(
          describeIssues(parsed.error.issues, {
            code: 'invalid-input',
            vi: 'Thông tin gửi lên chưa hợp lệ ở mục',
            en: 'Invalid input at',
          }),
        );
      }
      // The handler table is keyed by the same name, so its input type matches `parsed.data`.
      const registration = handlers[name] as Registration;
      const { handler, audit } =
        typeof registration === 'function' ? { handler: registration, audit: undefined } : registration;
      const value = await handler(parsed.data, handlerCtx);
      // Written once the handler has done its work, before its result is checked: what happened is
      // recorded even when the answer turns out malformed (a bug, answered `internal` below).
      const entry = audit === undefined ? null : auditEntry(audit, parsed.data, value, handlerCtx);
      if (entry) deps.audit.record(entry);
      const checked = def.output.safeParse(value);
      if (!checked.success) {
        log.error('result does not match the contract', { method: name, issues: checked.error.issues });
        return fail(commonErrors.internal());
      }
      disk.noteSuccess();
      return ok(checked.data);
    } catch (error) {
      const full = disk.refusal(error);
      if (full) return fail(full);
      if (error instanceof KioskFailure) return fail(error.error);
      log.error('method failed', { method: name, error });
      return fail(commonErrors.internal());
    }
  }

  return { call, admit };
}
