import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogThrottle, type LogSummary } from '../../src/lib/log-throttle.js';

test('the first lines of an interval pass, the rest are counted by key and summed up once', async () => {
  const summaries: LogSummary[] = [];
  const throttle = createLogThrottle({
    intervalMs: 50,
    burst: 2,
    maxKeys: 2,
    summary: (summary) => summaries.push(summary),
  });
  const admitted = ['x', 'x', 'x', 'y', 'y', 'z', 'x'].map((key) => throttle.admit(key));
  assert.deepEqual(admitted, [true, true, false, false, false, false, false]);
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.deepEqual(summaries, [
    { suppressed: 5, intervalMs: 50, byKey: { x: 2, y: 2, '(other)': 1 } },
  ]);
  assert.equal(throttle.admit('x'), true, 'a new interval starts with its own burst');
  throttle.flush();
  assert.equal(summaries.length, 1, 'nothing suppressed, nothing to sum up');
  throttle.stop();
});
