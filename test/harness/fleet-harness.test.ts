// The in-process harness itself: a link cut and a frozen link are seen by the fleet as they would
// be in production; restart() reopens the fleet on the same store and the agents return by
// themselves; api() serves the same fleet over GraphQL.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { ClientDocument } from '../support/operations.js';

// Two harnesses: the frozen-link test needs keepalives short enough to drop a frozen agent
// quickly, and those would also drop a live agent whose process stalls for 600 ms on a loaded
// machine, which the restart test must not mistake for a failed return.
let h: FleetHarness;
let plain: FleetHarness;
before(async () => {
  h = await startFleetHarness({ hubLimits: { keepaliveIntervalMs: 300, keepaliveCountMax: 2 } });
  plain = await startFleetHarness();
});
after(() => Promise.all([h.close(), plain.close()]));

test('a cut link goes offline and returns; a frozen one is dropped by keepalive and returns on thaw', async () => {
  const agent = await h.addAgent();
  await agent.cut();
  assert.equal((await h.fleet.clients.get(agent.uuid)).online, true);
  const since = h.events.mark();
  agent.freeze();
  await h.events.next({ type: 'client.disconnected', clientUuid: agent.uuid }, { since });
  agent.thaw();
  await h.events.next({ type: 'client.connected', clientUuid: agent.uuid }, { since });
});

test('restart keeps the store: the client, its settings and its history; the agent comes back', async () => {
  const agent = await plain.addAgent({ hostname: 'kept-01' });
  await plain.fleet.clients.update('kept-01', { purpose: 'kept across restarts' }, plain.caller());
  const api = await plain.api();
  const firstPort = api.httpPort;
  await plain.restart();
  const view = await plain.fleet.clients.get(agent.uuid);
  assert.equal(view.purpose, 'kept across restarts');
  assert.equal(view.online, true);
  assert.ok(view.connectionCount >= 2);
  const updated = await plain.fleet.events.list(
    { events: ['client.updated'], clientId: 'kept-01' },
    5,
  );
  assert.equal(updated.length, 1);
  const again = await plain.api();
  assert.equal(again.httpPort, firstPort, 'the API comes back on its port');
  const { client } = await again.gql.request(ClientDocument, { id: 'kept-01' });
  assert.equal(client?.online, true);
});
