// V8's memory reducer: off in the server as shipped (`npm start`, the systemd unit in
// docs/operations.md), because with many idle agents it more than doubled the full collections
// (docs/BENCHMARKS.md, "The memory reducer"). Node takes the flag only on its command
// line, so the server says at start whether it runs with it, and tells an operator who started
// it without the flag what to do. The real server binary.

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

test('started with --no-memory-reducer, the server says the reducer is off and gives no hint', async () => {
  const server = await startServer({ nodeArgs: ['--no-memory-reducer'] });
  try {
    const log = logOf(server);
    const listening = log.find((entry) => entry['msg'] === 'server listening');
    assert.equal(listening?.['v8MemoryReducer'], false);
    assert.ok(!log.some((entry) => HINT.test(String(entry['msg']))));
  } finally {
    await server.close();
  }
});

test('started without it, the server says the reducer is on and how to turn it off', async () => {
  const server = await startServer();
  try {
    const log = logOf(server);
    const listening = log.find((entry) => entry['msg'] === 'server listening');
    assert.equal(listening?.['v8MemoryReducer'], true);
    const hint = log.find((entry) => HINT.test(String(entry['msg'])));
    assert.ok(hint, 'the hint is logged');
    assert.equal(hint['level'], 30, 'at info');
  } finally {
    await server.close();
  }
});

test('npm start and the documented unit start Node with the flag', async () => {
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };
  assert.match(
    pkg.scripts['start'] ?? '',
    /^node (\S+ )*--no-memory-reducer (\S+ )*dist\/main\.js server/,
  );
  const operations = await readFile('docs/operations.md', 'utf8');
  assert.match(operations, /^ExecStart=\S*node --no-memory-reducer \S+ server/m);
});
