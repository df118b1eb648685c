// The agent's own beats (src/agent/beats.ts): on slot boundaries of the wall clock, within the
// interval's jitter, asking for an answer only after the server's silence, holding the link's
// keepalives off, and ending the link when an asked beat goes unanswered. Mocked timers and
// clocks, so the test is about order, not speed.

import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { startBeats, MIN_ANSWER_WAIT_MS, type BeatSenderDeps } from '../../src/agent/beats.js';
import { beatSlotMs } from '../../src/protocol/call-line.js';

interface Sent {
  at: number;
  id: number | undefined;
  method: string;
  params: Record<string, unknown>;
}

/** A fake link: the test says when the server last spoke; beats and cuts are recorded. */
function harness() {
  const sent: Sent[] = [];
  const cuts: string[] = [];
  let heardAt = Date.now();
  let holds = 0;
  const deps: BeatSenderDeps = {
    sample: () => Promise.resolve({ time: Date.now(), uptimeS: 5 }),
    write: (line) => {
      const parsed = JSON.parse(line) as Omit<Sent, 'at'>;
      sent.push({ at: Date.now(), ...parsed });
    },
    link: {
      silentForMs: () => Date.now() - heardAt,
      holdKeepalives: () => {
        holds += 1;
      },
      cut: (reason) => cuts.push(reason),
    },
    now: () => Date.now(),
    elapsed: () => Date.now(),
  };
  return {
    deps,
    sent,
    cuts,
    holds: () => holds,
    /** The server says something (an answer): the link is no longer silent. */
    heard: () => {
      heardAt = Date.now();
    },
  };
}

/**
 * Moves the mocked clock on by `ms`, a millisecond at a time, letting promises settle and the
 * (real) immediates run: the sender checks an answer in an immediate, after the timer phase.
 */
async function advance(ms: number, each?: () => void): Promise<void> {
  for (let t = 0; t < ms; t += 1) {
    mock.timers.tick(1);
    await new Promise((resolve) => setImmediate(resolve));
    each?.();
  }
}

async function withMockedTime(body: () => Promise<void>): Promise<void> {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_003 });
  try {
    await body();
  } finally {
    mock.timers.reset();
  }
}

const params = { intervalMs: 1000, answerAfterMs: 3000, metrics: false };

test('beats leave on slot boundaries of the wall clock, an interval (± 10 %) apart', async () => {
  await withMockedTime(async () => {
    const link = harness();
    const started = Date.now();
    const beats = startBeats(params, link.deps);
    // The server answers everything at once: no beat ever needs to ask.
    await advance(20_000, link.heard);
    beats.stop();
    const slot = beatSlotMs(params.intervalMs);
    assert.ok(link.sent.length >= 18, `${link.sent.length} beats in 20 s`);
    let previous = started;
    for (const beat of link.sent) {
      assert.equal(beat.at % slot, 0, `a beat at ${beat.at}, not on a ${slot} ms boundary`);
      assert.equal(beat.method, 'beat');
      assert.equal(beat.id, undefined, 'a beat asked for an answer though the server spoke');
      const gap = beat.at - previous;
      assert.ok(gap >= 900 && gap <= 1100 + slot, `${gap} ms between beats`);
      previous = beat.at;
    }
    assert.equal(link.holds(), link.sent.length, 'every beat holds the keepalives off');
    assert.deepEqual(link.cuts, []);
  });
});

test('a beat asks for an answer once the server has been silent for answerAfterMs', async () => {
  await withMockedTime(async () => {
    const link = harness();
    const beats = startBeats(params, link.deps);
    // Silence: the beats before 3 s are notifications, the first after asks; then the server
    // answers it, and the beats are notifications again until the next 3 s of silence.
    let answered = 0;
    await advance(12_000, () => {
      const last = link.sent.at(-1);
      if (last?.id !== undefined && answered < last.id) {
        answered = last.id;
        link.heard();
      }
    });
    beats.stop();
    const asked = link.sent.filter((beat) => beat.id !== undefined);
    assert.ok(asked.length >= 2, `${asked.length} beats asked`);
    assert.deepEqual(
      asked.map((beat) => beat.id),
      asked.map((_, i) => i + 1),
      'the asks are numbered',
    );
    let heardAt = 1_000_003;
    for (const beat of link.sent) {
      if (beat.id === undefined) {
        assert.ok(beat.at - heardAt < 3000, `a notification after ${beat.at - heardAt} ms silent`);
      } else {
        assert.ok(beat.at - heardAt >= 3000, `asked after only ${beat.at - heardAt} ms silent`);
        heardAt = beat.at;
      }
    }
    assert.deepEqual(link.cuts, [], 'every ask was answered');
  });
});

test('an ask that goes unanswered ends the link, once, after the wait', async () => {
  await withMockedTime(async () => {
    const link = harness();
    const beats = startBeats(params, link.deps);
    await advance(4200); // the first ask has gone out by now
    const ask = link.sent.find((beat) => beat.id !== undefined);
    assert.ok(ask, 'a beat asked');
    assert.equal(link.sent.filter((beat) => beat.id !== undefined).length, 1);
    await advance(ask.at + MIN_ANSWER_WAIT_MS - 1 - Date.now());
    assert.deepEqual(link.cuts, [], 'cut before the wait was over');
    await advance(10);
    assert.deepEqual(link.cuts, ['the server did not answer a heartbeat within 15 s']);
    // Only one ask at a time: none while it waited.
    assert.equal(link.sent.filter((beat) => beat.id !== undefined).length, 1);
    beats.stop();
  });
});

test('an answer within the wait keeps the link; stop ends the beats', async () => {
  await withMockedTime(async () => {
    const link = harness();
    const beats = startBeats(params, link.deps);
    await advance(4200);
    assert.ok(link.sent.some((beat) => beat.id !== undefined));
    await advance(MIN_ANSWER_WAIT_MS - 5000);
    link.heard();
    await advance(6000);
    assert.deepEqual(link.cuts, []);
    beats.stop();
    const count = link.sent.length;
    await advance(5000);
    assert.equal(link.sent.length, count, 'a beat after stop');
  });
});

test('a beat that cannot be sampled is not sent; the next ones are', async () => {
  await withMockedTime(async () => {
    let failing = true;
    const link = harness();
    const sample = link.deps.sample;
    link.deps.sample = () => (failing ? Promise.resolve(null) : sample());
    const beats = startBeats(params, link.deps);
    await advance(2500, link.heard);
    assert.equal(link.sent.length, 0);
    failing = false;
    await advance(2500, link.heard);
    assert.ok(link.sent.length >= 2);
    beats.stop();
  });
});
