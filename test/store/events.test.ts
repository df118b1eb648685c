// The events, tags and rate-limit repositories against a real store: the trail appends and
// pages newest first, filters by type, client and tags, gives each client's newest events in
// one statement; tags count only clients in service; breaches are counted per kind.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyChain } from '../../src/store/audit-chain.js';
import type { EventRecord, Store } from '../../src/store/index.js';
import { clientRecord, forEachDialect, openTestStore, type TestStore } from '../support/store.js';

forEachDialect((dialect) => {
  let testStore: TestStore;
  let store: Store;
  const a = clientRecord(1).uuid;
  const b = clientRecord(2).uuid;
  const at = new Date('2026-03-01T10:00:00.123Z');

  before(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    await store.clients.insert(clientRecord(1, { tags: ['production', 'web'] }));
    await store.clients.insert(clientRecord(2, { tags: ['production'] }));
    await store.clients.insert(clientRecord(3, { tags: ['web'], decommissionedAt: at }));
    for (let i = 0; i < 5; i += 1) {
      await store.events.append({
        type: 'command_executed',
        clientUuid: i % 2 === 0 ? a : b,
        at,
        data: { command: `echo ${i}`, exit_code: 0 },
        actor: 'test',
      });
    }
    await store.events.append({
      type: 'client.connected',
      clientUuid: a,
      at,
      data: {},
      actor: null,
    });
  });

  after(() => testStore.close());

  test('append returns the record with its id; the trail reads back newest first', async () => {
    const event = await store.events.append({
      type: 'client.updated',
      clientUuid: b,
      at,
      data: { purpose: 'it\'s "quoted" \\ ?', nested: { list: [1, 2] } },
      actor: 'graphql 127.0.0.1',
    });
    const [newest] = await store.events.list({ limit: 1 });
    assert.deepEqual(newest, event);
    assert.ok(event.id > 0);
    const older = await store.events.list({ limit: 100, beforeId: event.id });
    assert.ok(older.every((e) => e.id < event.id));
    assert.deepEqual(
      older.map((e) => e.id),
      [...older.map((e) => e.id)].sort((x, y) => y - x),
    );
  });

  test('a batch of 450 events: written 200 rows a statement, each id its own row, in order, chained', async () => {
    // A store of its own: the other tests count this one's events.
    const own = await openTestStore(dialect);
    await own.store.clients.insert(clientRecord(1));
    await own.store.clients.insert(clientRecord(2));
    own.resetStatements();
    const written = await own.store.transaction((tx) =>
      tx.events.appendChained(
        Array.from({ length: 450 }, (_, i) => ({
          type: 'command_executed',
          clientUuid: i % 3 === 0 ? a : b,
          at: new Date(at.getTime() + i),
          data: { i },
          actor: `batch ${i}`,
        })),
      ),
    );
    const inserts = own.statements.filter((sql) => /^\s*insert into event/i.test(sql));
    assert.equal(inserts.length, 3);
    const ids = written.map((event) => event.id);
    assert.deepEqual(
      ids,
      [...ids].sort((x, y) => x - y),
    );
    assert.equal(new Set(ids).size, 450);
    const back = await own.store.events.after(ids[0]! - 1, 1000);
    for (const [i, event] of written.entries()) {
      const stored = back.find((row) => row.id === event.id);
      assert.deepEqual(stored?.data, { i });
      assert.equal(stored?.actor, `batch ${i}`);
      assert.equal(stored?.hash, event.hash);
    }
    const report = await verifyChain(own.store.events);
    assert.ok(report.ok, JSON.stringify(report));
    await own.close();
  });

  test('after a cursor: every event once, oldest first, page by page', async () => {
    const all = (await store.events.list({ limit: 1000 })).reverse();
    assert.ok(all.length >= 6);
    const seen: number[] = [];
    let cursor: number | null = null;
    for (;;) {
      const page: EventRecord[] = await store.events.after(cursor, 4);
      if (page.length === 0) break;
      seen.push(...page.map((e) => e.id));
      cursor = page.at(-1)!.id;
    }
    assert.deepEqual(
      seen,
      all.map((e) => e.id),
    );
    assert.deepEqual(await store.events.after(null, 1), [all[0]], 'the same records as list');
    assert.deepEqual(
      (await store.events.after(all[2]!.id, 100)).map((e) => e.id),
      all.slice(3).map((e) => e.id),
    );
    assert.deepEqual(await store.events.after(all.at(-1)!.id, 10), [], 'nothing newer');
    assert.deepEqual(await store.events.after(all.at(-1)!.id + 1000, 10), [], 'no such event');
  });

  test('the trail filters by type, client and tags', async () => {
    const commands = await store.events.list({ limit: 100, types: ['command_executed'] });
    assert.equal(commands.length, 5);
    const ofA = await store.events.list({ limit: 100, clientUuid: a, types: ['command_executed'] });
    assert.equal(ofA.length, 3);
    const web = await store.events.list({ limit: 100, tags: ['production', 'web'] });
    assert.ok(web.length > 0 && web.every((e) => e.clientUuid === a));
    assert.deepEqual(await store.events.list({ limit: 100, types: [] }), []);
  });

  test("each client's newest events in one statement", async () => {
    testStore.resetStatements();
    const recent = await store.events.recentOf([a, b, a], { limit: 2, types: null });
    assert.equal(testStore.statements.length, 1);
    assert.equal(recent.filter((e) => e.clientUuid === a).length, 2);
    assert.equal(recent.filter((e) => e.clientUuid === b).length, 2);
    const commands = await store.events.recentOf([a], { limit: 10, types: ['command_executed'] });
    assert.equal(commands.length, 3);
    assert.deepEqual(await store.events.recentOf([], { limit: 10, types: null }), []);
  });

  test('tags count the clients in service only', async () => {
    assert.deepEqual(await store.tags.inUse(), ['production', 'web']);
    const counts = await store.tags.clientCounts(['production', 'web', 'nobody']);
    assert.deepEqual(
      [...counts],
      [
        ['production', 2],
        ['web', 1],
        ['nobody', 0],
      ],
    );
    const members = await store.tags.clientsOf(['production', 'nobody']);
    assert.deepEqual(members.get('production'), [a, b], 'in clientId order');
    assert.deepEqual(members.get('nobody'), []);
  });

  test('rate-limit breaches are counted per client, limit and verdict', async () => {
    for (const [uuid, limit, enforced] of [
      [a, 'rpm', false],
      [a, 'rpm', false],
      [a, 'concurrent', true],
      [b, 'rpm', true],
    ] as const) {
      await store.events.append({
        type: 'client.rate_limited',
        clientUuid: uuid,
        at,
        data: { limit, enforced, mode: enforced ? 'ENFORCE' : 'WARN' },
        actor: null,
      });
    }
    const counts = await store.rateLimits.breachCounts('client.rate_limited');
    const key = (c: { clientUuid: string; breach: string; enforced: boolean }) =>
      `${c.clientUuid === a ? 'a' : 'b'} ${c.breach} ${c.enforced}`;
    assert.deepEqual(Object.fromEntries(counts.map((c) => [key(c), c.count])), {
      'a rpm false': 2,
      'a concurrent true': 1,
      'b rpm true': 1,
    });
  });
});
