// Paths confined to allowed roots, resolved so that they cannot be fooled, used by the agent (its
// file handlers and a command's cwd) and by the server (its transfer roots).
//
//   check:  absolute, no NUL → realpath of the deepest existing ancestor (+ the missing tail)
//           → component-wise containment in one root of EVERY non-empty root set
//   use:    open the resolved path with O_NOFOLLOW (a symlink swapped in as the final component
//           fails) → on Linux, readlink /proc/self/fd/N and check containment again (a directory
//           swapped for a symlink between check and open is caught on the descriptor itself)
//           → directories are then used through /proc/self/fd/N, pinned, never by name again.
//
// Several root sets combine by intersection: the server's allowedPaths and the machine owner's
// ceiling must both admit a path. A null or empty set admits everything.

import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

const isWindows = process.platform === 'win32';
const isLinux = process.platform === 'linux';
const separators = isWindows ? /[\\/]+/ : /\/+/;

/** Longest path accepted, in characters (Linux PATH_MAX). */
export const MAX_PATH_LENGTH = 4096;

export const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
export const O_DIRECTORY = constants.O_DIRECTORY ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

export type RootSet = readonly string[] | null | undefined;

/**
 * Why a path is refused: `invalid` input (relative, NUL, too long, empty) or `denied` (outside
 * the allowed roots, a symbolic link, a hard link). lib/ knows no error catalogue: each caller
 * maps the kind to its own codes (the agent to AgentErrorCode, the fleet to ErrorCode).
 */
export const PathRefusalKind = {
  invalid: 'invalid',
  denied: 'denied',
} as const;
export type PathRefusalKindName = (typeof PathRefusalKind)[keyof typeof PathRefusalKind];

/** A path refused: bad input (relative, NUL, too long) or outside the allowed roots. */
export class PathRefusal extends Error {
  constructor(
    readonly kind: PathRefusalKindName,
    message: string,
    readonly data: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'PathRefusal';
  }
}

function errnoOf(err: unknown): string | undefined {
  return err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
}

/** Throws an `invalid` PathRefusal unless `target` is an absolute path without NUL bytes, of sane length. */
export function assertAbsolutePath(target: string, what = 'Path'): void {
  if (target.includes('\0')) {
    throw new PathRefusal(PathRefusalKind.invalid, `${what} contains a NUL byte.`, {
      path: target,
    });
  }
  if (target.length === 0) {
    throw new PathRefusal(PathRefusalKind.invalid, `${what} is empty.`, { path: target });
  }
  if (target.length > MAX_PATH_LENGTH) {
    throw new PathRefusal(
      PathRefusalKind.invalid,
      `${what} is ${target.length} characters long, over the limit of ${MAX_PATH_LENGTH}.`,
      { path: `${target.slice(0, 64)}…` },
    );
  }
  if (!path.isAbsolute(target)) {
    throw new PathRefusal(
      PathRefusalKind.invalid,
      `${what} "${target}" is not absolute. Send a full path such as "/home/user/file.txt".`,
      { path: target },
    );
  }
}

/** Real path of the deepest existing ancestor, with the components that do not exist appended. */
export async function resolveRealPath(absolute: string): Promise<string> {
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
      const code = errnoOf(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      if (code === 'ELOOP' || code === 'ENAMETOOLONG') {
        throw new PathRefusal(
          PathRefusalKind.invalid,
          code === 'ELOOP'
            ? `Too many symbolic links in "${absolute}".`
            : `Path "${absolute}" is too long.`,
          { path: absolute, errno: code },
        );
      }
      throw err;
    }
  }
  return path.resolve(absolute);
}

const caseFolding = new Map<string, boolean>();

/**
 * True when the file system holding `directory` ignores case (NTFS, APFS by default): then
 * `/Data/x` and `/data/x` are one file and containment must compare folded names. Probed once
 * per directory by looking the same name up with its case swapped.
 */
