// The outbox row and the event row commit together: when staging fails, no event is recorded
// (and nothing is published); when it succeeds, both rows exist.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createAudit } from '../../../src/fleet/audit.js';
import { createEventBus } from '../../../src/fleet/event-bus.js';
import type { DeliveryRecord, Store } from '../../../src/store/index.js';
import { openTestStore, type TestStore } from '../../support/store.js';

let testStore: TestStore;
let store: Store;

before(async () => {
  testStore = await openTestStore();
  store = testStore.store;
});
after(async () => {
  await testStore.close();
});

const delivery = (id: string, eventId: number, clientUuid: string): DeliveryRecord => ({
  id,
  eventId,
  event: 'command_executed',
  clientUuid,
  url: 'https://hooks.example.com/',
  endpoint: 'https://hooks.example.com',
  target: 'global',
  payload: '{}',
  status: 'PENDING',
  attempts: 0,
  nextAttemptAt: new Date(),
  claimed: false,
  lastError: null,
  lastStatusCode: null,
  lastAttemptAt: null,
  createdAt: new Date(),
  deliveredAt: null,
  replayedAt: null,
});

const logger = pino({ level: 'silent' });

test('a failing outbox leaves no event behind; a working one commits both rows', async () => {
  const bus = createEventBus();
  const published = bus.subscribe(() => true);
  let committed = 0;
  const failing = createAudit({
    store,
    bus,
    logger,
    outbox: {
      wants: () => true,
      async stage(tx, event) {
        await tx.deliveries.insert(delivery('msg_will_roll_back', event.id, event.clientUuid));
        throw new Error('disk full');
      },
      committed: () => (committed += 1),
    },
  });
  await assert.rejects(
    failing.record('command_executed', '00000000-0000-0000-0000-000000000001', {}),
    /disk full/,
  );
  const events = async (): Promise<number> => (await store.events.list({ limit: 10 })).length;
  const deliveries = async (): Promise<number> =>
    (await store.deliveries.list({ limit: 10 })).length;
  assert.equal(await events(), 0, 'no event without its delivery');
  assert.equal(await deliveries(), 0);
  assert.equal(committed, 0);

  const working = createAudit({
    store,
    bus,
    logger,
    outbox: {
      wants: () => true,
      async stage(tx, event) {
        await tx.deliveries.insert(delivery('msg_kept', event.id, event.clientUuid));
        return true;
      },
      committed: () => (committed += 1),
    },
  });
  const event = await working.record(
    'command_executed',
    '00000000-0000-0000-0000-000000000001',
    {},
  );
  const row = await store.deliveries.get('msg_kept');
  assert.equal(row?.eventId, event.id);
  assert.equal(await events(), 1);
  assert.equal(committed, 1);
  assert.equal((await published.next()).value?.id, event.id, 'published after the commit');
  await published.return?.();
});
