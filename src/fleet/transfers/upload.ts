// An upload's bytes: server file ──▶ agent. The file is read in fixed-size pieces, each write
// awaited (the SSH window is the backpressure), SHA-256 computed on the way; when the agent
// holds a partial file whose prefix hashes the same, only the rest is sent.

import { createHash, type Hash } from 'node:crypto';
import { AgentCallError } from '../../hub/errors.js';
import { hashPrefix, peekDigest } from '../../lib/file-hash.js';
import { quote } from '../../lib/quote.js';
import { READ_FLAGS, assertSingleLink, openConfined } from '../../lib/safe-path.js';
import { TRANSFER_CHUNK_BYTES, uploadReadySchema } from '../../protocol/transfer.js';
import { bad } from '../validation.js';
import type { TransferBody } from './body.js';

export interface UploadInput {
  localPath: string;
  remotePath: string;
  transferId?: string | null | undefined;
  createParents?: boolean | null | undefined;
  mode?: number | null | undefined;
  /** A retry with the same key (and arguments) gets the first outcome instead of running. */
  idempotencyKey?: string | null | undefined;
}

export function uploadBody(input: UploadInput, sets: string[][]): TransferBody {
  return async ({ client, link, local, progress, guard }) => {
    const { handle, info } = await openConfined(input.localPath, local, READ_FLAGS, sets);
    try {
      if (!info.isFile()) throw bad(`Server file ${quote(input.localPath)} is not a regular file.`);
      assertSingleLink(input.localPath, info, sets);
      const size = info.size;
      progress.update(0, size);
      const channel = await link.openTransfer('upload_file', {
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
  };
}
