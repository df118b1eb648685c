// Transfers between a client and the OPERATOR's own machine (issue 16: `etphonehome files get
// web-1:/path ./local`, `files put ./local web-1:/path`), relayed by the server without touching
// its disk. The server speaks the agent's own transfer exchange (protocol/transfer.ts) on one
// side and hands the bytes to the door on the other (src/stream: the /stream WebSocket):
//
//   get   operator ◀── door ◀── relay ◀── agent download_file   (offset + prefixSha256 offered
//                                                                by the operator's .part file)
//   put   operator ──▶ door ──▶ relay ──▶ agent upload_file     (the agent's partial file offered
//                                                                back; the operator picks start)
//
// Policy is the server-side transfers' (transfers.ts): the gate admits (client online, key
// accepted, allowedPaths, a rate-limit permit held for the whole transfer), the agent checks its
// own allowed paths again, one transfer per remote destination, progress on the same board, idle
// and caller cancellation, failures mapped through the gate, and a `file_accessed` event naming
// the principal on success (`via: "stream"`, with the bytes actually sent). SHA-256: the agent
// hashes the whole file; the operator compares with its own (get), the agent with the operator's
// (put). Nothing is buffered here: each chunk is awaited through to the other side.

import { AppError } from '../../errors.js';
import { AgentCallError } from '../../hub/errors.js';
import type { TransferChannel } from '../../hub/transfer-channel.js';
import { quote } from '../../lib/quote.js';
import { downloadReadySchema, uploadReadySchema } from '../../protocol/transfer.js';
import type { ClientRecord } from '../../store/index.js';
import type { AgentLink } from '../agent-link.js';
import type { Audit } from '../audit.js';
import type { Caller } from '../caller.js';
import type { Gate } from '../gate.js';
import { bad, validateMode, validateRemotePath } from '../validation.js';
import type { Logger } from 'pino';
import type { TransferOutcome } from './body.js';
import { asFailure, finishCompleted, finishFailed, recordTransfer } from './settle.js';
import type { ProgressBoard, ProgressReporter, TransferDirection } from './progress.js';

/** What the board shows as localPath for a transfer to or from the operator's machine. */
export const OPERATOR_PATH = '(operator)';

const SHA256 = /^[0-9a-f]{64}$/;

export interface OperatorDownloadInput {
  path: string;
  /** Bytes the operator already holds, and their SHA-256 (both or offset 0). */
  offset: number;
  prefixSha256?: string | null | undefined;
  transferId?: string | null | undefined;
}

export interface OperatorUploadInput {
  path: string;
  size: number;
  createParents?: boolean | null | undefined;
  mode?: number | null | undefined;
  transferId?: string | null | undefined;
}

/** A client file on its way to the operator. */
export interface OperatorDownload {
  readonly transferId: string;
  readonly clientId: string;
  /** The file's size, and the byte the data starts at (the offset asked for, or 0). */
  readonly size: number;
  readonly start: number;
  /** Hands the size − start bytes to `sink` (each awaited), then the agent's checked result. */
  pipe(sink: (chunk: Buffer) => Promise<void>): Promise<TransferOutcome>;
  /** Abandons the transfer (the operator left): the agent stops sending. */
  close(reason: string): void;
}

/** An operator file on its way to a client. */
export interface OperatorUpload {
  readonly transferId: string;
  readonly clientId: string;
  readonly size: number;
  /** Bytes of an earlier attempt in the client's partial file, and their SHA-256. */
  readonly offset: number;
  readonly prefixSha256: string;
  /** The operator's choice: `offset` (its own first bytes hash the same) or 0. */
  begin(start: number): Promise<void>;
  /** The next bytes, written through to the agent (resolves when it may take more). */
  write(chunk: Buffer): Promise<void>;
  /** The whole file's SHA-256: the agent checks it, renames the file into place, replies. */
  finish(sha256: string): Promise<TransferOutcome>;
  close(reason: string): void;
}

