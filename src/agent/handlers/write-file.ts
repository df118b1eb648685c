// write_file: replaces a file atomically — a temp file in the same directory is written, synced
// and renamed over the target, so a reader sees the old content or the new, never half of it.
// A replaced file keeps its permission bits (and, where allowed, its owner); writing through a
// symlink updates the file it points to and leaves the link in place.

import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../protocol/rpc.js';
import { assertPathAllowed } from '../path-guard.js';
import { hasErrnoCode, toAgentError } from './fs-errors.js';
import { AgentError, type Handler } from './types.js';

const DEFAULT_MODE = 0o644;

export const writeFile: Handler<'write_file'> = async (params, context) => {
  // Checked before anything is created, so a refused path leaves the disk untouched.
  const target = await assertPathAllowed(params.path, context.allowedPaths);
  const content = Buffer.from(params.contentBase64, 'base64');
  if (content.length > MAX_FILE_BYTES) {
    throw new AgentError(
      'TOO_LARGE',
      `Content is ${content.length} bytes, over the write_file limit of ${MAX_FILE_BYTES} bytes.`,
      { path: params.path, limitBytes: MAX_FILE_BYTES },
    );
  }
  try {
    await ensureParentDirectory(path.dirname(target), params.createParents ?? false);
    const existing = await statIfExists(target);
    if (existing !== undefined && !existing.isFile()) {
      throw new AgentError(
        'NOT_A_FILE',
        `"${params.path}" exists and is not a regular file; write_file will not replace it.`,
        { path: params.path },
      );
    }
    await replaceAtomically(target, content, existing, params.mode ?? DEFAULT_MODE, context.signal);
  } catch (err) {
    throw toAgentError(err, params.path);
  }
  return { path: target, size: content.length };
};

async function ensureParentDirectory(directory: string, createParents: boolean): Promise<void> {
  const info = await statIfExists(directory);
  if (info === undefined) {
    if (!createParents) {
      throw new AgentError(
        'NOT_FOUND',
        `Parent directory "${directory}" does not exist. Pass createParents: true to create it.`,
        { path: directory },
      );
    }
    await mkdir(directory, { recursive: true });
  } else if (!info.isDirectory()) {
    throw new AgentError('NOT_A_DIRECTORY', `Parent "${directory}" is not a directory.`, {
      path: directory,
    });
  }
}

async function replaceAtomically(
  target: string,
  content: Buffer,
  existing: Stats | undefined,
  modeForNewFile: number,
  signal: AbortSignal,
): Promise<void> {
  const directory = path.dirname(target);
  const temp = path.join(
    directory,
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  // A replacement starts private and gets the old bits below; a new file gets the caller's mode,
  // filtered by the agent's umask as open(2) does.
  const handle = await open(temp, 'wx', existing === undefined ? modeForNewFile : 0o600);
  let renamed = false;
  try {
    try {
      await handle.writeFile(content);
      if (existing !== undefined) {
        // Owner first: chown clears setuid/setgid, chmod restores them. Only root (or the same
        // owner) may chown; anyone else gets a file of their own, as any editor would.
        await handle.chown(existing.uid, existing.gid).catch(() => {});
        await handle.chmod(existing.mode & 0o7777);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (signal.aborted) throw new AgentError('FAILED', 'write_file cancelled: the hub left.');
    await rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => {});
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable; unsupported on Windows, where it is skipped. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is best effort; the content itself is already synced.
  }
}

async function statIfExists(target: string): Promise<Stats | undefined> {
  try {
    return await stat(target);
  } catch (err) {
    if (hasErrnoCode(err, 'ENOENT')) return undefined;
    throw err;
  }
}
