// run_command: runs one shell command and reports its output and exit status, as `ssh host cmd`
// would. On POSIX the shell leads its own process group (detached), so a timeout or a cancelled
// call kills everything the command started, grandchildren included. A command that leaves a
// background process behind on a normal exit keeps it (like ssh): only the call returns.

import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { FileHandle } from 'node:fs/promises';
import {
  AgentErrorCode,
  DEFAULT_MAX_OUTPUT_BYTES,
  type RunCommandParams,
  type RunCommandResult,
} from '../../protocol/rpc.js';
import { descriptorPath, type RootSet } from '../../lib/safe-path.js';
import { asAgentError, assertPathAllowed, openDirectoryConfined, rootSets } from '../path-guard.js';
import { hasErrnoCode, toAgentError } from './fs-errors.js';
import { AgentError, type Handler, type HandlerContext } from './types.js';

const isWindows = process.platform === 'win32';

/** What `timeout(1)` returns; scripts already know it. */
const TIMED_OUT_RETURNCODE = 124;
/** Time between SIGTERM and SIGKILL for a process group that ignores SIGTERM. */
const KILL_GRACE_MS = 2000;
/** After the shell exits, how long a background grandchild may keep the pipes open. */
const PIPE_DRAIN_MS = 500;

export const runCommand: Handler<'run_command'> = async (params, context) => {
  const cwdHandle =
    params.cwd === undefined
      ? undefined
      : await openWorkingDirectory(params.cwd, rootSets(context.allowedPaths, params.roots));
  try {
    return await runIn(params, context, cwdHandle);
  } finally {
    await cwdHandle?.handle.close().catch(() => undefined);
  }
};

const runIn = async (
  params: RunCommandParams,
  context: HandlerContext,
  cwdHandle: { handle: FileHandle; path: string } | undefined,
): Promise<RunCommandResult> => {
  // On Linux the shell changes into /proc/self/fd/N: the directory that was checked, even if
  // its name was swapped for a symlink since (the child inherits the descriptor until exec).
  const cwd = cwdHandle?.path;
  if (context.signal.aborted) throw cancelled();

  const stdout = createOutputCapture(params.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
  const stderr = createOutputCapture(params.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
  const startedMs = performance.now();
  const child = spawnShell(params.cmd, cwd, mergeEnv(params.env));
  const signal = context.signal;

  return new Promise((resolve, reject) => {
    let timedOut = false;
    let settled = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let drainTimer: NodeJS.Timeout | undefined;

    const timeoutTimer = setTimeout(() => {
      timedOut = true;
      killProcessTree(child);
    }, params.timeoutMs);

    const onAbort = (): void => {
      // Once the shell has exited, what is left are background processes the command chose to
      // leave running; a late cancellation must not kill them.
      if (exit === undefined) killProcessTree(child);
      settle(() => reject(cancelled()));
    };
    signal.addEventListener('abort', onAbort, { once: true });

    const settle = (done: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timeoutTimer);
      clearTimeout(drainTimer);
      signal.removeEventListener('abort', onAbort);
      done();
    };

    const finish = (): void => {
      if (exit === undefined) return;
      const { code, signal: exitSignal } = exit;
      settle(() =>
        resolve({
          stdout: stdout.text(),
          stderr: stderr.text(),
          returncode: timedOut ? TIMED_OUT_RETURNCODE : returncodeOf(code, exitSignal),
          timedOut,
          truncated: stdout.truncated || stderr.truncated,
          durationMs: Math.round(performance.now() - startedMs),
        }),
      );
    };

    // Reading continues past the cap (the capture discards), so a chatty child never blocks on
    // a full pipe. A read error ends that stream; the exit status still comes through.
    child.stdout?.on('data', stdout.push).on('error', () => {});
    child.stderr?.on('data', stderr.push).on('error', () => {});

    child.once('error', (err) => {
      settle(() =>
        reject(new AgentError(AgentErrorCode.failed, `Could not start the shell: ${err.message}`)),
      );
    });
    child.once('exit', (code, exitSignal) => {
      exit = { code, signal: exitSignal };
      clearTimeout(timeoutTimer);
      // `sleep 100 &` inherits the pipes and would hold the call open for 100 s.
      drainTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish();
      }, PIPE_DRAIN_MS);
    });
    child.once('close', finish);
  });
};

