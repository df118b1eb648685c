// `files get <client>:<path> <local>` and `files put <local> <client>:<path>`: a file between
// THIS machine and a client, streamed through the server's /stream path (protocol/ws-stream.ts)
// without touching the server's disk. Resumable both ways, SHA-256 checked end to end:
//
//   get  writes <local>.part (the .part's length and SHA-256 offered to the agent, which sends
//        only the rest when its file begins with the same bytes, else all of it), then renames
//        it to <local> once the SHA-256 of the whole matches the agent's.
//   put  the agent offers what its partial file beside the target holds; only the rest is sent
//        when this file begins with the same bytes. The agent renames into place once the
//        SHA-256 matches.
//
// Backpressure both ways: the socket is paused while a chunk is written to disk, and reading
// the file waits while the socket's queue is over its high-water mark. A broken link is retried
// (--retries), each attempt resuming after the bytes already there.

import { createHash, randomUUID, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type WebSocket from 'ws';
import { resolveConnection, type Connection } from '../../../client/index.js';
import { openServerStream, StreamRefusedError } from '../../../client/stream.js';
import { ErrorCode, isErrorCode, type ErrorCodeName } from '../../../errors.js';
import { createBatchedWriter } from '../../../lib/batched-writer.js';
import { hashPrefix, peekDigest } from '../../../lib/file-hash.js';
import { STREAM_HIGH_WATER_BYTES, type TransferDone } from '../../../protocol/ws-stream.js';
import { parseIntFlag } from '../../args.js';
import { CommandError, printJson, UsageError, type CommandIO } from '../../output.js';
import { formatBytes, formatDuration, formatProgress } from '../../progress.js';

const DEFAULT_RETRIES = 3;
const MAX_RETRIES = 100;
const MAX_RETRY_WAIT_S = 30;
/** Bytes read from the local file per message (under the socket's 1 MiB message limit). */
const CHUNK_BYTES = 256 * 1024;
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
interface OperatorResult {
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

/** A failure of one attempt: a broken link is worth another, a refusal is not. */
class AttemptError extends CommandError {
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

const broken = (what: string): AttemptError =>
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

type Bar = ReturnType<typeof progressBar>;

async function withRetries<T>(
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
function createInbox(onChunk: (chunk: Buffer) => Promise<void>) {
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

function remoteBasename(remotePath: string): string {
  const flavour =
    path.win32.isAbsolute(remotePath) && !path.posix.isAbsolute(remotePath)
      ? path.win32
      : path.posix;
  return flavour.basename(remotePath);
}

/** <local>, or <local>/<remote name> when <local> is a directory (or ends with a slash). */
async function localTarget(local: string, remotePath: string): Promise<string> {
  const info = await stat(local).catch(() => null);
  if (info?.isDirectory()) return path.resolve(local, remoteBasename(remotePath));
  if (/[/\\]$/.test(local))
    throw new UsageError(`files get: the directory ${local} does not exist`);
  return path.resolve(local);
}

/** `files get <client>:<path> <local>`. */
export async function runOperatorGet(
  io: CommandIO,
  values: OperatorFlags,
  remote: { client: string; path: string },
  local: string,
): Promise<number> {
  const target = await localTarget(local, remote.path);
  const part = `${target}.part`;
  const connection = await resolveConnection(values, io.env);
  const transferId = values.id ?? randomUUID();
  const bar = progressBar(io, io.stderrIsTTY === true && !values.json);
  const startedAt = new Date();

  const outcome = await withRetries(io, values, bar, async () => {
    const handle = await open(part, constants.O_RDWR | constants.O_CREAT, 0o600);
    try {
      return await getOnce(connection, handle, remote, transferId, bar);
    } finally {
      await handle.close().catch(() => undefined);
    }
  });
  await rename(part, target);
  bar.clear();
  const finishedAt = new Date();
  const seconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
  return print(io, values, {
    transferId,
    clientId: outcome.clientId,
    direction: 'DOWNLOAD',
    remotePath: remote.path,
    localPath: target,
    state: 'COMPLETED',
    bytesDone: outcome.size,
    totalBytes: outcome.size,
    resumedFrom: outcome.resumedFrom,
    bytesSent: outcome.size - outcome.resumedFrom,
    rateBytesPerSecond: Math.round(
      seconds > 0 ? (outcome.size - outcome.resumedFrom) / seconds : 0,
    ),
    sha256: outcome.sha256,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
  });
}

async function getOnce(
  connection: Connection,
  handle: FileHandle,
  remote: { client: string; path: string },
  transferId: string,
  bar: Bar,
): Promise<TransferDone & { clientId: string }> {
  const held = (await handle.stat()).size;
  let hash: Hash = held > 0 ? await hashPrefix(handle, held) : createHash('sha256');
  let position = 0;
  let size = 0;
  let writer = createBatchedWriter(handle, 0);
  const inbox = createInbox(async (chunk) => {
    if (position + chunk.length > size)
      throw new AttemptError(null, `The server sent more than the ${size} bytes announced.`, false);
    hash.update(chunk);
    position += chunk.length;
    await writer.add(chunk);
    bar.update(position, size);
  });
  const { ws, reply } = await openServerStream(
    connection,
    {
      op: 'get',
      client: remote.client,
      path: remote.path,
      offset: held,
      ...(held > 0 ? { prefixSha256: peekDigest(hash) } : {}),
      transferId,
    },
    { onMessage: inbox.onMessage },
  );
  inbox.watch(ws);
  size = reply.size ?? 0;
  const start = reply.start ?? 0;
  // The agent's file does not begin with the .part's bytes (changed, or the .part is not its
  // prefix): everything comes again.
  if (start === 0) hash = createHash('sha256');
  await handle.truncate(start);
  position = start;
  writer = createBatchedWriter(handle, start);
  bar.start(start);
  bar.update(position, size, true);
  inbox.begin();
  let done: TransferDone;
  try {
    done = await inbox.done;
  } finally {
    // What arrived stays in the .part for the next attempt.
    await writer.flush();
  }
  const sha256 = hash.digest('hex');
  if (position !== size || done.size !== size || done.sha256 !== sha256) {
    await handle.truncate(0);
    throw new AttemptError(
      ErrorCode.agentError,
      `The file arrived as ${position} bytes hashing to ${sha256}, but the client reports ${done.size} bytes with SHA-256 ${done.sha256}; nothing was written to the destination. Run the command again to fetch it whole.`,
      false,
    );
  }
  await handle.sync();
  bar.update(position, size, true);
  return { ...done, clientId: remote.client };
}

/** `files put <local> <client>:<path>`. */
export async function runOperatorPut(
  io: CommandIO,
  values: OperatorFlags,
  local: string,
  remote: { client: string; path: string },
): Promise<number> {
  const source = path.resolve(local);
  const remotePath = /[/\\]$/.test(remote.path)
    ? `${remote.path}${path.basename(source)}`
    : remote.path;
  const info = await stat(source).catch(() => null);
  if (!info?.isFile())
    throw new UsageError(`files put: ${local} is not a regular file on this machine`);
  const connection = await resolveConnection(values, io.env);
  const transferId = values.id ?? randomUUID();
  const bar = progressBar(io, io.stderrIsTTY === true && !values.json);
  const startedAt = new Date();
  const handle = await open(source, 'r');
  let outcome: TransferDone;
  try {
    const size = (await handle.stat()).size;
    outcome = await withRetries(io, values, bar, () =>
      putOnce(
        connection,
        handle,
        size,
        { client: remote.client, path: remotePath },
        {
          transferId,
          createParents: values['create-parents'] ?? false,
          bar,
        },
      ),
    );
  } finally {
    await handle.close().catch(() => undefined);
  }
  bar.clear();
  const finishedAt = new Date();
  const seconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
  return print(io, values, {
    transferId,
    clientId: remote.client,
    direction: 'UPLOAD',
    remotePath,
    localPath: source,
    state: 'COMPLETED',
    bytesDone: outcome.size,
    totalBytes: outcome.size,
    resumedFrom: outcome.resumedFrom,
    bytesSent: outcome.size - outcome.resumedFrom,
    rateBytesPerSecond: Math.round(
      seconds > 0 ? (outcome.size - outcome.resumedFrom) / seconds : 0,
    ),
    sha256: outcome.sha256,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
  });
}

/** Sends one message; waits for the queue to drain below the high-water mark first. */
function sendPaced(ws: WebSocket, data: Buffer | string): Promise<void> {
  if (ws.readyState !== ws.OPEN) return Promise.reject(broken('while sending'));
  if (ws.bufferedAmount < STREAM_HIGH_WATER_BYTES) {
    ws.send(data, () => undefined);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) =>
    ws.send(data, (error) => (error ? reject(broken('while sending')) : resolve())),
  );
}

async function putOnce(
  connection: Connection,
  handle: FileHandle,
  size: number,
  remote: { client: string; path: string },
  options: { transferId: string; createParents: boolean; bar: Bar },
): Promise<TransferDone> {
  // The server's answer ({done} or {error}) may come while bytes are still being sent.
  const inbox = createInbox(() =>
    Promise.reject(new AttemptError(null, 'The server sent bytes during a put.', false)),
  );
  const { ws, reply } = await openServerStream(
    connection,
    {
      op: 'put',
      client: remote.client,
      path: remote.path,
      size,
      createParents: options.createParents,
      transferId: options.transferId,
    },
    { onMessage: inbox.onMessage },
  );
  inbox.watch(ws);
  inbox.begin();
  const answer = inbox.done;
  let stopped: unknown = null;
  answer.catch((error: unknown) => {
    stopped = error;
  });
  const offset = reply.offset ?? 0;
  let start = 0;
  let hash: Hash = createHash('sha256');
  if (offset > 0 && offset <= size) {
    const prefix = await hashPrefix(handle, offset);
    if (peekDigest(prefix) === reply.prefixSha256) {
      start = offset;
      hash = prefix;
    }
  }
  await sendPaced(ws, JSON.stringify({ start }));
  const { bar } = options;
  bar.start(start);
  bar.update(start, size, true);
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let position = start;
  while (position < size && stopped === null) {
    const { bytesRead } = await handle.read(
      buffer,
      0,
      Math.min(buffer.length, size - position),
      position,
    );
    if (bytesRead === 0)
      throw new AttemptError(
        null,
        `The local file shrank to ${position} bytes while being sent.`,
        false,
      );
    const chunk = Buffer.from(buffer.subarray(0, bytesRead));
    hash.update(chunk);
    await sendPaced(ws, chunk).catch((error: unknown) => {
      stopped ??= error;
    });
    position += bytesRead;
    bar.update(position, size);
  }
  if (stopped === null) {
    const sha256 = peekDigest(hash);
    await sendPaced(ws, JSON.stringify({ sha256 })).catch(() => undefined);
  }
  const done = await answer;
  const sha256 = hash.digest('hex');
  if (done.sha256 !== sha256 || done.size !== size)
    throw new AttemptError(
      ErrorCode.agentError,
      `The client reports ${done.size} bytes with SHA-256 ${done.sha256}; this file is ${size} bytes with ${sha256}. Run the command again.`,
      false,
    );
  bar.update(size, size, true);
  return done;
}
