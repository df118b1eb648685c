// A call routed to the server holding a client, answered "no longer holds it" (src/fleet/gate.ts
// callWhereHeld, src/fleet/cluster/arrivals.ts linkAfterRefusal). A draining server closes the
// agent's link first and writes that it let the client go a moment later; until then the stored
// hold still names it, so a call routed again at once went back to it and was refused again —
// three times in a few milliseconds, and the call failed ("server drain-a no longer holds the
// client"). The route after a refusal waits for the hold to move on, then for the agent to land.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentLink } from '../../src/fleet/agent-link.js';
import { createArrivals } from '../../src/fleet/cluster/arrivals.js';
import type { ClientRecord } from '../../src/store/index.js';
import { clientRecord, openTestStore, type TestStore } from '../support/store.js';

let testStore: TestStore;
before(async () => (testStore = await openTestStore('sqlite')));
after(() => testStore.close());

/** Where this server would route the client now (what its holds map says), and the links. */
function routing() {
  const links = new Map<string, AgentLink>();
  const linkTo = (server: string): AgentLink => {
    let link = links.get(server);
    if (!link) links.set(server, (link = { server } as unknown as AgentLink));
    return link;
  };
  const state = { holder: 'drain-a' as string | null };
  const arrivals = createArrivals({
    store: testStore.store,
    here: () => false,
    linkOf: () => (state.holder === null ? undefined : linkTo(state.holder)),
    isAlive: (server) => server === 'drain-a' || server === 'drain-b',
  });
  return { arrivals, linkTo, state };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function heldClient(n: number): Promise<ClientRecord> {
  const record = clientRecord(n, { heldBy: 'drain-a', heldConnection: 'conn-a' });
  await testStore.store.clients.insert(record);
  return (await testStore.store.clients.get(record.uuid))!;
}

test('refused by its holder mid-drain: the call goes where the agent lands, not back to the holder', async () => {
  const { arrivals, linkTo, state } = routing();
  const routed = await heldClient(1);
  const { clients } = testStore.store;
  // The race: the hold still names drain-a. Routed again now, the call goes back to it.
  assert.equal(await arrivals.linkWhenSettled(routed), linkTo('drain-a'));

  const landing = (async () => {
    await sleep(150);
    // drain-a writes that it sent the agent away (the holder stays named, the connection goes)…
    await clients.releaseHold(routed.uuid, 'conn-a', { lastSeen: new Date() }, true);
    state.holder = null;
    await sleep(150);
    // …and the agent lands on drain-b.
    await clients.update(routed.uuid, { heldBy: 'drain-b', heldConnection: 'conn-b' });
    state.holder = 'drain-b';
  })();
  const link = await arrivals.linkAfterRefusal(routed);
  await landing;
  assert.equal(link, linkTo('drain-b'));
});

test('refused, and the holder then released the client: offline, no link', async () => {
  const { arrivals, state } = routing();
  const routed = await heldClient(2);
  const released = (async () => {
    await sleep(100);
    await testStore.store.clients.releaseHold(routed.uuid, 'conn-a', { lastSeen: new Date() });
    state.holder = null;
  })();
  assert.equal(await arrivals.linkAfterRefusal(routed), undefined);
  await released;
});

test('refused while the hold never moves on: no link once the caller gives up', async () => {
  const { arrivals } = routing();
  const routed = await heldClient(3);
  const caller = new AbortController();
  setTimeout(() => caller.abort(), 100);
  assert.equal(await arrivals.linkAfterRefusal(routed, caller.signal), undefined);
});
