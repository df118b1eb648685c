// Shells driven by request and reply (issue 16, for assistants and scripts: openShell, writeShell,
// readShell, closeShell; MCP shell_open … shell_close). Each is an ordinary session of
// ./sessions.ts — the same gate, per-client cap, rate limit, recording and session.opened /
// session.closed events as the CLI's shell — whose output waits in a bounded buffer until read,
// instead of flowing to a socket:
//   - at most MAX_SHELL_BUFFER_BYTES wait; past that the oldest bytes are dropped, and the next
//     read says how many (droppedBytes);
//   - a shell belongs to the API key that opened it: another key is told NOT_FOUND, as for an
//     id that never existed;
//   - it closes itself after idleTimeoutMs without input, output or reads; revoking its key
//     closes it at once;
//   - once ended, its last output and exit status stay readable (the newest MAX_ENDED_SHELLS).

import { StringDecoder } from 'node:string_decoder';
import { AppError, ErrorCode, nextStep, Operation } from '../../errors.js';
import { quote } from '../../lib/quote.js';
import type { Caller } from '../caller.js';
import type { EndHeld } from '../holdings.js';
import {
  MAX_ENDED_SHELLS,
  MAX_SHELL_BUFFER_BYTES,
  MAX_SHELL_READ_BYTES,
  MAX_SHELL_READ_TIMEOUT_S,
  MAX_SHELL_SEND_BYTES,
  SHELL_CLOSE_GRACE_MS,
  SHELL_READ_QUIET_MS,
} from '../limits.js';
import type { Principal } from '../principal.js';
import type { OpenShellInput, SessionView, ShellSession } from './sessions.js';

export interface OpenBufferedShellInput {
  cols: number;
  rows: number;
  /** Which door opened it ("mcp", "graphql"): shown in lists. */
  origin: string;
}

export interface OpenedShell {
  session: SessionView;
  /** Why there is no PTY although one was asked for (the agent's note), else null. */
  note: string | null;
}

export interface ShellRead {
  /** The session as it is now (or as it ended). */
  session: SessionView;
  /** What arrived since the last read (UTF-8; stdout and stderr interleaved). */
  output: string;
  /** Bytes dropped since the last read because the buffer was full (the oldest went first). */
  droppedBytes: number;
  /** Bytes still buffered after this read: read again to get them. */
  pendingBytes: number;
}

export interface ShellsDeps {
  open(ref: string, input: OpenShellInput, caller: Caller): Promise<ShellSession>;
  hold(principal: Principal, end: EndHeld): () => void;
  /**
   * Admits one send to `clientUuid` as an operation of its own (the key's scope and role, the
   * client's quarantine and rate limit: typing into a shell is running commands); returns the
   * permit's release.
   */
  admitSend(clientUuid: string, caller: Caller): Promise<() => void>;
  /** Close a shell after this long without input, output or reads (0: never). */
  idleTimeoutMs: number;
}

interface Entry {
  session: ShellSession;
  owner: string;
  chunks: Buffer[];
  bytes: number;
  dropped: number;
  decoder: StringDecoder;
  /** The view as it ended; null while open. */
  ended: SessionView | null;
  /** Told when output arrives or the session ends (waiting reads and closes). */
  listeners: Set<(kind: 'output' | 'end') => void>;
}

/** What an origin label may be (lists show it). */
const ORIGIN = /^[a-z][a-z0-9-]{0,19}$/;

const ownerOf = (caller: Caller): string =>
  caller.principal ? `key ${caller.principal.keyId}` : `actor ${caller.actor}`;

