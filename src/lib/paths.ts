// Paths the server passes to clients: a client may run any OS, so an absolute path is one that
// is absolute on POSIX ("/srv") or on Windows ("C:\srv").

import { posix, win32 } from 'node:path';

export function isAbsoluteOnAnyPlatform(path: string): boolean {
  return posix.isAbsolute(path) || win32.isAbsolute(path);
}

/**
 * True when `path` lies in `root` or below it, compared component by component after resolving
 * `.` and `..` lexically ("/home/deploy" admits "/home/deploy/x", not "/home/deploy2"). Windows
 * paths compare case-insensitively. Symlinks are the agent's to resolve, at the moment of use.
 */
export function isWithinRoot(path: string, root: string): boolean {
  const flavour = win32.isAbsolute(path) && !posix.isAbsolute(path) ? win32 : posix;
  const fold = (p: string): string => (flavour === win32 ? p.toLowerCase() : p);
  const target = fold(flavour.resolve(path));
  const base = fold(flavour.resolve(root));
  const relative = flavour.relative(base, target);
  if (relative === '') return true;
  const escapes = relative === '..' || relative.startsWith(`..${flavour.sep}`);
  return !escapes && !flavour.isAbsolute(relative);
}
