import type { MethodName, MethodOutput, ParsedInput, StaffUser } from '../../preload/api';
import type { Alerts } from './alerts';
import type { Clock } from './clock';
import type { LoadedConfig } from './config/load';
import type { Staff } from './staff/service';
import type { CallContext } from './types';

/** What a handler knows about its caller once access has been checked. */
export interface HandlerContext extends CallContext {
  /** Present for staff/admin methods (and for public ones when the caller sent a valid token). */
  staff?: StaffUser;
}

export type Handlers = {
  [M in MethodName]: (
    input: ParsedInput<M>,
    ctx: HandlerContext,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface Services {
  clock: Clock;
  loaded: LoadedConfig;
  staff: Staff;
  alerts: Alerts;
  appVersion: string;
}

const requireStaff = (ctx: HandlerContext): StaffUser => {
  // The access check in createCore guarantees this; a missing user here is a wiring bug.
  if (!ctx.staff) throw new Error('staff method reached without a staff user');
  return ctx.staff;
};

/** Every contract method, wired to its service. The compiler rejects a missing or mistyped one. */
export function createHandlers(s: Services): Handlers {
  const { config, demo } = s.loaded;
  return {
    'app.info': () => ({
      productName: 'Một Cửa Kiosk',
      version: s.appVersion,
      centreName: config.centre.name,
      unitCode: config.centre.unitCode,
      languages: config.languages,
      defaultLanguage: config.defaultLanguage,
      idleTimeoutSeconds: config.idleTimeoutSeconds,
      idleWarningSeconds: config.idleWarningSeconds,
      demo,
      needsAdminSetup: s.staff.needsAdminSetup(),
      features: [],
      now: s.clock.now().toISOString(),
    }),
    'staff.setupAdmin': (input) => s.staff.setupAdmin(input),
    'staff.signIn': (input) => s.staff.signIn(input),
    'staff.signOut': (_input, ctx) => {
      if (ctx.token) s.staff.signOut(ctx.token, requireStaff(ctx));
      return {};
    },
    'staff.me': (_input, ctx) => {
      const user = requireStaff(ctx);
      return { user, expiresAt: s.staff.authenticate(ctx.token).expiresAt };
    },
    'staff.alerts': (input) => s.alerts.list({ includeAcknowledged: input.includeAcknowledged ?? false }),
    'staff.acknowledgeAlert': (input, ctx) => s.alerts.acknowledge(input.id, requireStaff(ctx)),
    'staff.createUser': (input, ctx) => s.staff.createUser(requireStaff(ctx), input),
  };
}
