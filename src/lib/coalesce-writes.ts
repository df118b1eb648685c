// Write coalescing for a socket that carries a stream of small writes (ssh2 writes one socket
// write per SSH packet, 32 KiB at most; a relay writes one per chunk it read). Every write in one
// turn of the event loop is held (cork) and goes out as one writev when the turn's I/O is done
// (setImmediate: after the poll phase, so every read that turn delivered is in). Fewer, larger
// writes mean fewer system calls here and fewer, fuller reads at the other end — on loopback
// each read costs a fresh 64 KiB buffer in Node, which is most of a relay's CPU
// (docs/BENCHMARKS.md, tunnels). Nothing waits longer than the current turn of the loop.

import type { Writable } from 'node:stream';

/** Makes every write to `stream` coalesce with the others of the same event-loop turn. */
export function coalesceWrites(stream: Writable): void {
  const write = stream.write;
  let held = false;
  const release = (): void => {
    held = false;
    stream.uncork();
  };
  stream.write = function coalescedWrite(this: Writable, ...args: unknown[]): boolean {
    if (!held && !stream.destroyed) {
      held = true;
      stream.cork();
      setImmediate(release);
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as Writable['write'];
}
