// The server's side of a transfer's paths: a localPath resolved inside the transfer roots
// (<data-dir>/transfers, or ETPHONEHOME_TRANSFER_ROOTS) with the same protections as on the
// agent (../../lib/safe-path.ts), and the server's own file errors said as the catalogue does.

import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { AppError, ErrorCode } from '../../errors.js';
import { AgentCallError } from '../../hub/errors.js';
import { quote } from '../../lib/quote.js';
import { PathRefusal, PathRefusalKind, assertSingleLink, confine } from '../../lib/safe-path.js';
import { MAX_PATH_LENGTH } from '../limits.js';
import { bad } from '../validation.js';

export function createServerPaths(transferRoots: readonly string[]) {
  const roots = [...transferRoots];

  function refusal(error: unknown, localPath: string): unknown {
    if (!(error instanceof PathRefusal)) return error;
    if (error.kind === PathRefusalKind.invalid) return bad(`localPath: ${error.message}`);
    if ('nlink' in error.data || /symbolic link/.test(error.message))
      return new AppError(ErrorCode.pathDenied, error.message, { path: localPath });
    return new AppError(
      ErrorCode.pathDenied,
      `localPath ${quote(localPath)} is outside the server's transfer roots: ${roots.join(', ')}. Use a path relative to ${roots[0] ?? 'a transfer root'} or inside one of them (ETPHONEHOME_TRANSFER_ROOTS sets them).`,
      { path: localPath, allowedPaths: roots },
    );
  }

  return {
    /** The root sets the safe-path helpers take. */
    sets: [roots],

    /** Resolves a server-side path inside the transfer roots (PATH_DENIED outside them). */
    async resolve(localPath: string): Promise<string> {
      if (typeof localPath !== 'string' || localPath.length === 0)
        throw bad('localPath must not be empty.');
      if (localPath.length > MAX_PATH_LENGTH)
        throw bad(`localPath is over the limit of ${MAX_PATH_LENGTH} characters.`);
      if (localPath.includes('\0')) throw bad('localPath contains a NUL byte.');
      if (roots.length === 0)
        throw new AppError(
          ErrorCode.pathDenied,
          'No transfer roots are configured on this server (ETPHONEHOME_TRANSFER_ROOTS).',
        );
      const absolute = path.isAbsolute(localPath)
        ? localPath
        : path.join(roots[0] ?? '/', localPath);
      try {
        return await confine(absolute, [roots]);
      } catch (error) {
        throw refusal(error, localPath);
      }
    },

    /** A failure on the server's side of a transfer, as the catalogue says it. */
    failure(error: unknown, localPath: string): unknown {
      if (error instanceof AppError || error instanceof AgentCallError) return error;
      if (error instanceof PathRefusal) return refusal(error, localPath);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        return new AppError(ErrorCode.notFound, `Server file ${quote(localPath)} does not exist.`);
      if (code === 'EACCES' || code === 'EPERM')
        return bad(`The server may not access ${quote(localPath)} (permission denied).`);
      if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' || code === 'EROFS') {
        const why = {
          ENOSPC: "The server's disk is full",
          EDQUOT: "The server's disk quota is used up",
          EFBIG: 'The file is larger than the server may write',
          EROFS: "The server's file system is read-only",
        }[code];
        return bad(
          `${why} (writing ${quote(localPath)}, code ${code}). The bytes received so far are kept in the partial file: retry with the same localPath once there is room, and the transfer resumes.`,
        );
      }
      if (typeof code === 'string')
        return bad(`Server file ${quote(localPath)}: ${(error as Error).message}`);
      return error;
    },
  };
}

export type ServerPaths = ReturnType<typeof createServerPaths>;

/** A destination may be replaced when absent or a regular file; never through a symlink. */
export async function assertReplaceable(file: string, requested: string): Promise<void> {
  try {
    const info = await lstat(file);
    if (info.isSymbolicLink())
      throw new PathRefusal(
        PathRefusalKind.denied,
        `Server path ${quote(requested)} is a symbolic link; it is not followed.`,
        { path: requested },
      );
    if (!info.isFile())
      throw bad(`Server path ${quote(requested)} exists and is not a regular file.`);
    assertSingleLink(requested, info, [['/']]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
