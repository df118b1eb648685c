import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTokenBuckets } from '../../src/lib/token-bucket.js';

test('a burst, then one per refill interval, with the wait until the next token', () => {
  let now = 0;
  const buckets = createTokenBuckets({
    burst: 3,
    refillMs: 1000,
    forgetAfterMs: 60_000,
    maxKeys: 100,
    now: () => now,
  });
  assert.equal(buckets.knows('a'), false);
  for (let i = 0; i < 3; i += 1) assert.deepEqual(buckets.take('a'), { ok: true });
  assert.equal(buckets.knows('a'), true);
  assert.deepEqual(buckets.take('a'), { ok: false, retryAfterMs: 1000 });
  now = 400;
  assert.deepEqual(buckets.take('a'), { ok: false, retryAfterMs: 600 });
  now = 1000;
  assert.deepEqual(buckets.take('a'), { ok: true });
  assert.deepEqual(buckets.take('b'), { ok: true }, 'keys are independent');
  now = 100_000;
  assert.equal(buckets.knows('a'), false, 'forgotten after forgetAfterMs idle');
  for (let i = 0; i < 3; i += 1) assert.deepEqual(buckets.take('a'), { ok: true });
});

test('memory is bounded: past maxKeys the least recently used key goes', () => {
  const buckets = createTokenBuckets({
    burst: 1,
    refillMs: 1000,
    forgetAfterMs: 60_000,
    maxKeys: 3,
  });
  for (const key of ['a', 'b', 'c']) buckets.take(key);
  buckets.take('a'); // a is now the most recently used
  buckets.take('d');
  assert.equal(buckets.size, 3);
  assert.equal(buckets.knows('b'), false, 'the least recently used was dropped');
  assert.equal(buckets.knows('a'), true);
});