async function ignoresCase(directory: string): Promise<boolean> {
  if (isWindows) return true;
  const known = caseFolding.get(directory);
  if (known !== undefined) return known;
  let result = false;
  const base = path.basename(directory);
  const swapped = [...base]
    .map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))
    .join('');
  if (swapped !== base) {
    try {
      const [a, b] = await Promise.all([
        lstat(directory),
        lstat(path.join(path.dirname(directory), swapped)),
      ]);
      result = a.ino === b.ino && a.dev === b.dev;
    } catch {
      result = false;
    }
  } else if (process.platform === 'darwin') {
    result = true; // no letters to probe with: assume APFS's default
  }
  caseFolding.set(directory, result);
  return result;
}

function components(absolute: string, fold: boolean): string[] {
  const { root } = path.parse(absolute);
  const rest = absolute.slice(root.length).split(separators).filter(Boolean);
  const parts = [isWindows ? root.replace(/\//g, '\\') : root, ...rest];
  return fold ? parts.map((part) => part.toLowerCase()) : parts;
}

/** Component-wise containment: `/home/deploy` contains `/home/deploy/x`, not `/home/deploy2`. */
export function isWithin(child: string, parent: string, fold = isWindows): boolean {
  const childParts = components(child, fold);
  const parentParts = components(parent, fold);
  if (parentParts.length > childParts.length) return false;
  return parentParts.every((part, index) => part === childParts[index]);
}

interface RealRoot {
  real: string;
  fold: boolean;
}

/** The real paths of a root set's roots; relative or missing roots admit nothing. */
async function realRoots(roots: readonly string[]): Promise<RealRoot[]> {
  const out: RealRoot[] = [];
  for (const root of roots) {
    // A relative root would depend on the process's cwd: a configuration mistake, never a grant.
    if (!path.isAbsolute(root) || root.includes('\0')) continue;
    try {
      const real = await realpath(root);
      out.push({ real, fold: await ignoresCase(real) });
    } catch {
      // A root that does not exist contains nothing yet.
    }
  }
  return out;
}

function activeSets(sets: readonly RootSet[]): (readonly string[])[] {
  return sets.filter((set): set is readonly string[] => Array.isArray(set) && set.length > 0);
}

/** True when every non-empty root set has a root containing the real path `real`. */
export async function isConfined(real: string, sets: readonly RootSet[]): Promise<boolean> {
  for (const set of activeSets(sets)) {
    const roots = await realRoots(set);
    if (!roots.some((root) => isWithin(real, root.real, root.fold))) return false;
  }
  return true;
}

/** True when some root set restricts paths at all. */
export function isRestricted(sets: readonly RootSet[]): boolean {
  return activeSets(sets).length > 0;
}

function denied(target: string, real: string, sets: readonly RootSet[]): PathRefusal {
  // The same root may stand in both sets (the agent's ceiling and the server's list): once.
  const roots = [...new Set(activeSets(sets).flat())];
  const via = real === target ? '' : ` (resolves to "${real}")`;
  return new PathRefusal(
    PathRefusalKind.denied,
    `Path "${target}"${via} is outside the allowed paths: ${roots.join(', ')}.`,
    { path: target, resolvedPath: real, allowedPaths: roots },
  );
}

/**
 * Checks `target` and returns its real path (the missing tail appended lexically); throws a
 * PathRefusal when it is malformed or lies outside the roots.
 */
export async function confine(target: string, sets: readonly RootSet[]): Promise<string> {
  assertAbsolutePath(target);
  const real = await resolveRealPath(target);
  if (!(await isConfined(real, sets))) throw denied(target, real, sets);
  return real;
}

/** The path through which an open descriptor is used: pinned on Linux, its real path elsewhere. */
export function descriptorPath(handle: FileHandle, real: string): string {
  return isLinux ? `/proc/self/fd/${handle.fd}` : real;
}

/**
 * Checks an open descriptor against the roots: on Linux through /proc/self/fd (where it really
 * is now); elsewhere by comparing it with what the checked path names now. Closes it and throws
 * a `denied` PathRefusal when it escaped.
 */
export async function assertDescriptorConfined(
  handle: FileHandle,
  target: string,
  real: string,
  sets: readonly RootSet[],
): Promise<Stats> {
  const info = await handle.stat();
  let where: string | null = null;
  if (isLinux) {
    try {
      where = await readlink(`/proc/self/fd/${handle.fd}`);
    } catch {
      where = null; // no procfs: fall back to the identity check below
    }
  }
  let ok: boolean;
  if (where !== null) {
    ok = path.isAbsolute(where) && !where.endsWith(' (deleted)') && (await isConfined(where, sets));
  } else {
    try {
      const now = await lstat(real);
      ok = now.ino === info.ino && now.dev === info.dev;
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    await handle.close().catch(() => undefined);
    const refusal = denied(target, where ?? real, sets);
    refusal.message = `Path "${target}" changed while being opened and now leads outside the allowed paths: ${[...new Set(activeSets(sets).flat())].join(', ')}.`;
    throw refusal;
  }
  return info;
}

/**
 * Opens an already confined real path without following a symlink in its final component, and
 * checks the descriptor again. `flags` are open(2) flags; O_NOFOLLOW is added.
 */
export async function openConfined(
  target: string,
  real: string,
  flags: number,
  sets: readonly RootSet[],
  mode?: number,
): Promise<{ handle: FileHandle; info: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(real, flags | O_NOFOLLOW, mode);
  } catch (err) {
    const code = errnoOf(err);
    // O_NOFOLLOW on a symlink: ELOOP, or ENOTDIR when O_DIRECTORY is asked too.
    const isLink =
      code === 'ELOOP' ||
      (code === 'ENOTDIR' &&
        (await lstat(real).then(
          (i) => i.isSymbolicLink(),
          () => false,
        )));
    if (isLink) {
      throw new PathRefusal(
        PathRefusalKind.denied,
        `Path "${target}" is (or became) a symbolic link; it is not followed.`,
        { path: target, resolvedPath: real },
      );
    }
    throw err;
  }
  const info = await assertDescriptorConfined(handle, target, real, sets);
  return { handle, info };
}

/** Opens a confined directory (O_DIRECTORY, O_NOFOLLOW, checked on the descriptor). */
export function openDirectoryConfined(
  target: string,
  real: string,
  sets: readonly RootSet[],
): Promise<{ handle: FileHandle; info: Stats }> {
  return openConfined(target, real, constants.O_RDONLY | O_DIRECTORY, sets);
}

/** Flags for reading a regular file: a FIFO swapped in must not block the open. */
export const READ_FLAGS = constants.O_RDONLY | O_NONBLOCK;

/**
 * A `denied` PathRefusal for a file with more than one hard link while roots restrict paths: a hard link
 * planted inside a root can name a file outside it, and no path check can tell.
 */
export function assertSingleLink(target: string, info: Stats, sets: readonly RootSet[]): void {
  if (info.isFile() && info.nlink > 1 && isRestricted(sets)) {
    throw new PathRefusal(
      PathRefusalKind.denied,
      `File "${target}" has ${info.nlink} hard links; with allowed paths set, files with more than one link are refused (another link may lie outside the allowed paths).`,
      { path: target, nlink: info.nlink },
    );
  }
}

/**
 * Creates the missing directories of the confined real path `realDirectory`, one level at a time,
 * each inside its parent opened and checked as a descriptor (so a parent swapped for a symlink
 * cannot redirect the creation). Call only after `confine` admitted the path. Returns the
 * directories it created, outermost first (a refused transfer removes them again).
 */
export async function makeDirectories(
  target: string,
  realDirectory: string,
  sets: readonly RootSet[],
): Promise<string[]> {
  const missing: string[] = [];
  const created: string[] = [];
  let existing = realDirectory;
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch (err) {
      if (errnoOf(err) !== 'ENOENT' || path.dirname(existing) === existing) throw err;
      missing.unshift(path.basename(existing));
      existing = path.dirname(existing);
    }
  }
  for (const name of missing) {
    const { handle } = await openDirectoryConfined(target, existing, sets);
    try {
      await mkdir(path.join(descriptorPath(handle, existing), name), { mode: 0o755 });
      created.push(path.join(existing, name));
    } catch (err) {
      if (errnoOf(err) !== 'EEXIST') throw err;
    } finally {
      await handle.close();
    }
    existing = path.join(existing, name);
  }
  return created;
}
