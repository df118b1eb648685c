// Reads inside a transaction, with the client index: on SQLite (one connection, this process its
// one writer) an admission's row read and an event's webhook lookup are answered from the index
// for a client the transaction has not written, and from the database once it has (it must see
// its own write); on PostgreSQL every read in a transaction is the database's (other servers
// commit meanwhile). Statements are counted to tell which answered.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clientRecord,
  forEachDialect,
  openTestStore,
  type TestStore,
} from '../../support/store.js';

forEachDialect((dialect) => {
  let db: TestStore;
  const a = clientRecord(1, { clientId: 'reads-a', hostname: 'a-before', heldBy: 'old-server' });
  const b = clientRecord(2, { clientId: 'reads-b', hostname: 'b-before', heldBy: 'old-server' });
  const fromIndex = dialect === 'sqlite';

  before(async () => {
    db = await openTestStore(dialect);
    await db.store.clients.insert(a);
    await db.store.clients.insert(b);
  });
  after(() => db.close());

  /** The statements that read client rows (PostgreSQL's row lock is a statement of its own). */
  /**
   * `count` client reads were statements. On PostgreSQL the index also re-reads what was written
   * (in the background), so there at least `count`.
   */
  const readsWere = (actual: number, count: number, message?: string): void => {
    if (dialect === 'sqlite' || count === 0) assert.equal(actual, count, message);
    else assert.ok(actual >= count, `${actual} < ${count}: ${message ?? ''}`);
  };
  const selects = (): string[] =>
    db.statements.filter((sql) => /^\s*select\b[\s\S]*\bfrom client\b/i.test(sql));

  test(`a client the transaction has not written: read ${fromIndex ? 'from the index' : 'from the database'}`, async () => {
    const committed = await db.store.clients.get(a.uuid);
    db.resetStatements();
    const { row, target } = await db.store.transaction(async (tx) => ({
      row: await tx.clients.getToUpdate(a.uuid),
      target: await tx.clients.webhookTarget(a.uuid),
    }));
    assert.deepEqual(row, committed);
    assert.deepEqual(target, {
      uuid: a.uuid,
      clientId: 'reads-a',
      displayName: a.displayName,
      hostname: 'a-before',
      webhookUrl: a.webhookUrl,
    });
    readsWere(selects().length, fromIndex ? 0 : 2, selects().join('\n'));
    // Unknown clients are unknown either way.
    assert.equal(
      await db.store.transaction((tx) =>
        tx.clients.getToUpdate('00000000-0000-4000-8000-00000000dead'),
      ),
      null,
    );
  });

  test('a client the transaction wrote: its own write is seen, the others still come from where they did', async () => {
    db.resetStatements();
    const seen = await db.store.transaction(async (tx) => {
      await tx.clients.update(a.uuid, { hostname: 'a-during' });
      const before = selects().length;
      const row = await tx.clients.getToUpdate(a.uuid);
      const target = await tx.clients.webhookTarget(a.uuid);
      const afterWritten = selects().length;
      const otherRow = await tx.clients.getToUpdate(b.uuid);
      return {
        row,
        target,
        otherRow,
        written: afterWritten - before,
        other: selects().length - afterWritten,
      };
    });
    assert.equal(seen.row?.hostname, 'a-during');
    assert.equal(seen.target?.hostname, 'a-during');
    readsWere(seen.written, 2, 'the written client is read from the database');
    readsWere(seen.other, fromIndex ? 0 : 1);
    assert.equal(seen.otherRow?.hostname, 'b-before');
    assert.equal((await db.store.clients.get(a.uuid))?.hostname, 'a-during');
  });

  test('a rolled-back write leaves the index as committed; a release of many makes every read the database', async () => {
    await assert.rejects(
      db.store.transaction(async (tx) => {
        await tx.clients.update(b.uuid, { hostname: 'b-rolled-back' });
        throw new Error('roll back');
      }),
      /roll back/,
    );
    db.resetStatements();
    const row = await db.store.transaction((tx) => tx.clients.getToUpdate(b.uuid));
    assert.equal(row?.hostname, 'b-before');
    readsWere(selects().length, fromIndex ? 0 : 1);

    db.resetStatements();
    const released = await db.store.transaction(async (tx) => {
      await tx.clients.releaseHoldsOf('old-server', {});
      const count = selects().length;
      const rowB = await tx.clients.getToUpdate(b.uuid);
      return { rowB, reads: selects().length - count };
    });
    assert.equal(released.rowB?.heldBy, null);
    readsWere(released.reads, 1, 'after a release of many, reads go to the database');
  });
});
