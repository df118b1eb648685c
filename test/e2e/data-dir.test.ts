// Issue 17, item 13 (the data directory): the database and its WAL/SHM files are 0600, an
// existing data directory is tightened to 0700, and a missing or emptied database beside the
// server's existing keys refuses to start unless --allow-new-database says so. A real server.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll, spawnProcess } from '../support/processes.js';
import { SERVER_BIN, startServer } from '../support/server.js';

after(killAll);

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** Starts the server on `dataDir` expecting a refusal; returns its exit code and stderr. */
async function refusedStart(dataDir: string) {
  const proc = spawnProcess(process.execPath, [
    SERVER_BIN,
    'server',
    '--data-dir',
    dataDir,
    '--ssh-host',
    '127.0.0.1',
    '--ssh-port',
    '0',
    '--http-port',
    '0',
  ]);
  const { code } = await proc.exited;
  return { code, stderr: proc.stderr.join('\n') };
}

test('database files are 0600, the data directory is tightened to 0700, a lost database is not silently recreated', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'etph-datadir-'));
  await chmod(dataDir, 0o755);
  await writeFile(join(dataDir, 'notes.txt'), 'kept');
  try {
    // A new directory with no keys: a first start, no flag needed.
    const server = await startServer({ dataDir });
    assert.equal(await modeOf(dataDir), 0o700, 'tightened from 0755');
    const files = (await readdir(dataDir)).filter((name) => name.startsWith('etphonehome.db'));
    assert.deepEqual(files.sort(), ['etphonehome.db', 'etphonehome.db-shm', 'etphonehome.db-wal']);
    for (const name of files) assert.equal(await modeOf(join(dataDir, name)), 0o600, name);
    await server.stop();

    // Loosened again and restarted: tightened again.
    await chmod(dataDir, 0o750);
    await server.restart();
    assert.equal(await modeOf(dataDir), 0o700);
    await server.stop();

    // The database lost (deleted, or emptied) while the keys stay: refused, nothing created.
    for (const name of files) await rm(join(dataDir, name), { force: true });
    const missing = await refusedStart(dataDir);
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(missing.stderr, /etphonehome\.db is missing/);
    assert.match(missing.stderr, /ssh_host_ed25519_key/);
    assert.match(missing.stderr, /--allow-new-database/);
    assert.deepEqual(
      (await readdir(dataDir)).filter((name) => name.startsWith('etphonehome.db')),
      [],
    );
    await writeFile(join(dataDir, 'etphonehome.db'), '');
    const empty = await refusedStart(dataDir);
    assert.equal(empty.code, 2, empty.stderr);
    assert.match(empty.stderr, /etphonehome\.db is empty/);

    // Said explicitly: it starts with a new database (by flag or by environment).
    const again = await startServer({ dataDir, env: { ETPHONEHOME_ALLOW_NEW_DATABASE: '1' } });
    assert.equal(await modeOf(join(dataDir, 'etphonehome.db')), 0o600);
    await again.stop();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
