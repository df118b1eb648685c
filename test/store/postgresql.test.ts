// The PostgreSQL store itself, where it differs from SQLite: opening (migrations applied once,
// a database that cannot be reached refused at once with the driver's reason and no password),
// transactions that really run side by side (event ids as cursors while commits come out of id
// order; two first admissions of one hostname), and text PostgreSQL cannot store.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Repositories, Store } from '../../src/store/index.js';
import { openStore } from '../../src/store/open.js';
import { createPostgresOptions } from '../../src/store/postgresql/options.js';
import { clientRecord, testDatabaseUrl, testPostgres } from '../support/store.js';
import { waitFor } from '../support/wait.js';

let url: string;
let store: Store;
let raw: MikroORM;

before(async () => {
  url = await testDatabaseUrl();
  store = await openStore({ file: 'unused.db', databaseUrl: url });
  raw = await MikroORM.init(createPostgresOptions(url, { poolMax: 2 }));
});

after(async () => {
  await store?.close();
  await raw?.close();
});

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Reads the trail after `cursor` to its end (as far as a cursor may read now); the last id. */
async function tail(cursor: number | null): Promise<number | null> {
  for (;;) {
    const page = await store.events.after(cursor, 1000);
    if (page.length === 0) return cursor;
    cursor = page.at(-1)!.id;
  }
}

/** Rows of pg_locks waiting for an advisory lock (a transaction blocked on another's). */
async function advisoryWaiters(): Promise<number> {
  const rows = await raw.em
    .fork()
    .execute(`select 1 from pg_locks where locktype = 'advisory' and not granted`);
  return rows.length;
}

test('a new database is migrated on open; a second open applies nothing and keeps the rows', async () => {
  const fresh = await testDatabaseUrl();
  const logs: string[] = [];
  let opened = await openStore({
    file: 'unused.db',
    databaseUrl: fresh,
    log: (message) => logs.push(message),
  });
  try {
    assert.equal(opened.dialect, 'postgresql');
    assert.ok(logs.some((m) => m === 'applied migration Migration20261124232100'));
    await opened.clients.insert(clientRecord(1, { tags: ['production'], capabilities: ['git'] }));
  } finally {
    await opened.close();
  }
  logs.length = 0;
  opened = await openStore({
    file: 'unused.db',
    databaseUrl: fresh,
    log: (message) => logs.push(message),
  });
  try {
    assert.deepEqual(
      logs.filter((m) => m.startsWith('applied migration')),
      [],
    );
    const again = await opened.clients.get(clientRecord(1).uuid);
    assert.deepEqual(again?.tags, ['production']);
    assert.deepEqual(again?.capabilities, ['git']);
  } finally {
    await opened.close();
  }
});

test('a database that cannot be reached is refused at once, with the reason and no password', async () => {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as { port: number }).port;
  probe.close();
  await assert.rejects(
    openStore({
      file: 'unused.db',
      databaseUrl: `postgres://etph:s3cret-pw@127.0.0.1:${port}/etph`,
    }),
    (error: Error) => {
      assert.match(
        error.message,
        new RegExp(
          `^Could not connect to PostgreSQL at postgres://etph:\\*\\*\\*@127\\.0\\.0\\.1:${port}/etph: .*ECONNREFUSED.*--database-url`,
        ),
      );
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    },
  );
  const pg = await testPostgres();
  await assert.rejects(
    openStore({ file: 'unused.db', databaseUrl: pg.url.replace(/\/postgres$/, '/nowhere') }),
    /Could not connect to PostgreSQL at .*: database "nowhere" does not exist/,
  );
});

test('event ids are cursors that skip nothing: a second writer waits for the first to commit', async () => {
  // Events append under the audit chain's lock (docs/design/0006-audit-chain.md), held to
  // commit: a second transaction's event cannot draw its id until the first has committed, so
  // ids follow commit order and a cursor never passes over an id still being written.
  const x = clientRecord(100);
  await store.clients.insert(x);
  const cursor = await tail(null);
  const event = (type: string) => ({
    type,
    clientUuid: x.uuid,
    at: new Date(),
    data: {},
    actor: null,
  });

  // B writes first (its transaction is the older), then waits; A appends its event and waits;
  // B then appends too: it must wait for A's commit.
  const bWrote = gate();
  const bGo = gate();
  const aAppended = gate();
  const aGo = gate();
  let idA = 0;
  let idB = 0;
  const b = store.transaction(async (tx: Repositories) => {
    await tx.clients.update(x.uuid, { purpose: 'written by B first' });
    bWrote.open();
    await bGo.opened;
    idB = (await tx.events.append(event('test.b'))).id;
  });
  await bWrote.opened;
  const a = store.transaction(async (tx: Repositories) => {
    idA = (await tx.events.append(event('test.a'))).id;
    aAppended.open();
    await aGo.opened;
  });
  try {
    await aAppended.opened;
    bGo.open();
    // B's append is blocked by A's open transaction (it waits on the chain's lock): no id yet,
    // and nothing of B is readable.
    await waitFor(async () => (await advisoryWaiters()) === 1, { what: 'B to wait for the lock' });
    assert.equal(idB, 0, 'B has not drawn an id while A holds the lock');
    assert.deepEqual(await store.events.after(cursor, 100), []);
    aGo.open();
    await Promise.all([a, b]);
    assert.ok(idA < idB, `A drew the earlier id (${idA} < ${idB})`);
    // Read in (transaction, id) order, B's older transaction first: each once, none skipped.
    assert.deepEqual(
      (await store.events.after(cursor, 100)).map((e) => [e.type, e.id]),
      [
        ['test.b', idB],
        ['test.a', idA],
      ],
      'both read after the cursor, none skipped',
    );
  } finally {
    bGo.open();
    aGo.open();
    await Promise.allSettled([a, b]);
  }
});

