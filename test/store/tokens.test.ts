// The enrollment-token repository against a real store: records round-trip, revocation keeps
// the first time, and a use is counted atomically — a single-use token raced by many
// consumers is used once, and no use counts on a revoked, expired or used-up token.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, TokenRecord } from '../../src/store/index.js';
import { forEachDialect, openTestStore, type TestStore } from '../support/store.js';

forEachDialect((dialect) => {
  let testStore: TestStore;
  let store: Store;

  before(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
  });

  after(() => testStore.close());

  function token(id: string, fields: Partial<TokenRecord> = {}): TokenRecord {
    return {
      id,
      tokenHash: `hash-${id}`,
      prefix: `etph_${id}`,
      name: 'first client',
      displayName: null,
      purpose: "it's a test",
      tags: ['production'],
      maxUses: 1,
      uses: 0,
      expiresAt: new Date(Date.now() + 3_600_000),
      createdAt: new Date('2026-01-01T00:00:00.001Z'),
      createdBy: 'test',
      revokedAt: null,
      lastUsedAt: null,
      ...fields,
    };
  }

  test('a token round-trips and is found by hash, id or prefix', async () => {
    const row = token('t1');
    await store.tokens.insert(row);
    assert.deepEqual(await store.tokens.getByHash('hash-t1'), row);
    assert.equal(await store.tokens.getByHash('nope'), null);
    assert.deepEqual(await store.tokens.findByIdOrPrefix('t1'), [row]);
    assert.deepEqual(await store.tokens.findByIdOrPrefix('etph_t1'), [row]);
    await store.tokens.insert(token('t2', { createdAt: new Date('2026-01-02T00:00:00Z') }));
    assert.deepEqual(
      (await store.tokens.list()).map((t) => t.id),
      ['t2', 't1'],
      'newest first',
    );
  });

  test('revoking keeps the first revocation time', async () => {
    await store.tokens.insert(token('r1'));
    const first = new Date('2026-02-01T00:00:00Z');
    assert.deepEqual((await store.tokens.revoke('r1', first))?.revokedAt, first);
    const again = await store.tokens.revoke('r1', new Date('2026-03-01T00:00:00Z'));
    assert.deepEqual(again?.revokedAt, first);
    assert.equal(await store.tokens.revoke('nope', first), null);
  });

  test('a single-use token raced by many consumers is used exactly once', async () => {
    await store.tokens.insert(token('race'));
    const now = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => store.tokens.consume('race', now)),
    );
    const used = outcomes.filter((outcome) => outcome !== null);
    assert.equal(used.length, 1);
    assert.equal(used[0]?.uses, 1);
    assert.deepEqual(used[0]?.lastUsedAt, now);
    assert.equal((await store.tokens.getByHash('hash-race'))?.uses, 1);
  });

  test('no use counts on a revoked, expired or used-up token; unlimited ones keep counting', async () => {
    const now = new Date();
    await store.tokens.insert(token('revoked', { revokedAt: now }));
    await store.tokens.insert(token('expired', { expiresAt: new Date(now.getTime() - 1) }));
    await store.tokens.insert(token('used', { maxUses: 2, uses: 2 }));
    await store.tokens.insert(token('unlimited', { maxUses: null, expiresAt: null }));
    for (const id of ['revoked', 'expired', 'used'])
      assert.equal(await store.tokens.consume(id, now), null, id);
    assert.equal((await store.tokens.getByHash('hash-used'))?.uses, 2);
    for (let i = 1; i <= 3; i += 1)
      assert.equal((await store.tokens.consume('unlimited', now))?.uses, i);
  });
});
