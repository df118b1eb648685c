// Live subscriptions end to end, over both transports a monitor can use: graphql-ws (WebSocket)
// and Server-Sent Events. Real server, real agents: connection events arrive within a second,
// filters hold, 500 concurrent subscribers each get one copy of an event, bad keys are refused
// without disturbing anyone, and subscribers that vanish mid-stream do not break the others.
//
// graphql-ws has no acknowledgement for a subscription, so "every subscriber is listening" is
// established by causing a harmless event (a command on an agent) until every subscriber has
// received it; a subscription's events arrive in order, so nothing older can come after that.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { print } from 'graphql';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type Subscription, type TestServer } from '../support/server.js';
import { subscribeSse, SseRefusedError } from '../support/sse.js';
import {
  AcceptKeyDocument,
  ClientDocument,
  ClientEventsSubscription,
  RunCommandDocument,
} from '../support/operations.js';
import { createAsyncQueue } from '../../src/lib/async-queue.js';
import type { EventFilter, TestClientEventsSubscription } from '../../src/generated/graphql.js';

after(killAll);

type ClientEvent = TestClientEventsSubscription['clientEvents'];
type EventSubscription = Subscription<TestClientEventsSubscription>;

interface Received {
  event: ClientEvent;
  receivedAtMs: number;
}

/** Drains a subscription as results arrive, stamping each with its arrival time. */
interface Recorder {
  label: string;
  received: Received[];
  /** Received since the last `mark()`. */
  fresh(): Received[];
  mark(): void;
  has(match: (event: ClientEvent) => boolean): boolean;
  waitFor(match: (event: ClientEvent) => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Why the stream ended, if it did (`null`: still open). */
  ended: Error | 'completed' | null;
  errors: unknown[];
  subscription: EventSubscription;
}

function record(label: string, subscription: EventSubscription): Recorder {
  const waiters = new Set<() => void>();
  let since = 0;
  const recorder: Recorder = {
    label,
    received: [],
    fresh: () => recorder.received.slice(since),
    mark() {
      since = recorder.received.length;
    },
    has: (match) => recorder.received.some((r) => match(r.event)),
    async waitFor(match, what, timeoutMs = 15_000) {
      await new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (recorder.fresh().some((r) => match(r.event))) done(resolve);
          else if (recorder.ended)
            done(() =>
              reject(new Error(`${label} ended before ${what}: ${String(recorder.ended)}`)),
            );
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`${label}: no ${what} within ${timeoutMs} ms`))),
          timeoutMs,
        );
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    ended: null,
    errors: [],
    subscription,
  };
  void (async () => {
    try {
      for await (const result of subscription.results) {
        const receivedAtMs = Date.now();
        if (result.errors) recorder.errors.push(...result.errors);
        if (result.data) recorder.received.push({ event: result.data.clientEvents, receivedAtMs });
        for (const check of [...waiters]) check();
      }
      recorder.ended = 'completed';
    } catch (error) {
      recorder.ended = error instanceof Error ? error : new Error(String(error));
    }
    for (const check of [...waiters]) check();
  })();
  return recorder;
}

const commandOf = (event: ClientEvent): string | undefined =>
  event.event === 'command_executed'
    ? (event.data as { command?: string } | null)?.command
    : undefined;

const isCommand =
  (agent: TestAgent, cmd: string) =>
  (event: ClientEvent): boolean =>
    event.client.uuid === agent.uuid && commandOf(event) === cmd;

async function runCommand(server: TestServer, agent: TestAgent, cmd: string): Promise<void> {
  const { runCommand: result } = await server.gql.request(RunCommandDocument, {
    clientId: agent.uuid,
    cmd,
  });
  assert.equal(result.returncode, 0, result.stderr);
}

let syncRound = 0;

/**
 * Runs a marker command on each group's agent, round after round, until every recorder of the
 * group has received that round's marker; then marks every recorder, so `fresh()` holds only
 * what comes after. Groups run in order: put catch-all subscribers in the last group.
 */
