// Paths the server passes to clients: a client may run any OS, so an absolute path is one that
// is absolute on POSIX ("/srv") or on Windows ("C:\srv").

import { posix, win32 } from 'node:path';

export function isAbsoluteOnAnyPlatform(path: string): boolean {
  return posix.isAbsolute(path) || win32.isAbsolute(path);
}
