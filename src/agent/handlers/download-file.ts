// download_file: sends a regular file to the hub on the call's channel (see protocol/transfer.ts)
// in fixed-size reads, waiting for the channel to drain, so memory is constant whatever the
// size. When the hub holds the first bytes from an earlier attempt and their SHA-256 matches
// the file's, only the rest is sent; the final reply carries the SHA-256 of the whole file.

import { createHash, type Hash } from 'node:crypto';
import { READ_FLAGS, assertSingleLink, openConfined } from '../../lib/safe-path.js';
import { hashPrefix, peekDigest } from '../../lib/file-hash.js';
import { TRANSFER_CHUNK_BYTES } from '../../protocol/transfer.js';
import { asAgentError, assertPathAllowed, rootSets } from '../path-guard.js';
import { assertRegularFile } from './read-file.js';
import { AgentError, type StreamHandler } from './types.js';
import { AgentErrorCode } from '../../protocol/rpc.js';

export const sendDownload: StreamHandler<'download_file'> = async (params, context, link) => {
  const real = await assertPathAllowed(params.path, context.allowedPaths, params.roots);
  const sets = rootSets(context.allowedPaths, params.roots);
  try {
    const { handle, info } = await openConfined(params.path, real, READ_FLAGS, sets);
    try {
      assertRegularFile(info, params.path, 'download_file sends');
      assertSingleLink(params.path, info, sets);
      const size = info.size;
      let start = 0;
      let hash: Hash = createHash('sha256');
      if (params.offset > 0 && params.offset <= size && params.prefixSha256 !== undefined) {
        const prefix = await hashPrefix(handle, params.offset);
        if (peekDigest(prefix) === params.prefixSha256) {
          start = params.offset;
          hash = prefix;
        }
      }
      await link.write(JSON.stringify({ ready: { size, start } }) + '\n');
      const buffer = Buffer.allocUnsafe(TRANSFER_CHUNK_BYTES);
      let position = start;
      while (position < size) {
        if (context.signal.aborted) {
          throw new AgentError(AgentErrorCode.failed, 'download_file cancelled: the hub left.');
        }
        const want = Math.min(buffer.length, size - position);
        const { bytesRead } = await handle.read(buffer, 0, want, position);
        if (bytesRead === 0) {
          throw new AgentError(
            AgentErrorCode.failed,
            `"${params.path}" shrank to ${position} bytes while being sent.`,
          );
        }
        // The channel keeps a reference until sent: hand it a copy, not the reused buffer.
        const chunk = Buffer.from(buffer.subarray(0, bytesRead));
        hash.update(chunk);
        await link.write(chunk);
        position += bytesRead;
      }
      return { path: real, size, sha256: hash.digest('hex'), resumedFrom: start };
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (err) {
    throw asAgentError(err, params.path);
  }
};
