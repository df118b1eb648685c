// `files get <client>:<path> <local>`: a client file to THIS machine through /stream. Written to
// <local>.part, whose length and SHA-256 are offered to the agent: it sends only the rest when
// its file begins with the same bytes, else all of it (a changed file, a corrupted .part). The
// .part is renamed to <local> once the SHA-256 of the whole matches the agent's. Writes are
// batched and awaited, the socket paused meanwhile: memory stays flat whatever the size.

import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { openServerStream } from '../../../client/stream.js';
import { ErrorCode } from '../../../errors.js';
import { createBatchedWriter } from '../../../lib/batched-writer.js';
import { hashPrefix, peekDigest } from '../../../lib/file-hash.js';
import type { TransferDone } from '../../../protocol/ws-stream.js';
import { UsageError, type CommandIO } from '../../output.js';
import {
  AttemptError,
  createInbox,
  runTransfer,
  withRetries,
  type OperatorFlags,
  type TransferLink,
} from './operator-stream.js';

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
  return runTransfer(
    io,
    values,
    { clientId: remote.client, remotePath: remote.path, direction: 'DOWNLOAD', localPath: target },
    async (link) => {
      const outcome = await withRetries(io, values, link.bar, async () => {
        const handle = await open(part, constants.O_RDWR | constants.O_CREAT, 0o600);
        try {
          return await getOnce(link, handle, remote);
        } finally {
          await handle.close().catch(() => undefined);
        }
      });
      await rename(part, target);
      return outcome;
    },
  );
}

async function getOnce(
  { connection, transferId, bar }: TransferLink,
  handle: FileHandle,
  remote: { client: string; path: string },
): Promise<TransferDone> {
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
  return done;
}
