// Interactive shell sessions on clients (issue 16): opened through the gate (client online, key
// accepted, rate-limit permit), carried on a stream channel of their own through the agent's
// connection (protocol/stream.ts, shell-frames.ts), recorded (./recording.ts) and audited
// (session.opened / session.closed). A session knows the Caller that opened it (its principal is
// recorded on its events; revoking the key ends the socket that carries it, src/stream/door.ts).
// It ends at once when its client's link ends (disconnect, decommission).

import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../../errors.js';
import type { AgentStream } from '../../hub/agent-session.js';
import {
  frameReader,
  encodeFrame,
  encodeJsonFrame,
  parseJsonPayload,
  ShellFrameType,
  type ShellExit,
  type ShellFrame,
  type ShellSignal,
} from '../../protocol/shell-frames.js';
import { redactSecrets } from '../../lib/redact.js';
import { MAX_SHELL_COMMAND_BYTES } from '../../protocol/stream.js';
import { actorOf, type Audit } from '../audit.js';
import type { Caller } from '../caller.js';
import { FleetEventType } from '../event-types.js';
import type { Gate } from '../gate.js';
import {
  MAX_SESSIONS_PER_CLIENT,
  MAX_TERMINAL_COLS,
  MAX_TERMINAL_ROWS,
  STREAM_OPEN_TIMEOUT_MS,
} from '../limits.js';
import { startRecording, type Recording, type RecordingOptions } from './recording.js';

export interface OpenShellInput {
  /** Run this instead of the login shell. */
  command?: string | null | undefined;
  /** A pseudo-terminal (interactive) or pipes. */
  pty: boolean;
  cols: number;
  rows: number;
  term?: string | undefined;
  /** Which door opened it ("cli", "mcp"): shown in lists. */
  origin: string;
  /** Close after this long without input or output (0: never). */
  idleTimeoutMs?: number | undefined;
}

/** A session as lists show it (open ones live, ended ones from their session.closed event). */
export interface SessionView {
  id: string;
  clientUuid: string;
  clientId: string;
  actor: string;
  /** The name of the API key that opened it; null for the server's own. */
  keyName: string | null;
  origin: string;
  command: string | null;
  pty: boolean;
  cols: number;
  rows: number;
  startedAt: Date;
  endedAt: Date | null;
  exitStatus: number | null;
  exitSignal: string | null;
  bytesIn: number;
  bytesOut: number;
  /** The asciicast file's name in the recordings directory; null when not recorded. */
  recording: string | null;
  closeReason: string | null;
}

/** An open session, as a door drives it. Events: output(data, stream), exit, close(reason). */
export interface ShellSession extends EventEmitter {
  readonly id: string;
  readonly caller: Caller;
  readonly pty: boolean;
  /** Why there is no PTY although one was asked for (the agent's note), else null. */
  readonly note: string | null;
  view(): SessionView;
  /** Keystrokes or stdin bytes; false when the channel's buffer is full (wait for 'drain'). */
  input(data: Buffer): boolean;
  resize(cols: number, rows: number): void;
  signal(name: ShellSignal): void;
  /** Stdin ended (pipes). */
  endInput(): void;
  /**
   * Stops (and resumes) reading the client's output: the door's backpressure. A session starts
   * paused: resume it once the output listeners are on, so the first bytes are not lost.
   */
  pause(): void;
  resume(): void;
  /** Counts as activity for the idle timeout (a door that reads buffered output). */
  keepAlive(): void;
  close(reason: string): void;
}

export interface SessionDeps {
  gate: Gate;
  audit: Audit;
  logger: Logger;
  recording: RecordingOptions | null;
}

export function checkTerminalSize(cols: number, rows: number): void {
  const ok = (n: number, most: number): boolean => Number.isInteger(n) && n >= 1 && n <= most;
  if (!ok(cols, MAX_TERMINAL_COLS) || !ok(rows, MAX_TERMINAL_ROWS))
    throw new AppError(
      ErrorCode.badUserInput,
      `Terminal size ${cols}x${rows} is out of range: columns 1-${MAX_TERMINAL_COLS}, rows 1-${MAX_TERMINAL_ROWS}. Ask for a size within them.`,
      { cols, rows },
    );
}

