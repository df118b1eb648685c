// src/lib/v8-heap.ts as the real binaries apply it (docs/BENCHMARKS.md, "V8's heap settings for
// the processes that carry bytes"): the running agent turns V8's incremental marking off and, on
// V8 13 (Node 24), scavenges dead read buffers early, and says both in its start line; the CLI
// does both first thing for forward, shell and files, only the second for the server
// (which says so in `server listening`), and neither for the other commands (a preload records
// what V8 was told).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { SERVER_BIN, startServer } from '../support/server.js';

after(killAll);

/** Whether this Node is on V8 13, where the early scavenge applies. */
const V8_13 = Number.parseInt(process.versions.v8, 10) === 13;

/** What src/lib/v8-heap.ts tells V8 on this Node to scavenge dead read buffers early. */
const EARLY = V8_13 ? ['--scavenger-max-new-space-capacity-mb=8'] : [];

test('a running agent and its server say which heap settings they run with', async () => {
  const server = await startServer({ openEnrollment: true });
  const agent = await createAgent(server);
  try {
    const listening = [...server.process.stdout, ...server.process.stderr].find((l) =>
      l.includes('"server listening"'),
    );
    assert.ok(listening, 'the server logged its start');
    const serverStart = JSON.parse(listening) as Record<string, unknown>;
    assert.equal(serverStart['v8EarlyBufferScavenge'], V8_13, listening);
    await agent.start();
    const line = await agent.process!.waitForLine((l) => l.includes('"phonehome starting"'));
    const start = JSON.parse(line) as Record<string, unknown>;
    assert.equal(start['v8IncrementalMarking'], false, line);
    assert.equal(start['v8EarlyBufferScavenge'], V8_13, line);
    await agent.waitOnline(server);
  } finally {
    await agent.close();
    await server.close();
  }
});

/** Records every v8.setFlagsFromString of the process and prints them when it exits. */
const RECORDER = `data:text/javascript,${encodeURIComponent(`
import v8 from 'node:v8';
const told = [];
const set = v8.setFlagsFromString.bind(v8);
v8.setFlagsFromString = (flags) => { told.push(String(flags)); set(flags); };
process.on('exit', () => process.stderr.write('V8 FLAGS ' + JSON.stringify(told) + '\\n'));
`)}`;

/** What `etphonehome ARGS` told V8. */
function flagsToldBy(args: string[]): string[] {
  const run = spawnSync(process.execPath, ['--import', RECORDER, SERVER_BIN, ...args], {
    encoding: 'utf8',
  });
  const line = run.stderr.split('\n').find((l) => l.startsWith('V8 FLAGS '));
  assert.ok(line, `no record from ${args.join(' ')}: ${run.stderr}`);
  return JSON.parse(line.slice('V8 FLAGS '.length)) as string[];
}

test('the CLI sets the heap for the commands that carry bytes and for the server, and only those', () => {
  for (const command of ['forward', 'shell', 'files'])
    assert.deepEqual(
      flagsToldBy([command, '--help']),
      ['--no-incremental-marking', ...EARLY],
      command,
    );
  assert.deepEqual(flagsToldBy(['server', '--help']), EARLY, 'server');
  for (const command of ['clients', 'mcp'])
    assert.deepEqual(flagsToldBy([command, '--help']), [], command);
});
