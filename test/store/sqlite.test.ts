// The SQLite store itself: a new file is migrated, runs in WAL mode, and keeps rows across a
// reopen (a second open applies no migration). Transactions: transactions.test.ts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { createStoreOptions } from '../../src/store/sqlite.js';
import { openStore } from '../../src/store/open.js';
import { clientRecord } from '../support/store.js';

test('the store migrates a new file, uses WAL and keeps rows across reopen', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'etph-store-'));
  try {
    const path = join(dir, 'test.db');
    const applied: string[] = [];
    let store = await openStore({ file: path, log: (message) => applied.push(message) });
    assert.ok(applied.some((message) => /applied migration/.test(message)));
    await store.clients.insert(
      clientRecord(1, { clientId: 'host-a', capabilities: ['git'], tags: ['production'] }),
    );
    await store.close();

    const orm = await MikroORM.init(createStoreOptions(path));
    const mode = await orm.em.fork().getConnection().execute('PRAGMA journal_mode');
    assert.equal((mode[0] as { journal_mode: string }).journal_mode, 'wal');
    await orm.close();

    applied.length = 0;
    store = await openStore({ file: path, log: (message) => applied.push(message) });
    assert.deepEqual(
      applied.filter((message) => /applied migration/.test(message)),
      [],
      'migrations already applied: a second start is a no-op',
    );
    const again = await store.clients.getByClientId('host-a');
    assert.deepEqual(again?.capabilities, ['git']);
    assert.deepEqual(again?.tags, ['production']);
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
