// Maps the errno failures of node:fs to AgentErrors with stable codes, in one place, so every
// handler words the same failure the same way. Errors that carry no errno code are bugs, not
// user-facing failures: they are returned unchanged so the tunnel reports them as internal.

import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { AgentError } from './types.js';
import { AgentErrorCode } from '../../protocol/rpc.js';

interface ErrnoLike {
  code: string;
  message: string;
}

function isErrno(err: unknown): err is ErrnoLike {
  return (
    err instanceof Error && typeof (err as Partial<ErrnoLike>).code === 'string' && 'errno' in err
  );
}

/** The AgentError for a failed fs operation on `path`; non-fs errors come back unchanged. */
export function toAgentError(err: unknown, path: string): unknown {
  if (err instanceof AgentError || !isErrno(err)) return err;
  const data = { path, errno: err.code };
  switch (err.code) {
    case 'ENOENT':
      return new AgentError(AgentErrorCode.notFound, `No such file or directory: "${path}".`, data);
    case 'ENOTDIR':
      return new AgentError(
        AgentErrorCode.notADirectory,
        `A component of "${path}" is not a directory.`,
        data,
      );
    case 'EISDIR':
      return new AgentError(AgentErrorCode.notAFile, `"${path}" is a directory, not a file.`, data);
    case 'EACCES':
    case 'EPERM':
      return new AgentError(
        AgentErrorCode.permissionDenied,
        `Permission denied on "${path}" for the agent's user.`,
        data,
      );
    case 'ELOOP':
      return new AgentError(AgentErrorCode.badInput, `Too many symbolic links in "${path}".`, data);
    case 'ENAMETOOLONG':
      return new AgentError(AgentErrorCode.badInput, `Path "${path}" is too long.`, data);
    case 'EFBIG':
      return new AgentError(
        AgentErrorCode.tooLarge,
        `"${path}" is too large for this filesystem.`,
        data,
      );
    default:
      // ENOSPC, EROFS, EIO…: the system's own wording is the most precise we have.
      return new AgentError(
        AgentErrorCode.failed,
        `Operation on "${path}" failed: ${err.message}`,
        data,
      );
  }
}

/** True when `err` is a node:fs error with this errno code (ENOENT, ENOTDIR…). */
export function hasErrnoCode(err: unknown, code: string): boolean {
  return isErrno(err) && err.code === code;
}

/** What lstat says of `target`, or undefined when nothing is there (ENOENT). */
export async function lstatIfAny(target: string): Promise<Stats | undefined> {
  try {
    return await lstat(target);
  } catch (err) {
    if (hasErrnoCode(err, 'ENOENT')) return undefined;
    throw err;
  }
}
