// Spawned processes for end-to-end tests: output captured line by line, and every process
// killed when the test file ends, whatever happened: a normal exit, an uncaught error, or a
// signal (the runner cancelling the file, Ctrl-C, `timeout`). Each child leads its own process
// group (`detached`), and the cleanup kills the group, so what the child started itself (an
// agent's running command, a server's helpers) goes too. Only SIGKILL of the test process
// escapes this: nothing runs then.

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';

export interface Spawned {
  child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stderr/stdout line matching, waiting up to timeoutMs. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills a child's whole process group, now (it leads one: see track()). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone already; the child itself may not have led one (spawned elsewhere).
    child.kill('SIGKILL');
  }
}

function killEveryGroup(): void {
  for (const child of running) killGroup(child);
}

/** The signals a test process is ended by; the cleanup runs, then the signal's own ending. */
const ENDING_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killEveryGroup);
  for (const signal of ENDING_SIGNALS) {
    const onSignal = (): void => {
      killEveryGroup();
      // Then end as the signal would have: without our listener, re-raising it does.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Kills `child` (and its process group, if it leads one) when this process ends. For children
 * spawned without spawnProcess; pass `detached: true` to spawn() so the group is its own.
 */
export function track(child: ChildProcess): ChildProcess {
  installCleanup();
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export function spawnProcess(command: string, args: string[], options: SpawnOptions = {}): Spawned {
  const child = track(
    spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options }),
  );
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<{ match: (line: string) => boolean; resolve: (line: string) => void }>();
  const collect = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        into.push(line);
        for (const waiter of waiters) {
          if (waiter.match(line)) {
            waiters.delete(waiter);
            waiter.resolve(line);
          }
        }
      }
    };
  };
  child.stdout?.on('data', collect(stdout));
  child.stderr?.on('data', collect(stderr));
  const exited = once(child, 'exit').then(([code, signal]) => {
    running.delete(child);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  return {
    child,
    stdout,
    stderr,
    exited,
    // Generous: a loaded machine (CI runners, several suites at once) starts servers slowly; this
    // bounds a hang, it measures nothing.
    waitForLine(match, timeoutMs = 60_000) {
      const seen = [...stderr, ...stdout].find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `no matching output within ${timeoutMs} ms; stderr tail:\n${stderr.slice(-15).join('\n')}`,
            ),
          );
        }, timeoutMs);
        exited.then(() => {
          if (!waiters.has(waiter)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          reject(
            new Error(
              `process exited before the expected output; stderr tail:\n${stderr.slice(-15).join('\n')}`,
            ),
          );
        });
        const original = waiter.resolve;
        waiter.resolve = (line) => {
          clearTimeout(timer);
          original(line);
        };
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      killGroup(child);
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    }),
  );
}

/** Resident memory of a process in bytes (Linux), from /proc. */
export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!match) throw new Error('no VmRSS');
  return Number(match[1]) * 1024;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
