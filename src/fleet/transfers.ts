// Transfers of files of any size between the server and a client, each on a channel of its own:
//
//   uploadFile   server file ──▶ agent   (<transfer root>/localPath → remotePath)
//   downloadFile agent ──▶ server file   (remotePath → <transfer root>/localPath)
//
// Constant memory (fixed-size reads, writes awaited, the SSH window as backpressure), no size
// limit, SHA-256 verified end to end, written to a partial file beside the destination and
// renamed into place when complete. A broken transfer leaves its partial file; the next transfer
// to the same destination verifies the bytes already there (SHA-256 of the prefix) and sends only
// the rest. On the server, paths are confined to the transfer roots (<data-dir>/transfers, or
// ETPHONEHOME_TRANSFER_ROOTS) with the same protections as on the agent (../lib/safe-path.ts).
// Each transfer holds a rate-limit permit for its duration and publishes progress by id.

import { constants } from 'node:fs';
import { randomUUID, createHash, type Hash } from 'node:crypto';
import { lstat, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import { AgentCallError } from '../hub/errors.js';
import type { TransferChannel } from '../hub/transfer-channel.js';
import { createAsyncQueue } from '../lib/async-queue.js';
import { hashPrefix, peekDigest } from '../lib/file-hash.js';
import { quote } from '../lib/quote.js';
import {
  PathRefusal,
  READ_FLAGS,
  assertSingleLink,
  confine,
  descriptorPath,
  makeDirectories,
  openConfined,
  openDirectoryConfined,
} from '../lib/safe-path.js';
import {
  TRANSFER_CHUNK_BYTES,
  downloadReadySchema,
  partialName,
  uploadReadySchema,
} from '../protocol/transfer.js';
import type { Client } from '../store/entities/index.js';
import type { Audit } from './audit.js';
import { FleetEventType } from './events.js';
import type { Caller } from './fleet.js';
import { recordAgentRefusal, validateRemotePath } from './files.js';
import { MAX_PATH_LENGTH } from './limits.js';
import type { FleetSession } from './registry.js';
import { bad } from './validation.js';

/** A transfer that moves no byte for this long is abandoned (its partial file stays). */
const IDLE_TIMEOUT_MS = 120_000;
/** Progress is published at most this often (and always at the start and the end). */
const PROGRESS_INTERVAL_MS = 250;
/** Finished transfers stay visible to late subscribers this long. */
const KEEP_FINISHED_MS = 10 * 60_000;
const WRITE_BATCH_BYTES = 1024 * 1024;
const TRANSFER_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export type TransferDirection = 'upload' | 'download';
export type TransferState = 'running' | 'completed' | 'failed';

export interface TransferProgress {
  transferId: string;
  clientUuid: string;
  clientId: string;
  direction: TransferDirection;
  remotePath: string;
  /** The server-side file, resolved inside the transfer roots. */
  localPath: string;
  state: TransferState;
  /** Bytes in place at the destination, those kept from an earlier attempt included. */
  bytesDone: number;
  /** Size of the file; null until known (a download learns it from the agent). */
  totalBytes: number | null;
  resumedFrom: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** Bytes per second moved by this attempt. */
  rateBytesPerSecond: number;
  /** Seconds left at the current rate; null when unknown. */
  etaSeconds: number | null;
  sha256: string | null;
  error: { code: string; message: string } | null;
}

interface Tracked {
  latest: TransferProgress;
  listeners: Set<(progress: TransferProgress) => void>;
}

export interface UploadInput {
  localPath: string;
  remotePath: string;
  transferId?: string | null | undefined;
  createParents?: boolean | null | undefined;
  mode?: number | null | undefined;
}

export interface DownloadInput {
  remotePath: string;
  localPath: string;
  transferId?: string | null | undefined;
}

interface Deps {
  audit: Audit;
  logger: Logger;
  /** Real, absolute directories; the first one takes relative localPath values. */
  transferRoots: string[];
  admit(
    ref: string,
    method: string,
    caller: Caller,
    paths: { path: string; what: string }[],
  ): Promise<{ client: Client; session: FleetSession; release: () => void }>;
  callFailure(error: unknown, client: Client, what: string): never;
}

export function createTransfers(deps: Deps) {
  const { audit, transferRoots } = deps;
  const tracked = new Map<string, Tracked>();
  /** Destinations being written, so that two transfers never share one partial file. */
  const busy = new Set<string>();

  function claimId(requested: string | null | undefined): string {
    if (requested == null) return randomUUID();
    if (!TRANSFER_ID.test(requested))
      throw bad(
        `transferId must be 1 to 64 letters, digits, ".", "_" or "-" (got ${quote(requested)}).`,
      );
    const current = tracked.get(requested)?.latest;
    if (current?.state === 'running' && current.clientUuid !== '')
      throw bad(`A transfer with id ${quote(requested)} is already running; choose another id.`);
    return requested;
  }

  function publish(entry: Tracked, progress: TransferProgress): void {
    entry.latest = progress;
    for (const listener of entry.listeners) listener(progress);
  }

  function track(initial: TransferProgress): {
    /** `resumedFrom` once known: bytes kept from an earlier attempt (not counted in the rate). */
    update(bytesDone: number, totalBytes?: number, resumedFrom?: number): void;
    finish(result: Partial<TransferProgress>): void;
  } {
    const entry: Tracked = tracked.get(initial.transferId) ?? {
      latest: initial,
      listeners: new Set(),
    };
    tracked.set(initial.transferId, entry);
    publish(entry, initial);
    let lastPublished = 0;
    const rate = (bytesDone: number): number => {
      const seconds = (Date.now() - initial.startedAt.getTime()) / 1000;
      return seconds > 0 ? (bytesDone - entry.latest.resumedFrom) / seconds : 0;
    };
    return {
      update(bytesDone, totalBytes, resumedFrom) {
        if (resumedFrom !== undefined) entry.latest = { ...entry.latest, resumedFrom };
        const total = totalBytes ?? entry.latest.totalBytes;
        const now = Date.now();
        if (now - lastPublished < PROGRESS_INTERVAL_MS && totalBytes === undefined) {
          entry.latest = { ...entry.latest, bytesDone };
          return;
        }
        lastPublished = now;
        const perSecond = rate(bytesDone);
        publish(entry, {
          ...entry.latest,
          bytesDone,
          totalBytes: total,
          rateBytesPerSecond: Math.round(perSecond),
          etaSeconds:
            total !== null && perSecond > 0 ? Math.round((total - bytesDone) / perSecond) : null,
        });
      },
      finish(result) {
        const bytesDone = result.bytesDone ?? entry.latest.bytesDone;
        publish(entry, {
          ...entry.latest,
          ...result,
          bytesDone,
          finishedAt: new Date(),
          rateBytesPerSecond: Math.round(rate(bytesDone)),
          etaSeconds: result.state === 'completed' ? 0 : null,
        });
        setTimeout(() => {
          if (tracked.get(initial.transferId) === entry && entry.latest.state !== 'running')
            tracked.delete(initial.transferId);
        }, KEEP_FINISHED_MS).unref();
      },
    };
  }

  /** Resolves a server-side path inside the transfer roots (PATH_DENIED outside them). */
  async function serverPath(localPath: string): Promise<string> {
    if (typeof localPath !== 'string' || localPath.length === 0)
      throw bad('localPath must not be empty.');
    if (localPath.length > MAX_PATH_LENGTH)
      throw bad(`localPath is over the limit of ${MAX_PATH_LENGTH} characters.`);
    if (localPath.includes('\0')) throw bad('localPath contains a NUL byte.');
    if (transferRoots.length === 0)
      throw new AppError(
        ErrorCode.pathDenied,
        'No transfer roots are configured on this server (ETPHONEHOME_TRANSFER_ROOTS).',
      );
    const absolute = path.isAbsolute(localPath)
      ? localPath
      : path.join(transferRoots[0] ?? '/', localPath);
    try {
      return await confine(absolute, [transferRoots]);
    } catch (error) {
      throw serverRefusal(error, localPath);
    }
  }

  function serverRefusal(error: unknown, localPath: string): unknown {
    if (!(error instanceof PathRefusal)) return error;
    if (error.code === 'BAD_USER_INPUT') return bad(`localPath: ${error.message}`);
    if ('nlink' in error.data || /symbolic link/.test(error.message))
      return new AppError(ErrorCode.pathDenied, error.message, { path: localPath });
    return new AppError(
      ErrorCode.pathDenied,
      `localPath ${quote(localPath)} is outside the server's transfer roots: ${transferRoots.join(', ')}. Use a path relative to ${transferRoots[0] ?? 'a transfer root'} or inside one of them (ETPHONEHOME_TRANSFER_ROOTS sets them).`,
      { path: localPath, allowedPaths: transferRoots },
    );
  }

  function localFailure(error: unknown, localPath: string): unknown {
    if (error instanceof AppError || error instanceof AgentCallError) return error;
    if (error instanceof PathRefusal) return serverRefusal(error, localPath);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return new AppError(ErrorCode.notFound, `Server file ${quote(localPath)} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM')
      return bad(`The server may not access ${quote(localPath)} (permission denied).`);
    if (code === 'ENOSPC') return bad(`The server's disk is full (writing ${quote(localPath)}).`);
    if (typeof code === 'string')
      return bad(`Server file ${quote(localPath)}: ${(error as Error).message}`);
    return error;
  }

  /** Common frame: admission, the permit, progress, the audit record, error mapping. */
  async function run(
    direction: TransferDirection,
    ref: string,
    input: { remotePath: string; localPath: string; transferId?: string | null | undefined },
    caller: Caller,
    body: (ctx: {
      client: Client;
      session: FleetSession;
      local: string;
      progress: ReturnType<typeof track>;
      guard: (channel: TransferChannel) => () => void;
    }) => Promise<{ size: number; sha256: string; resumedFrom: number }>,
  ): Promise<TransferProgress> {
    const transferId = claimId(input.transferId);
    try {
      validateRemotePath(input.remotePath, 'remotePath');
      return await runAdmitted(direction, ref, input, caller, transferId, body);
    } catch (error) {
      // Refused before it started: a subscriber already waiting learns it too.
      const waiting = tracked.get(transferId);
      if (waiting && waiting.latest.clientUuid === '') {
        const failure =
          error instanceof AppError
            ? { code: error.code, message: error.message }
            : { code: ErrorCode.internal, message: 'internal error' };
        tracked.delete(transferId);
        publish(waiting, {
          ...waiting.latest,
          direction,
          remotePath: input.remotePath,
          state: 'failed',
          finishedAt: new Date(),
          error: failure,
        });
      }
      throw error;
    }
  }

  async function runAdmitted(
    direction: TransferDirection,
    ref: string,
    input: { remotePath: string; localPath: string; transferId?: string | null | undefined },
    caller: Caller,
    transferId: string,
    body: Parameters<typeof run>[4],
  ): Promise<TransferProgress> {
    const operation = direction === 'upload' ? 'upload_file' : 'download_file';
    const { client, session, release } = await deps.admit(ref, operation, caller, [
      { path: input.remotePath, what: 'remotePath' },
    ]);
    let local: string;
    try {
      local = await serverPath(input.localPath);
    } catch (error) {
      release();
      if (error instanceof AppError && error.code === ErrorCode.pathDenied) {
        await audit.record(
          FleetEventType.operationRefused,
          client.uuid,
          { operation, code: ErrorCode.pathDenied, path: input.localPath, refused_by: 'server' },
          caller.actor,
        );
      }
      throw error;
    }
    const busyKey =
      direction === 'upload' ? `${client.uuid}:${input.remotePath}` : `local:${local}`;
    if (busy.has(busyKey)) {
      release();
      throw bad(
        `A transfer to ${quote(direction === 'upload' ? input.remotePath : input.localPath)} is already running; wait for it to finish.`,
      );
    }
    busy.add(busyKey);
    const progress = track({
      transferId,
      clientUuid: client.uuid,
      clientId: client.clientId,
      direction,
      remotePath: input.remotePath,
      localPath: local,
      state: 'running',
      bytesDone: 0,
      totalBytes: null,
      resumedFrom: 0,
      startedAt: new Date(),
      finishedAt: null,
      rateBytesPerSecond: 0,
      etaSeconds: null,
      sha256: null,
      error: null,
    });
    // Cancels the transfer when the caller leaves or it stalls; returns the cleanup.
    const guard = (channel: TransferChannel): (() => void) => {
      const onAbort = (): void => channel.close();
      caller.signal?.addEventListener('abort', onAbort, { once: true });
      let idle = setTimeout(onAbort, IDLE_TIMEOUT_MS);
      const original = progress.update;
      progress.update = (bytesDone, totalBytes, resumedFrom) => {
        clearTimeout(idle);
        idle = setTimeout(onAbort, IDLE_TIMEOUT_MS);
        original(bytesDone, totalBytes, resumedFrom);
      };
      return () => {
        clearTimeout(idle);
        caller.signal?.removeEventListener('abort', onAbort);
        progress.update = original;
      };
    };
    try {
      const outcome = await body({ client, session, local, progress, guard });
      await audit.record(
        FleetEventType.fileAccessed,
        client.uuid,
        {
          operation,
          path: input.remotePath,
          size: outcome.size,
          local_path: local,
          sha256: outcome.sha256,
          resumed_from: outcome.resumedFrom,
          transfer_id: transferId,
        },
        caller.actor,
      );
      progress.finish({
        state: 'completed',
        bytesDone: outcome.size,
        totalBytes: outcome.size,
        sha256: outcome.sha256,
        resumedFrom: outcome.resumedFrom,
      });
      return tracked.get(transferId)?.latest as TransferProgress;
    } catch (error) {
      let mapped: unknown = localFailure(error, input.localPath);
      if (mapped instanceof AgentCallError) {
        await recordAgentRefusal(audit, client, operation, mapped, caller);
        try {
          deps.callFailure(mapped, client, operation);
        } catch (appError) {
          mapped = appError;
        }
      }
      const failure =
        mapped instanceof AppError
          ? { code: mapped.code, message: mapped.message }
          : { code: ErrorCode.internal, message: 'internal error' };
      progress.finish({ state: 'failed', error: failure });
      throw mapped;
    } finally {
      busy.delete(busyKey);
      release();
    }
  }

  async function upload(
    ref: string,
    input: UploadInput,
    caller: Caller,
  ): Promise<TransferProgress> {
    if (
      input.mode != null &&
      (!Number.isInteger(input.mode) || input.mode < 0 || input.mode > 0o7777)
    )
      throw bad(`mode must be permission bits from 0 to 4095 (0o7777); got ${input.mode}.`);
    return run(
      'upload',
      ref,
      input,
      caller,
      async ({ client, session, local, progress, guard }) => {
        const { handle, info } = await openConfined(input.localPath, local, READ_FLAGS, [
          transferRoots,
        ]);
        try {
          if (!info.isFile())
            throw bad(`Server file ${quote(input.localPath)} is not a regular file.`);
          assertSingleLink(input.localPath, info, [transferRoots]);
          const size = info.size;
          progress.update(0, size);
          const channel = await session.openTransfer('upload_file', {
            path: input.remotePath,
            roots: client.allowedPaths ?? undefined,
            size,
            createParents: input.createParents ?? false,
            mode: input.mode ?? undefined,
          });
          const unguard = guard(channel);
          try {
            const ready = (await channel.readControl(uploadReadySchema)).ready;
            let start = 0;
            let hash: Hash = createHash('sha256');
            if (ready.offset > 0 && ready.offset <= size) {
              const prefix = await hashPrefix(handle, ready.offset);
              if (peekDigest(prefix) === ready.prefixSha256) {
                start = ready.offset;
                hash = prefix;
              }
            }
            await channel.write(JSON.stringify({ start }) + '\n');
            progress.update(start, size, start);
            const buffer = Buffer.allocUnsafe(TRANSFER_CHUNK_BYTES);
            let position = start;
            while (position < size) {
              const { bytesRead } = await handle.read(
                buffer,
                0,
                Math.min(buffer.length, size - position),
                position,
              );
              if (bytesRead === 0)
                throw bad(`Server file ${quote(input.localPath)} shrank while being sent.`);
              const chunk = Buffer.from(buffer.subarray(0, bytesRead));
              hash.update(chunk);
              await channel.write(chunk);
              position += bytesRead;
              progress.update(position);
            }
            const sha256 = hash.digest('hex');
            await channel.write(JSON.stringify({ sha256 }) + '\n');
            const result = await channel.readResult();
            if (result.sha256 !== sha256 || result.size !== size)
              throw new AgentCallError(
                'protocol',
                `the client reports ${result.size} bytes with SHA-256 ${result.sha256}, the server sent ${size} with ${sha256}`,
              );
            return { size, sha256, resumedFrom: start };
          } finally {
            unguard();
            channel.close();
          }
        } finally {
          await handle.close().catch(() => undefined);
        }
      },
    );
  }

  async function download(
    ref: string,
    input: DownloadInput,
    caller: Caller,
  ): Promise<TransferProgress> {
    return run(
      'download',
      ref,
      input,
      caller,
      async ({ client, session, local, progress, guard }) => {
        const sets = [transferRoots];
        const parent = path.dirname(local);
        const name = path.basename(local);
        await makeDirectories(input.localPath, parent, sets);
        const directory = await openDirectoryConfined(input.localPath, parent, sets);
        try {
          const pinned = descriptorPath(directory.handle, parent);
          await assertReplaceable(path.join(pinned, name), input.localPath);
          const partial = path.join(pinned, partialName(name));
          const { handle, info } = await openConfined(
            input.localPath,
            partial,
            constants.O_RDWR | constants.O_CREAT,
            sets,
            0o600,
          );
          let outcome: { size: number; sha256: string; resumedFrom: number };
          try {
            if (!info.isFile()) throw bad(`${quote(partial)} is not a regular file.`);
            assertSingleLink(input.localPath, info, sets);
            outcome = await receive(handle, info.size);
            await handle.sync();
          } finally {
            await handle.close().catch(() => undefined);
          }
          await rename(partial, path.join(pinned, name));
          await directory.handle.sync().catch(() => undefined);
          return outcome;
        } finally {
          await directory.handle.close().catch(() => undefined);
        }

        async function receive(
          handle: FileHandle,
          held: number,
        ): Promise<{ size: number; sha256: string; resumedFrom: number }> {
          let hash: Hash = held > 0 ? await hashPrefix(handle, held) : createHash('sha256');
          const channel = await session.openTransfer('download_file', {
            path: input.remotePath,
            roots: client.allowedPaths ?? undefined,
            offset: held,
            ...(held > 0 ? { prefixSha256: peekDigest(hash) } : {}),
          });
          const unguard = guard(channel);
          try {
            const { size, start } = (await channel.readControl(downloadReadySchema)).ready;
            if (start !== 0 && start !== held)
              throw new AgentCallError('protocol', `the client offered to start at byte ${start}`);
            if (start === 0) hash = createHash('sha256');
            await handle.truncate(start);
            progress.update(start, size, start);
            let position = start;
            let batch: Buffer[] = [];
            let batchBytes = 0;
            const flush = async (): Promise<void> => {
              if (batchBytes === 0) return;
              const data =
                batch.length === 1 ? (batch[0] as Buffer) : Buffer.concat(batch, batchBytes);
              batch = [];
              batchBytes = 0;
              let written = 0;
              while (written < data.length) {
                const { bytesWritten } = await handle.write(
                  data,
                  written,
                  data.length - written,
                  position,
                );
                written += bytesWritten;
                position += bytesWritten;
              }
              progress.update(position);
            };
            try {
              await channel.reader.readBytes(size - start, async (chunk) => {
                hash.update(chunk);
                batch.push(chunk);
                batchBytes += chunk.length;
                if (batchBytes >= WRITE_BATCH_BYTES) await flush();
              });
            } catch (error) {
              throw error instanceof AgentCallError || error instanceof AppError
                ? error
                : new AgentCallError('closed', `link broke during the transfer: ${String(error)}`);
            } finally {
              await flush();
            }
            const result = await channel.readResult();
            const sha256 = hash.digest('hex');
            if (result.sha256 !== sha256 || result.size !== size) {
              await handle.truncate(0).catch(() => undefined);
              throw new AgentCallError(
                'protocol',
                `the client sent ${size} bytes hashing to ${sha256} but reports ${result.sha256}; nothing was replaced, retry`,
              );
            }
            return { size, sha256, resumedFrom: start };
          } finally {
            unguard();
            channel.close();
          }
        }
      },
    );
  }

  return {
    /** Sends a server file to a client (MCP: upload_file). Resolves when it is in place. */
    uploadFile: upload,
    /** Fetches a client file to the server (MCP: download_file). Resolves when it is in place. */
    downloadFile: download,

    /** A transfer's progress: its latest state now (when known), then every change, to the end. */
    subscribeTransfer(transferId: string): AsyncIterableIterator<TransferProgress> {
      if (!TRANSFER_ID.test(transferId))
        throw bad(`transferId must be 1 to 64 letters, digits, ".", "_" or "-".`);
      let entry = tracked.get(transferId);
      if (!entry) {
        // Subscribed before the transfer starts: the mutation will find this entry and use it.
        entry = { latest: placeholder(transferId), listeners: new Set() };
        tracked.set(transferId, entry);
      }
      const target = entry;
      const listener = (progress: TransferProgress): void => {
        out.push(progress);
        if (progress.state !== 'running') out.end();
      };
      const out = createAsyncQueue<TransferProgress>({
        maxBuffered: 10_000,
        onClose: () => {
          target.listeners.delete(listener);
          // A subscription to a transfer that never started leaves nothing behind.
          if (target.latest.clientUuid === '' && target.listeners.size === 0)
            tracked.delete(transferId);
        },
      });
      if (target.latest.clientUuid !== '') listener(target.latest);
      if (!out.closed) target.listeners.add(listener);
      return out;
    },

    /** Transfers running now, and those finished in the last ten minutes. */
    listTransfers(): TransferProgress[] {
      return [...tracked.values()]
        .map((entry) => entry.latest)
        .filter((progress) => progress.clientUuid !== '');
    },
  };
}

function placeholder(transferId: string): TransferProgress {
  return {
    transferId,
    clientUuid: '',
    clientId: '',
    direction: 'upload',
    remotePath: '',
    localPath: '',
    state: 'running',
    bytesDone: 0,
    totalBytes: null,
    resumedFrom: 0,
    startedAt: new Date(),
    finishedAt: null,
    rateBytesPerSecond: 0,
    etaSeconds: null,
    sha256: null,
    error: null,
  };
}

/** A destination may be replaced when absent or a regular file; never through a symlink. */
async function assertReplaceable(file: string, requested: string): Promise<void> {
  try {
    const info = await lstat(file);
    if (info.isSymbolicLink())
      throw new PathRefusal(
        'PATH_DENIED',
        `Server path ${quote(requested)} is a symbolic link; it is not followed.`,
        {
          path: requested,
        },
      );
    if (!info.isFile())
      throw bad(`Server path ${quote(requested)} exists and is not a regular file.`);
    assertSingleLink(requested, info, [['/']]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
