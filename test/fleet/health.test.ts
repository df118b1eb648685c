// The health rules, pure: how heartbeat outcomes and resource samples turn into a verdict.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assess, type BeatOutcome, type CheckCounters } from '../../src/fleet/health.js';
import { overThresholds } from '../../src/fleet/resources.js';

const limits = { failureLimit: 3, inGrace: false };
const fresh: CheckCounters = { heartbeatFailures: 0, resourceBreaches: 0 };
const failed: BeatOutcome = { ok: false, error: 'no reply within 1 s' };
const fine: BeatOutcome = { ok: true, breaches: null };

function run(outcomes: BeatOutcome[], options = limits) {
  let counters = fresh;
  const reasons: (string | null)[] = [];
  for (const outcome of outcomes) {
    const next = assess(counters, outcome, options);
    counters = next.counters;
    reasons.push(next.reason);
  }
  return { counters, reasons };
}

test('unhealthy at exactly the configured number of consecutive failures, with the last error', () => {
  const { reasons } = run([failed, failed, failed]);
  assert.deepEqual(reasons.slice(0, 2), [null, null]);
  assert.equal(reasons[2], '3 heartbeats in a row failed (last: no reply within 1 s)');
});

test('a reply in between resets the count', () => {
  const { reasons, counters } = run([failed, failed, fine, failed, failed]);
  assert.ok(reasons.every((reason) => reason === null));
  assert.equal(counters.heartbeatFailures, 2);
});

test('failures in the grace period are not counted', () => {
  const { reasons, counters } = run([failed, failed, failed, failed], { ...limits, inGrace: true });
  assert.ok(reasons.every((reason) => reason === null));
  assert.equal(counters.heartbeatFailures, 0);
});

test('samples over a threshold count like failures; a clean sample clears them', () => {
  const over = overThresholds(
    { cpuPercent: 93.1, memoryPercent: 40, diskPercent: 90 },
    { cpu: 80, memory: 85, disk: 85 },
  );
  assert.deepEqual(
    over.map((b) => b.resource),
    ['CPU', 'DISK'],
  );
  const busy: BeatOutcome = { ok: true, breaches: over };
  const { reasons } = run([busy, busy, busy, fine]);
  assert.deepEqual(reasons.slice(0, 2), [null, null]);
  assert.equal(
    reasons[2],
    'cpu 93.1% over the 80% threshold, disk 90% over the 85% threshold (3 samples in a row)',
  );
  assert.equal(reasons[3], null);
});

test('a threshold is crossed only above it, and missing figures never cross', () => {
  const thresholds = { cpu: 80, memory: 85, disk: 85 };
  assert.deepEqual(
    overThresholds({ cpuPercent: 80, memoryPercent: 85, diskPercent: 85 }, thresholds),
    [],
  );
  assert.deepEqual(
    overThresholds({ cpuPercent: null, memoryPercent: null, diskPercent: null }, thresholds),
    [],
  );
});
