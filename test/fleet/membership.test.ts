// The cluster's servers as one server knows them (src/fleet/cluster/membership.ts): a server
// that registered since this one last read them has no peer URL here yet, and asking for it
// through `peerUrlFor` reads the servers again instead of answering "none" until the next
// renewal — a call routed to that server's agents waits for the read rather than failing.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createMembership, type Membership } from '../../src/fleet/cluster/membership.js';
import { openTestStore, type TestStore } from '../support/store.js';

let testStore: TestStore;
let membership: Membership;

before(async () => {
  testStore = await openTestStore('sqlite');
  membership = createMembership({
    store: testStore.store,
    server: { name: 'etph-1', peerUrl: 'http://10.0.0.1:8765', version: '0.1.0' },
    held: () => 0,
    logger: pino({ level: 'silent' }),
    // No renewal (and so no read) during the test: only a read asked for.
    renewIntervalMs: 3_600_000,
  });
  await membership.start();
});
after(async () => {
  await membership.stop();
  await testStore.close();
});

test('a server registered since the last read: its peer URL is read when asked for', async () => {
  const now = new Date();
  await testStore.store.cluster.registerServer({
    name: 'etph-2',
    peerUrl: 'http://10.0.0.2:8765',
    version: '0.1.0',
    startedAt: now,
    renewedAt: now,
    clientsHeld: 1,
    drainingSince: null,
  });
  assert.equal(membership.peerUrlOf('etph-2'), null, 'not read yet');
  assert.equal(await membership.peerUrlFor('etph-2'), 'http://10.0.0.2:8765');
  assert.equal(membership.peerUrlOf('etph-2'), 'http://10.0.0.2:8765', 'kept from the read');
  assert.equal(await membership.peerUrlFor('etph-1'), 'http://10.0.0.1:8765');
  assert.equal(await membership.peerUrlFor('nobody'), null, 'no such server');
});
