// The trusted-document repository on both dialects: a record round-trips, a second insert of
// the same hash changes nothing, and removal returns what was removed.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, TrustedDocumentRecord } from '../../src/store/index.js';
import { forEachDialect, openTestStore, type TestStore } from '../support/store.js';

forEachDialect((dialect) => {
  let testStore: TestStore;
  let store: Store;

  before(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
  });

  after(() => testStore.close());

  const record = (hash: string, fields: Partial<TrustedDocumentRecord> = {}) => ({
    hash,
    name: 'Nightly',
    document: '{\n  clients {\n    uuid\n  }\n}',
    createdAt: new Date('2026-01-01T00:00:00.001Z'),
    createdBy: 'admin',
    ...fields,
  });

  test('a document round-trips, once per hash, newest first', async () => {
    const first = record('a'.repeat(64));
    assert.equal(await store.trustedDocuments.insert(first), true);
    assert.deepEqual(await store.trustedDocuments.get(first.hash), first);
    assert.equal(
      await store.trustedDocuments.insert({ ...first, name: 'other', createdBy: 'someone' }),
      false,
    );
    assert.deepEqual(await store.trustedDocuments.get(first.hash), first, 'the first one stays');
    const second = record('b'.repeat(64), {
      name: null,
      createdAt: new Date('2026-01-02T00:00:00Z'),
    });
    await store.trustedDocuments.insert(second);
    assert.deepEqual(
      (await store.trustedDocuments.list()).map((d) => d.hash),
      [second.hash, first.hash],
    );
  });

  test('removing returns the record once', async () => {
    const doc = record('c'.repeat(64));
    await store.trustedDocuments.insert(doc);
    assert.deepEqual(await store.trustedDocuments.remove(doc.hash), doc);
    assert.equal(await store.trustedDocuments.remove(doc.hash), null);
    assert.equal(await store.trustedDocuments.get(doc.hash), null);
  });
});
