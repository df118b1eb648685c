// The heartbeats' last-seen batch against a real store, both dialects: many clients' lastSeen set
// by a few statements (not one per client), unknown uuids changing nothing, and the in-memory
// client index seeing the same values as the database.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { clientRecord, forEachDialect, openTestStore, type TestStore } from '../support/store.js';

const CLIENTS = 520; // more than one statement's worth

forEachDialect((dialect) => {
  let bare: TestStore;
  let indexed: TestStore;
  const records = Array.from({ length: CLIENTS }, (_, i) =>
    clientRecord(1000 + i, { clientId: `seen-${String(i).padStart(4, '0')}` }),
  );
  const seen = records.map((record, i) => ({
    uuid: record.uuid,
    at: new Date(Date.UTC(2026, 11, 4, 8, 0, 0, i * 7)),
  }));

  before(async () => {
    bare = await openTestStore(dialect, { clientIndex: false });
    indexed = await openTestStore(dialect);
    for (const { store } of [bare, indexed])
      await store.transaction(async (tx) => {
        for (const record of records) await tx.clients.insert(record);
      });
  });
  after(async () => {
    await bare.close();
    await indexed.close();
  });

  test('lastSeen of 520 clients in two statements; unknown uuids change nothing', async () => {
    bare.resetStatements();
    await bare.store.transaction((tx) =>
      tx.clients.touchLastSeen([...seen, { uuid: randomUUID(), at: new Date() }]),
    );
    const updates = bare.statements.filter((sql) => /^\s*update client/i.test(sql));
    assert.equal(updates.length, 2);
    const rows = await bare.store.clients.list({ includeDecommissioned: true });
    assert.equal(rows.length, CLIENTS);
    const byUuid = new Map(rows.map((row) => [row.uuid, row.lastSeen.getTime()]));
    for (const { uuid, at } of seen) assert.equal(byUuid.get(uuid), at.getTime(), uuid);
  });

  test('the client index holds what the database holds', async () => {
    await indexed.store.clients.touchLastSeen(seen);
    for (const { uuid, at } of [seen[0]!, seen[CLIENTS - 1]!])
      assert.equal((await indexed.store.clients.get(uuid))?.lastSeen.getTime(), at.getTime());
  });
});
