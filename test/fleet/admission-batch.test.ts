// Admissions in a burst share a transaction (src/fleet/client-upsert.ts): in process, through the
// real hub, real agents and a real SQLite store. The store is held by a transaction of the test's
// own while the agents log in, so their admissions queue up behind it as in a storm.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { waitFor } from '../support/wait.js';

let h: FleetHarness;
before(async () => {
  h = await startFleetHarness({ openEnrollment: true });
});
after(() => h.close());

/** How many client rows each transaction inserted (the store marks "begin" and "commit"). */
function clientInsertsPerTransaction(statements: readonly string[]): number[] {
  const out: number[] = [];
  let current: number | null = null;
  for (const sql of statements) {
    const s = sql.trim().toLowerCase();
    if (s === 'begin') current = 0;
    else if (s === 'commit') {
      if (current) out.push(current);
      current = null;
    } else if (current !== null && s.startsWith('insert into client ')) current += 1;
  }
  return out;
}

test('admissions that arrive while the store is busy share one transaction, names distinct in arrival order', async () => {
  const count = 8;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const holding = h.store.transaction(() => held);
  h.resetStatements();
  const agents = await Promise.all(
    Array.from({ length: count }, () => h.addAgent({ hostname: 'web', start: false })),
  );
  const starting = agents.map((agent) => agent.start());
  // Each has its SSH session and reverse forward: its admission is waiting for the store.
  await waitFor(
    () =>
      agents.every((agent) =>
        agent.log.lines.some((line) => line['msg'] === 'connected; waiting for calls'),
      ),
    { what: 'every agent connected' },
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  release();
  await holding;
  await Promise.all(starting);

  const views = await Promise.all(agents.map((agent) => h.fleet.clients.get(agent.uuid)));
  assert.ok(views.every((view) => view.online));
  // Each saw the names the earlier ones took, in the same transaction.
  assert.deepEqual(
    views.map((view) => view.clientId).sort(),
    ['web', ...Array.from({ length: count - 1 }, (_, i) => `web-${i + 2}`)].sort(),
  );
  const inserts = clientInsertsPerTransaction(h.statements);
  assert.equal(
    inserts.reduce((a, b) => a + b, 0),
    count,
  );
  assert.ok(
    Math.max(...inserts) > 1,
    `admissions written together (inserts per transaction: ${inserts.join(', ')})`,
  );
  const connected = await h.recorded({ type: 'client.connected' });
  for (const agent of agents)
    assert.equal(connected.filter((event) => event.clientUuid === agent.uuid).length, 1);
  await Promise.all(agents.map((agent) => agent.close()));
});

test('agents racing for one single-use token: one is admitted, the others refused, nobody else disturbed', async () => {
  const h2 = await startFleetHarness({ openEnrollment: false });
  try {
    const once = await h2.fleet.tokens.create({ maxUses: 1 }, h2.caller());
    const many = await h2.fleet.tokens.create({ maxUses: null }, h2.caller());
    const racers = await Promise.all(
      Array.from({ length: 3 }, () => h2.addAgent({ start: false, enrollmentToken: once.token })),
    );
    const others = await Promise.all(
      Array.from({ length: 5 }, () => h2.addAgent({ start: false, enrollmentToken: many.token })),
    );
    await Promise.all([
      ...racers.map((agent) => agent.start({ online: false })),
      ...others.map((agent) => agent.start()),
    ]);
    await waitFor(
      async () => {
        const records = await Promise.all(racers.map((agent) => h2.fleet.clients.find(agent.uuid)));
        return records.filter((record) => record !== null).length === 1;
      },
      { what: 'one racer admitted' },
    );
    for (const agent of others) assert.equal((await h2.fleet.clients.get(agent.uuid)).online, true);
    const [used] = (await h2.fleet.tokens.list(true)).filter((t) => t.id === once.view.id);
    assert.equal(used?.uses, 1);
    // Those refused hold no record, and no client.connected event names them.
    const admitted = (
      await Promise.all(racers.map((agent) => h2.fleet.clients.find(agent.uuid)))
    ).filter((record) => record !== null);
    assert.equal(admitted.length, 1);
    const connected = await h2.recorded({ type: 'client.connected' });
    const racerUuids = new Set(racers.map((agent) => agent.uuid));
    assert.equal(connected.filter((event) => racerUuids.has(event.clientUuid)).length, 1);
    await Promise.all([...racers, ...others].map((agent) => agent.close()));
  } finally {
    await h2.close();
  }
});
