// read_file: returns a whole regular file, base64-encoded so binary content survives JSON. The
// read itself is bounded, so a file that grows mid-read, or a procfs file that reports size 0,
// never returns more than the limit the caller agreed to.

import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { MAX_FILE_BYTES } from '../../protocol/rpc.js';
import { assertPathAllowed } from '../path-guard.js';
import { toAgentError } from './fs-errors.js';
import { AgentError, type Handler } from './types.js';

const CHUNK_BYTES = 64 * 1024;
// Without O_NONBLOCK, opening a FIFO swapped in after the type check would wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export const readFile: Handler<'read_file'> = async (params, context) => {
  const limitBytes = params.maxBytes ?? MAX_FILE_BYTES;
  const path = await assertPathAllowed(params.path, context.allowedPaths);
  try {
    assertRegularFile(await stat(path), params.path);
    const handle = await open(path, OPEN_FLAGS);
    try {
      // Checked again on the open descriptor: the path may have been replaced in between.
      const info = await handle.stat();
      assertRegularFile(info, params.path);
      if (info.size > limitBytes) throw tooLarge(params.path, `is ${info.size} bytes`, limitBytes);
      const content = await readBounded(handle, limitBytes, params.path, context.signal);
      return {
        path,
        contentBase64: content.toString('base64'),
        size: content.length,
        mtimeMs: info.mtimeMs,
        mode: info.mode & 0o7777,
      };
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw toAgentError(err, params.path);
  }
};

function assertRegularFile(info: Stats, path: string): void {
  if (!info.isFile()) {
    const what = info.isDirectory() ? 'a directory' : 'not a regular file';
    throw new AgentError('NOT_A_FILE', `"${path}" is ${what}; read_file reads regular files.`, {
      path,
    });
  }
}

async function readBounded(
  handle: FileHandle,
  limitBytes: number,
  path: string,
  signal: AbortSignal,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let totalBytes = 0;
  for (;;) {
    if (signal.aborted) throw new AgentError('FAILED', 'read_file cancelled: the hub left.');
    const chunk = Buffer.alloc(CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) return Buffer.concat(chunks, totalBytes);
    totalBytes += bytesRead;
    if (totalBytes > limitBytes) throw tooLarge(path, 'grew while being read', limitBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

function tooLarge(path: string, sizeText: string, limitBytes: number): AgentError {
  return new AgentError(
    'TOO_LARGE',
    `File "${path}" ${sizeText}, over the read_file limit of ${limitBytes} bytes. ` +
      'Use download_file for large files.',
    { path, limitBytes },
  );
}
