// A throwaway PostgreSQL server for tests: its own cluster in a temporary directory, on a free
// loopback port, trust authentication, stopped and deleted at the end.
//
// Needs PostgreSQL's server binaries (Debian: `apt-get install postgresql`; version 15 is
// preferred, another ≥ 15 is used when 15 is missing; ETPHONEHOME_PG_BIN=/path/to/bin overrides).
// PostgreSQL refuses to run as root: when the tests run as root (this machine, CI), every server
// binary runs as the `postgres` user (created by the Debian package) and the directories are
// owned by it. Node's spawn({ uid, gid }) does what `runuser -u postgres --` does (and drops the
// supplementary groups) but leaves no runuser between us and the postmaster, so our signals
// reach the postmaster itself. As any other user, everything runs as that user.
//
// Speed: `initdb` (2–5 s here) runs once per machine into a template directory that is then
// copied (~0.2 s); a cluster starts in well under a second. Each call gets its own cluster, so
// a test file may restart or stop its server without disturbing any other file.
//
// Durability: fsync is off (a test machine's crash is not a test case), but synchronous commit
// stays on, so a commit the server acknowledged survives a PostgreSQL crash (`restart({ mode:
// 'immediate' })`): its WAL reached the kernel before the acknowledgement.
//
// Cleanup: stop() deletes the cluster; a process exit or SIGINT/SIGTERM stops what is left
// (immediate shutdown) and deletes it; a cluster whose owning process died without cleaning up
// (SIGKILL) is stopped and deleted by the next startPostgres() on the machine.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { chown, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { freePort } from './ports.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface PostgresServer {
  /** The maintenance database: `postgres://postgres@127.0.0.1:PORT/postgres`. */
  readonly url: string;
  readonly port: number;
  /** The cluster's directory (data in `data/`, the Unix socket beside it). */
  readonly dir: string;
  /** The server's log (its stderr), most recent lines last, across restarts. */
  readonly log: readonly string[];
  /** Creates a database (a fresh name when none is given) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /**
   * Stops the server and starts it again on the same port and data. `fast` (the default) is a
   * clean shutdown that ends every session; `immediate` is a crash: the restart runs recovery.
   * While it is down, `whileDown` runs (e.g. to start queries that must wait for it), then
   * `downMs` passes; clients meanwhile see their connections refused.
   */
  restart(options?: {
    mode?: 'fast' | 'immediate';
    downMs?: number;
    whileDown?: () => Promise<void> | void;
  }): Promise<void>;
  /** Stops the server (fast shutdown) and deletes the cluster. Idempotent. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Extra server settings (`-c name=value`), e.g. `{ max_connections: '300' }`. */
  settings?: Record<string, string>;
}

const run = promisify(execFile);
const CLUSTER_PREFIX = 'etph-pgc-';
const TEMPLATE_PREFIX = 'etph-pgt-';
const INITDB_ARGS = [
  '-A',
  'trust',
  '-U',
  'postgres',
  '-E',
  'UTF8',
  '--locale=C.UTF-8',
  '--no-sync',
];
const READY_LINE = 'database system is ready to accept connections';
const LOG_LINES_KEPT = 500;

interface RunAs {
  uid: number;
  gid: number;
}

interface Live {
  dir: string;
  child: ChildProcess | null;
}
const live = new Set<Live>();

