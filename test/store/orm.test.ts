import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/orm.js';
import { ClientEntity, TagEntity } from '../../src/store/entities/index.js';

test('the store migrates a new file, uses WAL and keeps rows across reopen', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'etph-store-'));
  try {
    const path = join(dir, 'test.db');
    let orm = await openStore(path);
    const mode = await orm.em.fork().getConnection().execute('PRAGMA journal_mode');
    assert.equal((mode[0] as { journal_mode: string }).journal_mode, 'wal');
    const em = orm.em.fork();
    const now = new Date();
    const client = em.create(ClientEntity, {
      uuid: '00000000-0000-4000-8000-000000000001',
      clientId: 'host-a',
      capabilities: ['git'],
      publicKey: 'ssh-ed25519 AAAA',
      keyFingerprint: 'SHA256:x',
      enrolledVia: 'open',
      firstSeen: now,
      lastSeen: now,
    });
    client.tags.add(em.create(TagEntity, { name: 'production' }));
    await em.flush();
    await orm.close();

    orm = await openStore(path); // migrations already applied: a second start is a no-op
    const again = await orm.em
      .fork()
      .findOneOrFail(ClientEntity, { clientId: 'host-a' }, { populate: ['tags'] });
    assert.deepEqual(again.capabilities, ['git']);
    assert.deepEqual(
      again.tags.getItems().map((t) => t.name),
      ['production'],
    );
    await orm.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
