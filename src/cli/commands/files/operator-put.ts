// `files put <local> <client>:<path>`: a file of THIS machine to a client through /stream. The
// agent receives it as any upload (into a partial file beside the target, renamed over it once
// the SHA-256 matches) and first offers what that partial file holds: only the rest is sent when
// this file begins with the same bytes. Reading waits while the socket's queue is full.

import { createHash, type Hash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { openServerStream } from '../../../client/stream.js';
import { ErrorCode } from '../../../errors.js';
import { hashPrefix, peekDigest } from '../../../lib/file-hash.js';
import type { TransferDone } from '../../../protocol/ws-stream.js';
import { UsageError, type CommandIO } from '../../output.js';
import {
  AttemptError,
  CHUNK_BYTES,
  createInbox,
  runTransfer,
  sendPaced,
  withRetries,
  type OperatorFlags,
  type TransferLink,
} from './operator-stream.js';

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
  return runTransfer(
    io,
    values,
    { clientId: remote.client, remotePath, direction: 'UPLOAD', localPath: source },
    async (link) => {
      const handle = await open(source, 'r');
      try {
        const size = (await handle.stat()).size;
        return await withRetries(io, values, link.bar, () =>
          putOnce(
            link,
            handle,
            size,
            { client: remote.client, path: remotePath },
            values['create-parents'] ?? false,
          ),
        );
      } finally {
        await handle.close().catch(() => undefined);
      }
    },
  );
}

async function putOnce(
  { connection, transferId, bar }: TransferLink,
  handle: FileHandle,
  size: number,
  remote: { client: string; path: string },
  createParents: boolean,
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
      createParents,
      transferId,
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
