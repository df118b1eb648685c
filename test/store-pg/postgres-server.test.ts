// The throwaway PostgreSQL of test/support/postgres.ts: what other tests rely on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { startPostgres } from '../support/postgres.js';

test('a throwaway PostgreSQL: databases, a restart on the same port, and nothing left after stop', async () => {
  const pg = await startPostgres({ settings: { max_connections: '50' } });
  try {
    assert.match(pg.url, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    await assert.rejects(pg.createDatabase('Bad-Name; drop'), /lower-case letters/);
    const url = await pg.createDatabase('kept');
    assert.equal(url, pg.url.replace(/\/postgres$/, '/kept'));

    const open = () =>
      MikroORM.init({ clientUrl: url, entities: [], discovery: { warnWhenNoEntities: false } });
    let orm = await open();
    await orm.em.fork().execute('create table note (body text)');
    await orm.em.fork().execute(`insert into note values ('survives')`);
    const [setting] = await orm.em.fork().execute('show max_connections');
    assert.deepEqual(setting, { max_connections: '50' });
    await orm.close();

    await pg.restart({ mode: 'immediate', downMs: 100 });
    orm = await open();
    assert.deepEqual(await orm.em.fork().execute('select body from note'), [{ body: 'survives' }]);
    await orm.close();
  } finally {
    await pg.stop();
  }
  assert.equal(existsSync(pg.dir), false, 'the cluster directory is gone');
  await pg.stop(); // idempotent
  await assert.rejects(pg.restart(), /was stopped/);
});
