// The retry schedule spans at least 24 hours even with the worst jitter, grows exponentially,
// honours Retry-After (seconds or HTTP date, capped), and ends in a dead letter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_BASE_MS,
  nextDelayMs,
  nominalDelayMs,
  parseRetryAfter,
} from '../../../src/fleet/webhooks/retry-schedule.js';

const policy = { baseMs: DEFAULT_RETRY_BASE_MS, maxAttempts: DEFAULT_MAX_ATTEMPTS };

test('the default schedule covers more than 24 h with the lowest jitter', () => {
  for (const random of [() => 0, () => 0.5, () => 0.999]) {
    let total = 0;
    let attempt = 1;
    for (;;) {
      const delay = nextDelayMs(policy, attempt, null, random);
      if (delay === null) break;
      total += delay;
      attempt += 1;
    }
    assert.equal(attempt, DEFAULT_MAX_ATTEMPTS, 'dead letter after the last attempt');
    assert.ok(total >= 24 * 3600_000, `spans ${(total / 3600_000).toFixed(1)} h`);
  }
});

test('delays double from the base and stop growing at 1440x the base', () => {
  assert.equal(nominalDelayMs(policy, 1), 10_000);
  assert.equal(nominalDelayMs(policy, 2), 20_000);
  assert.equal(nominalDelayMs(policy, 11), 10_240_000);
  assert.equal(nominalDelayMs(policy, 12), 14_400_000);
  assert.equal(nominalDelayMs(policy, 18), 14_400_000);
  const low = nextDelayMs(policy, 3, null, () => 0)!;
  const high = nextDelayMs(policy, 3, null, () => 0.999)!;
  assert.ok(low >= 32_000 && high <= 48_000 && low < high, 'jitter is ±20 %');
});

test('Retry-After lengthens a delay, never shortens it, and is capped', () => {
  assert.equal(
    nextDelayMs(policy, 1, 120_000, () => 0.5),
    120_000,
  );
  assert.equal(
    nextDelayMs(policy, 1, 0, () => 0.5),
    10_000,
  );
  assert.equal(
    nextDelayMs(policy, 1, 30 * 86_400_000, () => 0.5),
    14_400_000,
  );
  assert.equal(nextDelayMs(policy, DEFAULT_MAX_ATTEMPTS, 1000), null);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-01-05T12:00:00Z');
  assert.equal(parseRetryAfter('7', now), 7000);
  assert.equal(parseRetryAfter(' 0 ', now), 0);
  assert.equal(parseRetryAfter('Mon, 05 Jan 2026 12:01:00 GMT', now), 60_000);
  assert.equal(parseRetryAfter('Mon, 05 Jan 2026 11:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(undefined, now), null);
});
