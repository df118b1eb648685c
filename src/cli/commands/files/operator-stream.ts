// What `files get <client>:<path> <local>` and `files put <local> <client>:<path>` share (the
// two directions are ./operator-get.ts and ./operator-put.ts): a file between THIS machine and a
// client, streamed through the server's /stream path (protocol/ws-stream.ts) without touching
// the server's disk, resumable both ways and SHA-256 checked end to end. Here: the result and
// its line, the progress bar (stderr, on a terminal only), retries after a broken link (each
// attempt resuming after the bytes already there), and the socket's plumbing with backpressure
// both ways — the socket is paused while a message is handled, and sending waits while the
// socket's queue is over its high-water mark.

import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import { resolveConnection, type Connection } from '../../../client/index.js';
import { StreamRefusedError } from '../../../client/stream.js';
import { ErrorCode, isErrorCode, type ErrorCodeName } from '../../../errors.js';
import { STREAM_HIGH_WATER_BYTES, type TransferDone } from '../../../protocol/ws-stream.js';
import { parseIntFlag } from '../../args.js';
import { CommandError, printJson, type CommandIO } from '../../output.js';
import { formatBytes, formatDuration, formatProgress } from '../../progress.js';

const DEFAULT_RETRIES = 3;
const MAX_RETRIES = 100;
const MAX_RETRY_WAIT_S = 30;
/** Bytes read from the local file per message (under the socket's 1 MiB message limit). */
export const CHUNK_BYTES = 256 * 1024;
const PROGRESS_INTERVAL_MS = 250;

/** `client:path` → its parts; null when `text` is not one (no colon, or a slash before it). */
export function parseRemote(text: string | undefined): { client: string; path: string } | null {
  if (text === undefined) return null;
  const match = /^([^:/\\]+):(.+)$/.exec(text);
  return match ? { client: match[1] as string, path: match[2] as string } : null;
}

export interface OperatorFlags {
  url?: string | undefined;
  'data-dir'?: string | undefined;
  json?: boolean | undefined;
  id?: string | undefined;
  retries?: string | undefined;
  'create-parents'?: boolean | undefined;
}

/** What --json prints (the fields of the server-side transfers', plus bytesSent). */
export interface OperatorResult {
  transferId: string;
  clientId: string;
  direction: 'DOWNLOAD' | 'UPLOAD';
  remotePath: string;
  localPath: string;
  state: 'COMPLETED';
  bytesDone: number;
  totalBytes: number;
  resumedFrom: number;
  bytesSent: number;
  rateBytesPerSecond: number;
  sha256: string;
  startedAt: string;
  finishedAt: string;
}

/** The result of a completed transfer: what it was, and the rest worked out from its outcome. */
function completedResult(
  transfer: Pick<
    OperatorResult,
    'transferId' | 'clientId' | 'direction' | 'remotePath' | 'localPath'
  >,
  startedAt: Date,
  outcome: { size: number; resumedFrom: number; sha256: string },
): OperatorResult {
  const finishedAt = new Date();
  const seconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
  const bytesSent = outcome.size - outcome.resumedFrom;
  return {
    ...transfer,
    state: 'COMPLETED',
    bytesDone: outcome.size,
    totalBytes: outcome.size,
    resumedFrom: outcome.resumedFrom,
    bytesSent,
    rateBytesPerSecond: Math.round(seconds > 0 ? bytesSent / seconds : 0),
    sha256: outcome.sha256,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
  };
}

/** A failure of one attempt: a broken link is worth another, a refusal is not. */
export class AttemptError extends CommandError {
  readonly retryable: boolean;
  constructor(code: ErrorCodeName | null, message: string, retryable: boolean) {
    super(code, message);
    this.retryable = retryable;
  }
}

function failureOf(message: { code?: unknown; message?: unknown }): AttemptError {
  const code = isErrorCode(message.code) ? message.code : null;
  return new AttemptError(
    code,
    String(message.message ?? 'the transfer failed'),
    code === ErrorCode.agentUnavailable || code === ErrorCode.timeout,
  );
}

export const broken = (what: string): AttemptError =>
  new AttemptError(ErrorCode.agentUnavailable, `The connection to the server broke ${what}.`, true);

/** Draws the progress bar on a terminal, at most every 250 ms. */
function progressBar(io: CommandIO, enabled: boolean) {
  let last = 0;
  let drawn = false;
  let started = Date.now();
  let from = 0;
  return {
    start(bytesDone: number): void {
      started = Date.now();
      from = bytesDone;
    },
    update(bytesDone: number, totalBytes: number, force = false): void {
      const now = Date.now();
      if (!enabled || (!force && now - last < PROGRESS_INTERVAL_MS)) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? (bytesDone - from) / seconds : 0;
      const eta = rate > 0 ? Math.round((totalBytes - bytesDone) / rate) : null;
      drawn = true;
      io.progress?.(
        `\r${formatProgress({ bytesDone, totalBytes, rateBytesPerSecond: Math.round(rate), etaSeconds: eta })}\x1b[K`,
      );
    },
    clear(): void {
      if (drawn) io.progress?.('\r\x1b[K');
      drawn = false;
    },
  };
}

export type Bar = ReturnType<typeof progressBar>;

