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

// The second setting, for V8 13 (Node 24): external memory counted in the heap's global limit,
// and young ArrayBuffers scavenged every 32 MB. The child churns 1 GiB of 64 KiB buffers, as
// socket reads do, on a heap with something in it. The control shows V8 13 marks for them again
// and again; with the call it hardly does, and holds no more memory than without it (the
// scavenge trigger's part: with the first flag alone the dead buffers pile up to ~128 MB).
const CHURN = `
import { constants, PerformanceObserver } from 'node:perf_hooks';
const heap = await import(${JSON.stringify(MODULE)});
if (process.env.COUNT_EXTERNAL === '1') heap.countExternalMemoryInGlobalLimit();
await new Promise((resolve) => setTimeout(resolve, 200));
const seen = { major: 0, peakRss: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) seen.major += 1;
}).observe({ entryTypes: ['gc'] });
const kept = Array.from({ length: 100000 }, (_, i) => ({ i, text: 'kept-' + i }));
const ring = new Array(16);
for (let sent = 0; sent < 1024 * 1024 * 1024; sent += 65536) {
  const buffer = Buffer.allocUnsafe(65536);
  buffer.fill(sent & 0xff);
  ring[(sent >> 16) & 15] = buffer;
  if ((sent & 0xfffff) === 0) {
    seen.peakRss = Math.max(seen.peakRss, process.memoryUsage.rss());
    await new Promise((resolve) => setImmediate(resolve));
  }
}
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ ...seen, on: heap.externalMemoryInGlobalLimit(), kept: kept.length }));
`;

function churn(countExternal: boolean): { major: number; peakRss: number; on: boolean } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', CHURN],
    { env: { ...process.env, COUNT_EXTERNAL: countExternal ? '1' : '0' }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ReturnType<typeof churn>;
}

const V8_13 = Number.parseInt(process.versions.v8, 10) === 13;

test('external memory in the global limit on V8 13 (Node 24): few major collections, no more memory', () => {
  if (!V8_13) {
    assert.equal(churn(true).on, false, `V8 ${process.versions.v8}: the call must do nothing`);
    return;
  }
  const control = churn(false);
  const counted = churn(true);
  const figures = JSON.stringify({ control, counted });
  assert.equal(control.on, false);
  assert.equal(counted.on, true);
  assert.ok(control.major >= 8, `the control must mark for the buffers: ${figures}`);
  assert.ok(counted.major <= 3, figures);
  assert.ok(counted.peakRss < control.peakRss + 48 * 1024 * 1024, figures);
});
