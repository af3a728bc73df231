import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  PinSchema,
  UserNameSchema,
  eventNames,
  events,
  isMethodName,
  mergeMethodTables,
  methodNames,
  methodTables,
  methods,
  type DefinedTwice,
  type MethodName,
} from '../../preload/api';

describe('the renderer API contract', () => {
  it('names every method as namespace.verb, a public API the bridge serves unchanged', () => {
    expect(methodNames.length).toBeGreaterThan(0);
    for (const name of methodNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
  });

  it('gives each method an access level, a summary and schemas that reject junk', () => {
    for (const name of methodNames) {
      const def = methods[name];
      expect(['anyone', 'read', 'signin', 'citizen', 'local', 'staff', 'admin']).toContain(def.access);
      expect(def.summary.length).toBeGreaterThan(10);
      expect(def.input.safeParse('not an object').success).toBe(false);
      expect(def.input.safeParse({ unexpected: true }).success).toBe(false);
    }
    for (const name of eventNames) expect(['public', 'staff', 'local']).toContain(events[name].audience);
  });

  it('lets an unpaired LAN client pair and nothing else; the scanner injection stays on the window', () => {
    expect(methodNames.filter((name) => methods[name].access === 'anyone')).toEqual(['lan.pair']);
    expect(methods['devices.injectScan'].access).toBe('local');
    expect(methods['staff.signIn'].access).toBe('signin');
    for (const name of ['app.info', 'queue.board'] as const) expect(methods[name].access).toBe('read');
  });

  it('keeps raw scans (possibly an ID card) on this machine, never on the LAN display', () => {
    expect(events['device.scan'].audience).toBe('local');
    for (const name of ['queue.called', 'queue.board'] as const) expect(events[name].audience).toBe('public');
  });

  it('does not treat inherited object keys as methods', () => {
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('app.info')).toBe(true);
  });

  it('accepts PINs of 6 to 12 digits only', () => {
    for (const good of ['000000', '123456', '123456789012'])
      expect(PinSchema.safeParse(good).success).toBe(true);
    for (const bad of ['12345', '1234567890123', '12345a', ' 123456', '١٢٣٤٥٦', '']) {
      expect(PinSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('normalises user names typed with capitals or spaces', () => {
    expect(UserNameSchema.parse('  Admin ')).toBe('admin');
    expect(UserNameSchema.safeParse('nguyễn').success).toBe(false);
    expect(UserNameSchema.safeParse('a').success).toBe(false);
  });
});

describe('the method table, merged from the domains (preload/contract/methods.ts)', () => {
  it("holds every domain's methods, each once and as its domain wrote it", () => {
    for (const table of Object.values(methodTables)) expect(Object.keys(table).length).toBeGreaterThan(0);
    const defined = Object.values(methodTables).flatMap((table) => Object.entries(table));
    expect(methodNames).toHaveLength(defined.length);
    for (const [name, def] of defined) expect(methods[name as MethodName], name).toBe(def);
  });

  it('refuses a method two domains define, naming it and both domains', () => {
    const info = methods['app.info'];
    const tables = {
      app: { 'app.info': info },
      staff: { 'staff.me': methods['staff.me'], 'app.info': info },
    };
    expect(() => mergeMethodTables(tables)).toThrow(
      'Contract method app.info is defined by both app and staff',
    );
    // The compiler names it too (methods.ts refuses to compile when the real tables have one).
    expectTypeOf<DefinedTwice<typeof tables>>().toEqualTypeOf<'app.info'>();
    expectTypeOf<DefinedTwice<typeof methodTables>>().toBeNever();
  });
});
