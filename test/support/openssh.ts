// OpenSSH's own tools, as a reference to check our output against (when installed).

import { execFileSync } from 'node:child_process';

/** The path of ssh-keygen, or null when it is not installed. */
export function findSshKeygen(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v ssh-keygen']).toString().trim() || null;
  } catch {
    return null;
  }
}
