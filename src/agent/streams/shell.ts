// A shell stream on the agent (../../protocol/stream.ts, ../../protocol/shell-frames.ts): the
// login shell of the agent's user, or a command through that shell's -c, on a pseudo-terminal
// (interactive) or on plain pipes (stdin from the operator, stdout and stderr apart).
//
// The channel ending (the operator left, the server cut it, the link died) hangs up: SIGHUP to
// the process group, SIGKILL a few seconds later if it is still there — what sshd does. Output
// waits when the channel cannot take more (the PTY or the pipes are paused until 'drain'), so a
// `cat` of a large file never piles up in memory.

import { spawn, type ChildProcess } from 'node:child_process';
import { constants, homedir, userInfo } from 'node:os';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import {
  frameReader,
  encodeFrame,
  encodeJsonFrame,
  parseJsonPayload,
  parseSize,
  SHELL_SIGNALS,
  ShellFrameType,
  type ShellExit,
  type ShellFrame,
} from '../../protocol/shell-frames.js';
import {
  MAX_TERMINAL_COLS,
  MAX_TERMINAL_ROWS,
  type ShellHeader,
  type StreamReady,
} from '../../protocol/stream.js';
import { loadPty, type Pty } from '../pty.js';

/** How long a hung-up shell has before it is killed. */
const HANGUP_GRACE_MS = 3000;

const LIMITS = { cols: MAX_TERMINAL_COLS, rows: MAX_TERMINAL_ROWS };

/** The login shell of the agent's user ($SHELL, then the password database, then /bin/sh). */
export function loginShell(): string {
  const fromEnv = process.env['SHELL'];
  if (fromEnv) return fromEnv;
  try {
    const shell = userInfo().shell;
    if (shell) return shell;
  } catch {
    // no entry for this uid (a container): fall through
  }
  return '/bin/sh';
}

function environment(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, ...extra };
}

interface Running {
  write(data: Buffer): void;
  resize(cols: number, rows: number): void;
  endInput(): void;
  signal(name: string): void;
  hangUp(): void;
  pause(): void;
  resume(): void;
}

