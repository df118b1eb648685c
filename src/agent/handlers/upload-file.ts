// upload_file: receives a file from the hub on the call's channel (see protocol/transfer.ts) into
// a partial file beside the destination, then syncs it and renames it into place. Bytes an
// earlier attempt left in the partial file are offered back (size and SHA-256) so the hub sends
// only the rest; a broken transfer leaves the partial file for that. Memory is constant: bytes
// are written as they arrive, a batch at a time, and the channel's window holds the hub back.

import { constants, type Stats } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { assertSingleLink, openConfined } from '../../lib/safe-path.js';
import { createBatchedWriter } from '../../lib/batched-writer.js';
import { hashPrefix, peekDigest } from '../../lib/file-hash.js';
import {
  MAX_CONTROL_LINE_BYTES,
  partialName,
  uploadStartSchema,
  uploadTrailerSchema,
} from '../../protocol/transfer.js';
import { assertPathAllowed, rootSets } from '../path-guard.js';
import { assertRegularFile } from './read-file.js';
import { AgentError, type StreamHandler } from './types.js';
import { DEFAULT_FILE_MODE, inTargetDirectory, keepOwnerAndMode } from './write-file.js';
import { AgentErrorCode } from '../../protocol/rpc.js';

export const receiveUpload: StreamHandler<'upload_file'> = async (params, context, link) => {
  const target = await assertPathAllowed(params.path, context.allowedPaths, params.roots);
  const sets = rootSets(context.allowedPaths, params.roots);
  return inTargetDirectory(params, target, sets, async ({ directory, name, existing }) => {
    const partial = path.join(directory.path, partialName(name));
    const { handle, info } = await openConfined(
      params.path,
      partial,
      constants.O_RDWR | constants.O_CREAT,
      sets,
      existing === undefined ? (params.mode ?? DEFAULT_FILE_MODE) : 0o600,
    );
    let sha256: string;
    let resumedFrom: number;
    try {
      assertRegularFile(info, partial, 'upload_file writes');
      assertSingleLink(params.path, info, sets);
      ({ sha256, resumedFrom } = await receive(handle, info, params.size, link, context.signal));
      await keepOwnerAndMode(handle, existing);
      await handle.sync();
    } finally {
      await handle.close().catch(() => undefined);
    }
    await rename(partial, path.join(directory.path, name));
    await directory.handle.sync().catch(() => undefined);
    return { path: target, size: params.size, sha256, resumedFrom };
  });

  async function receive(
    handle: FileHandle,
    info: Stats,
    size: number,
    channel: typeof link,
    signal: AbortSignal,
  ): Promise<{ sha256: string; resumedFrom: number }> {
    // What an earlier attempt left, if it is not longer than the file being sent.
    const offset = info.size <= size ? info.size : 0;
    let hash: Hash = offset > 0 ? await hashPrefix(handle, offset) : createHash('sha256');
    await channel.write(
      JSON.stringify({ ready: { offset, prefixSha256: peekDigest(hash) } }) + '\n',
    );
    const start = uploadStartSchema.parse(
      JSON.parse(await channel.reader.readLine(MAX_CONTROL_LINE_BYTES)),
    ).start;
    if (start !== 0 && start !== offset) {
      throw new AgentError(AgentErrorCode.badInput, `upload_file: cannot start at byte ${start}.`);
    }
    if (start === 0) hash = createHash('sha256');
    await handle.truncate(start);

    const writer = createBatchedWriter(handle, start);
    try {
      await channel.reader.readBytes(size - start, async (chunk) => {
        if (signal.aborted)
          throw new AgentError(AgentErrorCode.failed, 'upload_file cancelled: the hub left.');
        hash.update(chunk);
        await writer.add(chunk);
      });
    } finally {
      // Whatever arrived stays in the partial file for the next attempt.
      await writer.flush();
    }
    const expected = uploadTrailerSchema.parse(
      JSON.parse(await channel.reader.readLine(MAX_CONTROL_LINE_BYTES)),
    ).sha256;
    const sha256 = hash.digest('hex');
    if (sha256 !== expected) {
      await handle.truncate(0).catch(() => undefined);
      throw new AgentError(
        AgentErrorCode.failed,
        `upload_file: the received bytes hash to ${sha256}, the hub sent ${expected}; nothing was replaced. Retry the transfer.`,
        { path: params.path },
      );
    }
    return { sha256, resumedFrom: start };
  }
};
