// `etphonehome audit verify|export` read the database where the server keeps it: a data
// directory without a database is refused (and none is created, so an empty trail never reads as
// "intact"), and --database-url reads a PostgreSQL server's trail. In process, through the
// command's own dispatch; a throwaway PostgreSQL.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { auditCommand } from '../../src/audit-command.js';
import { dispatch } from '../../src/cli/dispatch.js';
import { openDatabase } from '../../src/store/open.js';
import { testDatabaseUrl, testPostgres } from '../support/store.js';

after(async () => (await testPostgres()).stop());

async function audit(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await dispatch(auditCommand, args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env,
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

test('a data directory without a database is refused, and no database is created', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'etph-audit-empty-'));
  try {
    for (const sub of ['verify', 'export']) {
      await assert.rejects(audit([sub, '--data-dir', dir]), {
        name: 'UsageError',
        message: /No server database at .*etphonehome\.db: point --data-dir/,
      });
    }
    assert.deepEqual(await readdir(dir), []);
    assert.equal(existsSync(join(dir, 'etphonehome.db')), false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--database-url reads a PostgreSQL trail: verify finds it intact, export writes it', async () => {
  const url = await testDatabaseUrl();
  const store = await openDatabase({ file: '', databaseUrl: url });
  try {
    const at = new Date('2026-12-01T00:00:00Z');
    await store.events.appendChained(
      ['one', 'two', 'three'].map((step) => ({
        type: 'client.updated',
        clientUuid: '00000000-0000-4000-8000-000000000001',
        at,
        data: { step },
        actor: 'test',
      })),
    );
  } finally {
    await store.close();
  }
  const verified = await audit(['verify', '--database-url', url]);
  assert.equal(verified.status, 0, `${verified.out} ${verified.err}`);
  assert.match(verified.out, /Audit chain intact: 3 chained event\(s\) of 3/);

  const exported = await audit(['export'], { ETPHONEHOME_DATABASE_URL: url });
  assert.equal(exported.status, 0, exported.err);
  const steps = exported.out
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { data: { step: string } }).data.step);
  assert.deepEqual(steps, ['one', 'two', 'three']);

  await assert.rejects(audit(['verify', '--database-url', 'mysql://nowhere/db']), {
    name: 'UsageError',
    message: /^--database-url: /,
  });
});
