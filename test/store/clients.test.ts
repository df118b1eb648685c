// The clients repository against a real store: records round-trip with every kind of field,
// filters combine, pages follow clientId order, tags change one client or many at once.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sqlite3 from 'sqlite3';
import { successor } from '../../src/store/dialect.js';
import type { ClientQuery, Store } from '../../src/store/index.js';
import { clientRecord, forEachDialect, openTestStore, type TestStore } from '../support/store.js';

forEachDialect((dialect) => {
  let testStore: TestStore;
  let store: Store;

  before(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
    await store.transaction(async (tx) => {
      await tx.clients.insert(
        clientRecord(1, {
          clientId: 'web-01',
          displayName: 'Web Front',
          purpose: 'Serves the shop (100% uptime)',
          hostname: 'web-01.example.com',
          tags: ['production', 'web'],
          capabilities: ['docker', 'git'],
        }),
      );
      await tx.clients.insert(
        clientRecord(2, {
          clientId: 'web-02',
          displayName: 'web front',
          purpose: 'Serves the shop',
          tags: ['staging', 'web'],
          capabilities: ['git'],
          pendingFingerprint: 'SHA256:new',
          pendingPublicKey: 'ssh-ed25519 BBBB',
        }),
      );
      await tx.clients.insert(
        clientRecord(3, {
          clientId: 'db-01',
          purpose: 'Database',
          tags: ['production'],
          capabilities: ['python3.12'],
          lastDisconnectedAt: new Date('2026-01-02T00:00:00Z'),
        }),
      );
      await tx.clients.insert(
        clientRecord(4, { clientId: 'old-01', decommissionedAt: new Date(), tags: ['production'] }),
      );
    });
  });

  after(() => testStore.close());

  const ids = async (query: ClientQuery): Promise<string[]> =>
    (await store.clients.list(query)).map((client) => client.clientId);

  test('a record round-trips: text, numbers, booleans, dates, JSON and tags', async () => {
    const uuid = clientRecord(10).uuid;
    const stored = clientRecord(10, {
      clientId: 'round-trip',
      displayName: "O'Brien's box \\ ? %",
      allowedPaths: ['/srv', '/home/deploy'],
      webhookUrl: 'https://hooks.example.com/x?y=1',
      webhookSecret: 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0',
      rateLimitRpm: 120,
      rateLimitConcurrent: 3,
      rateLimitMode: 'ENFORCE',
      cpuThreshold: 92.5,
      resourceChecks: false,
      keyMismatchAt: new Date('2026-02-03T04:05:06.789Z'),
      agentAllowedPaths: [],
      capabilities: ['docker'],
      tags: ['b', 'a'],
    });
    await store.clients.insert(stored);
    const read = await store.clients.get(uuid);
    assert.deepEqual(read, { ...stored, tags: ['a', 'b'] });
    await store.clients.update(uuid, { resourceChecks: true, cpuThreshold: null });
    const changed = await store.clients.get(uuid);
    assert.equal(changed?.resourceChecks, true);
    assert.equal(changed?.cpuThreshold, null);
    assert.equal(await store.clients.update('00000000-0000-4000-8000-999999999999', {}), false);
    await store.clients.update(uuid, { decommissionedAt: new Date() });
  });

  test('lookups by clientId and by name, ignoring case', async () => {
    assert.equal((await store.clients.getByClientId('web-01'))?.displayName, 'Web Front');
    assert.equal(await store.clients.getByClientId('WEB-01'), null);
    const named = await store.clients.findByName('WEB FRONT', 10);
    assert.deepEqual(named.map((c) => c.clientId).sort(), ['web-01', 'web-02']);
    assert.equal((await store.clients.findByName('Web Front', 1)).length, 1, 'the limit holds');
    assert.deepEqual(
      (await store.clients.getMany([clientRecord(1).uuid, clientRecord(3).uuid, 'nobody']))
        .map((c) => c.clientId)
        .sort(),
      ['db-01', 'web-01'],
    );
    assert.deepEqual(await store.clients.clientIdsStartingWith('web-'), ['web-01', 'web-02']);
    assert.deepEqual(await store.clients.clientIdsStartingWith('web_'), [], '_ is no wildcard');
  });

  test('filters combine, and every condition must hold', async () => {
    assert.deepEqual(await ids({}), ['db-01', 'web-01', 'web-02']);
    assert.deepEqual(await ids({ includeDecommissioned: true }), [
      'db-01',
      'old-01',
      'round-trip',
      'web-01',
      'web-02',
    ]);
    assert.deepEqual(
      await ids({ query: 'WEB FR' }),
      ['web-01', 'web-02'],
      'display name, any case',
    );
    assert.deepEqual(await ids({ query: 'example.com' }), ['web-01'], 'hostname');
    assert.deepEqual(await ids({ query: '100%' }), ['web-01'], '% is literal');
    assert.deepEqual(await ids({ query: '_' }), [], '_ is literal');
    assert.deepEqual(await ids({ purpose: 'shop' }), ['web-01', 'web-02']);
    assert.deepEqual(await ids({ tags: ['production'] }), ['db-01', 'web-01']);
    assert.deepEqual(await ids({ tags: ['production', 'web'] }), ['web-01'], 'ALL tags');
    assert.deepEqual(await ids({ tags: ['web', 'web'] }), ['web-01', 'web-02'], 'duplicates');
    assert.deepEqual(await ids({ capabilities: ['git'] }), ['web-01', 'web-02']);
    assert.deepEqual(await ids({ capabilities: ['git', 'docker'] }), ['web-01']);
    assert.deepEqual(await ids({ keyMismatch: true }), ['web-02']);
    assert.deepEqual(await ids({ keyMismatch: false }), ['db-01', 'web-01']);
    assert.deepEqual(await ids({ uuidIn: [clientRecord(2).uuid, clientRecord(3).uuid] }), [
      'db-01',
      'web-02',
    ]);
    assert.deepEqual(await ids({ uuidIn: [] }), [], 'nobody online');
    assert.deepEqual(await ids({ uuidNotIn: [clientRecord(1).uuid] }), ['db-01', 'web-02']);
    assert.deepEqual(await ids({ disconnectedSince: new Date('2026-01-01T12:00:00Z') }), ['db-01']);
    assert.deepEqual(await ids({ tags: ['web'], purpose: 'shop', keyMismatch: false }), ['web-01']);
    assert.equal(await store.clients.count({ tags: ['production'] }), 2);
    assert.equal(
      await store.clients.count({ tags: ['production'], includeDecommissioned: true }),
      3,
    );
  });

  test('pages follow clientId order', async () => {
    const first = await store.clients.list({}, { limit: 2 });
    assert.deepEqual(
      first.map((c) => c.clientId),
      ['db-01', 'web-01'],
    );
    const next = await store.clients.list({}, { afterClientId: 'web-01', limit: 2 });
    assert.deepEqual(
      next.map((c) => c.clientId),
      ['web-02'],
    );
  });

  test('tags: replaced on one client, added and removed on many at once', async () => {
    const web1 = clientRecord(1).uuid;
    const web2 = clientRecord(2).uuid;
    await store.clients.setTags(web1, ['production', 'web', 'eu-west']);
    assert.deepEqual((await store.clients.get(web1))?.tags, ['eu-west', 'production', 'web']);
    await store.clients.changeTags([web1, web2], { add: ['fleet', 'web'], remove: ['eu-west'] });
    assert.deepEqual((await store.clients.get(web1))?.tags, ['fleet', 'production', 'web']);
    assert.deepEqual((await store.clients.get(web2))?.tags, ['fleet', 'staging', 'web']);
    await store.clients.changeTags([web1, web2], { add: [], remove: ['fleet'] });
    assert.deepEqual((await store.clients.get(web2))?.tags, ['staging', 'web']);
    await store.clients.setTags(web1, ['production', 'web']);
  });

  test('what a webhook delivery needs of a client', async () => {
    await store.clients.update(clientRecord(3).uuid, {
      webhookUrl: 'https://hooks.example.com/db',
      webhookSecret: 'a-secret-of-sixteen-bytes',
    });
    assert.deepEqual(await store.clients.webhookTarget(clientRecord(3).uuid), {
      uuid: clientRecord(3).uuid,
      clientId: 'db-01',
      displayName: null,
      hostname: 'host-3',
      webhookUrl: 'https://hooks.example.com/db',
    });
    assert.equal(
      await store.clients.webhookSecret(clientRecord(3).uuid),
      'a-secret-of-sixteen-bytes',
    );
    assert.equal(await store.clients.webhookTarget('nobody'), null);
    assert.equal(await store.clients.webhookSecret('nobody'), null);
  });
  test('getToUpdate: two transactions reading one client to change it take turns', async () => {
    const record = clientRecord(51, { clientId: 'turns-51' });
    await store.clients.insert(record);
    const order: string[] = [];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstRead = (): void => undefined;
    const readByFirst = new Promise<void>((resolve) => (firstRead = resolve));
    const first = store.transaction(async (tx) => {
      await tx.clients.getToUpdate(record.uuid);
      order.push('first read');
      firstRead();
      await held;
      await tx.clients.update(record.uuid, { heldBy: 'one', heldConnection: 'c1' });
      order.push('first wrote');
    });
    await readByFirst;
    const second = store.transaction(async (tx) => {
      const seen = await tx.clients.getToUpdate(record.uuid);
      order.push(`second read ${seen?.heldBy ?? 'nobody'}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first read', 'first wrote', 'second read one']);
  });

  test("holds: released only by the connection holding it; a gone server's holds once", async () => {
    const seen: Array<[string, string | null]> = [];
    const unwatch = store.watchClients?.((uuid, record) =>
      seen.push([uuid, record?.heldBy ?? null]),
    );
    assert.ok(unwatch, 'the client index tells who changes');
    const [a, b, c] = [41, 42, 43].map((n) => clientRecord(n, { clientId: `hold-${n}` }));
    for (const record of [a!, b!, c!]) await store.clients.insert(record);
    await store.clients.update(a!.uuid, { heldBy: 'server-1', heldConnection: 'c1' });
    // A newer connection (another server's) took it: the old connection's release changes nothing.
    await store.clients.update(a!.uuid, { heldBy: 'server-2', heldConnection: 'c2' });
    const at = new Date('2026-02-01T00:00:00Z');
    assert.equal(await store.clients.releaseHold(a!.uuid, 'c1', { lastDisconnectedAt: at }), false);
    let row = await store.clients.get(a!.uuid);
    assert.deepEqual(
      [row?.heldBy, row?.heldConnection, row?.lastDisconnectedAt],
      ['server-2', 'c2', null],
    );
    assert.equal(await store.clients.releaseHold(a!.uuid, 'c2', { lastDisconnectedAt: at }), true);
    row = await store.clients.get(a!.uuid);
    assert.deepEqual([row?.heldBy, row?.heldConnection, row?.lastDisconnectedAt], [null, null, at]);

    await store.clients.update(b!.uuid, { heldBy: 'gone', heldConnection: 'c3' });
    await store.clients.update(c!.uuid, { heldBy: 'alive', heldConnection: 'c4' });
    // Two survivors sweeping at once: each row goes to one of them.
    const swept = await Promise.all([
      store.clients.releaseHoldsOf('gone', { lastDisconnectedAt: at }),
      store.clients.releaseHoldsOf('gone', { lastDisconnectedAt: at }),
    ]);
    assert.deepEqual(swept.flat(), [b!.uuid]);
    assert.equal((await store.clients.get(b!.uuid))?.heldBy, null);
    assert.equal((await store.clients.get(c!.uuid))?.heldBy, 'alive');
    // The swept server, alive after all, takes its hold back while nobody has it; not once
    // another connection holds it.
    assert.equal(await store.clients.reclaimHold(b!.uuid, 'gone', 'c3'), true);
    row = await store.clients.get(b!.uuid);
    assert.deepEqual([row?.heldBy, row?.heldConnection], ['gone', 'c3']);
    assert.equal(await store.clients.reclaimHold(c!.uuid, 'gone', 'c9'), false);
    assert.equal((await store.clients.get(c!.uuid))?.heldConnection, 'c4');
    // The index told of every hold as it went.
    // (On PostgreSQL each local write is also re-read, so a value may be told twice in a row.)
    const told = seen.filter(([uuid]) => uuid === a!.uuid).map(([, by]) => by);
    assert.deepEqual(
      told.filter((by, i) => i === 0 || by !== told[i - 1]),
      [null, 'server-1', 'server-2', null],
    );
    assert.ok(seen.some(([uuid, by]) => uuid === b!.uuid && by === null));
    unwatch();
  });

  test('sessions a crash left open close a page per statement, each only while its connection holds it', async () => {
    const records = Array.from({ length: 620 }, (_, i) =>
      clientRecord(1000 + i, { clientId: `open-${String(i).padStart(3, '0')}` }),
    );
    await store.transaction(async (tx) => {
      for (const record of records) await tx.clients.insert(record);
    });
    // Most are held by this server's connections; one was taken since by a newer connection;
    // one is from before holds were recorded (nobody holds it).
    for (const [i, record] of records.entries())
      if (i !== 7)
        await store.clients.update(record.uuid, { heldBy: 'me', heldConnection: `c${i}` });
    await store.clients.update(records[3]!.uuid, { heldBy: 'other', heldConnection: 'newer' });
    const at = (i: number) => new Date(Date.UTC(2026, 1, 1, 0, 0, i));
    testStore.resetStatements();
    const closed = await store.transaction((tx) =>
      tx.clients.closeSessions(
        records.map((record, i) => ({
          uuid: record.uuid,
          connection: i === 7 ? null : `c${i}`,
          lastDisconnectedAt: at(i),
        })),
      ),
    );
    const writes = testStore.statements.filter((sql) => /^\s*update client/i.test(sql));
    assert.equal(writes.length, 2, '620 sessions, two statements');
    assert.deepEqual(
      closed.sort(),
      records
        .filter((_, i) => i !== 3)
        .map((record) => record.uuid)
        .sort(),
    );
    for (const i of [0, 7, 519, 619]) {
      const row = await store.clients.get(records[i]!.uuid);
      assert.deepEqual(
        [row?.heldBy, row?.heldConnection, row?.lastDisconnectedAt],
        [null, null, at(i)],
      );
    }
    const kept = await store.clients.get(records[3]!.uuid);
    assert.deepEqual(
      [kept?.heldBy, kept?.heldConnection, kept?.lastDisconnectedAt],
      ['other', 'newer', null],
    );
    // Inside the transaction too (a read there is a statement), so the index is not all it says.
    const direct = await store.transaction((tx) => tx.clients.getToUpdate(records[519]!.uuid));
    assert.deepEqual(direct?.lastDisconnectedAt, at(519));
    assert.deepEqual(await store.clients.closeSessions([]), []);
  });

  test('names starting with a prefix, any case, as a new client picks a free clientId', async () => {
    await store.clients.insert(clientRecord(30, { clientId: 'pfx-a', displayName: 'PFX Main' }));
    await store.clients.insert(clientRecord(31, { clientId: 'PFX-B', displayName: 'pf%x_' }));
    await store.clients.insert(clientRecord(32, { clientId: 'pfy-é1', displayName: null }));
    // Inside a transaction the read is a statement (outside, the client index answers).
    const names = (prefix: string) =>
      store.transaction(async (tx) => (await tx.clients.namesStartingWith(prefix)).sort());
    assert.deepEqual(await names('PFX'), ['pfx main', 'pfx-a', 'pfx-b']);
    assert.deepEqual(await names('pf'), ['pf%x_', 'pfx main', 'pfx-a', 'pfx-b', 'pfy-é1']);
    assert.deepEqual(await names('pf%'), ['pf%x_'], '% is literal');
    assert.deepEqual(await names('pf_'), [], '_ is literal');
    assert.deepEqual(await names('pfy-é'), ['pfy-é1'], 'past ASCII');
    assert.deepEqual(await names('pfx-b'), ['pfx-b'], 'the whole name');
    assert.deepEqual(await names('pfz'), []);
  });

  if (dialect === 'sqlite') {
    test('names ignoring case are looked up through the lower() indexes, not a scan', async () => {
      testStore.resetStatements();
      await store.transaction(async (tx) => {
        await tx.clients.namesStartingWith('web');
        await tx.clients.findByName('web front', 2);
      });
      const [prefix, exact] = ['lower(client_id) >=', 'lower(c.client_id) ='].map((marker) =>
        testStore.statements.find((sql) => sql.includes(marker)),
      );
      assert.ok(prefix && exact, testStore.statements.join('\n'));
      const db = new sqlite3.Database(testStore.file);
      const plan = (sql: string, params: unknown[]) =>
        new Promise<string>((resolve, reject) =>
          db.all<{ detail: string }>(`explain query plan ${sql}`, params, (error, rows) =>
            error ? reject(error) : resolve(rows.map((row) => row.detail).join(' | ')),
          ),
        );
      try {
        for (const [sql, params] of [
          [prefix, ['web', 'wec', 'web', 'wec']],
          [exact, ['web front', 'web front', 2]],
        ] as const) {
          const shown = await plan(sql, [...params]);
          assert.match(shown, /USING INDEX client_lower_client_id_index/, shown);
          assert.match(shown, /USING INDEX client_lower_display_name_index/, shown);
          assert.doesNotMatch(shown, /SCAN c(lient)?\b/, shown);
        }
      } finally {
        await new Promise((resolve) => db.close(resolve));
      }
    });
  }
});

test('successor: the least string above every string with the prefix', () => {
  assert.equal(successor('web-'), 'web.');
  assert.equal(successor('pfy-é'), 'pfy-ê');
  assert.equal(
    successor('a\u{10FFFF}'),
    'b',
    'the last code point cannot grow: the one before does',
  );
  assert.equal(successor('\u{10FFFF}'), null, 'nothing is above');
  assert.equal(successor('a\uD7FF'), 'a\uE000', 'past the surrogates');
});
