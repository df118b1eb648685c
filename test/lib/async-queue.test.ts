import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAsyncQueue, QueueOverflowError } from '../../src/lib/async-queue.js';

test('delivers pushed values in order, to a waiting or a late consumer', async () => {
  const queue = createAsyncQueue<number>({ maxBuffered: 10 });
  const first = queue.next();
  queue.push(1);
  queue.push(2);
  assert.deepEqual(await first, { value: 1, done: false });
  assert.deepEqual(await queue.next(), { value: 2, done: false });
  queue.end();
  assert.deepEqual(await queue.next(), { value: undefined, done: true });
});

test('a consumer that falls too far behind is cut off with an error, not buffered forever', async () => {
  let closed = false;
  const queue = createAsyncQueue<number>({ maxBuffered: 3, onClose: () => (closed = true) });
  for (let i = 0; i < 10; i += 1) queue.push(i);
  assert.equal(closed, true);
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const value of queue) seen.push(value);
  }, QueueOverflowError);
  assert.deepEqual(seen, [0, 1, 2]);
});

test('return() closes the queue and calls onClose once', async () => {
  let closes = 0;
  const queue = createAsyncQueue<number>({ maxBuffered: 3, onClose: () => (closes += 1) });
  const pending = queue.next();
  await queue.return?.();
  assert.deepEqual(await pending, { value: undefined, done: true });
  queue.push(1);
  queue.end();
  assert.equal(closes, 1);
});
