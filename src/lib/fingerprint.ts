// OpenSSH-style key fingerprints: "SHA256:" + unpadded base64 of the SHA-256 of the key blob —
// the same string `ssh-keygen -lf` prints.

import { createHash } from 'node:crypto';

export function fingerprintOf(keyBlob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '');
}
