// The cluster repository on both dialects: a shared secret is created once (the first proposal
// wins, also when many servers propose at the same moment), and server rows register, renew,
// list and go.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerRow, Store } from '../../src/store/index.js';
import { forEachDialect, openTestStore, type TestStore } from '../support/store.js';

forEachDialect((dialect) => {
  let testStore: TestStore;
  let store: Store;

  before(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
  });
  after(() => testStore.close());

  test('a secret is created once: later proposals get the first value', async () => {
    const now = new Date('2026-12-01T00:00:00Z');
    assert.equal(await store.cluster.secret('host_key', 'first', now), 'first');
    assert.equal(await store.cluster.secret('host_key', 'second', now), 'first');
    assert.equal(await store.cluster.secret('webhook_secret', 'other', now), 'other');
  });

  test('proposals at the same moment agree on one value', async () => {
    const now = new Date();
    const values = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.cluster.secret('raced', `value-${i}`, now)),
    );
    assert.equal(new Set(values).size, 1, values.join(', '));
  });

  test('servers register, renew with their count, list by name, and go', async () => {
    const started = new Date('2026-12-01T10:00:00.123Z');
    for (const name of ['srv-b', 'srv-a']) {
      await store.cluster.registerServer({
        name,
        peerUrl: `http://${name}.example:8766`,
        version: '0.1.0',
        startedAt: started,
        renewedAt: started,
        clientsHeld: 0,
        drainingSince: null,
      });
    }
    // A renewal is the database's time: its age is read by the same clock, whatever ours says.
    assert.equal(await store.cluster.renewServer('srv-a', 42), true);
    assert.equal(await store.cluster.renewServer('srv-gone', 1), false);
    const servers = await store.cluster.servers();
    assert.deepEqual(
      servers.map((s) => [s.name, s.clientsHeld, s.peerUrl]),
      [
        ['srv-a', 42, 'http://srv-a.example:8766'],
        ['srv-b', 0, 'http://srv-b.example:8766'],
      ],
    );
    const [a, b0] = servers as [ServerRow, ServerRow];
    assert.ok(a.renewedAgoMs >= 0 && a.renewedAgoMs < 60_000, `srv-a ${a.renewedAgoMs} ms ago`);
    assert.ok(Math.abs(a.renewedAt.getTime() - Date.now()) < 60_000, 'renewed at about now');
    assert.equal(b0.renewedAt.getTime(), started.getTime());
    // srv-b registered with a renewal time long past (a skewed clock): the database ages it.
    assert.ok(
      Math.abs(b0.renewedAgoMs - (Date.now() - started.getTime())) < 60_000,
      `srv-b ${b0.renewedAgoMs} ms ago`,
    );
    // A restart under the same name replaces the row.
    const restarted = new Date('2026-12-01T11:00:00Z');
    await store.cluster.registerServer({
      name: 'srv-b',
      peerUrl: null,
      version: '0.2.0',
      startedAt: restarted,
      renewedAt: restarted,
      clientsHeld: 0,
      drainingSince: null,
    });
    const b = (await store.cluster.servers()).find((s) => s.name === 'srv-b');
    assert.deepEqual(
      [b?.version, b?.peerUrl, b?.startedAt.getTime()],
      ['0.2.0', null, restarted.getTime()],
    );
    // A drain is asked once (a second ask keeps the first time); a restart clears it.
    const asked = new Date('2026-12-01T11:05:00Z');
    assert.equal(await store.cluster.drainServer('srv-b', asked), true);
    assert.equal(await store.cluster.drainServer('srv-b', new Date('2026-12-01T12:00:00Z')), true);
    assert.equal(await store.cluster.drainServer('srv-nobody', asked), false);
    const draining = (await store.cluster.servers()).find((s) => s.name === 'srv-b');
    assert.equal(draining?.drainingSince?.getTime(), asked.getTime());
    await store.cluster.registerServer({ ...draining!, startedAt: asked, drainingSince: null });
    const again = (await store.cluster.servers()).find((s) => s.name === 'srv-b');
    assert.equal(again?.drainingSince, null);
    await store.cluster.removeServer('srv-a');
    assert.deepEqual(
      (await store.cluster.servers()).map((s) => s.name),
      ['srv-b'],
    );
  });
});
