// A stop asked for while the server is still starting (systemd's stop right after its start,
// Ctrl-C): the start finishes, then the server closes what it opened and exits 0, instead of
// dying by the signal with its store mid-start and agents' sessions left open. A second signal
// while it still starts ends it at once. The real server binary; the signal is sent as soon as
// it has logged its first line (its logger exists), well before it listens.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll, spawnProcess, type Spawned } from '../support/processes.js';
import { SERVER_BIN, startServer } from '../support/server.js';

after(killAll);

/** The server on a fresh data directory, once it has logged its first line. */
async function startingServer(dataDir: string): Promise<Spawned> {
  const server = spawnProcess(
    process.execPath,
    [SERVER_BIN, 'server', '--data-dir', dataDir, '--ssh-port', '0', '--http-port', '0'],
    {
      env: {
        ...process.env,
        ETPHONEHOME_API_KEY: 'test-signals-key-0123456789abcdef',
        ETPHONEHOME_LOG_LEVEL: 'debug',
      },
    },
  );
  await server.waitForLine((line) => line.startsWith('{'));
  return server;
}

const messages = (server: Spawned): string[] =>
  [...server.stdout, ...server.stderr]
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);

test('a SIGTERM while the server starts: it finishes starting, then shuts down cleanly (exit 0)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'etph-signals-'));
  try {
    const server = await startingServer(dataDir);
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    const said = messages(server);
    assert.deepEqual(exit, { code: 0, signal: null }, said.join('\n'));
    const order = ['shutting down once the start is done', 'server listening', 'shutting down'];
    assert.deepEqual(
      said.filter((msg) => order.includes(msg)),
      order,
    );
    // What it created is whole: the same data directory starts again.
    const again = await startServer({ dataDir });
    await again.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a second signal while it still starts ends it at once (exit 1, said so)', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'etph-signals-'));
  try {
    const server = await startingServer(dataDir);
    // Two kinds: two pending SIGTERMs could be delivered as one.
    server.child.kill('SIGTERM');
    server.child.kill('SIGINT');
    const exit = await server.exited;
    const said = messages(server);
    assert.deepEqual(exit, { code: 1, signal: null }, said.join('\n'));
    assert.ok(said.includes('stopped while starting (a second signal)'), said.join('\n'));
    assert.ok(!said.includes('server listening'), said.join('\n'));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
