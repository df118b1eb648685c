// Transfers of files of any size between the server and a client, each on a channel of its own:
//
//   upload    server file ──▶ agent   (<transfer root>/localPath → remotePath)   upload.ts
//   download  agent ──▶ server file   (remotePath → <transfer root>/localPath)   download.ts
//
// Constant memory (fixed-size reads, writes awaited, the SSH window as backpressure), no size
// limit, SHA-256 verified end to end, written to a partial file beside the destination and
// renamed into place when complete; a broken transfer resumes from what its partial file holds.
// This module is the frame both directions share: the gate's admission (held for the whole
// transfer), the server path (server-paths.ts), one transfer per destination, progress by id
// (progress.ts), idle and caller cancellation, the file_accessed record, failures mapped, and
// the idempotency key (a retry with it gets the first outcome instead of moving bytes again).
// Transfers to and from the operator's own machine (the /stream door) share the board, the
// destinations in use and the guard: operator.ts.

import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../../errors.js';
import { quote } from '../../lib/quote.js';
import type { TransferChannel } from '../../hub/transfer-channel.js';
import { actorOf, type Audit } from '../audit.js';
import type { Caller } from '../caller.js';
import { FleetEventType } from '../event-types.js';
import type { Gate } from '../gate.js';
import type { Idempotency } from '../idempotency.js';
import { bad, validateMode, validateRemotePath } from '../validation.js';
import type { TransferBody } from './body.js';
import { asFailure, finishCompleted, finishFailed, recordTransfer } from './settle.js';
import { downloadBody, type DownloadInput } from './download.js';
import {
  createProgressBoard,
  type ProgressReporter,
  type TransferDirection,
  type TransferProgress,
} from './progress.js';
import {
  createOperatorTransfers,
  type OperatorDownload,
  type OperatorDownloadInput,
  type OperatorUpload,
  type OperatorUploadInput,
} from './operator.js';
import { createServerPaths } from './server-paths.js';
import { uploadBody, type UploadInput } from './upload.js';

/** A transfer that moves no byte for this long is abandoned (its partial file stays). */
const IDLE_TIMEOUT_MS = 120_000;

export interface TransfersDeps {
  gate: Gate;
  idempotency: Idempotency;
  audit: Audit;
  logger: Logger;
  /** Real, absolute directories; the first one takes relative localPath values. */
  transferRoots: readonly string[];
}

type Request = { remotePath: string; localPath: string; transferId?: string | null | undefined };

/** A transfer's outcome read back from its idempotency record (dates were stored as text). */
function reviveProgress(stored: Record<string, unknown>): TransferProgress {
  const progress = stored as unknown as TransferProgress;
  return {
    ...progress,
    startedAt: new Date(String(stored['startedAt'])),
    finishedAt: stored['finishedAt'] ? new Date(String(stored['finishedAt'])) : null,
  };
}