export function createShells(deps: ShellsDeps) {
  const entries = new Map<string, Entry>();
  const endedOrder: string[] = [];

  const notFound = (id: string): AppError =>
    new AppError(
      ErrorCode.notFound,
      `No shell ${quote(id, 80)} of this API key. List yours with shells; open one with openShell.`,
      { id },
      [nextStep(Operation.shells), nextStep(Operation.openShell)],
    );

  function own(id: string, caller: Caller): Entry {
    const entry = entries.get(id);
    if (!entry || entry.owner !== ownerOf(caller)) throw notFound(id);
    return entry;
  }

  function push(entry: Entry, data: Buffer): void {
    entry.chunks.push(data);
    entry.bytes += data.length;
    while (entry.bytes > MAX_SHELL_BUFFER_BYTES) {
      const first = entry.chunks[0] as Buffer;
      const over = entry.bytes - MAX_SHELL_BUFFER_BYTES;
      if (first.length <= over) {
        entry.chunks.shift();
        entry.bytes -= first.length;
        entry.dropped += first.length;
      } else {
        entry.chunks[0] = first.subarray(over);
        entry.bytes -= over;
        entry.dropped += over;
      }
    }
    for (const listener of entry.listeners) listener('output');
  }

  function take(entry: Entry): ShellRead {
    const parts: Buffer[] = [];
    let size = 0;
    while (entry.chunks.length > 0 && size < MAX_SHELL_READ_BYTES) {
      const first = entry.chunks[0] as Buffer;
      const room = MAX_SHELL_READ_BYTES - size;
      if (first.length <= room) {
        parts.push(first);
        entry.chunks.shift();
        size += first.length;
      } else {
        parts.push(first.subarray(0, room));
        entry.chunks[0] = first.subarray(room);
        size += room;
      }
    }
    entry.bytes -= size;
    let output = entry.decoder.write(Buffer.concat(parts));
    if (entry.ended && entry.bytes === 0) output += entry.decoder.end();
    const droppedBytes = entry.dropped;
    entry.dropped = 0;
    return {
      session: entry.ended ?? entry.session.view(),
      output,
      droppedBytes,
      pendingBytes: entry.bytes,
    };
  }

  /** Resolves when `done(kind)` says so, after `timeoutMs`, or rejects when `signal` aborts. */
  function waitOn(
    entry: Entry,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    done: (kind: 'output' | 'end', settle: () => void, settleWhenQuiet: () => void) => void,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      let quiet: NodeJS.Timeout | undefined;
      const cleanup = (): void => {
        clearTimeout(overall);
        clearTimeout(quiet);
        entry.listeners.delete(listener);
        signal?.removeEventListener('abort', onAbort);
      };
      const settle = (): void => {
        cleanup();
        resolve();
      };
      // Output that keeps coming: the wait ends once it has been quiet for SHELL_READ_QUIET_MS.
      const settleWhenQuiet = (): void => {
        clearTimeout(quiet);
        quiet = setTimeout(settle, SHELL_READ_QUIET_MS);
      };
      const listener = (kind: 'output' | 'end'): void => done(kind, settle, settleWhenQuiet);
      const onAbort = (): void => {
        cleanup();
        reject(
          new AppError(
            ErrorCode.timeout,
            'The read was cancelled by its caller; the output stays buffered for the next read.',
          ),
        );
      };
      const overall = setTimeout(settle, timeoutMs);
      if (signal?.aborted) return onAbort();
      entry.listeners.add(listener);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  function forgetEnded(id: string): void {
    endedOrder.push(id);
    while (endedOrder.length > MAX_ENDED_SHELLS) entries.delete(endedOrder.shift() as string);
  }

  const ended = (entry: Entry, timeoutMs: number): Promise<void> =>
    entry.ended
      ? Promise.resolve()
      : waitOn(entry, timeoutMs, undefined, (kind, settle) => kind === 'end' && settle());

  return {
    /** Opens a shell on a PTY through the sessions' one path; its output waits to be read. */
    async open(ref: string, input: OpenBufferedShellInput, caller: Caller): Promise<OpenedShell> {
      if (!ORIGIN.test(input.origin))
        throw new AppError(
          ErrorCode.badUserInput,
          `origin ${quote(input.origin, 40)} is not a label: use 1-20 lowercase letters, digits or -, starting with a letter.`,
        );
      const session = await deps.open(
        ref,
        {
          command: null,
          pty: true,
          cols: input.cols,
          rows: input.rows,
          origin: input.origin,
          idleTimeoutMs: deps.idleTimeoutMs,
        },
        caller,
      );
      const entry: Entry = {
        session,
        owner: ownerOf(caller),
        chunks: [],
        bytes: 0,
        dropped: 0,
        decoder: new StringDecoder('utf8'),
        ended: null,
        listeners: new Set(),
      };
      const release = caller.principal
        ? deps.hold(caller.principal, (reason) => session.close(reason))
        : () => undefined;
      session.on('output', (data: Buffer) => push(entry, data));
      session.once('close', () => {
        release();
        entry.ended = session.view();
        forgetEnded(session.id);
        for (const listener of entry.listeners) listener('end');
      });
      entries.set(session.id, entry);
      session.resume();
      return { session: session.view(), note: session.note };
    },

    /**
     * Sends text (and Enter when `sendNewline`) as typed keys; the session and the bytes sent.
     * Each send counts toward the client's rate limit (the CLI's keystrokes on a stream do not:
     * a person types them).
     */
    async send(
      id: string,
      text: string,
      sendNewline: boolean,
      caller: Caller,
    ): Promise<{ session: SessionView; bytesSent: number }> {
      const entry = own(id, caller);
      if (entry.ended) {
        const view = entry.ended;
        const how =
          view.exitStatus !== null
            ? `exit status ${view.exitStatus}`
            : view.exitSignal
              ? `signal ${view.exitSignal}`
              : (view.closeReason ?? 'closed');
        throw new AppError(
          ErrorCode.notFound,
          `Shell ${quote(id, 80)} has ended (${how}); nothing can be sent to it. Read its last output with readShell, or open a new one with openShell.`,
          { id },
          [nextStep(Operation.readShell), nextStep(Operation.openShell)],
        );
      }
      const data = Buffer.from(
        sendNewline ? text + (entry.session.pty ? '\r' : '\n') : text,
        'utf8',
      );
      if (data.length === 0 || data.length > MAX_SHELL_SEND_BYTES)
        throw new AppError(
          ErrorCode.badUserInput,
          `Text to send must be 1 to ${MAX_SHELL_SEND_BYTES} bytes (got ${data.length}); send a long input in parts.`,
          { bytes: data.length },
        );
      const release = await deps.admitSend(entry.session.view().clientUuid, caller);
      try {
        // Ended while admitted: told as above on the next send.
        if (entry.ended) throw notFound(id);
        entry.session.input(data);
      } finally {
        release();
      }
      return { session: entry.session.view(), bytesSent: data.length };
    },

    /**
     * What arrived since the last read. Waits up to `timeoutMs` when nothing is buffered yet,
     * returning once output has arrived and been quiet for SHELL_READ_QUIET_MS (or the session
     * ended); at once when something is buffered. The caller's signal cancels the wait (nothing
     * is taken then).
     */
    async read(id: string, timeoutMs: number, caller: Caller): Promise<ShellRead> {
      if (
        !Number.isFinite(timeoutMs) ||
        timeoutMs < 0 ||
        timeoutMs > MAX_SHELL_READ_TIMEOUT_S * 1000
      )
        throw new AppError(
          ErrorCode.badUserInput,
          `A read waits 0 to ${MAX_SHELL_READ_TIMEOUT_S} seconds (got ${timeoutMs / 1000}).`,
        );
      const entry = own(id, caller);
      entry.session.keepAlive();
      if (entry.bytes === 0 && !entry.ended && timeoutMs > 0) {
        await waitOn(entry, timeoutMs, caller.signal, (kind, settle, settleWhenQuiet) =>
          kind === 'end' || entry.bytes >= MAX_SHELL_READ_BYTES ? settle() : settleWhenQuiet(),
        );
      }
      entry.session.keepAlive();
      return take(entry);
    },

    /** The caller's open shells, oldest first. */
    list(caller: Caller): SessionView[] {
      const owner = ownerOf(caller);
      return [...entries.values()]
        .filter((entry) => entry.owner === owner && !entry.ended)
        .map((entry) => entry.session.view());
    },

    /**
     * Ends a shell as a person would: end of input (Ctrl-D) first, then SIGHUP, each given
     * SHELL_CLOSE_GRACE_MS to end it, so session.closed carries how it exited; only then is it
     * cut. The view as it ended (an ended shell's at once).
     */
    async close(id: string, caller: Caller): Promise<SessionView> {
      const entry = own(id, caller);
      if (!entry.ended) {
        entry.session.endInput();
        await ended(entry, SHELL_CLOSE_GRACE_MS);
      }
      if (!entry.ended) {
        entry.session.signal('SIGHUP');
        await ended(entry, SHELL_CLOSE_GRACE_MS);
      }
      if (!entry.ended) {
        entry.session.close(`closed by ${caller.actor}`);
        await ended(entry, SHELL_CLOSE_GRACE_MS);
      }
      return entry.ended ?? entry.session.view();
    },
  };
}

export type Shells = ReturnType<typeof createShells>;
