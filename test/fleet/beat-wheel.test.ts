// The beat wheel: tasks in slots of time with one timer, never run early, at most a slot late, the
// tasks of a slot together. Mocked timers and clock, so the test is about order, not speed.

import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createBeatWheel, slotFor } from '../../src/fleet/beat-wheel.js';

function withMockedTime(body: () => void): void {
  mock.timers.enable({ apis: ['setTimeout', 'setImmediate', 'Date'], now: 1_000_000 });
  try {
    body();
  } finally {
    mock.timers.reset();
  }
}

test('slots are a hundredth of the interval, from 10 ms to 100 ms', () => {
  assert.equal(slotFor(30_000), 100);
  assert.equal(slotFor(5_000), 50);
  assert.equal(slotFor(1_000), 10);
  assert.equal(slotFor(200), 10);
  assert.equal(slotFor(86_400_000), 100);
});

test('every task runs once, never before its delay and at most one slot after it', () => {
  withMockedTime(() => {
    const wheel = createBeatWheel(100, () => Date.now());
    const start = Date.now();
    const ran: { due: number; at: number }[] = [];
    const delays = Array.from({ length: 500 }, (_, i) => (i * 7919) % 30_000);
    for (const delay of delays)
      wheel.after(delay, () => ran.push({ due: start + delay, at: Date.now() }));
    for (let t = 0; t < 31_000; t += 1) mock.timers.tick(1);
    assert.equal(ran.length, delays.length);
    for (const { due, at } of ran) {
      assert.ok(at >= due, `ran at ${at}, due ${due}`);
      assert.ok(at - due <= 100, `ran ${at - due} ms after it was due`);
    }
    wheel.stop();
  });
});

test('the tasks due in one slot run together, at one instant', () => {
  withMockedTime(() => {
    const wheel = createBeatWheel(100, () => Date.now());
    const at: number[] = [];
    // 30 tasks due 1–99 ms apart, all within one slot: a timer each would run them at 30 instants.
    const offset = 100 - (Date.now() % 100);
    for (let i = 0; i < 30; i += 1)
      wheel.after(offset + 1 + ((i * 37) % 99), () => at.push(Date.now()));
    for (let t = 0; t < 300; t += 1) mock.timers.tick(1);
    assert.equal(at.length, 30);
    assert.equal(new Set(at).size, 1, `ran at ${[...new Set(at)].join(', ')}`);
    wheel.stop();
  });
});

test('a cancelled task does not run; stop drops the rest', () => {
  withMockedTime(() => {
    const wheel = createBeatWheel(100, () => Date.now());
    const ran: string[] = [];
    const cancel = wheel.after(500, () => ran.push('cancelled'));
    wheel.after(500, () => ran.push('kept'));
    wheel.after(5_000, () => ran.push('stopped'));
    cancel();
    mock.timers.tick(1_000);
    assert.deepEqual(ran, ['kept']);
    wheel.stop();
    mock.timers.tick(10_000);
    assert.deepEqual(ran, ['kept']);
    // Still usable after a stop, and a task scheduled from a task runs in a later slot.
    wheel.after(100, () => {
      ran.push('first');
      wheel.after(0, () => ran.push('from a task'));
    });
    mock.timers.tick(300);
    assert.deepEqual(ran, ['kept', 'first', 'from a task']);
    wheel.stop();
  });
});

test('a task that throws does not keep the others of its slot from running', () => {
  withMockedTime(() => {
    const wheel = createBeatWheel(100, () => Date.now());
    const ran: number[] = [];
    wheel.after(100, () => ran.push(1));
    wheel.after(100, () => {
      throw new Error('broken task');
    });
    wheel.after(100, () => ran.push(3));
    // The error is thrown again on its own, as a timer's would be: caught here to look at it.
    assert.throws(() => {
      for (let t = 0; t < 300; t += 10) mock.timers.tick(10);
    }, /broken task/);
    assert.deepEqual(ran, [1, 3]);
    wheel.stop();
  });
});