/** Starts a new PostgreSQL cluster and returns once it accepts connections. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bin = binDir();
  const user = runAs();
  sweepAbandonedClusters();
  installExitCleanup();
  const template = await templateCluster(bin, user);

  const dir = await mkdtemp(join(tmpdir(), CLUSTER_PREFIX));
  const entry: Live = { dir, child: null };
  live.add(entry);
  const log: string[] = [];
  try {
    await writeFile(join(dir, 'owner.pid'), String(process.pid));
    if (user) await chown(dir, user.uid, user.gid);
    const data = join(dir, 'data');
    await run('cp', ['-a', template, data], user ?? {});
    const settings = Object.entries({ fsync: 'off', ...options.settings }).flatMap(([k, v]) => [
      '-c',
      `${k}=${v}`,
    ]);
    // The child is recorded before it is ready, so an exit while waiting still stops it.
    const launch = async (port: number) => {
      const args = ['-D', data, '-p', String(port), '-k', dir, ...settings];
      const { child, ready } = launchPostmaster(bin, user, args, log);
      entry.child = child;
      try {
        await ready;
        // Running, the server must not keep the test process alive: stop() or exit ends it.
        child.unref();
        (child.stderr as { unref?: () => void } | null)?.unref?.();
      } catch (error) {
        await shutdown(child, 'SIGQUIT');
        entry.child = null;
        throw error;
      }
    };

    let port = 0;
    for (let attempt = 1; entry.child === null; attempt++) {
      port = await freePort();
      try {
        await launch(port);
      } catch (error) {
        // Another process may take the port between our probe and PostgreSQL's bind.
        if (attempt >= 5 || !log.some((line) => line.includes('could not bind'))) throw error;
      }
    }
    await run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-t', '10']);

    const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    let databases = 0;
    return {
      url: url('postgres'),
      port,
      dir,
      log,
      async createDatabase(name = `test_${++databases}`) {
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
          throw new Error(`database name "${name}": use lower-case letters, digits and _`);
        }
        await run(join(bin, 'createdb'), [
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          name,
        ]);
        return url(name);
      },
      async restart({ mode = 'fast', downMs = 0, whileDown } = {}) {
        if (entry.child === null) throw new Error(`PostgreSQL in ${dir} was stopped`);
        await shutdown(entry.child, mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
        entry.child = null;
        await whileDown?.();
        if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
        await launch(port);
      },
      async stop() {
        if (!live.has(entry)) return;
        if (entry.child) await shutdown(entry.child, 'SIGINT');
        entry.child = null;
        await rm(dir, { recursive: true, force: true });
        live.delete(entry);
      },
    };
  } catch (error) {
    if (entry.child) await shutdown(entry.child, 'SIGQUIT');
    await rm(dir, { recursive: true, force: true });
    live.delete(entry);
    throw new Error(
      `could not start PostgreSQL in ${dir}: ${(error as Error).message}\n${log.slice(-15).join('\n')}`,
    );
  }
}

/** The server binaries: ETPHONEHOME_PG_BIN, else Debian's 15, else Debian's newest. */
function binDir(): string {
  const fromEnv = process.env.ETPHONEHOME_PG_BIN;
  if (fromEnv) {
    if (existsSync(join(fromEnv, 'postgres'))) return fromEnv;
    throw new Error(`ETPHONEHOME_PG_BIN=${fromEnv} holds no postgres binary`);
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .map(Number)
        .filter((v) => v >= 15 && existsSync(join(root, String(v), 'bin', 'postgres')))
        .sort((a, b) => (a === 15 ? -1 : b === 15 ? 1 : b - a))
    : [];
  if (versions[0] === undefined) {
    throw new Error(
      'PostgreSQL server binaries not found in /usr/lib/postgresql/15/bin: install them ' +
        '(apt-get install -y postgresql) or set ETPHONEHOME_PG_BIN to their directory',
    );
  }
  return join(root, String(versions[0]), 'bin');
}

/** The `postgres` user when running as root (PostgreSQL refuses root), else ourselves. */
function runAs(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(
      'running as root, PostgreSQL needs the "postgres" user: install the postgresql package',
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

/** An initialised, never started data directory, built once per machine, version and user. */
async function templateCluster(bin: string, user: RunAs | null): Promise<string> {
  // Keyed by the binary (path, size, mtime: an upgrade builds a new one) without running it.
  const binary = statSync(join(bin, 'postgres'));
  const key = createHash('sha256')
    .update(`${bin}|${binary.size}|${binary.mtimeMs}|${INITDB_ARGS.join(' ')}`)
    .update(`|${user?.uid ?? process.getuid?.()}`)
    .digest('hex')
    .slice(0, 12);
  const template = join(tmpdir(), `${TEMPLATE_PREFIX}${key}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  // Built beside and renamed into place, so a concurrent test file never sees half a template.
  const building = `${template}.building-${process.pid}-${Date.now()}`;
  try {
    await run(join(bin, 'initdb'), ['-D', building, ...INITDB_ARGS], user ?? {});
    await rename(building, template);
  } catch (error) {
    if (!existsSync(join(template, 'PG_VERSION'))) throw error;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return template;
}

/** Spawns the postmaster; `ready` resolves once it logs that it accepts connections. */
function launchPostmaster(
  bin: string,
  user: RunAs | null,
  args: string[],
  log: string[],
): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(join(bin, 'postgres'), ['-c', 'listen_addresses=127.0.0.1', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(user ?? {}),
  });
  const ready = new Promise<void>((resolve, reject) => {
    let partial = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        log.push(line);
        if (line.includes(READY_LINE)) resolve();
      }
      if (log.length > LOG_LINES_KEPT) log.splice(0, log.length - LOG_LINES_KEPT);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(
        new Error(`postgres exited (${signal ?? `code ${code}`}) before accepting connections`),
      ),
    );
  });
  return { child, ready };
}

/** SIGINT: fast shutdown (sessions ended, checkpoint). SIGQUIT: immediate (a crash). */
async function shutdown(child: ChildProcess, signal: 'SIGINT' | 'SIGQUIT'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.ref(); // unref'd while running: waiting for it must keep the process alive
  child.kill(signal);
  await exited;
}

/** Stops (immediate shutdown) and deletes every cluster still running; synchronous, for exit. */
function stopAllNow(): void {
  for (const entry of live) {
    const pid = entry.child?.exitCode === null ? entry.child.pid : undefined;
    if (pid !== undefined) killAndWait(pid);
    rmSync(entry.dir, { recursive: true, force: true });
  }
  live.clear();
}

let cleanupInstalled = false;
function installExitCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', stopAllNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopAllNow();
      process.kill(process.pid, signal); // our listener is gone: the default action follows
    });
  }
}

/** Clusters whose owning process is gone (killed before its exit handler could run). */
function sweepAbandonedClusters(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    let postmaster: number | undefined;
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
      if (isAlive(owner)) continue;
      const pidFile = join(dir, 'data', 'postmaster.pid');
      if (existsSync(pidFile)) postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    } catch {
      continue; // not ours, or being created right now
    }
    // Only if that pid is still this cluster's postmaster (pids are reused).
    if (postmaster !== undefined && postmaster > 0 && commandLine(postmaster).includes(dir)) {
      killAndWait(postmaster);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Immediate shutdown, waiting (synchronously, at most ~5 s) for the postmaster to go. */
function killAndWait(pid: number): void {
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    return;
  }
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (let waitedMs = 0; waitedMs < 5000 && isAlive(pid); waitedMs += 10) {
    Atomics.wait(tick, 0, 0, 10);
  }
}

/** Alive and not a zombie (an exit handler cannot reap our own dead child). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill(0)
  }
}