async function sync(
  server: TestServer,
  groups: { agent: TestAgent; recorders: Recorder[] }[],
  options: { rounds?: number; roundTimeoutMs?: number } = {},
): Promise<number> {
  const rounds = options.rounds ?? 5;
  let missing: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    const markers: { cmd: string; agent: TestAgent; recorders: Recorder[] }[] = [];
    for (const group of groups) {
      const cmd = `echo sync-${++syncRound}`;
      await runCommand(server, group.agent, cmd);
      markers.push({ cmd, ...group });
    }
    const deadline = Date.now() + (options.roundTimeoutMs ?? 3000);
    for (;;) {
      missing = markers.flatMap(({ cmd, agent, recorders }) =>
        recorders.filter((r) => !r.has(isCommand(agent, cmd))).map((r) => r.label),
      );
      if (missing.length === 0) {
        for (const group of groups) for (const r of group.recorders) r.mark();
        return round;
      }
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(
    `${missing.length} subscriber(s) never received a sync event: ${missing.slice(0, 10).join(', ')}`,
  );
}

/** A graphql-ws subscriber spoken by hand over a raw socket, so that it can be destroyed. */
async function subscribeRawWs(
  server: TestServer,
  filter: EventFilter,
): Promise<{ subscription: EventSubscription; socket: WebSocket }> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.httpPort}/graphql`, 'graphql-transport-ws');
  const results = createAsyncQueue<{ data?: TestClientEventsSubscription; errors?: unknown[] }>({
    maxBuffered: 10_000,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`closed with ${code} before the ack`)));
    socket.once('open', () =>
      socket.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: `Bearer ${server.apiKey}` },
        }),
      ),
    );
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString('utf8')) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: print(ClientEventsSubscription), variables: { filter } },
          }),
        );
        resolve();
      } else if (message.type === 'next') {
        results.push(message.payload as { data?: TestClientEventsSubscription });
      } else if (message.type === 'error') {
        results.end(new Error(`subscription error: ${JSON.stringify(message.payload)}`));
      } else if (message.type === 'complete') {
        results.end();
      }
    });
  });
  socket.removeAllListeners('close');
  socket.removeAllListeners('error');
  socket.on('error', () => undefined);
  socket.on('close', () => results.end());
  return {
    socket,
    subscription: {
      results,
      next: () => Promise.reject(new Error('use a recorder')),
      close: () => socket.terminate(),
    },
  };
}

async function subscribeWs(server: TestServer, label: string, filter: EventFilter) {
  return record(label, await server.subscribe(ClientEventsSubscription, { filter }));
}

async function subscribeSseRecorder(
  server: TestServer,
  label: string,
  filter: EventFilter,
  method: 'GET' | 'POST' = 'POST',
) {
  return record(
    label,
    await subscribeSse(server, ClientEventsSubscription, { filter }, { method }),
  );
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>) {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, j) => make(start + j));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

async function healthStatus(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/health`);
  await response.arrayBuffer();
  return response.status;
}