/** Starts the shell; the caller has written the ready line. Resolves when the shell is over. */
export function runShell(
  channel: Duplex,
  header: ShellHeader,
  logger: Logger,
  ready: (result: StreamReady) => void,
): Promise<void> {
  const shell = loginShell();
  const args = header.command === null ? (header.pty ? ['-l'] : []) : ['-c', header.command];
  let cwd: string;
  try {
    cwd = homedir();
  } catch {
    cwd = '/';
  }

  return new Promise((resolve) => {
    let finished = false;
    let exited: ShellExit | null = null;
    const send = (frame: Buffer): void => {
      if (channel.destroyed || !channel.writable) return;
      if (!channel.write(frame)) {
        running.pause();
        channel.once('drain', () => running.resume());
      }
    };
    const finish = (): void => {
      if (finished) return;
      finished = true;
      if (exited && !channel.destroyed && channel.writable) {
        // Closed once written: ending alone sends only EOF from this (client) side of SSH.
        channel.end(encodeJsonFrame(ShellFrameType.exit, exited), () => channel.destroy());
      } else channel.destroy();
      resolve();
    };

    let running: Running;
    const pty = header.pty ? loadPty() : null;
    if (pty && 'spawn' in pty) {
      let term: Pty;
      try {
        term = pty.spawn(shell, args, {
          name: header.term ?? 'xterm-256color',
          cols: header.cols,
          rows: header.rows,
          cwd,
          env: environment({ TERM: header.term ?? 'xterm-256color' }),
        });
      } catch (error) {
        logger.warn({ err: (error as Error).message }, 'cannot start a PTY shell');
        channel.destroy();
        return resolve();
      }
      ready({ kind: 'shell', pty: true });
      term.onData((data) => send(encodeFrame(ShellFrameType.output, data)));
      term.onExit(({ exitCode, signal }) => {
        exited = { code: signal ? null : exitCode, signal: signal ? signalName(signal) : null };
        // The PTY's last output arrives before its exit event; give the channel a turn.
        setImmediate(finish);
      });
      running = {
        write: (data) => term.write(data),
        resize: (cols, rows) => term.resize(cols, rows),
        endInput: () => term.write('\x04'),
        signal: (name) => signalGroup(term.pid, name),
        hangUp: () => hangUp(term.pid),
        pause: () => term.pause(),
        resume: () => term.resume(),
      };
    } else {
      const child = spawn(shell, args, {
        cwd,
        env: environment({}),
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true, // its own process group: a hang-up reaches what it started too
      });
      const note =
        header.pty && pty && 'error' in pty
          ? `no PTY on this client (${pty.error}); running with pipes`
          : undefined;
      child.once('spawn', () => ready({ kind: 'shell', pty: false, note }));
      child.once('error', (error) => {
        logger.warn({ err: error.message }, 'cannot start a shell');
        channel.destroy();
        finish();
      });
      pipeOutput(child, send);
      // Over when the process has exited and both of its outputs are drained.
      let open = 3;
      const closed = (): void => {
        open -= 1;
        if (open === 0) finish();
      };
      child.stdout.once('close', closed);
      child.stderr.once('close', closed);
      child.once('exit', (code, signal) => {
        exited = { code, signal };
        closed();
      });
      child.stdin.on('error', () => undefined);
      running = {
        write: (data) => void child.stdin.write(data),
        resize: () => undefined,
        endInput: () => child.stdin.end(),
        signal: (name) => signalGroup(child.pid ?? 0, name),
        hangUp: () => hangUp(child.pid ?? 0),
        pause: () => {
          child.stdout.pause();
          child.stderr.pause();
        },
        resume: () => {
          child.stdout.resume();
          child.stderr.resume();
        },
      };
    }

    const onFrame = (frame: ShellFrame): void => {
      if (frame.type === ShellFrameType.input) running.write(frame.payload);
      else if (frame.type === ShellFrameType.resize) {
        const size = parseSize(frame.payload, LIMITS);
        if (size) running.resize(size.cols, size.rows);
      } else if (frame.type === ShellFrameType.eof) running.endInput();
      else if (frame.type === ShellFrameType.signal) {
        const name = parseJsonPayload(frame.payload)?.['signal'];
        if (typeof name === 'string' && (SHELL_SIGNALS as readonly string[]).includes(name))
          running.signal(name);
      }
    };
    channel.on(
      'data',
      frameReader(onFrame, (error) => {
        logger.warn({ err: (error as Error).message }, 'bad shell frame; hanging up');
        channel.destroy();
      }),
    );
    // The server hung up (or the link died): the shell goes, as with sshd.
    const hangUpOnce = (): void => {
      if (!exited) running.hangUp();
      finish();
    };
    channel.once('end', hangUpOnce);
    channel.once('close', hangUpOnce);
    channel.on('error', () => undefined);
    channel.resume(); // reading the request line paused it
  });
}

/** node-pty reports a signal by number; the exit frame names it as pipes do ("SIGHUP"). */
function signalName(signal: number): string {
  const found = Object.entries(constants.signals).find(([, n]) => n === signal);
  return found ? found[0] : `SIG${signal}`;
}

function pipeOutput(child: ChildProcess, send: (frame: Buffer) => void): void {
  child.stdout?.on('data', (chunk: Buffer) => send(encodeFrame(ShellFrameType.output, chunk)));
  child.stderr?.on('data', (chunk: Buffer) => send(encodeFrame(ShellFrameType.stderr, chunk)));
}

function signalGroup(pid: number, name: string): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, name as NodeJS.Signals);
  } catch {
    try {
      process.kill(pid, name as NodeJS.Signals);
    } catch {
      // already gone
    }
  }
}

function hangUp(pid: number): void {
  signalGroup(pid, 'SIGHUP');
  setTimeout(() => signalGroup(pid, 'SIGKILL'), HANGUP_GRACE_MS).unref();
}
