// The outbox row and the event row commit together: when staging fails, no event is recorded
// (and nothing is published); when it succeeds, both rows exist.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createAudit } from '../../../src/fleet/audit.js';
import { createEventBus } from '../../../src/fleet/event-bus.js';
import { EventEntity, WebhookDeliveryEntity } from '../../../src/store/entities/index.js';
import { openStore, type Store } from '../../../src/store/orm.js';

let dir: string;
let store: Store;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etph-outbox-'));
  store = await openStore(join(dir, 'test.db'));
});
after(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const logger = pino({ level: 'silent' });

test('a failing outbox leaves no event behind; a working one commits both rows', async () => {
  const bus = createEventBus();
  const published = bus.subscribe(() => true);
  let committed = 0;
  const failing = createAudit(store, bus, logger, {
    wants: () => true,
    async stage(em, event) {
      em.create(WebhookDeliveryEntity, {
        id: 'msg_will_roll_back',
        eventId: event.id,
        event: event.type,
        clientUuid: event.clientUuid ?? null,
        url: 'https://hooks.example.com/',
        endpoint: 'https://hooks.example.com',
        target: 'global',
        payload: '{}',
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: new Date(),
        claimed: false,
        createdAt: new Date(),
      });
      throw new Error('disk full');
    },
    committed: () => (committed += 1),
  });
  await assert.rejects(
    failing.record('command_executed', '00000000-0000-0000-0000-000000000001', {}),
    /disk full/,
  );
  const em = store.em.fork();
  assert.equal(await em.count(EventEntity, {}), 0, 'no event without its delivery');
  assert.equal(await em.count(WebhookDeliveryEntity, {}), 0);
  assert.equal(committed, 0);

  const working = createAudit(store, bus, logger, {
    wants: () => true,
    async stage(em2, event) {
      em2.create(WebhookDeliveryEntity, {
        id: 'msg_kept',
        eventId: event.id,
        event: event.type,
        clientUuid: event.clientUuid ?? null,
        url: 'https://hooks.example.com/',
        endpoint: 'https://hooks.example.com',
        target: 'global',
        payload: '{}',
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: new Date(),
        claimed: false,
        createdAt: new Date(),
      });
      return true;
    },
    committed: () => (committed += 1),
  });
  const event = await working.record(
    'command_executed',
    '00000000-0000-0000-0000-000000000001',
    {},
  );
  const fresh = store.em.fork();
  const row = await fresh.findOneOrFail(WebhookDeliveryEntity, { id: 'msg_kept' });
  assert.equal(row.eventId, event.id);
  assert.equal(await fresh.count(EventEntity, {}), 1);
  assert.equal(committed, 1);
  assert.equal((await published.next()).value?.id, event.id, 'published after the commit');
  await published.return?.();
});
