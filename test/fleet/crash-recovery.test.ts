// Issue 17, item 11: after a crash, state tells the truth. Sessions a crash left open (connected
// after their last disconnection) are closed at start with a `client.disconnected` event (reason
// "server restarted"), their lastDisconnectedAt set to their last sign of life, so
// recentlyOffline counts clients that never came back; and while online, lastSeen is written
// from heartbeats (in batches), so that last sign of life is not the connect time.
// Real fleet and store; the second test with a real hub and agent tunnel, in process.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createAuthorizedKeys } from '../../src/fleet/authorized-keys.js';
import { createFleet } from '../../src/fleet/index.js';
import { captureLog } from '../support/in-process-hub.js';
import { startInProcessFleet, testHealth } from '../support/in-process-fleet.js';
import { clientRecord, openTestStore, type TestStore } from '../support/store.js';
import { waitFor } from '../support/wait.js';

const caller = { actor: 'test' };
const stores: TestStore[] = [];
after(async () => {
  for (const s of stores) await s.close();
});

test('sessions left open by a crash are closed at start, with an event, and count as recently offline', async () => {
  const testStore = await openTestStore();
  stores.push(testStore);
  const { store } = testStore;
  const hour = 3_600_000;
  const connected = new Date(Date.now() - 3 * hour);
  const lastBeat = new Date(Date.now() - 2 * hour);
  // Left open: connected, heartbeats until two hours ago, never disconnected.
  await store.clients.insert(
    clientRecord(1, { lastConnectedAt: connected, lastSeen: lastBeat, lastDisconnectedAt: null }),
  );
  // Closed cleanly: nothing to do.
  await store.clients.insert(
    clientRecord(2, {
      lastConnectedAt: connected,
      lastSeen: lastBeat,
      lastDisconnectedAt: lastBeat,
    }),
  );
  // Issue 14: held by this server (crashed), by another live server, and sent away by this
  // server's drain without landing anywhere (its disconnection recorded then).
  const me = 'crashed-here';
  await store.clients.insert(
    clientRecord(3, {
      lastConnectedAt: connected,
      lastSeen: lastBeat,
      heldBy: me,
      heldConnection: 'c3',
    }),
  );
  await store.clients.insert(
    clientRecord(4, {
      lastConnectedAt: connected,
      lastSeen: lastBeat,
      heldBy: 'another-server',
      heldConnection: 'c4',
    }),
  );
  await store.clients.insert(
    clientRecord(5, {
      lastConnectedAt: connected,
      lastSeen: lastBeat,
      lastDisconnectedAt: lastBeat,
      heldBy: me,
      heldConnection: null,
    }),
  );
  // At info, as the server logs: the closed sessions are one summary line, not a line each (the
  // audit trail has each event).
  const log = captureLog('info');
  const { logger } = log;
  const start = async () => {
    const fleet = createFleet({
      store,
      logger,
      server: { name: me, peerUrl: null },
      authorizedKeys: createAuthorizedKeys(join('/nonexistent', 'authorized_keys'), logger),
      openEnrollment: false,
      rateLimitDefaults: { rpm: 60, concurrent: 10, mode: 'WARN' },
      health: testHealth,
      version: 'test',
    });
    await fleet.start();
    return fleet;
  };

  const fleet = await start();
  const open = clientRecord(1);
  const events = await fleet.events.list(
    { clientId: open.uuid, events: ['client.disconnected'] },
    10,
  );
  assert.equal(events.length, 1);
  assert.equal(events[0]?.data['reason'], 'server restarted');
  assert.equal(events[0]?.data['last_seen'], lastBeat.toISOString());
  assert.equal(
    (await store.clients.get(open.uuid))?.lastDisconnectedAt?.getTime(),
    lastBeat.getTime(),
  );
  const clean = await fleet.events.list(
    { clientId: clientRecord(2).uuid, events: ['client.disconnected'] },
    10,
  );
  assert.equal(clean.length, 0);
  const disconnections = async (n: number) =>
    (
      await fleet.events.list(
        { clientId: clientRecord(n).uuid, events: ['client.disconnected'] },
        10,
      )
    ).length;
  // Its own hold is closed and released; another server's stays; a drained one is released quietly.
  assert.equal(await disconnections(3), 1);
  assert.equal((await store.clients.get(clientRecord(3).uuid))?.heldBy, null);
  assert.equal(await disconnections(4), 0);
  assert.equal((await store.clients.get(clientRecord(4).uuid))?.heldBy, 'another-server');
  assert.equal(await disconnections(5), 0);
  assert.equal((await store.clients.get(clientRecord(5).uuid))?.heldBy, null);
  assert.deepEqual(
    log.find('closed sessions left open by an unclean stop').map((line) => line['closed']),
    [2],
  );
  assert.deepEqual(log.find('fleet event'), [], 'each closed session is not a line of its own');

  const health = await fleet.metrics.fleetHealth({}, { recentlyOfflineHours: 24 }, caller);
  assert.deepEqual(
    health.recentlyOfflineClients.map((c) => c.uuid).sort(),
    [1, 2, 3, 5].map((n) => clientRecord(n).uuid).sort(),
  );
  await fleet.stop();

  // A second start finds nothing left open.
  const again = await start();
  assert.equal(
    (await again.events.list({ clientId: open.uuid, events: ['client.disconnected'] }, 10)).length,
    1,
  );
  await again.stop();
});

test("an online client's lastSeen is written from its heartbeats", async () => {
  const f = await startInProcessFleet();
  try {
    const agent = await f.agent();
    const beat = await waitFor(
      async () => (await f.fleet.clients.get(agent.uuid)).lastHeartbeatAt ?? undefined,
      { what: 'a heartbeat answered' },
    );
    const connectedAt = (await f.testStore.store.clients.get(agent.uuid))?.lastConnectedAt;
    assert.ok(connectedAt && beat.getTime() >= connectedAt.getTime());
    // Stopping the fleet writes the batch due (a crash right after would keep it).
    await f.fleet.stop();
    const row = await f.testStore.store.clients.get(agent.uuid);
    assert.equal(row?.lastSeen.getTime(), beat.getTime());
  } finally {
    await f.close();
  }
});
