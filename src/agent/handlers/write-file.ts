// write_file: replaces a file atomically — a temp file in the same directory is written, synced
// and renamed over the target, so a reader sees the old content or the new, never half of it.
// The directory is opened once, checked as a descriptor, and used through it (on Linux
// /proc/self/fd/N): a directory swapped for a symlink after the check cannot redirect the
// write. A replaced file keeps its permission bits (and, where allowed, its owner); writing
// through a symlink inside the roots updates the file it points to and leaves the link in place.

import { constants, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AgentErrorCode, MAX_FILE_BYTES } from '../../protocol/rpc.js';
import {
  O_NOFOLLOW,
  assertSingleLink,
  descriptorPath,
  makeDirectories,
  openDirectoryConfined,
  type RootSet,
} from '../../lib/safe-path.js';
import { asAgentError, assertPathAllowed, rootSets } from '../path-guard.js';
import { lstatIfAny } from './fs-errors.js';
import { AgentError, type Handler } from './types.js';

/** The permission bits of a new file, unless the request sets them. */
export const DEFAULT_FILE_MODE = 0o644;

export const writeFile: Handler<'write_file'> = async (params, context) => {
  // Checked before anything is created, so a refused path leaves the disk untouched.
  const target = await assertPathAllowed(params.path, context.allowedPaths, params.roots);
  const content = Buffer.from(params.contentBase64, 'base64');
  if (content.length > MAX_FILE_BYTES) {
    throw new AgentError(
      AgentErrorCode.tooLarge,
      `Content is ${content.length} bytes, over the write_file limit of ${MAX_FILE_BYTES} bytes.`,
      { path: params.path, limitBytes: MAX_FILE_BYTES },
    );
  }
  const sets = rootSets(context.allowedPaths, params.roots);
  await inTargetDirectory(params, target, sets, ({ directory, name, existing }) =>
    replaceAtomically(
      directory,
      name,
      content,
      existing,
      params.mode ?? DEFAULT_FILE_MODE,
      context.signal,
    ),
  );
  return { path: target, size: content.length };
};

/** Where a file is written: its pinned directory, its name, and the regular file there now. */
export interface WriteTarget {
  directory: PinnedDirectory;
  name: string;
  /** The file being replaced; undefined when there is none. */
  existing: Stats | undefined;
}

/**
 * Runs `write` in the parent directory of `target` (opened, created first when asked, closed
 * after); any failure becomes an AgentError about the requested path.
 */
export async function inTargetDirectory<T>(
  params: { path: string; createParents?: boolean | undefined },
  target: string,
  sets: readonly RootSet[],
  write: (at: WriteTarget) => Promise<T>,
): Promise<T> {
  try {
    const directory = await openParent(params.path, target, params.createParents ?? false, sets);
    try {
      const name = path.basename(target);
      const existing = await existingFile(params.path, directory.path, name, sets);
      return await write({ directory, name, existing });
    } finally {
      await directory.handle.close().catch(() => undefined);
    }
  } catch (err) {
    throw asAgentError(err, params.path);
  }
}

export interface PinnedDirectory {
  handle: FileHandle;
  /** The path through which the directory is used (its descriptor on Linux). */
  path: string;
}

/** Opens (creating it first when asked) the parent directory of a confined target. */
async function openParent(
  requested: string,
  target: string,
  createParents: boolean,
  sets: readonly RootSet[],
): Promise<PinnedDirectory> {
  const parent = path.dirname(target);
  const info = await lstatIfAny(parent);
  if (info === undefined) {
    if (!createParents) {
      throw new AgentError(
        AgentErrorCode.notFound,
        `Parent directory "${parent}" does not exist. Pass createParents: true to create it.`,
        { path: parent },
      );
    }
    await makeDirectories(requested, parent, sets);
  } else if (!info.isDirectory()) {
    throw new AgentError(AgentErrorCode.notADirectory, `Parent "${parent}" is not a directory.`, {
      path: parent,
    });
  }
  const { handle } = await openDirectoryConfined(requested, parent, sets);
  return { handle, path: descriptorPath(handle, parent) };
}

/** The regular file at `name` in the directory, undefined when absent; others are refused. */
async function existingFile(
  requested: string,
  directory: string,
  name: string,
  sets: readonly RootSet[],
): Promise<Stats | undefined> {
  const info = await lstatIfAny(path.join(directory, name));
  if (info === undefined) return undefined;
  if (info.isSymbolicLink()) {
    // The target was resolved through its links before; a link here now was swapped in.
    throw new AgentError(
      AgentErrorCode.pathDenied,
      `"${requested}" became a symbolic link during the operation; it is not followed.`,
      { path: requested },
    );
  }
  if (!info.isFile()) {
    throw new AgentError(
      AgentErrorCode.notAFile,
      `"${requested}" exists and is not a regular file; it will not be replaced.`,
      { path: requested },
    );
  }
  assertSingleLink(requested, info, sets);
  return info;
}

async function replaceAtomically(
  directory: PinnedDirectory,
  name: string,
  content: Buffer,
  existing: Stats | undefined,
  modeForNewFile: number,
  signal: AbortSignal,
): Promise<void> {
  const temp = path.join(directory.path, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  // A replacement starts private and gets the old bits below; a new file gets the caller's mode,
  // filtered by the agent's umask as open(2) does.
  const handle = await open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW,
    existing === undefined ? modeForNewFile : 0o600,
  );
  let renamed = false;
  try {
    try {
      await handle.writeFile(content);
      await keepOwnerAndMode(handle, existing);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (signal.aborted)
      throw new AgentError(AgentErrorCode.failed, 'write_file cancelled: the hub left.');
    await rename(temp, path.join(directory.path, name));
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => {});
  }
  await directory.handle.sync().catch(() => undefined);
}

/** Gives a replacement the owner and permission bits of the file it replaces. */
export async function keepOwnerAndMode(
  handle: FileHandle,
  existing: Stats | undefined,
): Promise<void> {
  if (existing === undefined) return;
  // Owner first: chown clears setuid/setgid, chmod restores them. Only root (or the same
  // owner) may chown; anyone else gets a file of their own, as any editor would.
  await handle.chown(existing.uid, existing.gid).catch(() => {});
  await handle.chmod(existing.mode & 0o7777);
}
