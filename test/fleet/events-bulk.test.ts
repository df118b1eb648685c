// The audit trail and bulk operations, in process through the real hub and real agents: events
// listed with filters and `before`, live subscriptions with filters, the status subscription;
// updateMany and runOnClients with their refusals, parallelism and per-client outcomes; the
// fleet's health at a glance over a mixed fleet.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FleetEvent } from '../../src/fleet/index.js';
import {
  startFleetHarness,
  type FleetHarness,
  type HarnessAgent,
} from '../support/fleet-harness.js';
import { expectAppError } from '../support/app-error.js';

let h: FleetHarness;
let a1: HarnessAgent;
let a2: HarnessAgent;
let b1: HarnessAgent;

before(async () => {
  h = await startFleetHarness();
  [a1, a2, b1] = await Promise.all([
    h.addAgent({ hostname: 'alpha-1', tags: ['alpha', 'bulk'] }),
    h.addAgent({ hostname: 'alpha-2', tags: ['alpha', 'bulk'] }),
    h.addAgent({ hostname: 'beta-1', tags: ['beta', 'bulk'] }),
  ]);
});
after(() => h.close());

/** The next `count` values of a live iterator. */
async function take<T>(iterator: AsyncIterableIterator<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

test('events list newest first, by type, client and tags; before pages back', async () => {
  for (const agent of [a1, a2, b1])
    await h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller());
  const commands = await h.fleet.events.list({ events: ['command_executed'] }, 10);
  assert.deepEqual(
    commands.map((e) => e.clientUuid),
    [b1.uuid, a2.uuid, a1.uuid],
  );
  assert.ok(commands.every((e) => e.type === 'command_executed'));
  const ofOne = await h.fleet.events.list({ clientId: 'alpha-2' }, 50);
  assert.ok(ofOne.length >= 2 && ofOne.every((e) => e.clientUuid === a2.uuid));
  const tagged = await h.fleet.events.list({ events: ['command_executed'], tags: ['alpha'] }, 10);
  assert.deepEqual(
    tagged.map((e) => e.clientUuid),
    [a2.uuid, a1.uuid],
  );
  const [newest] = commands;
  const older = await h.fleet.events.list(
    { events: ['command_executed'] },
    10,
    String(newest?.id ?? 0),
  );
  assert.deepEqual(
    older.map((e) => e.clientUuid),
    [a2.uuid, a1.uuid],
  );
  const ids = (await h.fleet.events.list({}, 1000)).map((e) => e.id);
  assert.deepEqual(
    ids,
    [...ids].sort((x, y) => y - x),
  );
});

test('events list refuses a bad limit, a bad before, an unknown event name or client', async () => {
  await expectAppError(h.fleet.events.list({}, 0), 'BAD_USER_INPUT', /limit must be from 1 to/);
  await expectAppError(h.fleet.events.list({}, 1001), 'BAD_USER_INPUT', /limit/);
  await expectAppError(
    h.fleet.events.list({}, 5, 'x1'),
    'BAD_USER_INPUT',
    /before must be an event id/,
  );
  await expectAppError(h.fleet.events.list({ events: ['client.exploded'] }, 5), 'BAD_USER_INPUT');
  await expectAppError(h.fleet.events.list({ clientId: 'nobody' }, 5), 'NOT_FOUND');
});

test('a subscription delivers only the events its filter selects', async () => {
  const feed = await h.fleet.events.subscribe({ events: ['command_executed'], tags: ['beta'] });
  try {
    await h.fleet.commands.run(a1.uuid, { cmd: 'true' }, h.caller());
    await h.fleet.commands.run(b1.uuid, { cmd: 'echo beta' }, h.caller());
    const [event] = await take(feed, 1);
    assert.equal(event?.clientUuid, b1.uuid);
    assert.equal(event?.data['command'], 'echo beta');
  } finally {
    await feed.return?.();
  }
  await expectAppError(h.fleet.events.subscribe({ clientId: 'nobody' }), 'NOT_FOUND');
});

test('the status subscription starts with the current state, then follows the link', async () => {
  const agent = await h.addAgent({ hostname: 'status-1' });
  const feed = await h.fleet.events.subscribeStatus('status-1');
  try {
    const [current] = await take(feed, 1);
    assert.equal(current?.cause, 'current');
    assert.equal(current?.client.online, true);
    await agent.stop();
    const [gone] = await take(feed, 1);
    assert.equal(gone?.cause, 'client.disconnected');
    assert.equal(gone?.client.online, false);
    await agent.start();
    const [back] = await take(feed, 1);
    assert.equal(back?.cause, 'client.connected');
    assert.equal(back?.client.online, true);
  } finally {
    await feed.return?.();
  }
});