export async function withRetries<T>(
  io: CommandIO,
  values: OperatorFlags,
  bar: Bar,
  attempt: (n: number) => Promise<T>,
): Promise<T> {
  const retries =
    parseIntFlag('retries', values.retries, { min: 0, max: MAX_RETRIES }) ?? DEFAULT_RETRIES;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      bar.clear();
      const again =
        error instanceof AttemptError &&
        (error.retryable || (n > 0 && error.code === ErrorCode.clientOffline));
      if (error instanceof StreamRefusedError) {
        const retryOffline = n > 0 && error.code === ErrorCode.clientOffline;
        const retryable =
          error.code === ErrorCode.agentUnavailable || error.code === null || retryOffline;
        if (!retryable || n >= retries) throw new CommandError(error.code, error.message);
      } else if (!again || n >= retries) throw error;
      const seconds = Math.min(MAX_RETRY_WAIT_S, 2 ** (n + 1));
      io.err(
        `${(error as Error).message}\nRetrying in ${seconds} s (${n + 1}/${retries}); the transfer resumes after the bytes already there.`,
      );
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

/**
 * The server's messages after the reply: binary ones handled in turn (the socket paused
 * meanwhile), then {done} or {error}. Its listener is given to openServerStream, so that bytes
 * right behind the reply are not missed; `watch` follows the socket's close.
 */
export function createInbox(onChunk: (chunk: Buffer) => Promise<void>) {
  // Nothing is handled before `begin` (the destination is ready for the first bytes).
  let begin: () => void = () => undefined;
  let chain = new Promise<void>((resolve) => (begin = resolve));
  let queued = 0;
  let settled = false;
  let socket: WebSocket | null = null;
  let resolveDone: (done: TransferDone) => void = () => undefined;
  let rejectDone: (error: Error) => void = () => undefined;
  const done = new Promise<TransferDone>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  // A failure before anyone awaits is still handled (by whoever awaits later).
  done.catch(() => undefined);
  const settle = (error: Error | null, result?: TransferDone): void => {
    if (settled) return;
    settled = true;
    if (error) {
      socket?.terminate();
      rejectDone(error);
    } else resolveDone(result as TransferDone);
  };
  return {
    done,
    begin: () => begin(),
    onMessage(ws: WebSocket, data: WebSocket.RawData, isBinary: boolean): void {
      socket = ws;
      const buffer = data as Buffer;
      queued++;
      ws.pause();
      chain = chain
        .then(async () => {
          if (settled) return;
          if (isBinary) return onChunk(buffer);
          const message = JSON.parse(buffer.toString('utf8')) as {
            done?: TransferDone;
            error?: { code?: unknown; message?: unknown };
          };
          if (message.error) throw failureOf(message.error);
          if (message.done) settle(null, message.done);
        })
        .catch((error: unknown) => settle(error as Error))
        .finally(() => {
          queued--;
          // Resumed after {done} too: the server's close frame must be read, or the socket
          // lingers until ws's close timeout.
          if (queued === 0) ws.resume();
        });
    },
    /** Follows the socket's close, once the stream is open. */
    watch(ws: WebSocket): void {
      socket = ws;
      // Messages still queued are handled first; a close before {done} is a broken link.
      ws.on('close', (code: number, reason: Buffer) => {
        const why = reason.length > 0 ? `: ${reason.toString('utf8')}` : '';
        void chain.then(() => settle(broken(`before the transfer ended (${code}${why})`)));
      });
    },
  };
}

function resultLine(r: OperatorResult): string {
  const seconds = (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000;
  const arrow =
    r.direction === 'DOWNLOAD'
      ? `${r.clientId}:${r.remotePath} → ${r.localPath}`
      : `${r.localPath} → ${r.clientId}:${r.remotePath}`;
  const resumed = r.resumedFrom > 0 ? `, resumed after ${formatBytes(r.resumedFrom)}` : '';
  return `${arrow}: ${formatBytes(r.bytesDone)} in ${formatDuration(seconds)} (${formatBytes(r.rateBytesPerSecond)}/s${resumed}), sha256 ${r.sha256}`;
}

function print(io: CommandIO, values: OperatorFlags, result: OperatorResult): number {
  if (values.json) printJson(io, result);
  else io.out(resultLine(result));
  return 0;
}

/** What one transfer runs with: the server, its id (--id, or a new one) and its progress bar. */
export interface TransferLink {
  connection: Connection;
  transferId: string;
  bar: Bar;
}

/**
 * A transfer in either direction: `body` moves the file over `link` (with withRetries) and
 * answers with how it ended; then the bar is cleared and the result printed (line or --json).
 */
export async function runTransfer(
  io: CommandIO,
  values: OperatorFlags,
  transfer: Pick<OperatorResult, 'clientId' | 'remotePath' | 'direction' | 'localPath'>,
  body: (link: TransferLink) => Promise<TransferDone>,
): Promise<number> {
  const connection = await resolveConnection(values, io.env);
  const transferId = values.id ?? randomUUID();
  const bar = progressBar(io, io.stderrIsTTY === true && !values.json);
  const startedAt = new Date();
  const outcome = await body({ connection, transferId, bar });
  bar.clear();
  return print(io, values, completedResult({ transferId, ...transfer }, startedAt, outcome));
}

/** Sends one message; waits for the queue to drain below the high-water mark first. */
export function sendPaced(ws: WebSocket, data: Buffer | string): Promise<void> {
  if (ws.readyState !== ws.OPEN) return Promise.reject(broken('while sending'));
  if (ws.bufferedAmount < STREAM_HIGH_WATER_BYTES) {
    ws.send(data, () => undefined);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) =>
    ws.send(data, (error) => (error ? reject(broken('while sending')) : resolve())),
  );
}