export function createSessions(deps: SessionDeps) {
  const open = new Map<string, ShellSession>();

  function countOpen(clientUuid: string): number {
    let count = 0;
    for (const session of open.values()) if (session.view().clientUuid === clientUuid) count++;
    return count;
  }

  async function openSession(
    ref: string,
    input: OpenShellInput,
    caller: Caller,
  ): Promise<ShellSession> {
    checkTerminalSize(input.cols, input.rows);
    const command = input.command ?? null;
    if (
      command !== null &&
      (command.length === 0 || Buffer.byteLength(command) > MAX_SHELL_COMMAND_BYTES)
    )
      throw new AppError(
        ErrorCode.badUserInput,
        `The command must be 1 to ${MAX_SHELL_COMMAND_BYTES} bytes; leave it out for the login shell.`,
      );
    const admitted = await deps.gate.admit(ref, 'shell', caller);
    const { client, link } = admitted;
    let stream: AgentStream;
    try {
      if (countOpen(client.uuid) >= MAX_SESSIONS_PER_CLIENT)
        throw new AppError(
          ErrorCode.rateLimited,
          `Client "${client.clientId}" has ${MAX_SESSIONS_PER_CLIENT} shell sessions open (the most per client). Close one (closeSession, etphonehome sessions kill ID) and retry.`,
          { limit: 'sessions', max: MAX_SESSIONS_PER_CLIENT },
        );
      stream = await link
        .openStream(
          {
            kind: 'shell',
            command,
            pty: input.pty,
            cols: input.cols,
            rows: input.rows,
            term: input.term,
          },
          { timeoutMs: STREAM_OPEN_TIMEOUT_MS, signal: caller.signal },
        )
        .catch(async (error: unknown) => {
          throw error instanceof AppError
            ? error
            : await deps.gate.failure(error, client, 'shell', caller);
        });
    } finally {
      // The permit counts the opening (rate and concurrency) like any operation; a session open
      // for hours must not hold one of the client's concurrent slots.
      admitted.release();
    }

    const id = `ses_${randomBytes(12).toString('base64url')}`;
    const startedAt = new Date();
    // As commands run through runCommand are: secrets typed in it never reach the trail, the
    // webhooks, the sessions list or the recording.
    const shown = command === null ? null : redactSecrets(command);
    const view: SessionView = {
      id,
      clientUuid: client.uuid,
      clientId: client.clientId,
      actor: caller.actor,
      keyName: caller.principal?.name ?? null,
      origin: input.origin,
      command: shown,
      pty: stream.ready.pty ?? input.pty,
      cols: input.cols,
      rows: input.rows,
      startedAt,
      endedAt: null,
      exitStatus: null,
      exitSignal: null,
      bytesIn: 0,
      bytesOut: 0,
      recording: null,
      closeReason: null,
    };
    let recording: Recording | null = null;
    if (deps.recording) {
      try {
        recording = await startRecording(deps.recording, view);
        view.recording = recording.file;
      } catch (error) {
        deps.logger.warn({ err: error, session: id }, 'session recording could not start');
      }
    }
    const { channel } = stream;
    const session = new EventEmitter() as ShellSession & EventEmitter;
    const log = deps.logger.child({ session: id, clientId: client.clientId });
    let idleTimer: NodeJS.Timeout | undefined;
    const touch = (): void => {
      if (!input.idleTimeoutMs) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(
        () => session.close(`idle for ${Math.round((input.idleTimeoutMs ?? 0) / 1000)} s`),
        input.idleTimeoutMs,
      );
      idleTimer.unref();
    };
    /** What session.opened and session.closed both say of the session (its size as it is now). */
    const described = () => ({
      session_id: id,
      principal: caller.principal?.name ?? caller.actor,
      command: shown,
      pty: view.pty,
      origin: view.origin,
      cols: view.cols,
      rows: view.rows,
    });
    let ended = false;
    const unsubscribe = link.onClose((reason) =>
      session.close(`the client's link ended (${reason})`),
    );
    const finish = async (reason: string): Promise<void> => {
      if (ended) return;
      ended = true;
      clearTimeout(idleTimer);
      unsubscribe();
      open.delete(id);
      channel.destroy();
      view.endedAt = new Date();
      view.closeReason = view.exitStatus !== null || view.exitSignal !== null ? null : reason;
      await recording?.close();
      // Told after session.closed is in the trail: whoever waited for the end (the CLI exits on
      // it) then finds the session listed with its exit status.
      await deps.audit
        .record(
          FleetEventType.sessionClosed,
          client.uuid,
          {
            ...described(),
            started_at: startedAt.toISOString(),
            duration_ms: view.endedAt.getTime() - startedAt.getTime(),
            exit_code: view.exitStatus,
            exit_signal: view.exitSignal,
            bytes_in: view.bytesIn,
            bytes_out: view.bytesOut,
            recording: view.recording,
            reason: view.closeReason,
          },
          actorOf(caller),
        )
        .catch((error: unknown) => log.error({ err: error }, 'session.closed not recorded'));
      session.emit('close', reason);
    };

    const onFrame = (frame: ShellFrame): void => {
      if (frame.type === ShellFrameType.output || frame.type === ShellFrameType.stderr) {
        view.bytesOut += frame.payload.length;
        recording?.output(frame.payload);
        touch();
        session.emit(
          'output',
          frame.payload,
          frame.type === ShellFrameType.output ? 'stdout' : 'stderr',
        );
      } else if (frame.type === ShellFrameType.exit) {
        const exit = parseJsonPayload(frame.payload);
        view.exitStatus = typeof exit?.['code'] === 'number' ? exit['code'] : null;
        view.exitSignal = typeof exit?.['signal'] === 'string' ? exit['signal'] : null;
        session.emit('exit', {
          code: view.exitStatus,
          signal: view.exitSignal,
        } satisfies ShellExit);
      }
    };
    channel.on(
      'data',
      frameReader(onFrame, (error) => {
        log.warn({ err: error }, 'malformed shell frame from the agent: session closed');
        void finish('the agent sent a malformed frame');
      }),
    );
    channel.on('drain', () => session.emit('drain'));
    channel.on('error', (error: Error) => log.debug({ err: error }, 'session channel error'));
    channel.on('close', () => void finish('the channel closed'));
    // The channel stays paused until the door has its listeners on and calls resume().

    Object.assign(session, {
      id,
      caller,
      pty: view.pty,
      note: stream.ready.note ?? null,
      view: () => ({ ...view }),
      input(data: Buffer): boolean {
        if (ended) return true;
        view.bytesIn += data.length;
        recording?.input(data);
        touch();
        return channel.write(encodeFrame(ShellFrameType.input, data));
      },
      resize(cols: number, rows: number): void {
        checkTerminalSize(cols, rows);
        if (ended) return;
        view.cols = cols;
        view.rows = rows;
        recording?.resize(cols, rows);
        channel.write(encodeJsonFrame(ShellFrameType.resize, { cols, rows }));
      },
      signal(name: ShellSignal): void {
        if (!ended) channel.write(encodeJsonFrame(ShellFrameType.signal, { signal: name }));
      },
      endInput(): void {
        if (!ended) channel.write(encodeFrame(ShellFrameType.eof));
      },
      pause: () => channel.pause(),
      resume: () => channel.resume(),
      keepAlive: () => {
        if (!ended) touch();
      },
      close(reason: string): void {
        void finish(reason);
      },
    });
    open.set(id, session);
    touch();
    await deps.audit.record(
      FleetEventType.sessionOpened,
      client.uuid,
      { ...described(), recording: view.recording },
      actorOf(caller),
    );
    log.info({ pty: view.pty, origin: view.origin }, 'shell session opened');
    return session;
  }

  return {
    open: openSession,
    /** An open session by id; NOT_FOUND otherwise. */
    get(id: string): ShellSession {
      const session = open.get(id);
      if (!session)
        throw new AppError(
          ErrorCode.notFound,
          `No open session "${id}". List the open ones with sessions(filter: {openOnly: true}) (CLI: etphonehome sessions list).`,
          { id },
        );
      return session;
    },
    /** Open sessions, oldest first. */
    listOpen(): SessionView[] {
      return [...open.values()].map((session) => session.view());
    },
    closeAll(reason: string): void {
      for (const session of [...open.values()]) session.close(reason);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
