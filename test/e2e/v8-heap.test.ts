// src/lib/v8-heap.ts as the real binaries apply it (docs/BENCHMARKS.md, "V8's heap settings for
// the processes that carry bytes"): the running agent turns V8's incremental marking off and says
// so in its start line; the CLI turns it off first thing for forward, shell and files, and never
// for the server or the other commands (a preload records what V8 was told).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { SERVER_BIN, startServer } from '../support/server.js';

after(killAll);

test('a running agent says incremental marking is off', async () => {
  const server = await startServer({ openEnrollment: true });
  const agent = await createAgent(server);
  try {
    await agent.start();
    const line = await agent.process!.waitForLine((l) => l.includes('"phonehome starting"'));
    const start = JSON.parse(line) as Record<string, unknown>;
    assert.equal(start['v8IncrementalMarking'], false, line);
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

test('the CLI turns incremental marking off for the commands that carry bytes, and only those', () => {
  for (const command of ['forward', 'shell', 'files'])
    assert.deepEqual(flagsToldBy([command, '--help']), ['--no-incremental-marking'], command);
  for (const command of ['server', 'clients', 'mcp'])
    assert.deepEqual(flagsToldBy([command, '--help']), [], command);
});
