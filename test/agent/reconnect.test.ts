// The agent's reconnect loop with a scripted connect step — the same function a simulator uses
// with its own: backoff with full jitter, a server's hint as a floor, reset after a healthy link,
// stop at any point, and a fatal error ending the loop.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runReconnectLoop, type LinkOutcome } from '../../src/agent/reconnect.js';

function scripted(outcomes: Array<LinkOutcome | Error>) {
  const controller = new AbortController();
  let calls = 0;
  const waits: Array<{ delayMs: number; attempt: number; retryAfterMs: number | undefined }> = [];
  const loop = runReconnectLoop({
    signal: controller.signal,
    backoff: { baseMs: 40, capMs: 400, healthyMs: 1000 },
    random: () => 0.5,
    connect: async () => {
      const next = outcomes[calls++];
      if (next === undefined) {
        controller.abort();
        return { connectedForMs: 0 };
      }
      if (next instanceof Error) throw next;
      return next;
    },
    onWait: (wait) => waits.push(wait),
  });
  return { loop, waits, controller, calls: () => calls };
}

test('waits grow with full jitter, never undercut a hint, and start over after a healthy link', async () => {
  const run = scripted([
    { connectedForMs: 0 },
    { connectedForMs: 0 },
    { connectedForMs: 0, retryAfterMs: 300 },
    { connectedForMs: 5000 },
    { connectedForMs: 0, retryAfterMs: 10 },
  ]);
  await run.loop;
  assert.deepEqual(
    run.waits.map((wait) => [wait.delayMs, wait.retryAfterMs]),
    [
      [20, undefined], // window 40
      [40, undefined], // window 80
      [337, 300], // hint 300, jitter over a quarter of it (RETRY_HINT_SPREAD)
      [20, undefined], // healthy: back to the base window
      [11, 10], // a hint below the window is still a floor, jittered above it
    ],
  );
});

test('stop ends a wait at once; a fatal connect error ends the loop with it', async () => {
  const controller = new AbortController();
  const loop = runReconnectLoop({
    signal: controller.signal,
    backoff: { baseMs: 60_000, capMs: 60_000, healthyMs: 60_000 },
    random: () => 0.99,
    connect: async () => ({ connectedForMs: 0, retryAfterMs: 3_600_000 }),
  });
  setTimeout(() => controller.abort(), 20);
  await loop; // resolves: without the abort it would wait an hour

  const fatal = new Error('host key changed');
  const run = scripted([{ connectedForMs: 0 }, fatal]);
  await assert.rejects(run.loop, fatal);
  assert.equal(run.calls(), 2);
});

test('the connect step gets the stop signal, and the loop does not wait after a stop', async () => {
  const controller = new AbortController();
  let waits = 0;
  const loop = runReconnectLoop({
    signal: controller.signal,
    connect: (signal) =>
      new Promise((resolve) =>
        signal.addEventListener('abort', () => resolve({ connectedForMs: 10 }), { once: true }),
      ),
    onWait: () => (waits += 1),
  });
  setTimeout(() => controller.abort(), 20);
  await loop;
  assert.equal(waits, 0);
});

test('refused dials wait within the lower cap for a while, then back off as usual', async () => {
  const controller = new AbortController();
  let clock = 0;
  const outcomes: LinkOutcome[] = [
    ...Array.from({ length: 5 }, () => ({ connectedForMs: 0, refused: true })),
    { connectedForMs: 0, refused: true }, // 1,000 ms after the first refusal: the usual window
    { connectedForMs: 0 }, // closed during the handshake: not refused
    { connectedForMs: 0, refused: true }, // refused again: a new minute of short waits
  ];
  const waits: Array<[number, boolean]> = [];
  const loop = runReconnectLoop({
    signal: controller.signal,
    backoff: {
      baseMs: 40,
      capMs: 400,
      healthyMs: 1000,
      refused: { capMs: 60, forMs: 1000 },
    },
    random: () => 0.5,
    now: () => clock,
    connect: async () => {
      const next = outcomes.shift();
      if (next === undefined) {
        controller.abort();
        return { connectedForMs: 0 };
      }
      clock += 200; // each dial takes 200 ms of the test's clock
      return next;
    },
    onWait: (wait) => waits.push([wait.delayMs, wait.refused]),
  });
  await loop;
  assert.deepEqual(waits, [
    [20, true], // window 40
    [30, true], // window 80, held at 60
    [30, true],
    [30, true],
    [30, true], // 800 ms of refusals
    [200, true], // 1,000 ms: the window is the usual one again (attempt 6: the cap, 400)
    [200, false],
    [30, true], // refusals start again: short waits again
  ]);
});
