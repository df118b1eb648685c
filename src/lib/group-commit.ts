// Group commit: items that arrive while a batch is being written go together into the next one,
// so a burst costs one transaction per batch instead of one per item (SQLite has one connection
// and every statement costs the main thread; PostgreSQL a round trip per statement). One batch
// at a time, in arrival order. A batch that fails is written again one item at a time, so one
// bad item fails alone and the others are written as if they had come by themselves.

export interface GroupCommit<I, O> {
  /** Writes `item` with whatever else is waiting; resolves with its own result. */
  (item: I): Promise<O>;
}

interface Waiting<I, O> {
  item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

/**
 * `write` takes a batch (at most `maxBatch` items, in arrival order) and returns one result per
 * item, in the same order; it runs the batch in one transaction of its own.
 */
export function createGroupCommit<I, O>(
  write: (batch: readonly I[]) => Promise<readonly O[]>,
  maxBatch: number,
): GroupCommit<I, O> {
  let waiting: Waiting<I, O>[] = [];
  let writing = false;

  async function writeBatch(batch: readonly Waiting<I, O>[]): Promise<void> {
    const results = await write(batch.map((entry) => entry.item));
    if (results.length !== batch.length)
      throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
    batch.forEach((entry, i) => entry.resolve(results[i] as O));
  }

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, maxBatch);
        waiting = waiting.slice(batch.length);
        try {
          await writeBatch(batch);
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else
            for (const entry of batch)
              await writeBatch([entry]).catch((e: unknown) => entry.reject(e));
        }
      }
    } finally {
      writing = false;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