export function createTransfers(deps: TransfersDeps) {
  const { gate, audit, logger } = deps;
  const board = createProgressBoard();
  const paths = createServerPaths(deps.transferRoots);
  /** Destinations being written, so that two transfers never share one partial file. */
  const busy = new Set<string>();

  /** Cancels the transfer when the caller leaves or it stalls; returns the cleanup. */
  function guarded(progress: ProgressReporter, caller: Caller) {
    return (channel: TransferChannel): (() => void) => {
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
  }

  async function run(
    direction: TransferDirection,
    ref: string,
    input: Request,
    caller: Caller,
    body: TransferBody,
  ): Promise<TransferProgress> {
    const transferId = board.claimId(input.transferId);
    try {
      validateRemotePath(input.remotePath, 'remotePath');
      return await runAdmitted(direction, ref, input, caller, transferId, body);
    } catch (error) {
      board.refusedBeforeStart(
        transferId,
        { direction, remotePath: input.remotePath },
        asFailure(error),
      );
      throw error;
    }
  }

  async function runAdmitted(
    direction: TransferDirection,
    ref: string,
    input: Request,
    caller: Caller,
    transferId: string,
    body: TransferBody,
  ): Promise<TransferProgress> {
    const operation = direction === 'upload' ? 'upload_file' : 'download_file';
    const { client, link, release } = await gate.admit(ref, operation, caller, [
      { path: input.remotePath, what: 'remotePath' },
    ]);
    let local: string;
    try {
      local = await paths.resolve(input.localPath);
    } catch (error) {
      release();
      if (error instanceof AppError && error.code === ErrorCode.pathDenied) {
        await audit.record(
          FleetEventType.operationRefused,
          client.uuid,
          { operation, code: ErrorCode.pathDenied, path: input.localPath, refused_by: 'server' },
          actorOf(caller),
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
    const progress = board.track({
      transferId,
      clientUuid: client.uuid,
      clientId: client.clientId,
      direction,
      remotePath: input.remotePath,
      localPath: local,
    });
    try {
      const outcome = await body({
        client,
        link,
        local,
        progress,
        guard: guarded(progress, caller),
      });
      await recordTransfer(
        deps,
        client,
        caller,
        {
          operation,
          path: input.remotePath,
          size: outcome.size,
          local_path: local,
          sha256: outcome.sha256,
          resumed_from: outcome.resumedFrom,
          transfer_id: transferId,
        },
        { size: outcome.size, sha256: outcome.sha256, localPath: local },
      );
      finishCompleted(progress, outcome);
      return board.latest(transferId) as TransferProgress;
    } catch (error) {
      const mapped = await gate.failure(
        paths.failure(error, input.localPath),
        client,
        operation,
        caller,
      );
      finishFailed(progress, mapped, logger, { transferId, clientId: client.clientId });
      throw mapped;
    } finally {
      busy.delete(busyKey);
      release();
    }
  }

  /**
   * A transfer under its idempotency key. The transferId only names the progress stream, so a
   * retry may follow its own: it is not part of what the key stands for.
   */
  const keyed =
    (
      operation: string,
      ref: string,
      input: Request & { idempotencyKey?: string | null | undefined },
      caller: Caller,
      extra: Record<string, unknown>,
    ) =>
    (work: (runner: Caller) => Promise<TransferProgress>): Promise<TransferProgress> =>
      deps.idempotency.once({
        key: input.idempotencyKey,
        operation,
        args: { clientId: ref, remotePath: input.remotePath, localPath: input.localPath, ...extra },
        caller,
        run: work,
        decode: (stored) => reviveProgress(stored as Record<string, unknown>),
      });

  const operator = createOperatorTransfers({ gate, audit, logger, board, busy, guarded });

  return {
    /** Sends a server file to a client (MCP: upload_file). Resolves when it is in place. */
    async upload(ref: string, input: UploadInput, caller: Caller): Promise<TransferProgress> {
      validateMode(input.mode);
      return keyed('uploadFile', ref, input, caller, {
        createParents: input.createParents ?? false,
        mode: input.mode,
      })((runner) => run('upload', ref, input, runner, uploadBody(input, paths.sets)));
    },

    /** Fetches a client file to the server (MCP: download_file). Resolves when it is in place. */
    async download(ref: string, input: DownloadInput, caller: Caller): Promise<TransferProgress> {
      return keyed(
        'downloadFile',
        ref,
        input,
        caller,
        {},
      )((runner) => run('download', ref, input, runner, downloadBody(input, paths.sets)));
    },

    /** Streams a client file to the operator's machine (the /stream door's get; operator.ts). */
    streamDownload: (
      ref: string,
      input: OperatorDownloadInput,
      caller: Caller,
    ): Promise<OperatorDownload> => operator.download(ref, input, caller),

    /** Streams a file from the operator's machine to a client (the /stream door's put). */
    streamUpload: (
      ref: string,
      input: OperatorUploadInput,
      caller: Caller,
    ): Promise<OperatorUpload> => operator.upload(ref, input, caller),

    /** A transfer's progress: its latest state now (when known), then every change, to the end. */
    subscribe: (transferId: string) => board.subscribe(transferId),

    /** Transfers running now, and those finished in the last ten minutes. */
    list: () => board.list(),
  };
}
