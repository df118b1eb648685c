// src/lib/v8-heap.ts: the two V8 settings take effect when made at run time (process-wide
// flags, so each case runs in a child process of its own), each against a control that shows
// the workload does trigger V8 on this Node, so no check can pass for want of a trigger.
// - Incremental marking off: the child grows and replaces an old generation until V8 marks
//   incrementally; with the call first, V8 never does.
// - External memory in the global limit (V8 13, Node 24): the child churns 2 GiB of 64 KiB
//   buffers beside a 30 MB heap, as a tunnel does; without the flag V8 ran a major collection
//   every ~80 MiB of them, with it one or two in all. Elsewhere the call does nothing.

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
const seen = { incremental: 0, major: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) seen.incremental += 1;
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) seen.major += 1;
  }
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

function probe(turnOff: boolean): { incremental: number; major: number; off: boolean } {
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

const CHURN = `
import { constants, PerformanceObserver } from 'node:perf_hooks';
const heap = await import(${JSON.stringify(MODULE)});
const applied = process.env.ACCOUNT === '1' ? heap.accountExternalMemoryInGlobalLimit() : false;
const kept = [];
for (let i = 0; i < 400000; i += 1) kept.push({ i, text: 'x' + i });
let major = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major += 1;
}).observe({ entryTypes: ['gc'] });
const live = [];
for (let turn = 0; turn < 2048; turn += 1) {
  for (let i = 0; i < 16; i += 1) {
    const buffer = Buffer.allocUnsafe(65536);
    buffer[0] = i;
    live.push(buffer);
    if (live.length > 64) live.shift();
  }
  await new Promise((resolve) => setImmediate(resolve));
}
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ major, applied, kept: kept.length }));
`;

function churn(account: boolean): { major: number; applied: boolean } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', CHURN],
    { env: { ...process.env, ACCOUNT: account ? '1' : '0' }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ReturnType<typeof churn>;
}

test('the external-memory flag is known to V8 13 only', async () => {
  const { externalMemoryFlagKnown } = await import('../../src/lib/v8-heap.js');
  assert.equal(externalMemoryFlagKnown('13.6.233.17-node.53'), true);
  assert.equal(externalMemoryFlagKnown('12.4.254.21-node.57'), false);
  assert.equal(externalMemoryFlagKnown('11.3.244.8-node.33'), false);
  assert.equal(externalMemoryFlagKnown('14.1.146.11'), false);
});

test('external memory in the global limit: a stream of buffers no longer drives major collections', async (t) => {
  const { externalMemoryFlagKnown } = await import('../../src/lib/v8-heap.js');
  if (!externalMemoryFlagKnown()) {
    // Nothing to set on this V8: the call says so and changes nothing.
    assert.equal(churn(true).applied, false);
    return t.skip(`V8 ${process.versions.v8} has no such flag`);
  }
  const control = churn(false);
  const accounted = churn(true);
  assert.equal(accounted.applied, true);
  assert.ok(control.major >= 8, `the churn drives V8 without the flag: ${JSON.stringify(control)}`);
  assert.ok(
    accounted.major * 4 <= control.major,
    `with the flag ${accounted.major} major collections, without ${control.major}`,
  );
});
