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

test('a retry hint is a floor: the delay is uniform in [hint, hint + min(hint, cap)]', () => {
  const low = createBackoff({ baseMs: 1000, capMs: 60_000, random: () => 0 });
  assert.equal(low.nextDelayMs(5000), 5000, 'never sooner than the hint');
  const high = createBackoff({ baseMs: 1000, capMs: 60_000, random: () => 0.999999 });
  assert.equal(high.nextDelayMs(5000), 9999, 'jittered over a window as wide as the hint');
  assert.equal(
    high.nextDelayMs(120_000),
    179_999,
    'a hint beyond the cap is honoured; jitter is capped',
  );
  assert.equal(high.attempts, 2, 'a hinted wait still counts as an attempt');
  assert.equal(high.nextDelayMs(0), 3999, 'no hint: the usual window');

  const real = createBackoff({ baseMs: 1000, capMs: 60_000 });
  const delays = Array.from({ length: 1000 }, () => real.nextDelayMs(2000));
  assert.ok(delays.every((d) => d >= 2000 && d < 4000));
  assert.ok(new Set(delays).size > 100, 'agents turned away together do not return together');
});

test('hintSpread narrows the jitter above a hint (the agent: a quarter of it)', () => {
  const high = createBackoff({
    baseMs: 1000,
    capMs: 60_000,
    hintSpread: 0.25,
    random: () => 0.999999,
  });
  assert.equal(high.nextDelayMs(8000), 9999, 'at most a quarter above the hint');
  assert.equal(high.nextDelayMs(400_000), 459_999, 'the jitter stays capped');
});