export interface OperatorTransferDeps {
  gate: Gate;
  audit: Audit;
  logger: Logger;
  board: ProgressBoard;
  /** Remote destinations being written (shared with the server-side transfers). */
  busy: Set<string>;
  /** Cancels the transfer when the caller leaves or it stalls; returns the cleanup. */
  guarded(progress: ProgressReporter, caller: Caller): (channel: TransferChannel) => () => void;
}

function checkBytes(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw bad(`${what} must be a whole number of bytes, 0 or more (got ${String(value)}).`);
}

export function createOperatorTransfers(deps: OperatorTransferDeps) {
  const { gate, logger, board } = deps;

  /** The frame both directions share: admitted, tracked, settled exactly once. */
  async function begin(
    direction: TransferDirection,
    ref: string,
    path: string,
    requestedId: string | null | undefined,
    caller: Caller,
  ) {
    const operation = direction === 'upload' ? 'upload_file' : 'download_file';
    const transferId = board.claimId(requestedId);
    let admitted: { client: ClientRecord; link: AgentLink; release(): void };
    try {
      validateRemotePath(path, 'path');
      admitted = await gate.admit(ref, operation, caller, [{ path, what: 'path' }]);
    } catch (error) {
      board.refusedBeforeStart(transferId, { direction, remotePath: path }, asFailure(error));
      throw error;
    }
    const { client, link } = admitted;
    const busyKey = `${client.uuid}:${path}`;
    if (direction === 'upload') {
      if (deps.busy.has(busyKey)) {
        admitted.release();
        const error = bad(
          `A transfer to ${quote(path)} is already running; wait for it to finish.`,
        );
        board.refusedBeforeStart(transferId, { direction, remotePath: path }, asFailure(error));
        throw error;
      }
      deps.busy.add(busyKey);
    }
    const progress = board.track({
      transferId,
      clientUuid: client.uuid,
      clientId: client.clientId,
      direction,
      remotePath: path,
      localPath: OPERATOR_PATH,
    });
    let channel: TransferChannel | null = null;
    let unguard: () => void = () => undefined;
    let settled = false;
    const cleanup = (): void => {
      if (settled) return;
      settled = true;
      unguard();
      channel?.close();
      if (direction === 'upload') deps.busy.delete(busyKey);
      admitted.release();
    };
    /** Maps a failure (agent refusals recorded), marks the transfer failed, cleans up. */
    const fail = async (error: unknown): Promise<unknown> => {
      if (settled) return error;
      cleanup();
      const cause =
        caller.signal?.aborted && !(error instanceof AppError)
          ? new AgentCallError('aborted', 'the operator left')
          : error;
      const mapped = await gate.failure(cause, client, operation, caller);
      finishFailed(progress, mapped, logger, { transferId, clientId: client.clientId });
      return mapped;
    };
    return {
      transferId,
      client,
      link,
      progress,
      attach(opened: TransferChannel): TransferChannel {
        channel = opened;
        unguard = deps.guarded(progress, caller)(opened);
        return opened;
      },
      /** Runs one step of the exchange; a failure fails the transfer (see `fail`) and is thrown. */
      async step<T>(work: () => Promise<T>): Promise<T> {
        try {
          return await work();
        } catch (error) {
          throw await fail(error);
        }
      },
      /** The operator's side closed: a transfer not settled yet fails as aborted. */
      abandon(reason: string): void {
        if (!settled) void fail(new AgentCallError('aborted', reason));
      },
      /** Records the success and marks the transfer completed. */
      async succeed(outcome: TransferOutcome): Promise<TransferOutcome> {
        cleanup();
        await recordTransfer(
          deps,
          client,
          caller,
          {
            operation,
            path,
            size: outcome.size,
            sha256: outcome.sha256,
            resumed_from: outcome.resumedFrom,
            bytes_sent: outcome.size - outcome.resumedFrom,
            via: 'stream',
            principal: caller.principal?.name ?? caller.actor,
            transfer_id: transferId,
          },
          { ...outcome },
        );
        finishCompleted(progress, outcome);
        return outcome;
      },
    };
  }

  async function download(
    ref: string,
    input: OperatorDownloadInput,
    caller: Caller,
  ): Promise<OperatorDownload> {
    checkBytes(input.offset, 'offset');
    const prefix = input.offset > 0 ? (input.prefixSha256 ?? undefined) : undefined;
    if (input.offset > 0 && (prefix === undefined || !SHA256.test(prefix)))
      throw bad('prefixSha256 must be the hex SHA-256 of the first offset bytes held.');
    const t = await begin('download', ref, input.path, input.transferId, caller);
    const { channel, size, start } = await t.step(async () => {
      const channel = t.attach(
        await t.link.openTransfer('download_file', {
          path: input.path,
          roots: t.client.allowedPaths ?? undefined,
          offset: input.offset,
          ...(prefix !== undefined ? { prefixSha256: prefix } : {}),
        }),
      );
      const { size, start } = (await channel.readControl(downloadReadySchema)).ready;
      if (start !== 0 && start !== input.offset)
        throw new AgentCallError('protocol', `the client offered to start at byte ${start}`);
      t.progress.update(start, size, start);
      return { channel, size, start };
    });
    return {
      transferId: t.transferId,
      clientId: t.client.clientId,
      size,
      start,
      pipe: (sink) =>
        t.step(async () => {
          let position = start;
          await channel.reader.readBytes(size - start, async (chunk) => {
            await sink(chunk);
            position += chunk.length;
            t.progress.update(position);
          });
          const result = await channel.readResult();
          if (result.size !== size || !SHA256.test(result.sha256))
            throw new AgentCallError(
              'protocol',
              `the client announced ${size} bytes but reports ${result.size}`,
            );
          return t.succeed({ size, sha256: result.sha256, resumedFrom: start });
        }),
      close: (reason) => t.abandon(reason),
    };
  }

  async function upload(
    ref: string,
    input: OperatorUploadInput,
    caller: Caller,
  ): Promise<OperatorUpload> {
    checkBytes(input.size, 'size');
    validateMode(input.mode);
    const t = await begin('upload', ref, input.path, input.transferId, caller);
    const size = input.size;
    const { channel, ready } = await t.step(async () => {
      t.progress.update(0, size);
      const channel = t.attach(
        await t.link.openTransfer('upload_file', {
          path: input.path,
          roots: t.client.allowedPaths ?? undefined,
          size,
          createParents: input.createParents ?? false,
          mode: input.mode ?? undefined,
        }),
      );
      return { channel, ready: (await channel.readControl(uploadReadySchema)).ready };
    });
    let position = -1;
    let start = 0;
    return {
      transferId: t.transferId,
      clientId: t.client.clientId,
      size,
      offset: ready.offset,
      prefixSha256: ready.prefixSha256,
      begin: (chosen) =>
        t.step(async () => {
          if (position !== -1) throw bad('The transfer has begun already.');
          if (chosen !== 0 && chosen !== ready.offset)
            throw bad(`start must be 0 or the offset the client holds (${ready.offset}).`);
          start = chosen;
          position = chosen;
          await channel.write(JSON.stringify({ start }) + '\n');
          t.progress.update(start, size, start);
        }),
      write: (chunk) =>
        t.step(async () => {
          if (position === -1) throw bad('Send {start} before the bytes.');
          if (position + chunk.length > size)
            throw bad(`More bytes arrived than the ${size} announced; nothing was replaced.`);
          await channel.write(chunk);
          position += chunk.length;
          t.progress.update(position);
        }),
      finish: (sha256) =>
        t.step(async () => {
          if (position !== size)
            throw bad(
              `The file ended at byte ${Math.max(position, 0)} of the ${size} announced; nothing was replaced.`,
            );
          if (!SHA256.test(sha256)) throw bad('sha256 must be 64 lowercase hex digits.');
          await channel.write(JSON.stringify({ sha256 }) + '\n');
          const result = await channel.readResult();
          if (result.size !== size || result.sha256 !== sha256)
            throw new AgentCallError(
              'protocol',
              `the client reports ${result.size} bytes with SHA-256 ${result.sha256}, the operator sent ${size} with ${sha256}`,
            );
          return t.succeed({ size, sha256, resumedFrom: start });
        }),
      close: (reason) => t.abandon(reason),
    };
  }

  return { download, upload };
}
