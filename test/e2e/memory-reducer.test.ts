// V8's memory reducer: off in the server as shipped (`npm start`, the systemd unit in
// docs/operations.md), because with many idle agents it more than doubled the full collections
// (docs/BENCHMARKS.md, "The memory reducer"). Node takes the flag only on its command
// line, so the server says at start whether it runs with it, and tells an operator who started
// it without the flag what to do. The same for the old generation's floor
// (--initial-old-space-size, docs/operations.md): `server listening` names it (null without),
// and a server started without it says how to give it.
// The real server binary.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';

after(killAll);

/** The server's JSON log lines, parsed. */
const logOf = (server: TestServer): Array<Record<string, unknown>> =>
  [...server.process.stdout, ...server.process.stderr]
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const HINT = /memory reducer is on.*--no-memory-reducer/;
const FLOOR_HINT = /no floor.*--initial-old-space-size=128/;

test('started as npm start does, the server says the reducer is off, gives no hint and names its floor', async () => {
  const server = await startServer({
    nodeArgs: ['--no-memory-reducer', '--initial-old-space-size=128'],
  });
  try {
    const log = logOf(server);
    const listening = log.find((entry) => entry['msg'] === 'server listening');
    assert.equal(listening?.['v8MemoryReducer'], false);
    assert.equal(listening?.['v8OldSpaceFloorMiB'], 128);
    assert.ok(!log.some((entry) => HINT.test(String(entry['msg']))));
    assert.ok(!log.some((entry) => FLOOR_HINT.test(String(entry['msg']))));
  } finally {
    await server.close();
  }
});

test('started without the flags, the server says the reducer is on, there is no floor, and what to do', async () => {
  const server = await startServer();
  try {
    const log = logOf(server);
    const listening = log.find((entry) => entry['msg'] === 'server listening');
    assert.equal(listening?.['v8MemoryReducer'], true);
    assert.equal(listening?.['v8OldSpaceFloorMiB'], null);
    const hint = log.find((entry) => HINT.test(String(entry['msg'])));
    assert.ok(hint, 'the hint is logged');
    assert.equal(hint['level'], 30, 'at info');
    const floorHint = log.find((entry) => FLOOR_HINT.test(String(entry['msg'])));
    assert.ok(floorHint, 'the floor hint is logged');
    assert.equal(floorHint['level'], 30, 'at info');
  } finally {
    await server.close();
  }
});

test('npm start and the documented unit start Node with both flags', async () => {
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };
  assert.match(
    pkg.scripts['start'] ?? '',
    /^node (\S+ )*--no-memory-reducer (\S+ )*dist\/main\.js server/,
  );
  assert.match(
    pkg.scripts['start'] ?? '',
    /^node (\S+ )*--initial-old-space-size=128 (\S+ )*dist\//,
  );
  const operations = await readFile('docs/operations.md', 'utf8');
  assert.match(
    operations,
    /^ExecStart=\S*node --no-memory-reducer --initial-old-space-size=128 \S+ server/m,
  );
});
