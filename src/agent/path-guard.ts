// The path jail: decides whether a path the hub sends may be touched, given the machine owner's
// `allowed_paths` ceiling, and returns the real path the handler must then use (so what was
// checked is what gets opened). Paths are resolved the way the kernel would walk them — symlinks
// and `..` included — for the part that exists; the part that does not exist yet (a file about
// to be written) is appended lexically, since it cannot contain symlinks.
//
// Known gap, closed by a later hardening pass: a symlink swapped in between this check and the
// handler's open (TOCTOU). The shape here — validate, resolve, contain — is where O_NOFOLLOW
// opens and fd re-checks will slot in.

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { hasErrnoCode, toAgentError } from './handlers/fs-errors.js';
import { AgentError } from './handlers/types.js';

const isWindows = process.platform === 'win32';
const separators = isWindows ? /[\\/]+/ : /\/+/;

/**
 * Resolves `target` to its real path and checks it lies within one of `allowedPaths` (null or
 * empty = no ceiling). Throws BAD_USER_INPUT for a relative path or a NUL byte, PATH_DENIED when
 * the path is outside every allowed root.
 */
export async function assertPathAllowed(
  target: string,
  allowedPaths: readonly string[] | null,
): Promise<string> {
  if (target.includes('\0')) {
    throw new AgentError('BAD_USER_INPUT', 'Path contains a NUL byte.', { path: target });
  }
  if (!path.isAbsolute(target)) {
    throw new AgentError(
      'BAD_USER_INPUT',
      `Path "${target}" is not absolute. Send a full path such as "/home/user/file.txt".`,
      { path: target },
    );
  }
  const resolved = await resolveRealPath(target);
  if (allowedPaths === null || allowedPaths.length === 0) return resolved;

  for (const root of allowedPaths) {
    // A relative root would depend on the agent's cwd: a config mistake, never a grant.
    if (!path.isAbsolute(root) || root.includes('\0')) continue;
    if (isWithin(resolved, await resolveRealPath(root))) return resolved;
  }
  const via = resolved === target ? '' : ` (resolves to "${resolved}")`;
  throw new AgentError(
    'PATH_DENIED',
    `Path "${target}"${via} is outside the allowed paths of this machine: ` +
      `${allowedPaths.join(', ')}. Its owner sets them in config.yaml allowed_paths.`,
    { path: target, resolvedPath: resolved, allowedPaths: [...allowedPaths] },
  );
}

/** Real path of the deepest existing ancestor, with the components that do not exist appended. */
async function resolveRealPath(absolute: string): Promise<string> {
  const { root } = path.parse(absolute);
  const parts = absolute.slice(root.length).split(separators).filter(Boolean);
  // Walk up from the full path rather than joining: path.join would fold `link/..` lexically,
  // while the kernel follows `link` first.
  for (let kept = parts.length; kept >= 0; kept--) {
    const candidate = root + parts.slice(0, kept).join(path.sep);
    try {
      const real = await realpath(candidate);
      return path.resolve(real, ...parts.slice(kept));
    } catch (err) {
      if (!hasErrnoCode(err, 'ENOENT') && !hasErrnoCode(err, 'ENOTDIR')) {
        throw toAgentError(err, absolute);
      }
    }
  }
  return path.resolve(absolute);
}

/** Component-wise containment: `/home/deploy` contains `/home/deploy/x`, not `/home/deploy2`. */
function isWithin(child: string, parent: string): boolean {
  const childParts = components(child);
  const parentParts = components(parent);
  if (parentParts.length > childParts.length) return false;
  return parentParts.every((part, index) => part === childParts[index]);
}

function components(absolute: string): string[] {
  const { root } = path.parse(absolute);
  const rest = absolute.slice(root.length).split(separators).filter(Boolean);
  if (!isWindows) return [root, ...rest];
  // NTFS is case-insensitive by default; folding keeps C:\Users and c:/users equal.
  return [root.replace(/\//g, '\\'), ...rest].map((part) => part.toLowerCase());
}
