// read_file: returns a whole regular file, base64-encoded so binary content survives JSON. The
// file is opened without following a symlink in its final component and its descriptor checked
// against the roots again (../path-guard.ts); the read itself is bounded, so a file that grows
// mid-read, or a procfs file that reports size 0, never returns more than the agreed limit.

import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { AgentErrorCode, MAX_FILE_BYTES } from '../../protocol/rpc.js';
import { READ_FLAGS } from '../../lib/safe-path.js';
import {
  asAgentError,
  assertPathAllowed,
  assertSingleLink,
  openConfined,
  rootSets,
} from '../path-guard.js';
import { AgentError, type Handler } from './types.js';

const CHUNK_BYTES = 64 * 1024;

export const readFile: Handler<'read_file'> = async (params, context) => {
  const limitBytes = params.maxBytes ?? MAX_FILE_BYTES;
  const sets = rootSets(context.allowedPaths, params.roots);
  const path = await assertPathAllowed(params.path, context.allowedPaths, params.roots);
  try {
    const { handle, info } = await openConfined(params.path, path, READ_FLAGS, sets);
    try {
      assertRegularFile(info, params.path);
      assertSingleLink(params.path, info, sets);
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
      await handle.close().catch(() => undefined);
    }
  } catch (err) {
    throw asAgentError(err, params.path);
  }
};

export function assertRegularFile(info: Stats, path: string, verb = 'read_file reads'): void {
  if (!info.isFile()) {
    const what = info.isDirectory() ? 'a directory' : 'not a regular file';
    throw new AgentError(AgentErrorCode.notAFile, `"${path}" is ${what}; ${verb} regular files.`, {
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
    if (signal.aborted)
      throw new AgentError(AgentErrorCode.failed, 'read_file cancelled: the hub left.');
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
    AgentErrorCode.tooLarge,
    `File "${path}" ${sizeText}, over the read_file limit of ${limitBytes} bytes. ` +
      'Use download_file for large files.',
    { path, limitBytes },
  );
}
