// Units of work on either dialect: a transaction commits everything or nothing. (Moved here
// from sqlite.test.ts to run on both dialects.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientRecord, forEachDialect, openTestStore } from '../support/store.js';

forEachDialect((dialect) => {
  test('a transaction commits everything or nothing', async () => {
    const { store, close } = await openTestStore(dialect);
    try {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.clients.insert(clientRecord(1));
          throw new Error('disk full');
        }),
        /disk full/,
      );
      assert.equal(await store.clients.get(clientRecord(1).uuid), null, 'rolled back');
      await store.transaction(async (tx) => {
        await tx.clients.insert(clientRecord(2, { tags: ['a'] }));
        await tx.clients.setTags(clientRecord(2).uuid, ['b']);
      });
      assert.deepEqual((await store.clients.get(clientRecord(2).uuid))?.tags, ['b']);
    } finally {
      await close();
    }
  });
});
