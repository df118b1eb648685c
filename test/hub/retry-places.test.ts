// Retry hints for a crowd: each refusal books the next place of its queue, one place after
// another within the hub's bounds, and is told a time drawn between the first free place and its
// own (full jitter over the line); places in the past are not held against anyone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRetryPlaces } from '../../src/hub/retry-places.js';
import { seededRandom } from '../support/random.js';

/** Told its own place exactly (a draw of 1): the line of places the hints are drawn over. */
const exact = (): number => 1;

test('a crowd refused at one instant books places one apart, after what is queued drains', () => {
  const places = createRetryPlaces({ minMs: 1000, maxMs: 30_000, random: exact });
  const hints = Array.from({ length: 100 }, () => places.book('10.0.0.1', 0, 1500, 100));
  assert.equal(hints[0], 1600, 'after the queue ahead (1.5 s), one place');
  assert.equal(hints[1], 1700);
  assert.equal(hints[99], 11_500);
  for (let i = 1; i < hints.length; i += 1)
    assert.equal((hints[i] as number) - (hints[i - 1] as number), 100);
});

test('each refusal is told a time between the first free place and its own booked place', () => {
  const draws = [0, 1, 0.5, 0];
  const places = createRetryPlaces({ minMs: 0, maxMs: 30_000, random: () => draws.shift() ?? 0 });
  assert.equal(places.book('a', 0, 1500, 100), 1600, 'the first place: the line is empty');
  assert.equal(places.book('a', 0, 1500, 100), 1700, 'a draw of 1: its own place');
  assert.equal(places.book('a', 0, 1500, 100), 1700, 'half way between 1600 and its 1800');
  // A draw of 0 is told the first free place, yet the line still moves on: the next refusal
  // told its own place is behind all four booked before it.
  assert.equal(places.book('a', 0, 1500, 100), 1600);
  draws.push(1);
  assert.equal(places.book('a', 0, 1500, 100), 2000);
});

test("a crowd's hints cover the whole line, its near places most, none past its own place", () => {
  const places = createRetryPlaces({ minMs: 0, maxMs: 200_000, random: seededRandom(7) });
  const count = 1000;
  const hints = Array.from({ length: count }, () => places.book('10.0.0.1', 0, 1500, 100));
  const first = 1600;
  const last = 1600 + 100 * (count - 1);
  hints.forEach((hint, i) => {
    assert.ok(hint >= first && hint <= first + 100 * i, `hint ${i} (${hint}) within its span`);
  });
  const tenths = Array.from({ length: 10 }, () => 0);
  for (const hint of hints) {
    const tenth = Math.min(9, Math.floor(((hint - first) / (last - first)) * 10));
    tenths[tenth] = (tenths[tenth] as number) + 1;
  }
  assert.ok(
    tenths.every((n) => n > 0),
    `every tenth of the line is told to someone: ${tenths.join(' ')}`,
  );
  // Told their own places, a tenth of the crowd would come back in each tenth of the line; drawn
  // over it, about a third come back in the first (1 + ln 10 of 10), filling what the first
  // wave left free.
  assert.ok(
    (tenths[0] as number) > count / 5,
    `the first tenth holds the most: ${tenths.join(' ')}`,
  );
  assert.ok(
    hints.some((hint, i) => i > 0 && hint < (hints[i - 1] as number)),
    'not in order',
  );
});

test('hints stay within the bounds; places past the longest hint are not booked', () => {
  const places = createRetryPlaces({ minMs: 1000, maxMs: 30_000, random: exact });
  assert.equal(places.book('a', 0, 0, 10), 1000, 'never under the minimum');
  const hints = Array.from({ length: 500 }, () => places.book('b', 0, 0, 100));
  assert.equal(Math.max(...hints), 30_000, 'never over the maximum');
  // Once the crowd's time has passed, a newcomer is not sent behind places nobody holds.
  assert.equal(places.book('b', 60_000, 2000, 100), 2100);
  const drawn = createRetryPlaces({ minMs: 1000, maxMs: 30_000, random: seededRandom(3) });
  for (let i = 0; i < 500; i += 1) {
    const hint = drawn.book('c', 0, 0, 100);
    assert.ok(hint >= 1000 && hint <= 30_000, `drawn hint ${hint} within [1 s, 30 s]`);
  }
});

test('each queue books its own places', () => {
  const places = createRetryPlaces({ minMs: 0, maxMs: 30_000, random: exact });
  for (let i = 0; i < 50; i += 1) places.book('10.0.0.1', 0, 0, 100);
  assert.equal(places.book('10.0.0.2', 0, 0, 100), 100, 'another source is not behind the first');
  assert.equal(places.book('*', 0, 500, 100), 600, "the hub's queue is its own");
  assert.equal(places.book('10.0.0.1', 0, 0, 100), 5100);
});