describe('subscriptions over graphql-ws and SSE', () => {
  let server: TestServer;
  let a: TestAgent;
  let b: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    a = await createAgent(server, { displayName: 'Subs A', tags: ['subs-a'] });
    b = await createAgent(server, { displayName: 'Subs B', tags: ['subs-b'] });
    await a.start();
    await b.start();
    await a.waitOnline(server);
    await b.waitOnline(server);
  });
  after(async () => {
    await a.close();
    await b.close();
    await server.close();
  });

  test('connected, disconnected and key_mismatch reach ws and SSE subscribers within 1 s, filtered', async (t) => {
    const aClientId = (await server.gql.request(ClientDocument, { id: a.uuid })).client?.clientId;
    assert.ok(aClientId);
    const connection = ['client.connected', 'client.disconnected', 'client.key_mismatch'];

    // Subscribers of A's events (they sync on A's marker) …
    const wsA = await subscribeWs(server, 'ws clientId=A(uuid)', { clientId: a.uuid });
    const sseA = await subscribeSseRecorder(
      server,
      'sse(GET) clientId=A(clientId)',
      { clientId: aClientId },
      'GET',
    );
    const wsTagged = await subscribeWs(server, 'ws events=[connected,command] tags=[subs-a]', {
      events: ['client.connected', 'command_executed'],
      tags: ['subs-a'],
    });
    // … and subscribers that also (or only) see B's (they sync on B's marker, caused last).
    const wsAll = await subscribeWs(server, 'ws catch-all', {});
    const sseAll = await subscribeSseRecorder(server, 'sse catch-all', {});
    const sseEvents = await subscribeSseRecorder(
      server,
      'sse events=[connected,key_mismatch,command]',
      { events: ['client.connected', 'client.key_mismatch', 'command_executed'] },
    );
    const wsOtherTags = await subscribeWs(server, 'ws tags=[subs-b]', { tags: ['subs-b'] });
    const sseOtherClient = await subscribeSseRecorder(server, 'sse clientId=B events=[…]', {
      clientId: b.uuid,
      events: [...connection, 'command_executed'],
    });
    const groupA = [wsA, sseA, wsTagged];
    const groupB = [wsAll, sseAll, sseEvents, wsOtherTags, sseOtherClient];
    const everyone = [...groupA, ...groupB];
    await sync(server, [
      { agent: a, recorders: groupA },
      { agent: b, recorders: groupB },
    ]);

    const ofA = (type: string) => (e: ClientEvent) => e.event === type && e.client.uuid === a.uuid;
    // A disconnects, comes back, then comes back with a new key.
    await a.stop();
    await wsAll.waitFor(ofA('client.disconnected'), 'A disconnected');
    await sseAll.waitFor(ofA('client.disconnected'), 'A disconnected');
    await a.start();
    await wsAll.waitFor(ofA('client.connected'), 'A connected');
    await sseAll.waitFor(ofA('client.connected'), 'A connected');
    await a.stop();
    await a.exec(['--generate-key']);
    await a.start();
    await wsAll.waitFor(ofA('client.key_mismatch'), 'A key mismatch');
    await sseAll.waitFor(ofA('client.key_mismatch'), 'A key mismatch');
    // Final markers: accept the key, a command on A, then one on B (the catch-alls' sync point).
    await server.gql.request(AcceptKeyDocument, { id: a.uuid });
    await runCommand(server, a, 'echo done-a');
    await runCommand(server, b, 'echo done-b');
    await Promise.all([
      ...groupA.map((r) => r.waitFor(isCommand(a, 'echo done-a'), 'the done-a marker')),
      ...groupB.map((r) => r.waitFor(isCommand(b, 'echo done-b'), 'the done-b marker')),
    ]);

    // Latency: arrival minus the event's own timestamp, for every connection event anyone got.
    const latencies: number[] = [];
    for (const recorder of everyone) {
      const lines: string[] = [];
      for (const { event, receivedAtMs } of recorder.fresh()) {
        if (!connection.includes(event.event)) continue;
        const latencyMs = receivedAtMs - Date.parse(event.timestamp);
        latencies.push(latencyMs);
        lines.push(`${event.event.replace('client.', '')} ${latencyMs} ms`);
      }
      if (lines.length > 0) t.diagnostic(`${recorder.label}: ${lines.join(', ')}`);
    }
    assert.ok(latencies.length >= 2 * 5, 'both catch-alls measured');
    assert.ok(
      latencies.every((ms) => ms < 1000),
      `every connection event within 1 s: ${latencies.join(', ')} ms`,
    );

    // Exactly what each filter lets through, in order, one copy each.
    const name = (uuid: string) => (uuid === a.uuid ? 'A' : uuid === b.uuid ? 'B' : uuid);
    const stream = (recorder: Recorder) =>
      recorder
        .fresh()
        .map(({ event }) =>
          [event.event, name(event.client.uuid), commandOf(event)].filter(Boolean).join(' '),
        );
    const aLife = [
      'client.disconnected A',
      'client.connected A',
      'client.disconnected A',
      'client.connected A',
      'client.key_mismatch A',
    ];
    const expected = new Map<Recorder, string[]>([
      [
        wsAll,
        [
          ...aLife,
          'client.key_accepted A',
          'command_executed A echo done-a',
          'command_executed B echo done-b',
        ],
      ],
      [
        sseAll,
        [
          ...aLife,
          'client.key_accepted A',
          'command_executed A echo done-a',
          'command_executed B echo done-b',
        ],
      ],
      [wsA, [...aLife, 'client.key_accepted A', 'command_executed A echo done-a']],
      [sseA, [...aLife, 'client.key_accepted A', 'command_executed A echo done-a']],
      [wsTagged, ['client.connected A', 'client.connected A', 'command_executed A echo done-a']],
      [
        sseEvents,
        [
          'client.connected A',
          'client.connected A',
          'client.key_mismatch A',
          'command_executed A echo done-a',
          'command_executed B echo done-b',
        ],
      ],
      [wsOtherTags, ['command_executed B echo done-b']],
      [sseOtherClient, ['command_executed B echo done-b']],
    ]);
    for (const [recorder, events] of expected) {
      assert.deepEqual(stream(recorder), events, recorder.label);
      assert.deepEqual(recorder.errors, [], recorder.label);
      assert.equal(recorder.ended, null, `${recorder.label} still open`);
    }

    // Each event carries the client as it is now.
    for (const transport of [wsAll, sseAll]) {
      const events = transport.fresh().map((r) => r.event);
      assert.equal(events.find(ofA('client.disconnected'))?.client.online, false);
      assert.equal(events.find(ofA('client.key_mismatch'))?.client.keyMismatch, true);
      assert.deepEqual(
        events
          .filter(ofA('client.key_mismatch'))
          .map((e) => Object.keys(e.data as object).includes('new_fingerprint')),
        [true],
      );
    }
    for (const recorder of everyone) recorder.subscription.close();
  });

  test('500 concurrent subscribers (450 graphql-ws sockets, 50 SSE) each get exactly one copy', async (t) => {
    const c = await createAgent(server, { displayName: 'Subs C', tags: ['subs-c'] });
    await c.start();
    await c.waitOnline(server);
    const startedAt = Date.now();
    const wsRecorders = await inBatches(450, 50, (i) =>
      subscribeWs(server, `ws#${i}`, { clientId: c.uuid }),
    );
    const sseRecorders = await inBatches(50, 25, (i) =>
      subscribeSseRecorder(
        server,
        `sse#${i}`,
        i % 2 === 0
          ? { clientId: c.uuid }
          : { events: ['command_executed', 'client.disconnected'], tags: ['subs-c'] },
        i % 5 === 0 ? 'GET' : 'POST',
      ),
    );
    const everyone = [...wsRecorders, ...sseRecorders];
    t.diagnostic(`500 subscriptions opened in ${Date.now() - startedAt} ms`);
    const rounds = await sync(server, [{ agent: c, recorders: everyone }], {
      rounds: 10,
      roundTimeoutMs: 10_000,
    });
    t.diagnostic(`all 500 listening after ${rounds} sync round(s), ${Date.now() - startedAt} ms`);

    // The one event: C goes away.
    const stoppedAt = Date.now();
    await c.stop();
    const disconnected = (e: ClientEvent) =>
      e.event === 'client.disconnected' && e.client.uuid === c.uuid;
    await Promise.all(everyone.map((r) => r.waitFor(disconnected, 'C disconnected', 60_000)));
    // Any duplicate would be right behind the first copy; give it time to show.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const ids = new Set(everyone.flatMap((r) => r.fresh().map((x) => x.event.id)));
    assert.equal(ids.size, 1, `one event id across subscribers: ${[...ids].join(', ')}`);
    const wrong = everyone.filter((r) => r.fresh().length !== 1 || r.errors.length > 0);
    assert.deepEqual(
      wrong.map((r) => `${r.label}: ${r.fresh().length} events, ${r.errors.length} errors`),
      [],
    );
    // Figures only (a test, not a benchmark): how long the fan-out took.
    const first = everyone.map((r) => r.fresh()[0] as Received);
    const latencies = first.map((x) => x.receivedAtMs - Date.parse(x.event.timestamp));
    const last = Math.max(...first.map((x) => x.receivedAtMs));
    t.diagnostic(
      `one copy each; latency min ${Math.min(...latencies)} ms, max ${Math.max(...latencies)} ms; ` +
        `all 500 had it ${last - stoppedAt} ms after the agent was stopped`,
    );

    for (const recorder of everyone) recorder.subscription.close();
    await c.close();
    assert.equal(await healthStatus(server), 200);
  });

  test('a bad key is refused on both transports without disturbing a good subscriber', async () => {
    const wsGood = await subscribeWs(server, 'ws good', { clientId: b.uuid });
    const sseGood = await subscribeSseRecorder(server, 'sse good', { clientId: b.uuid });
    await sync(server, [{ agent: b, recorders: [wsGood, sseGood] }]);

    for (const [authorization, method] of [
      [null, 'POST'],
      ['Bearer not-the-key', 'POST'],
      ['Bearer not-the-key', 'GET'],
      [`Basic ${server.apiKey}`, 'POST'],
    ] as const) {
      const refused = await subscribeSse(
        server,
        ClientEventsSubscription,
        { filter: {} },
        { authorization, method },
      ).then(
        (subscription) => {
          subscription.close();
          return null;
        },
        (error: unknown) => error,
      );
      assert.ok(refused instanceof SseRefusedError, `SSE ${method} ${authorization ?? 'no key'}`);
      assert.equal(refused.status, 401);
      assert.equal(refused.code, 'UNAUTHENTICATED');
    }

    // A wrong key, an empty one, and no connectionParams at all.
    for (const authorization of ['Bearer not-the-key', '', undefined]) {
      let closeCode: number | undefined;
      const bad = createClient({
        url: `ws://127.0.0.1:${server.httpPort}/graphql`,
        webSocketImpl: WebSocket,
        ...(authorization === undefined ? {} : { connectionParams: { authorization } }),
        lazy: true,
        retryAttempts: 0,
        on: { closed: (event) => (closeCode = (event as { code: number }).code) },
      });
      const outcome = await new Promise<unknown>((resolve) =>
        bad.subscribe(
          { query: print(ClientEventsSubscription), variables: {} },
          {
            next: () => resolve('unexpected data'),
            error: resolve,
            complete: () => resolve('completed'),
          },
        ),
      );
      const what = `graphql-ws with ${authorization === undefined ? 'no connectionParams' : `"${authorization}"`}`;
      assert.equal(closeCode, 4403, what);
      assert.equal((outcome as { code?: number }).code, 4403, what);
      await bad.dispose();
    }

    await runCommand(server, b, 'echo after-bad-auth');
    for (const good of [wsGood, sseGood]) {
      await good.waitFor(isCommand(b, 'echo after-bad-auth'), 'the marker');
      assert.deepEqual(
        good.fresh().map((r) => commandOf(r.event)),
        ['echo after-bad-auth'],
        good.label,
      );
      assert.equal(good.ended, null);
      assert.deepEqual(good.errors, []);
      good.subscription.close();
    }
  });

  test(
    'an SSE subscription with a bad filter answers with the error in the stream',
    {},
    async () => {
      const cases: [EventFilter, RegExp][] = [
        [{ clientId: 'no-such-client' }, /NOT_FOUND/],
        [{ events: ['client.exploded'] }, /BAD_USER_INPUT/],
      ];
      for (const [filter, code] of cases) {
        const subscription = await subscribeSse(server, ClientEventsSubscription, { filter });
        await assert.rejects(subscription.next(), code);
        subscription.close();
      }
    },
  );

  test('subscribers that vanish abruptly do not break delivery to others; the server stays up', async (t) => {
    const wsGood = await subscribeWs(server, 'ws good', { clientId: b.uuid });
    const sseGood = await subscribeSseRecorder(server, 'sse good', { clientId: b.uuid });
    const rawVictims = await inBatches(4, 4, () => subscribeRawWs(server, { clientId: b.uuid }));
    const wsVictims = rawVictims.map(({ subscription }, i) =>
      record(`raw ws victim ${i}`, subscription),
    );
    const sseVictims = await inBatches(4, 4, (i) =>
      subscribeSseRecorder(server, `sse victim ${i}`, { clientId: b.uuid }),
    );
    await sync(server, [{ agent: b, recorders: [wsGood, sseGood, ...wsVictims, ...sseVictims] }]);
    const logMark = server.process.stderr.length;

    // Half vanish while idle: sockets destroyed without a close frame, fetches aborted.
    rawVictims[0]?.socket.terminate();
    rawVictims[1]?.socket.terminate();
    sseVictims[0]?.subscription.close();
    sseVictims[1]?.subscription.close();
    // The other half vanish while an event is being fanned out (the moment the first good
    // subscriber has it), and the next event follows at once, before the server may have
    // noticed: it writes to sockets whose peer is gone.
    const vanish = wsGood
      .waitFor(isCommand(b, 'echo during-teardown'), 'the during-teardown marker')
      .then(() => {
        rawVictims[2]?.socket.terminate();
        rawVictims[3]?.socket.terminate();
        sseVictims[2]?.subscription.close();
        sseVictims[3]?.subscription.close();
      });
    await runCommand(server, b, 'echo during-teardown');
    await vanish;
    await runCommand(server, b, 'echo after-teardown');

    for (const good of [wsGood, sseGood]) {
      await good.waitFor(isCommand(b, 'echo after-teardown'), 'the after-teardown marker');
      assert.deepEqual(
        good.fresh().map((r) => commandOf(r.event)),
        ['echo during-teardown', 'echo after-teardown'],
        good.label,
      );
      assert.equal(good.ended, null);
    }
    assert.equal(await healthStatus(server), 200);
    assert.equal(server.process.child.exitCode, null, 'the server is still running');

    // New subscribers on both transports still work.
    const wsLate = await subscribeWs(server, 'ws late', { clientId: b.uuid });
    const sseLate = await subscribeSseRecorder(server, 'sse late', { clientId: b.uuid });
    await sync(server, [{ agent: b, recorders: [wsGood, sseGood, wsLate, sseLate] }]);
    const errorLines = server.process.stderr
      .slice(logMark)
      .filter((line) => line.includes('"level":50') || line.includes('"level":60'));
    t.diagnostic(`server error log lines during the teardown: ${errorLines.length}`);
    for (const line of errorLines.slice(0, 3)) t.diagnostic(line.slice(0, 300));
    for (const r of [wsGood, sseGood, wsLate, sseLate]) r.subscription.close();
  });
});