async function openWorkingDirectory(
  cwd: string,
  sets: readonly RootSet[],
): Promise<{ handle: FileHandle; path: string }> {
  const real = await assertPathAllowed(cwd, sets[0], sets[1]);
  let info;
  try {
    info = await stat(real);
  } catch (err) {
    if (hasErrnoCode(err, 'ENOENT')) {
      throw new AgentError(AgentErrorCode.notFound, `Working directory "${cwd}" does not exist.`, {
        path: cwd,
      });
    }
    throw toAgentError(err, cwd);
  }
  if (!info.isDirectory()) {
    throw new AgentError(
      AgentErrorCode.notADirectory,
      `Working directory "${cwd}" is not a directory.`,
      {
        path: cwd,
      },
    );
  }
  try {
    const { handle } = await openDirectoryConfined(cwd, real, sets);
    return { handle, path: descriptorPath(handle, real) };
  } catch (err) {
    throw asAgentError(err, cwd);
  }
}

function spawnShell(cmd: string, cwd: string | undefined, env: NodeJS.ProcessEnv): ChildProcess {
  try {
    if (isWindows) {
      // /s strips the outer quotes and keeps the rest verbatim, exactly as Node's shell: true.
      return spawn(process.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', `"${cmd}"`], {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        windowsVerbatimArguments: true,
      });
    }
    // Not a login shell: the agent's environment is the contract, not the user's dotfiles.
    return spawn('/bin/sh', ['-c', cmd], {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    // Node refuses NUL bytes in arguments and environment synchronously.
    const message = err instanceof Error ? err.message : String(err);
    throw new AgentError(AgentErrorCode.badInput, `Cannot run the command: ${message}`);
  }
}

function mergeEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (isWindows) {
      // Windows names are case-insensitive: `Path` and `PATH` must not both reach the child.
      for (const existing of Object.keys(env)) {
        if (existing.toLowerCase() === key.toLowerCase()) delete env[existing];
      }
    }
    env[key] = value;
  }
  return env;
}

/** Terminates the command and everything it started; SIGKILL follows for what ignores SIGTERM. */
function killProcessTree(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (isWindows) {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on(
      'error',
      () => {},
    );
    return;
  }
  if (!signalGroup(pid, 'SIGTERM')) return;
  setTimeout(() => {
    // Signal 0 only probes: true while any member of the group is still alive.
    if (signalGroup(pid, 0)) signalGroup(pid, 'SIGKILL');
  }, KILL_GRACE_MS);
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** The shell's convention: the exit code, or 128 + the number of the signal that killed it. */
function returncodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const numbers: Partial<Record<string, number>> = osConstants.signals;
  return 128 + ((signal === null ? undefined : numbers[signal]) ?? 0);
}

function cancelled(): AgentError {
  return new AgentError(AgentErrorCode.failed, 'Command cancelled: the hub abandoned the call.');
}

interface OutputCapture {
  push: (chunk: Buffer) => void;
  text: () => string;
  readonly truncated: boolean;
}

function createOutputCapture(maxBytes: number): OutputCapture {
  const chunks: Buffer[] = [];
  let keptBytes = 0;
  let truncated = false;
  return {
    push(chunk) {
      const roomBytes = maxBytes - keptBytes;
      if (chunk.length > roomBytes) truncated = true;
      if (roomBytes <= 0) return;
      const part = chunk.length > roomBytes ? chunk.subarray(0, roomBytes) : chunk;
      chunks.push(part);
      keptBytes += part.length;
    },
    text() {
      // When cut, `stream: true` drops a character split by the cap rather than emit U+FFFD.
      return new TextDecoder().decode(Buffer.concat(chunks), { stream: truncated });
    },
    get truncated() {
      return truncated;
    },
  };
}
