// list_files: one directory level, sorted by name, cut at a limit. The directory is opened and
// checked as a descriptor, then read through it (on Linux /proc/self/fd/N), so a directory
// swapped for a symlink after the check lists nothing outside. Entries are lstat-ed: a symlink
// is reported as a symlink rather than followed (its target may lie outside the jail).

import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { AgentErrorCode, FileType, type FileEntry, type FileTypeName } from '../../protocol/rpc.js';
import { descriptorPath } from '../../lib/safe-path.js';
import { asAgentError, assertPathAllowed, openDirectoryConfined, rootSets } from '../path-guard.js';
import { lstatIfAny } from './fs-errors.js';
import { AgentError, type Handler } from './types.js';

const DEFAULT_LIMIT = 10_000;
/** lstat calls in flight at once: enough to be quick, few enough to leave the threadpool free. */
const LSTAT_BATCH = 64;

export const listFiles: Handler<'list_files'> = async (params, context) => {
  const directory = await assertPathAllowed(params.path, context.allowedPaths, params.roots);
  const sets = rootSets(context.allowedPaths, params.roots);
  const limit = params.limit ?? DEFAULT_LIMIT;
  try {
    const info = await lstat(directory);
    if (!info.isDirectory()) {
      throw new AgentError(AgentErrorCode.notADirectory, `"${params.path}" is not a directory.`, {
        path: params.path,
      });
    }
    const { handle } = await openDirectoryConfined(params.path, directory, sets);
    try {
      return await listOpen(descriptorPath(handle, directory), directory, limit, context.signal);
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (err) {
    throw asAgentError(err, params.path);
  }
};

async function listOpen(
  pinned: string,
  directory: string,
  limit: number,
  signal: AbortSignal,
): Promise<{ path: string; entries: FileEntry[]; truncated: boolean }> {
  {
    // Plain code-unit order: the same on every agent, whatever its locale.
    const names = (await readdir(pinned)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const entries: FileEntry[] = [];
    for (let start = 0; start < Math.min(names.length, limit); start += LSTAT_BATCH) {
      if (signal.aborted) {
        throw new AgentError(AgentErrorCode.failed, 'list_files cancelled: the hub left.');
      }
      const batch = names.slice(start, Math.min(start + LSTAT_BATCH, limit));
      const described = await Promise.all(batch.map((name) => describe(pinned, name)));
      for (const entry of described) if (entry !== undefined) entries.push(entry);
    }
    return { path: directory, entries, truncated: names.length > limit };
  }
}

async function describe(directory: string, name: string): Promise<FileEntry | undefined> {
  const info = await lstatIfAny(path.join(directory, name));
  // Deleted between readdir and lstat: it is simply no longer there.
  if (info === undefined) return undefined;
  return {
    name,
    type: typeOf(info),
    size: info.size,
    mtimeMs: info.mtimeMs,
    mode: info.mode & 0o7777,
  };
}

function typeOf(info: Stats): FileTypeName {
  if (info.isFile()) return FileType.file;
  if (info.isDirectory()) return FileType.directory;
  if (info.isSymbolicLink()) return FileType.symlink;
  return FileType.other;
}
