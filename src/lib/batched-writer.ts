// Writes a stream of received chunks into a file from a position on, gathering them up to a
// batch before one write: a write per small chunk is what made large transfers slow. Both ends
// of a transfer receive this way (the agent an upload, the server a download).

import type { FileHandle } from 'node:fs/promises';

/** Received bytes are gathered up to this much before one write. */
export const WRITE_BATCH_BYTES = 1024 * 1024;

export function createBatchedWriter(
  handle: FileHandle,
  start: number,
  /** Called after each write with the file's length so far (progress). */
  onWritten: (position: number) => void = () => undefined,
) {
  let position = start;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  /** Writes what is gathered; nothing to write is a no-op (safe in a finally). */
  const flush = async (): Promise<void> => {
    if (batchBytes === 0) return;
    const data = batch.length === 1 ? (batch[0] as Buffer) : Buffer.concat(batch, batchBytes);
    batch = [];
    batchBytes = 0;
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await handle.write(data, written, data.length - written, position);
      written += bytesWritten;
      position += bytesWritten;
    }
    onWritten(position);
  };
  return {
    async add(chunk: Buffer): Promise<void> {
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    },
    flush,
  };
}
