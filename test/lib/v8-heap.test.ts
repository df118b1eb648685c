// src/lib/v8-heap.ts: turning V8's incremental marking off at run time takes effect (a
// process-wide flag, so each case runs in a child process of its own). The child grows and
// replaces an old generation until V8 marks incrementally; with the call first, V8 never does.
// The control shows the workload does make V8 mark incrementally on this Node, so the check
// cannot pass for want of a trigger.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MODULE = fileURLToPath(new URL('../../src/lib/v8-heap.ts', import.meta.url));

const PROBE = `
import { constants, PerformanceObserver } from 'node:perf_hooks';
const marking = await import(${JSON.stringify(MODULE)});
if (process.env.TURN_OFF === '1') marking.turnOffIncrementalMarking();
// A marking begun while the module loaded (before the call) is let finish before counting.
await new Promise((resolve) => setTimeout(resolve, 200));
const seen = { incremental: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) seen.incremental += 1;
}).observe({ entryTypes: ['gc'] });
const kept = [];
for (let round = 0; round < 60; round += 1) {
  const batch = [];
  for (let i = 0; i < 50000; i += 1) batch.push({ round, i, text: 'item-' + round + '-' + i });
  kept[round % 20] = batch;
  await new Promise((resolve) => setImmediate(resolve));
}
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ ...seen, off: marking.incrementalMarkingIsOff(), kept: kept.length }));
`;

function probe(turnOff: boolean): { incremental: number; off: boolean } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', PROBE],
    { env: { ...process.env, TURN_OFF: turnOff ? '1' : '0' }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ReturnType<typeof probe>;
}

test('without the call, a growing old generation is marked incrementally', () => {
  const seen = probe(false);
  assert.equal(seen.off, false);
  assert.ok(seen.incremental > 0, JSON.stringify(seen));
});

test('turned off, V8 never marks incrementally', () => {
  const seen = probe(true);
  assert.equal(seen.off, true);
  assert.equal(seen.incremental, 0, JSON.stringify(seen));
});
