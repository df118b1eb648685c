// The rate limiter on a controlled clock: the rolling window, the in-flight count, and what each
// mode does over a limit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLimiter, RATE_WINDOW_MS } from '../../src/fleet/rate-limit.js';
import { AppError } from '../../src/errors.js';

const uuid = '00000000-0000-4000-8000-000000000001';

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  const breaches: string[] = [];
  const limiter = createRateLimiter({
    now: () => clock.now,
    onBreach: (_uuid, breach, _limits, enforced) => breaches.push(`${breach}:${enforced}`),
  });
  return { clock, breaches, limiter };
}

test('WARN: requests over the per-minute limit run and are counted', () => {
  const { limiter, breaches } = limiterAt();
  for (let i = 0; i < 70; i += 1)
    limiter.acquire(uuid, 'web-01', { rpm: 60, concurrent: 1000, mode: 'WARN' }).release();
  const figures = limiter.figures(uuid);
  assert.equal(figures.requestsPerMinute, 70);
  assert.equal(figures.rpmWarnings, 10);
  assert.equal(figures.rpmRejections, 0);
  assert.equal(breaches.length, 10);
});

test('the window rolls: requests older than 60 s no longer count', () => {
  const { limiter, clock } = limiterAt();
  const limits = { rpm: 5, concurrent: 10, mode: 'ENFORCE' as const };
  for (let i = 0; i < 5; i += 1) {
    limiter.acquire(uuid, 'web-01', limits).release();
    clock.now += 10_000;
  }
  assert.throws(() => limiter.acquire(uuid, 'web-01', limits), /Retry in 10 s/);
  clock.now += 10_000; // the first request is now exactly 60 s old
  assert.doesNotThrow(() => limiter.acquire(uuid, 'web-01', limits).release());
  assert.equal(limiter.figures(uuid).requestsPerMinute, 5);
  clock.now += RATE_WINDOW_MS;
  assert.equal(limiter.figures(uuid).requestsPerMinute, 0);
});

test('ENFORCE: the excess is refused with RATE_LIMITED and a retry time, and not counted as run', () => {
  const { limiter } = limiterAt();
  const limits = { rpm: 3, concurrent: 10, mode: 'ENFORCE' as const };
  for (let i = 0; i < 3; i += 1) limiter.acquire(uuid, 'web-01', limits).release();
  const error = (() => {
    try {
      limiter.acquire(uuid, 'web-01', limits);
    } catch (caught) {
      return caught;
    }
    return null;
  })();
  assert.ok(error instanceof AppError);
  assert.equal(error.code, 'RATE_LIMITED');
  assert.match(error.message, /"web-01".*3 requests per minute.*configureClient/);
  assert.equal(error.details?.['retryAfterS'], 60);
  const figures = limiter.figures(uuid);
  assert.equal(figures.requestsPerMinute, 3);
  assert.equal(figures.rpmRejections, 1);
});

test('the in-flight limit holds exactly in ENFORCE mode, and release frees a slot once', () => {
  const { limiter } = limiterAt();
  const limits = { rpm: 1000, concurrent: 3, mode: 'ENFORCE' as const };
  const releases = [0, 1, 2].map(() => limiter.acquire(uuid, 'web-01', limits));
  assert.equal(limiter.figures(uuid).currentConcurrent, 3);
  assert.throws(() => limiter.acquire(uuid, 'web-01', limits), /3 requests in flight/);
  releases[0]?.release();
  releases[0]?.release(); // a second release of the same permit changes nothing
  assert.equal(limiter.figures(uuid).currentConcurrent, 2);
  limiter.acquire(uuid, 'web-01', limits);
  assert.equal(limiter.figures(uuid).currentConcurrent, 3);
  assert.equal(limiter.figures(uuid).concurrentRejections, 1);
});

test('WARN counts in-flight excess; OFF counts requests but never warns or refuses', () => {
  const { limiter } = limiterAt();
  const warn = { rpm: 1000, concurrent: 1, mode: 'WARN' as const };
  assert.deepEqual(limiter.acquire(uuid, 'web-01', warn).breaches, []);
  assert.deepEqual(limiter.acquire(uuid, 'web-01', warn).breaches, ['concurrent']);
  assert.equal(limiter.figures(uuid).concurrentWarnings, 1);
  const other = '00000000-0000-4000-8000-000000000002';
  const off = { rpm: 1, concurrent: 1, mode: 'OFF' as const };
  for (let i = 0; i < 5; i += 1) limiter.acquire(other, 'web-02', off);
  const figures = limiter.figures(other);
  assert.deepEqual(
    [
      figures.requestsPerMinute,
      figures.currentConcurrent,
      figures.rpmWarnings,
      figures.concurrentWarnings,
    ],
    [5, 5, 0, 0],
  );
});

test('seeded counts from before a restart add to the live ones', () => {
  const { limiter } = limiterAt();
  limiter.seed(uuid, {
    rpmWarnings: 4,
    concurrentWarnings: 3,
    rpmRejections: 2,
    concurrentRejections: 1,
  });
  const permit = limiter.acquire(uuid, 'web-01', { rpm: 0, concurrent: 1000, mode: 'WARN' });
  assert.deepEqual(permit.breaches, ['rpm']);
  const figures = limiter.figures(uuid);
  assert.deepEqual(
    [
      figures.rpmWarnings,
      figures.concurrentWarnings,
      figures.rpmRejections,
      figures.concurrentRejections,
    ],
    [5, 3, 2, 1],
  );
});
