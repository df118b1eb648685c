// Retry hints for a crowd: connections refused together are told to come back one place after
// another, within the hub's bounds, per queue; places in the past are not held against anyone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRetryPlaces } from '../../src/hub/retry-places.js';

test('a crowd refused at one instant is spread one place apart, after what is queued drains', () => {
  const places = createRetryPlaces({ minMs: 1000, maxMs: 30_000 });
  const hints = Array.from({ length: 100 }, () => places.book('10.0.0.1', 0, 1500, 100));
  assert.equal(hints[0], 1600, 'after the queue ahead (1.5 s), one place');
  assert.equal(hints[1], 1700);
  assert.equal(hints[99], 11_500);
  for (let i = 1; i < hints.length; i += 1)
    assert.equal((hints[i] as number) - (hints[i - 1] as number), 100);
});

test('hints stay within the bounds; places past the longest hint are not booked', () => {
  const places = createRetryPlaces({ minMs: 1000, maxMs: 30_000 });
  assert.equal(places.book('a', 0, 0, 10), 1000, 'never under the minimum');
  const hints = Array.from({ length: 500 }, () => places.book('b', 0, 0, 100));
  assert.equal(Math.max(...hints), 30_000, 'never over the maximum');
  // Once the crowd's time has passed, a newcomer is not sent behind places nobody holds.
  assert.equal(places.book('b', 60_000, 2000, 100), 2100);
});

test('each queue books its own places', () => {
  const places = createRetryPlaces({ minMs: 0, maxMs: 30_000 });
  for (let i = 0; i < 50; i += 1) places.book('10.0.0.1', 0, 0, 100);
  assert.equal(places.book('10.0.0.2', 0, 0, 100), 100, 'another source is not behind the first');
  assert.equal(places.book('*', 0, 500, 100), 600, "the hub's queue is its own");
  assert.equal(places.book('10.0.0.1', 0, 0, 100), 5100);
});
