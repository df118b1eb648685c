// Several servers on one PostgreSQL hear each other's commits (issue 14): two stores opened on
// one database stand for two servers. A client written through one is what the other's client
// index answers once the notification is heard; appended events are heard at commit and never
// before; a listening connection that the database drops is made again, and the index reads
// everything again, so a change made while it was deaf is not lost. SQLite has no feed.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MikroORM } from '@mikro-orm/postgresql';
import type { ChangeListener, Store } from '../../src/store/index.js';
import { openStore } from '../../src/store/open.js';
import { createPostgresOptions } from '../../src/store/postgresql/options.js';
import { clientRecord, openTestStore, testDatabaseUrl } from '../support/store.js';
import { waitFor } from '../support/wait.js';

/** A listener that counts what it hears. */
function counting(): ChangeListener & {
  heard: { events: number; clients: string[]; resyncs: number };
} {
  const heard = { events: 0, clients: [] as string[], resyncs: 0 };
  return {
    heard,
    events: () => (heard.events += 1),
    clients: (uuids) => heard.clients.push(...uuids),
    resync: () => (heard.resyncs += 1),
  };
}

describe('two servers on one PostgreSQL', () => {
  let url: string;
  let one: Store;
  let two: Store;
  let raw: MikroORM;

  before(async () => {
    url = await testDatabaseUrl();
    one = await openStore({ file: 'unused.db', databaseUrl: url });
    two = await openStore({ file: 'unused.db', databaseUrl: url });
    raw = await MikroORM.init(createPostgresOptions(url, { poolMax: 2 }));
  });
  after(async () => {
    await one?.close();
    await two?.close();
    await raw?.close();
  });

  test("a client written through one server is what the other's index answers", async () => {
    const record = clientRecord(1, { tags: ['web'] });
    await one.clients.insert(record);
    await waitFor(async () => (await two.clients.get(record.uuid)) !== null, {
      what: 'the insert heard by the second store',
    });
    assert.deepEqual((await two.clients.get(record.uuid))?.tags, ['web']);

    await one.clients.update(record.uuid, { displayName: 'edge-proxy' });
    await waitFor(async () => (await two.clients.get(record.uuid))?.displayName === 'edge-proxy', {
      what: 'the update heard',
    });
    // Found by its new name, as the index's name lookups answer.
    assert.equal((await two.clients.findByName('EDGE-PROXY', 5))[0]?.uuid, record.uuid);

    await one.transaction(async (tx) => {
      await tx.clients.changeTags([record.uuid], { add: ['db'], remove: ['web'] });
    });
    await waitFor(async () => (await two.clients.get(record.uuid))?.tags.join() === 'db', {
      what: 'the tag change heard',
    });
    assert.deepEqual(await two.tags.inUse(), ['db']);
  });

  test('after sync, a read on one server sees every write another committed before it', async () => {
    const record = clientRecord(3);
    await one.clients.insert(record);
    await two.sync!();
    assert.equal((await two.clients.get(record.uuid))?.uuid, record.uuid, 'the insert');
    for (let round = 0; round < 20; round += 1) {
      await one.clients.update(record.uuid, { purpose: `round ${round}` });
      await two.sync!();
      assert.equal((await two.clients.get(record.uuid))?.purpose, `round ${round}`);
    }
  });

  test('events are heard at commit, never before; a rolled-back append is never heard', async () => {
    const listener = counting();
    const stop = await two.changes!.watch(listener);
    try {
      let appended!: () => void;
      const holding = new Promise<void>((resolve) => (appended = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const writing = one.transaction(async (tx) => {
        await tx.events.appendChained([
          { type: 'client.updated', clientUuid: '', at: new Date(), data: {}, actor: null },
        ]);
        appended();
        await released;
      });
      await holding;
      // A notification the other server heard now would let it read a row that may never be.
      const before = listener.heard.events;
      await raw.em.fork().execute('select pg_sleep(0.05)');
      assert.equal(listener.heard.events, before, 'nothing heard while uncommitted');
      release();
      await writing;
      await waitFor(() => listener.heard.events > before, { what: 'the commit heard' });

      const heard = listener.heard.events;
      await one
        .transaction(async (tx) => {
          await tx.events.appendChained([
            { type: 'client.updated', clientUuid: '', at: new Date(), data: {}, actor: null },
          ]);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      // A later commit is heard; the rolled-back one before it never was.
      await one.transaction((tx) =>
        tx.events.appendChained([
          { type: 'client.updated', clientUuid: '', at: new Date(), data: {}, actor: null },
        ]),
      );
      await waitFor(() => listener.heard.events > heard, { what: 'the second commit heard' });
      assert.equal(listener.heard.events, heard + 1, 'one notification: the rollback sent none');
    } finally {
      stop();
    }
  });

  test('a listening connection the database drops is made again, and what changed meanwhile is read', async () => {
    const listener = counting();
    const stop = await two.changes!.watch(listener);
    try {
      const record = clientRecord(2);
      await one.clients.insert(record);
      await waitFor(async () => (await two.clients.get(record.uuid)) !== null, {
        what: 'the insert heard',
      });
      // Every listening session of this database ends (the second store's one connection).
      const ended = await raw.em.fork().execute(
        `select pg_terminate_backend(pid) as ended from pg_stat_activity
            where datname = current_database() and query like 'listen %' and pid <> pg_backend_pid()`,
      );
      assert.ok(ended.length >= 1, 'a listening session was found and ended');
      // Written while the second store may be deaf: the reload after reconnecting reads it.
      await one.clients.update(record.uuid, { purpose: 'written while deaf' });
      await waitFor(() => listener.heard.resyncs > 0, { what: 'a resync after reconnecting' });
      await waitFor(
        async () => (await two.clients.get(record.uuid))?.purpose === 'written while deaf',
        { what: 'the change made while deaf' },
      );
      // Listening again: a later change is heard as before.
      await one.clients.update(record.uuid, { purpose: 'heard again' });
      await waitFor(async () => (await two.clients.get(record.uuid))?.purpose === 'heard again', {
        what: 'a change after the reconnect',
      });
    } finally {
      stop();
    }
  });

  test('the head is a cursor from which a follower reads only what comes after it', async () => {
    const head = await two.events.head();
    assert.equal(head, await two.events.latestId(), 'nothing running: the head is the newest');
    const [written] = await one.transaction((tx) =>
      tx.events.appendChained([
        { type: 'client.updated', clientUuid: '', at: new Date(), data: { n: 1 }, actor: null },
      ]),
    );
    const after = await two.events.after(head, 10);
    assert.deepEqual(
      after.map((event) => event.id),
      [written!.id],
    );
  });
});

test('SQLite, which one server owns, has no change feed', async () => {
  const sqlite = await openTestStore('sqlite');
  try {
    assert.equal(sqlite.store.changes, undefined);
  } finally {
    await sqlite.close();
  }
});
