// SHA-256 over the first bytes of an open file, in fixed-size reads: how either end of a transfer
// checks what an earlier attempt left before continuing after it.

import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

const CHUNK_BYTES = 1024 * 1024;

/** A running SHA-256 fed with bytes [0, length) of the file; throws when it is shorter. */
export async function hashPrefix(handle: FileHandle, length: number): Promise<Hash> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(length, 1)));
  let position = 0;
  while (position < length) {
    const want = Math.min(buffer.length, length - position);
    const { bytesRead } = await handle.read(buffer, 0, want, position);
    if (bytesRead === 0) throw new Error(`file ended at ${position} of ${length} bytes`);
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash;
}

/** The hex digest of a running hash, leaving it usable. */
export function peekDigest(hash: Hash): string {
  return hash.copy().digest('hex');
}
