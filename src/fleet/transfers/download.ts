// A download's bytes: agent ──▶ server file. Written to a partial file beside the destination
// (pinned through its directory's descriptor), in batches, SHA-256 computed on the way, synced
// and renamed into place when complete. A partial file left by a broken transfer is offered to
// the agent (its length and the SHA-256 of its bytes) so only the rest comes.

import { constants } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { lstat, rename, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { AgentCallError } from '../../hub/errors.js';
import { createBatchedWriter } from '../../lib/batched-writer.js';
import { hashPrefix, peekDigest } from '../../lib/file-hash.js';
import { quote } from '../../lib/quote.js';
import {
  assertSingleLink,
  descriptorPath,
  makeDirectories,
  openConfined,
  openDirectoryConfined,
} from '../../lib/safe-path.js';
import { downloadReadySchema, partialName } from '../../protocol/transfer.js';
import { bad } from '../validation.js';
import type { TransferBody, TransferContext, TransferOutcome } from './body.js';
import { assertReplaceable } from './server-paths.js';

export interface DownloadInput {
  remotePath: string;
  localPath: string;
  transferId?: string | null | undefined;
  /** A retry with the same key (and arguments) gets the first outcome instead of running. */
  idempotencyKey?: string | null | undefined;
}

/** Receives the file into `handle`, which holds `held` bytes of an earlier attempt. */
async function receive(
  { client, link, progress, guard }: TransferContext,
  input: DownloadInput,
  handle: FileHandle,
  held: number,
): Promise<TransferOutcome> {
  let hash: Hash = held > 0 ? await hashPrefix(handle, held) : createHash('sha256');
  const channel = await link.openTransfer('download_file', {
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
    const writer = createBatchedWriter(handle, start, (position) => progress.update(position));
    // A write that fails here (ENOSPC, EDQUOT …) is the server's problem, not the link's: it
    // is rethrown as it came, for the caller to report as such (server-paths.ts).
    let writeError: unknown = null;
    try {
      await channel.reader.readBytes(size - start, async (chunk) => {
        hash.update(chunk);
        try {
          await writer.add(chunk);
        } catch (error) {
          writeError = error;
          throw error;
        }
      });
    } catch (error) {
      if (writeError !== null) throw writeError;
      throw error instanceof AgentCallError || error instanceof AppError
        ? error
        : new AgentCallError('closed', `link broke during the transfer: ${String(error)}`);
    } finally {
      if (writeError === null) await writer.flush();
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

export function downloadBody(input: DownloadInput, sets: string[][]): TransferBody {
  return async (context) => {
    const parent = path.dirname(context.local);
    const name = path.basename(context.local);
    const created = await makeDirectories(input.localPath, parent, sets);
    const directory = await openDirectoryConfined(input.localPath, parent, sets);
    let partialPath: string | null = null;
    try {
      const pinned = descriptorPath(directory.handle, parent);
      await assertReplaceable(path.join(pinned, name), input.localPath);
      const partial = path.join(pinned, partialName(name));
      partialPath = partial;
      const { handle, info } = await openConfined(
        input.localPath,
        partial,
        constants.O_RDWR | constants.O_CREAT,
        sets,
        0o600,
      );
      let outcome: TransferOutcome;
      try {
        if (!info.isFile()) throw bad(`${quote(partial)} is not a regular file.`);
        assertSingleLink(input.localPath, info, sets);
        outcome = await receive(context, input, handle, info.size);
        await handle.sync();
      } finally {
        await handle.close().catch(() => undefined);
      }
      await rename(partial, path.join(pinned, name));
      await directory.handle.sync().catch(() => undefined);
      return outcome;
    } catch (error) {
      // Refused before any byte arrived (no such file, denied on the client): leave nothing
      // behind. A partial file holding bytes stays, for the retry to resume from.
      await removeIfEmpty(partialPath, created);
      throw error;
    } finally {
      await directory.handle.close().catch(() => undefined);
    }
  };
}

/** Removes an empty partial file, then the directories this transfer created, if empty. */
async function removeIfEmpty(partial: string | null, created: readonly string[]): Promise<void> {
  if (partial) {
    const info = await lstat(partial).catch(() => null);
    if (info?.isFile() && info.size === 0) await unlink(partial).catch(() => undefined);
  }
  // rmdir removes only empty directories: anything else written there meanwhile stays.
  for (const directory of [...created].reverse()) await rmdir(directory).catch(() => undefined);
}
