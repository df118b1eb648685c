// The client index's load against a real store, both dialects: every client is read by pages in
// clientId order (a statement per page, each with its limit), so a big fleet's rows never sit in
// memory all at once; and the index then holds exactly what the database holds, decommissioned
// clients included, whether the last page is full or not.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withClientIndex } from '../../../src/store/client-index/indexed-store.js';
import {
  clientRecord,
  forEachDialect,
  openTestStore,
  type TestStore,
} from '../../support/store.js';

const CLIENTS = 23;

forEachDialect((dialect) => {
  let bare: TestStore;

  before(async () => {
    bare = await openTestStore(dialect, { clientIndex: false });
    await bare.store.transaction(async (tx) => {
      // Inserted out of clientId order: the pages must follow clientId, not insertion.
      for (let n = CLIENTS; n >= 1; n -= 1)
        await tx.clients.insert(
          clientRecord(n, {
            clientId: `load-${String(n).padStart(2, '0')}`,
            tags: n % 3 === 0 ? ['production', 'web'] : [],
            decommissionedAt: n % 5 === 0 ? new Date('2026-02-01T00:00:00Z') : null,
          }),
        );
    });
  });
  after(() => bare.close());

  /** The index over the bare store, loaded by pages of `loadPage`; its select statements. */
  async function load(loadPage: number) {
    bare.resetStatements();
    const indexed = await withClientIndex(bare.store, { loadPage });
    const selects = bare.statements.filter((sql) => /^\s*select c\.\*/i.test(sql));
    const all = await indexed.clients.list({ includeDecommissioned: true });
    return { selects, all };
  }

  for (const [loadPage, pages] of [
    [10, 3], // 10 + 10 + 3
    [23, 2], // a full page, then an empty one
    [1000, 1],
  ] as const)
    test(`${CLIENTS} clients in pages of ${loadPage}: ${pages} statement${pages === 1 ? '' : 's'}, every client once`, async () => {
      const { selects, all } = await load(loadPage);
      assert.equal(selects.length, pages, selects.join('\n'));
      for (const sql of selects) assert.match(sql, /order by c\.client_id\s+limit/i);
      const expected = await bare.store.clients.list({ includeDecommissioned: true });
      assert.equal(expected.length, CLIENTS);
      assert.deepEqual(
        all.map((client) => client.clientId),
        expected.map((client) => client.clientId),
      );
      assert.deepEqual(all, expected);
    });
});
