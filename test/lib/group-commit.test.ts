import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGroupCommit } from '../../src/lib/group-commit.js';

/** A writer whose batches wait until released, recording each batch it was given. */
function gatedWriter(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const write = async (batch: readonly number[]): Promise<string[]> => {
    batches.push([...batch]);
    await new Promise<void>((resolve) => gates.push(resolve));
    const bad = batch.find(fail);
    if (bad !== undefined) throw new Error(`item ${bad} refused`);
    return batch.map((item) => `done ${item}`);
  };
  /** Lets the oldest waiting batch finish, once it has started. */
  const release = async (): Promise<void> => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()!();
  };
  return { batches, write, release };
}

test('items that arrive while a batch is written go together into the next, in order, each getting its own result', async () => {
  const writer = gatedWriter();
  const commit = createGroupCommit(writer.write, 3);
  const results = [1, 2, 3, 4, 5, 6].map((item) => commit(item));
  await writer.release(); // [1]
  await writer.release(); // [2, 3, 4]
  await writer.release(); // [5, 6]
  assert.deepEqual(
    await Promise.all(results),
    [1, 2, 3, 4, 5, 6].map((i) => `done ${i}`),
  );
  assert.deepEqual(writer.batches, [[1], [2, 3, 4], [5, 6]]);

  // Idle again: the next item is written at once, by itself.
  const late = commit(7);
  await writer.release();
  assert.equal(await late, 'done 7');
  assert.deepEqual(writer.batches.at(-1), [7]);
});

test('a batch that fails is written again one item at a time: only the bad item fails', async () => {
  const writer = gatedWriter((item) => item === 3);
  const commit = createGroupCommit(writer.write, 10);
  const results = [1, 2, 3, 4].map((item) => commit(item).catch((error: Error) => error.message));
  await writer.release(); // [1]
  await writer.release(); // [2, 3, 4] fails
  await writer.release(); // [2]
  await writer.release(); // [3] fails
  await writer.release(); // [4]
  assert.deepEqual(await Promise.all(results), ['done 1', 'done 2', 'item 3 refused', 'done 4']);
  assert.deepEqual(writer.batches, [[1], [2, 3, 4], [2], [3], [4]]);
});

test('a writer that returns the wrong number of results fails the items instead of mixing them up', async () => {
  const commit = createGroupCommit(async (batch: readonly number[]) => batch.slice(1), 10);
  await assert.rejects(commit(1), /0 results for 1 items/);
});