test('updateMany changes tags on every client selected, records each, refuses what changes nothing', async () => {
  const since = h.events.mark();
  const changed = await h.fleet.clients.updateMany(
    { tags: ['alpha'] },
    { addTags: ['canary'], removeTags: ['bulk'] },
    h.caller('ops'),
  );
  assert.deepEqual(
    changed.map((c) => [c.clientId, c.tags]),
    [
      ['alpha-1', ['alpha', 'canary']],
      ['alpha-2', ['alpha', 'canary']],
    ],
  );
  const events: FleetEvent[] = await h.recorded({ type: 'client.updated' }, since);
  assert.deepEqual(
    events.map((e) => [e.clientUuid, e.data['bulk'], e.actor]).sort(),
    [
      [a1.uuid, true, 'ops'],
      [a2.uuid, true, 'ops'],
    ].sort(),
  );
  await expectAppError(
    h.fleet.clients.updateMany({}, { addTags: ['x'] }, h.caller()),
    'BAD_USER_INPUT',
    /A bulk operation needs at least one condition/,
  );
  await expectAppError(
    h.fleet.clients.updateMany({ tags: ['alpha'] }, {}, h.caller()),
    'BAD_USER_INPUT',
    /Give addTags or removeTags/,
  );
  await expectAppError(
    h.fleet.clients.updateMany(
      { tags: ['alpha'] },
      { addTags: ['x'], removeTags: ['x'] },
      h.caller(),
    ),
    'BAD_USER_INPUT',
    /both added and removed: x/,
  );
  assert.deepEqual((await h.fleet.clients.get('beta-1')).tags, ['beta', 'bulk']);
});

test('runOnClients: one outcome per client selected, offline ones as errors', async () => {
  const offline = await h.addAgent({ hostname: 'gamma-off', tags: ['gamma'] });
  await h.addAgent({ hostname: 'gamma-on', tags: ['gamma'] });
  await offline.stop();
  const outcomes = await h.fleet.commands.runOnClients(
    { tags: ['gamma'] },
    { cmd: 'hostname >/dev/null; echo ran' },
    4,
    h.caller(),
  );
  const byId = new Map(outcomes.map((o) => [o.client.clientId, o]));
  assert.equal(byId.size, 2);
  assert.equal(byId.get('gamma-on')?.result?.stdout.trim(), 'ran');
  assert.equal(byId.get('gamma-on')?.error, null);
  assert.equal(byId.get('gamma-off')?.result, null);
  assert.equal(byId.get('gamma-off')?.error?.code, 'CLIENT_OFFLINE');
});

test('runOnClients runs at most `parallelism` commands at a time', async () => {
  const agents = await h.addAgents(4, (i) => ({ hostname: `par-${i}`, tags: ['par'] }));
  const cmd = 'echo "$(date +%s%N) $(sleep 0.2; date +%s%N)"';
  for (const parallelism of [1, 2]) {
    const outcomes = await h.fleet.commands.runOnClients(
      { tags: ['par'] },
      { cmd },
      parallelism,
      h.caller(),
    );
    assert.equal(outcomes.length, agents.length);
    const spans = outcomes.map((o) => (o.result?.stdout.trim().split(' ') ?? []).map(Number));
    const most = Math.max(
      ...spans.map(
        ([start = 0]) => spans.filter(([s = 0, e = 0]) => s <= start && start < e).length,
      ),
    );
    assert.ok(most <= parallelism, `${most} ran at once with parallelism ${parallelism}`);
  }
});

test('runOnClients refuses an empty filter and a bad parallelism', async () => {
  await expectAppError(
    h.fleet.commands.runOnClients({}, { cmd: 'true' }, 2, h.caller()),
    'BAD_USER_INPUT',
    /needs at least one condition/,
  );
  for (const parallelism of [0, 65, 1.5])
    await expectAppError(
      h.fleet.commands.runOnClients({ tags: ['bulk'] }, { cmd: 'true' }, parallelism, h.caller()),
      'BAD_USER_INPUT',
      /parallelism must be from 1 to 64/,
    );
});

test('fleetHealth counts online, offline and key mismatches and samples the online clients', async () => {
  const [up, down, rekeyed] = await h.addAgents(3, (i) => ({ hostname: `fh-${i}`, tags: ['fh'] }));
  await down?.stop();
  await rekeyed?.rekey();
  const report = await h.fleet.metrics.fleetHealth(
    { tags: ['fh'] },
    { timeoutS: 30, recentlyOfflineHours: 1 },
    h.caller(),
  );
  assert.equal(report.total, 3);
  assert.equal(report.online, 2);
  assert.equal(report.offline, 1);
  assert.equal(report.keyMismatches, 1);
  assert.deepEqual(
    report.keyMismatchClients.map((c) => c.uuid),
    [rekeyed?.uuid],
  );
  assert.deepEqual(
    report.recentlyOfflineClients.map((c) => c.uuid),
    [down?.uuid],
  );
  const sampled = new Map(report.samples.map((s) => [s.client.uuid, s]));
  assert.equal(typeof sampled.get(up?.uuid ?? '')?.metrics?.cpuPercent, 'number');
  assert.equal(sampled.has(rekeyed?.uuid ?? ''), false, 'a quarantined client is not sampled');
  assert.equal(report.sampled, 1);
  await expectAppError(
    h.fleet.metrics.fleetHealth({ tags: ['fh'] }, { timeoutS: 0 }, h.caller()),
    'BAD_USER_INPUT',
  );
});
