// The seam between a replay and live items: items recorded while the subscription starts are
// sent once (no gap, no duplicate), in pages; items without an id pass; closing the iterator
// while it waits for a live item ends the live source at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAsyncQueue } from '../../src/lib/async-queue.js';
import { replayThenLive } from '../../src/lib/replay-then-live.js';

interface Item {
  id: number | null;
  text: string;
}

/** A recorded trail and a live source; `record` appends and publishes like the audit does. */
function source() {
  const trail: Item[] = [];
  const live = createAsyncQueue<Item>({ maxBuffered: 100 });
  let next = 1;
  return {
    trail,
    live,
    recordOnly(text: string): Item {
      const item = { id: next++, text };
      trail.push(item);
      return item;
    },
    record(text: string): Item {
      const item = this.recordOnly(text);
      live.push(item);
      return item;
    },
  };
}

async function take<T>(iterator: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

test('items recorded across the seam arrive once each, in order, with a small page size', async () => {
  const s = source();
  for (const text of ['a', 'b', 'c', 'd', 'e']) s.record(text); // before the cursor's owner left
  const cursor = 2; // it saw a and b
  // Recorded before the replay reads, published only after (the audit writes, then publishes).
  const late = s.recordOnly('f');
  let reads = 0;
  const iterator = replayThenLive<Item>({
    live: s.live,
    after: cursor,
    idOf: (item) => item.id,
    pageSize: 2,
    async readPage(afterId) {
      reads += 1;
      // Something is recorded (and published) while the replay pages through.
      if (reads === 2) s.record('g');
      return s.trail.filter((item) => (item.id ?? 0) > afterId).slice(0, 2);
    },
  });
  s.live.push(late);
  s.record('h'); // id 7: recorded before g (id 8), which the second page read records
  const got = await take(iterator, 6);
  assert.deepEqual(
    got.map((item) => item.text),
    ['c', 'd', 'e', 'f', 'h', 'g'],
  );
  s.record('i');
  assert.deepEqual((await iterator.next()).value, { id: 9, text: 'i' });
  await iterator.return?.();
  assert.equal(s.live.closed, true);
});

test('an item recorded late with an early id is kept; items without an id pass', async () => {
  const s = source();
  s.record('a');
  const early = { id: 2, text: 'early' }; // id handed out, not yet recorded
  s.trail.push({ id: 3, text: 'c' });
  const iterator = replayThenLive<Item>({
    live: s.live,
    after: 1,
    idOf: (item) => item.id,
    pageSize: 10,
    readPage: async (afterId) => s.trail.filter((item) => (item.id ?? 0) > afterId),
  });
  assert.deepEqual((await iterator.next()).value, { id: 3, text: 'c' });
  s.live.push({ id: 3, text: 'c' }); // published after the replay read it
  s.live.push(early); // recorded and published after the replay
  s.live.push({ id: null, text: 'final' });
  s.live.push({ id: 1, text: 'a' }); // at the cursor: seen already
  s.live.end();
  assert.deepEqual(
    (await take(iterator, 10)).map((item) => item.text),
    ['early', 'final'],
  );
});

test('closing while waiting for a live item ends the wait and the live source', async () => {
  const s = source();
  const iterator = replayThenLive<Item>({
    live: s.live,
    after: 0,
    idOf: (item) => item.id,
    pageSize: 10,
    readPage: async () => [],
  });
  const waiting = iterator.next();
  await new Promise((resolve) => setImmediate(resolve));
  await iterator.return?.();
  assert.deepEqual(await waiting, { done: true, value: undefined });
  assert.equal(s.live.closed, true);
});

test('a failing replay closes the live source and reports the error', async () => {
  const s = source();
  const iterator = replayThenLive<Item>({
    live: s.live,
    after: 0,
    idOf: (item) => item.id,
    pageSize: 10,
    readPage: async () => {
      throw new Error('store down');
    },
  });
  await assert.rejects(iterator.next(), /store down/);
  assert.equal(s.live.closed, true);
});
