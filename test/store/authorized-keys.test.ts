// The authorized_key table on both dialects: each server's rows follow its own file (added and
// removed lines), never another server's, and a key is listed while any server lists it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import { forEachDialect, openTestStore, type TestStore } from '../support/store.js';

const KEY_A = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const KEY_B = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const KEY_C = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICccccccccccccccccccccccccccccccccccccccccc';

forEachDialect((dialect) => {
  let testStore: TestStore;
  let store: Store;

  before(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
  });
  after(() => testStore.close());

  test("a server's rows follow its file; other servers' rows stay", async () => {
    const keys = store.authorizedKeys;
    const now = new Date('2026-12-03T07:00:00Z');
    assert.deepEqual(
      await keys.replaceServerKeys(
        'srv-a',
        [
          { publicKey: KEY_A, comment: 'alice@laptop' },
          { publicKey: KEY_B, comment: null },
        ],
        now,
      ),
      { added: 2, removed: 0 },
    );
    assert.deepEqual(
      await keys.replaceServerKeys('srv-b', [{ publicKey: KEY_B, comment: 'bob' }], now),
      { added: 1, removed: 0 },
    );
    assert.equal(await keys.listed(KEY_A), true);
    assert.equal(await keys.listed(KEY_C), false);

    // srv-a drops B and adds C: only its own rows change.
    assert.deepEqual(
      await keys.replaceServerKeys(
        'srv-a',
        [
          { publicKey: KEY_A, comment: 'alice@desktop' },
          { publicKey: KEY_C, comment: null },
        ],
        now,
      ),
      { added: 1, removed: 1 },
    );
    assert.deepEqual(await keys.serverKeys('srv-a'), [KEY_A, KEY_C].sort());
    assert.deepEqual(await keys.serverKeys('srv-b'), [KEY_B]);
    assert.equal(await keys.listed(KEY_B), true, 'srv-b still lists B');

    // Once no server lists a key it is no longer listed.
    await keys.replaceServerKeys('srv-b', [], now);
    assert.equal(await keys.listed(KEY_B), false);
    assert.equal(await keys.listed(KEY_A), true);
    // The same file again changes nothing.
    assert.deepEqual(
      await keys.replaceServerKeys(
        'srv-a',
        [
          { publicKey: KEY_A, comment: 'alice@desktop' },
          { publicKey: KEY_C, comment: null },
        ],
        now,
      ),
      { added: 0, removed: 0 },
    );
  });
});
