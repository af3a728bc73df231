/**
 * A "PC on the centre's LAN" for tests and benches: a network namespace joined to this one by a veth pair,
 * so a client run inside it (`ip netns exec <ns> node …`) reaches the kiosk from an address that really is
 * not loopback. Each use picks its own names and a /30 in 10.201.0.0/16, so two runs on one machine do not
 * collide. Needs root and `ip netns` (Linux); `netnsUnavailable()` says why not elsewhere.
 * Used by test/unit/server/lan.test.ts and the LAN benches (test/bench/lan.ts). No test framework here.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';

export function sh(args: readonly string[]): { ok: boolean; out: string } {
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', timeout: 15_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** Why a namespace cannot be made here, or null when it can (a throwaway one is made and deleted). */
export function netnsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'creating network namespaces needs root';
  const probe = `mck-probe-${randomBytes(3).toString('hex')}`;
  const made = sh(['ip', 'netns', 'add', probe]);
  if (!made.ok) return `ip netns add failed: ${made.out}`;
  sh(['ip', 'netns', 'delete', probe]);
  return null;
}

export interface LanPeer {
  /** The namespace's name, for `ip netns exec`. */
  readonly ns: string;
  /** The kiosk's end of the veth pair (in this namespace) and its address. */
  readonly hostIf: string;
  readonly kioskIp: string;
  /** The PC's end (inside the namespace) and its address. */
  readonly peerIf: string;
  readonly pcIp: string;
  /** Makes the namespace, the veth pair and their addresses; on a failed step undoes what it made and throws. */
  up(): void;
  /** Deletes the veth pair and the namespace; harmless when they are gone or were never made. */
  down(): void;
  /** The argv that runs `command` inside the namespace. */
  exec(command: readonly string[]): string[];
}

/**
 * Names and addresses for one namespace (`<prefix>-<id>`); nothing is made until `up()`. Until `down()`,
 * an exit handler deletes them too, so a run stopped by a time limit does not leave them behind.
 */
export function lanPeer(prefix: string): LanPeer {
  const id = randomBytes(2).toString('hex');
  const ns = `${prefix}-${id}`;
  // Interface names are at most 15 characters.
  const [hostIf, peerIf] = [`mck${id}k`, `mck${id}c`];
  const third = randomBytes(1)[0]! % 250;
  const kioskIp = `10.201.${third}.1`;
  const pcIp = `10.201.${third}.2`;
  const down = (): void => {
    process.off('exit', down);
    sh(['ip', 'link', 'delete', hostIf]);
    sh(['ip', 'netns', 'delete', ns]);
  };
  return {
    ns,
    hostIf,
    kioskIp,
    peerIf,
    pcIp,
    up() {
      process.on('exit', down);
      for (const step of [
        ['ip', 'netns', 'add', ns],
        ['ip', 'link', 'add', hostIf, 'type', 'veth', 'peer', 'name', peerIf],
        ['ip', 'link', 'set', peerIf, 'netns', ns],
        ['ip', 'addr', 'add', `${kioskIp}/30`, 'dev', hostIf],
        ['ip', 'link', 'set', hostIf, 'up'],
        ['ip', 'netns', 'exec', ns, 'ip', 'addr', 'add', `${pcIp}/30`, 'dev', peerIf],
        ['ip', 'netns', 'exec', ns, 'ip', 'link', 'set', peerIf, 'up'],
        ['ip', 'netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up'],
      ]) {
        const r = sh(step);
        if (!r.ok) {
          down();
          throw new Error(`${step.join(' ')}: ${r.out}`);
        }
      }
    },
    down,
    exec: (command) => ['ip', 'netns', 'exec', ns, ...command],
  };
}
