// What every benchmark shares: progress lines on stderr, a cleanup stack that undoes what a run
// started (newest first) whatever happens, and a description of the machine for the report.
import net from 'node:net';

import os from 'node:os';

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export interface Cleanups {
  add(what: string, run: () => Promise<unknown>): void;
  /** How many are registered now: `unwind(mark)` undoes only what came after. */
  mark(): number;
  /** Undoes, newest first, everything registered since `mark` (0: everything), one at a time. */
  unwind(mark?: number): Promise<void>;
}

export function createCleanups(): Cleanups {
  const stack: { what: string; run: () => Promise<unknown> }[] = [];
  let unwinding: Promise<void> = Promise.resolve();
  return {
    add: (what, run) => void stack.push({ what, run }),
    mark: () => stack.length,
    unwind(mark = 0) {
      unwinding = unwinding.then(async () => {
        while (stack.length > mark) {
          const { what, run } = stack.pop() as (typeof stack)[number];
          try {
            await run();
          } catch (error) {
            progress(`cleanup of ${what} failed: ${(error as Error).message}`);
          }
        }
      });
      return unwinding;
    },
  };
}

export function machine(extra: Record<string, string> = {}): Record<string, string> {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: String(cpus.length),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    'load (start)': os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
    ...extra,
  };
}

/** A loopback port free now (the OS picks it; closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * V8's young generation for the server (MiB of semi-space), as its systemd unit and `npm start`
 * run it (docs/operations.md): answers of a thousand clients allocate 15–20 MB each, and
 * collecting that is a large share of what they cost. 0 is Node's default (16 MiB at most on
 * Node 20 and 22, 64 on Node 24).
 */
export const SERVER_SEMI_SPACE_MIB = 64;

/** The server's old-generation floor (MiB): V8 skips full collections below it. */
export const SERVER_OLD_SPACE_FLOOR_MIB = 128;

/**
 * Node's flags for the server as `npm start` and its systemd unit give them (docs/operations.md),
 * beside NODE_OPTIONS, which refuses both: V8's memory reducer off (with it on, an idle fleet's
 * server ran more than twice the full collections, each marking the whole heap: docs/
 * BENCHMARKS.md, "The memory reducer"), and a floor under the old generation (a small server
 * relaying a tunnel otherwise marked its heap again and again: "The server's old-generation
 * floor"). `memoryReducer` turns the reducer back on and `floor: false` drops the floor, to
 * compare.
 */
export function serverNodeArgs(memoryReducer = false, floor = true): string[] {
  return [
    ...(memoryReducer ? [] : ['--no-memory-reducer']),
    ...(floor ? [`--initial-old-space-size=${SERVER_OLD_SPACE_FLOOR_MIB}`] : []),
  ];
}

/** `--import` of a preload script of bench/ (e.g. 'support/cpu-profile.mjs'), for NODE_OPTIONS. */
export function preload(script: string): string {
  return `--import ${new URL(script, import.meta.url).href}`;
}

/** NODE_OPTIONS for one of our processes: `semiSpaceMiB` of semi-space (0: Node's default), and `more`. */
export function nodeOptions(semiSpaceMiB: number, more = ''): Record<string, string> {
  const options = [semiSpaceMiB > 0 ? `--max-semi-space-size=${semiSpaceMiB}` : '', more]
    .filter(Boolean)
    .join(' ');
  return options ? { NODE_OPTIONS: options } : {};
}

/**
 * A flag's whole number (digits only) ≥ `min`, or `fallback` when absent; anything else ends the
 * bench with status 2 and says what was wrong. Every bench's numeric flags go through here.
 */
export function wholeFlag(
  value: string | undefined,
  name: string,
  fallback: number,
  min = 1,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    console.error(`${name} must be a whole number ≥ ${min} (got ${value})`);
    process.exit(2);
  }
  return Number(value);
}