test('an event waits for every older transaction before a cursor reads it', async () => {
  const x = clientRecord(101);
  await store.clients.insert(x);
  const cursor = await tail(null);
  const held = gate();
  const holding = gate();
  // An unrelated transaction that has written something stays open…
  const older = store.transaction(async (tx: Repositories) => {
    await tx.clients.update(x.uuid, { purpose: 'held open' });
    holding.open();
    await held.opened;
  });
  try {
    await holding.opened;
    // …so a later event, committed, is not handed out yet: the older one might still write.
    const later = await store.events.append({
      type: 'test.later',
      clientUuid: x.uuid,
      at: new Date(),
      data: {},
      actor: null,
    });
    assert.deepEqual(await store.events.after(cursor, 100), []);
    held.open();
    await older;
    assert.deepEqual(
      (await store.events.after(cursor, 100)).map((e) => e.id),
      [later.id],
    );
  } finally {
    held.open();
    await older.catch(() => undefined);
  }
});

test('two first admissions of one hostname at the same moment get different clientIds', async () => {
  const admit = async (tx: Repositories, n: number, read?: () => void, go?: Promise<void>) => {
    const taken = new Set(await tx.clients.clientIdsStartingWith('twin'));
    let clientId = 'twin';
    for (let i = 2; taken.has(clientId); i += 1) clientId = `twin-${i}`;
    read?.();
    await go;
    await tx.clients.insert(clientRecord(n, { clientId, hostname: 'twin' }));
    return clientId;
  };
  const firstRead = gate();
  const firstMayInsert = gate();
  const first = store.transaction((tx) => admit(tx, 200, firstRead.open, firstMayInsert.opened));
  // The first has read the taken ids (and holds the prefix); the second must wait for its commit
  // instead of reading the same ids and failing on the unique clientId.
  await firstRead.opened;
  const second = store.transaction((tx) => admit(tx, 201));
  try {
    await waitFor(async () => (await advisoryWaiters()) === 1, {
      what: 'the second admission waiting for the first',
    });
  } finally {
    firstMayInsert.open();
  }
  assert.deepEqual(await Promise.all([first, second]), ['twin', 'twin-2']);
});

test('text PostgreSQL cannot store (NUL, lone surrogates) is written as U+FFFD, never refused', async () => {
  const client = clientRecord(300, {
    hostname: 'host\u0000name',
    displayName: 'half \ud800 pair',
    capabilities: ['docker\u0000', 'git\udc00'],
    allowedPaths: ['/srv/\u0000'],
  });
  await store.clients.insert(client);
  const read = await store.clients.get(client.uuid);
  assert.equal(read?.hostname, 'host\ufffdname');
  assert.equal(read?.displayName, 'half \ufffd pair');
  assert.deepEqual(read?.capabilities, ['docker\ufffd', 'git\ufffd']);
  assert.deepEqual(read?.allowedPaths, ['/srv/\ufffd']);

  const event = await store.events.append({
    type: 'command_executed',
    clientUuid: client.uuid,
    at: new Date(),
    data: {
      stderr: 'bad\u0000byte',
      'key\u0000': [1, 'x\ud83d'],
      // A backslash followed by "u0000" is text like any other: kept.
      path: 'C:\\u0000dir',
      pair: 'ok \ud83d\ude00',
    },
    actor: 'agent said \u0000',
  });
  const [stored] = await store.events.list({ limit: 1, clientUuid: client.uuid });
  assert.equal(stored?.id, event.id);
  assert.deepEqual(stored?.data, {
    stderr: 'bad\ufffdbyte',
    'key\ufffd': [1, 'x\ufffd'],
    path: 'C:\\u0000dir',
    pair: 'ok \ud83d\ude00',
  });
  assert.equal(stored?.actor, 'agent said \ufffd');
});
