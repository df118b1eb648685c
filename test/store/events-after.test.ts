// Reading the audit trail forward from a cursor (a subscriber's replay): oldest first, after
// the id given, with the same filters as the backward listing; counts stop at their cap.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import { clientRecord, openTestStore, type TestStore } from '../support/store.js';

let testStore: TestStore;
let store: Store;
const a = clientRecord(1).uuid;
const b = clientRecord(2).uuid;
const at = new Date('2026-03-01T10:00:00.123Z');
const ids: number[] = [];

before(async () => {
  testStore = await openTestStore();
  store = testStore.store;
  await store.clients.insert(clientRecord(1, { tags: ['web'] }));
  await store.clients.insert(clientRecord(2, { tags: ['db'] }));
  assert.equal(await store.events.latestId(), 0, 'an empty trail');
  for (let i = 0; i < 6; i += 1) {
    const event = await store.events.append({
      type: i % 3 === 0 ? 'client.connected' : 'command_executed',
      clientUuid: i % 2 === 0 ? a : b,
      at,
      data: { n: i },
      actor: null,
    });
    ids.push(event.id);
  }
});

after(() => testStore.close());

test('events after a cursor come oldest first, filtered like the backward listing', async () => {
  const all = await store.events.listAfter({ afterId: 0, limit: 100 });
  assert.deepEqual(
    all.map((e) => e.id),
    ids,
  );
  const tail = await store.events.listAfter({ afterId: ids[2]!, limit: 2 });
  assert.deepEqual(
    tail.map((e) => e.id),
    ids.slice(3, 5),
  );
  const ofA = await store.events.listAfter({ afterId: 0, limit: 100, clientUuid: a });
  assert.deepEqual(
    ofA.map((e) => e.data['n']),
    [0, 2, 4],
  );
  const webCommands = await store.events.listAfter({
    afterId: ids[0]!,
    limit: 100,
    tags: ['web'],
    types: ['command_executed'],
  });
  assert.deepEqual(
    webCommands.map((e) => e.data['n']),
    [2, 4],
  );
  assert.deepEqual(await store.events.listAfter({ afterId: ids[5]!, limit: 10 }), []);
});

test('counting after a cursor stops at the cap; latestId is the newest id', async () => {
  assert.equal(await store.events.countAfter({ afterId: 0 }, 100), 6);
  assert.equal(await store.events.countAfter({ afterId: 0 }, 4), 4);
  assert.equal(await store.events.countAfter({ afterId: ids[3]!, clientUuid: b }, 100), 1);
  assert.equal(await store.events.latestId(), ids[5]);
});
