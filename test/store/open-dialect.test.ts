// A store loads the driver of its own dialect only: a server on SQLite never loads PostgreSQL's
// ORM driver and `pg` (a fifth of a second of every start and restart: bench/restart.ts --spawn).
// In a fresh Node process, whose CommonJS module cache says what was loaded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OPEN = fileURLToPath(new URL('../../src/store/open.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../../package.json', import.meta.url));

test('a SQLite store loads sqlite3 and not pg', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'etph-open-'));
  try {
    const probe = `
      import { createRequire } from 'node:module';
      const { openStore } = await import(${JSON.stringify(OPEN)});
      const store = await openStore({ file: ${JSON.stringify(join(dir, 'etphonehome.db'))} });
      await store.close();
      const loaded = Object.keys(createRequire(${JSON.stringify(PACKAGE)}).cache);
      const has = (name) => loaded.some((path) => path.includes('/node_modules/' + name + '/'));
      console.log(JSON.stringify({ sqlite3: has('sqlite3'), pg: has('pg') }));`;
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', probe],
      { encoding: 'utf8' },
    );
    assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'), {
      sqlite3: true,
      pg: false,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
