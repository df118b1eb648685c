import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBackoff } from '../../src/lib/backoff.js';

test('full jitter: each delay is within [0, min(cap, base·2^n)], growing, capped, and reset', () => {
  const max = createBackoff({ baseMs: 1000, capMs: 60_000, random: () => 0.999999 });
  const windows = Array.from({ length: 9 }, () => max.nextDelayMs());
  assert.deepEqual(windows, [999, 1999, 3999, 7999, 15_999, 31_999, 59_999, 59_999, 59_999]);
  max.reset();
  assert.equal(max.nextDelayMs(), 999);

  const min = createBackoff({ baseMs: 1000, capMs: 60_000, random: () => 0 });
  assert.equal(min.nextDelayMs(), 0, 'full jitter may retry at once');

  const real = createBackoff({ baseMs: 1000, capMs: 60_000 });
  const delays = Array.from({ length: 1000 }, () => {
    real.reset();
    return real.nextDelayMs();
  });
  assert.ok(delays.every((d) => d >= 0 && d < 1000));
  assert.ok(new Set(delays).size > 100, 'delays are spread, not synchronised');
});
