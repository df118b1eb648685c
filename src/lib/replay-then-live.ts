// Replay, then live, with no gap and no duplicate at the seam between them.
//
//   1. the caller subscribes to the live source first (what is published from now on waits
//      in its buffer), then calls this;
//   2. what was recorded after the cursor is read, a page at a time, and sent oldest first;
//   3. then the live buffer is drained and followed, skipping what the replay already sent
//      (and anything at or before the cursor).
//
// Anything recorded before step 2 read it is in the replay; anything recorded later was
// published after step 1, so it is in the live buffer: nothing falls between the two. Skipping
// by id (not "id ≤ the last replayed") keeps an item whose id was handed out early but recorded
// late (several writers) instead of dropping it. Items without an id (a job's final state) are
// never replayed and always pass.
//
// Written as a plain iterator rather than an async generator: closing it (`return`) while it
// waits for the next live item must end the live subscription at once, which a generator
// suspended in an `await` would only do after the next item.

export interface ReplayThenLiveOptions<T> {
  /** The live source, subscribed before this is called; closed when this iterator closes. */
  live: AsyncIterator<T>;
  /** The cursor: items with an id at or before it were seen already. */
  after: number;
  /** An item's id (its cursor), or null for an item that is never replayed. */
  idOf(item: T): number | null;
  /** Up to `pageSize` recorded items with an id after `afterId`, oldest first. */
  readPage(afterId: number): Promise<readonly T[]>;
  pageSize: number;
}

export function replayThenLive<T>(options: ReplayThenLiveOptions<T>): AsyncIterableIterator<T> {
  const { live, idOf } = options;
  let phase: 'replay' | 'live' | 'done' = 'replay';
  let pending: T[] = [];
  let cursor = options.after;
  let replayDone = false;
  /** Ids sent by the replay and not yet met live (each id comes live at most once). */
  const replayed = new Set<number>();
  const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };

  async function close(): Promise<IteratorReturnResult<undefined>> {
    phase = 'done';
    pending = [];
    replayed.clear();
    await live.return?.();
    return finished;
  }

  async function nextItem(): Promise<IteratorResult<T>> {
    while (phase === 'replay') {
      const item = pending.shift();
      if (item !== undefined) return { done: false, value: item };
      if (replayDone) {
        phase = 'live';
        break;
      }
      const page = await options.readPage(cursor);
      if (phase !== 'replay') return finished;
      for (const read of page) {
        const id = idOf(read);
        if (id === null) continue;
        replayed.add(id);
        cursor = Math.max(cursor, id);
      }
      pending = [...page];
      replayDone = page.length < options.pageSize;
    }
    while (phase === 'live') {
      const next = await live.next();
      if (next.done) {
        phase = 'done';
        return finished;
      }
      const id = idOf(next.value);
      if (id !== null && (id <= options.after || replayed.delete(id))) continue;
      return next;
    }
    return finished;
  }

  const iterator: AsyncIterableIterator<T> = {
    async next() {
      try {
        return await nextItem();
      } catch (error) {
        await close();
        throw error;
      }
    },
    return: close,
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
